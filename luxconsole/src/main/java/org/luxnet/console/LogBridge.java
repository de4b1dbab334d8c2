package org.luxnet.console;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Prints the network layer's log (java.util.logging under {@code org.luxnet.bridge}) through the
 * command's own writers while a network mode runs: information, such as a server's statistics
 * line, to standard output as plain lines; warnings to standard error. Details only with
 * {@code --verbose}; only warnings with {@code --quiet}, only errors with {@code --very-quiet}.
 */
final class LogBridge extends Handler implements AutoCloseable {
    private static final String ROOT = "org.luxnet.bridge";

    private final Logger logger = Logger.getLogger(ROOT);
    private final PrintWriter out, err;
    private final Level oldLevel;
    private final boolean oldParent;

    private LogBridge(PrintWriter out, PrintWriter err, Level level) {
        this.out = out;
        this.err = err;
        this.oldLevel = logger.getLevel();
        this.oldParent = logger.getUseParentHandlers();
        logger.setLevel(level);
        logger.setUseParentHandlers(false);
        logger.addHandler(this);
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
        logger.removeHandler(this);
        logger.setLevel(oldLevel);
        logger.setUseParentHandlers(oldParent);
    }
}
