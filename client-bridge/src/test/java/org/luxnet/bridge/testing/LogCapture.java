package org.luxnet.bridge.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what a logger logs while open, so tests can check that a refusal was logged with its reason. */
public final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    public LogCapture(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord r) {
        messages.add(r.getLevel() + " " + r.getMessage());
    }

    /** True when some message contains every one of {@code parts}. */
    public boolean contains(String... parts) {
        return messages.stream().anyMatch(m -> {
            for (String p : parts) {
                if (!m.contains(p)) {
                    return false;
                }
            }
            return true;
        });
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
