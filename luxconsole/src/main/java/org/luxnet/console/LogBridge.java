package org.luxnet.console;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Prints the network layer's log (java.util.logging under {@code org.luxnet.bridge}), and the render
 * devices' (under {@code org.luxnet.render}, e.g. a GPU build retried), through the command's own writers while a network mode runs: information, such as a server's statistics
 * line, to standard output as plain lines; warnings to standard error. Details only with
 * {@code --verbose}; only warnings with {@code --quiet}, only errors with {@code --very-quiet}.
 */
final class LogBridge extends Handler implements AutoCloseable {
    private static final String[] ROOTS = {"org.luxnet.bridge", "org.luxnet.render"};

    private final Logger[] loggers = new Logger[ROOTS.length];
    private final PrintWriter out, err;
    private final Level[] oldLevels = new Level[ROOTS.length];
    private final boolean[] oldParents = new boolean[ROOTS.length];

    private LogBridge(PrintWriter out, PrintWriter err, Level level) {
        this.out = out;
        this.err = err;
        for (int i = 0; i < ROOTS.length; i++) {
            Logger logger = Logger.getLogger(ROOTS[i]);
            loggers[i] = logger;
            oldLevels[i] = logger.getLevel();
            oldParents[i] = logger.getUseParentHandlers();
            logger.setLevel(level);
            logger.setUseParentHandlers(false);
            logger.addHandler(this);
        }
    }

    /** Routes the network log to {@code out} and {@code err} until closed. */
    static LogBridge install(PrintWriter out, PrintWriter err, Level level) {
        return new LogBridge(out, err, level);
    }

    @Override
    public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
            synchronized (err) {
                err.println("warning: " + r.getMessage());
                err.flush();
            }
        } else {
            synchronized (out) {
                out.println(r.getMessage());
                out.flush();
            }
        }
    }

    @Override
    public void flush() {
        out.flush();
        err.flush();
    }

    @Override
    public void close() {
        for (int i = 0; i < ROOTS.length; i++) {
            loggers[i].removeHandler(this);
            loggers[i].setLevel(oldLevels[i]);
            loggers[i].setUseParentHandlers(oldParents[i]);
        }
    }
}
