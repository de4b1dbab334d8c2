package org.luxnet.console;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The luxconsole processes a test starts, every one killed when it closes (after each test). */
final class LuxProcesses implements AutoCloseable {
    private final List<LuxProcess> started = new ArrayList<>();

    /** Starts luxconsole with {@code args} in the test's working directory. */
    LuxProcess start(String... args) throws IOException {
        LuxProcess p = LuxProcess.start(args);
        started.add(p);
        return p;
    }

    @Override
    public void close() {
        started.forEach(LuxProcess::close);
    }
}
