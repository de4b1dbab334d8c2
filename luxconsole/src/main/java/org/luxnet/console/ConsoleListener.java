package org.luxnet.console;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.luxnet.accumulator.progress.RenderListener;
import org.luxnet.accumulator.progress.RenderStatus;
import org.luxnet.accumulator.stats.SegmentStats;
import org.luxnet.accumulator.stats.StatsLine;

/** Prints a render's progress: statistics lines to standard output, file and error reports to standard error. */
final class ConsoleListener implements RenderListener {
    private final PrintWriter out, err;
    private final boolean verbose, quiet;
    private volatile Exception lastWriteError;
    private volatile java.util.function.Supplier<List<org.luxnet.accumulator.progress.SourceStats>> devices;

    /** With {@code quiet}, files written are not listed (statistics go to {@code out}, which is then silent too). */
    ConsoleListener(PrintWriter out, PrintWriter err, boolean verbose, boolean quiet) {
        this.out = out;
        this.err = err;
        this.verbose = verbose;
        this.quiet = quiet;
    }

    /** In verbose mode, also print one line per local device after each statistics line. */
    void showDevices(java.util.function.Supplier<List<org.luxnet.accumulator.progress.SourceStats>> deviceStats) {
        this.devices = deviceStats;
    }

    @Override
    public void statistics(String line, RenderStatus status) {
        out.println(line);
        var d = devices;
        if (verbose && d != null) {
            for (var s : d.get()) {
                out.println(StatsLine.formatDevice(new SegmentStats(s.label() + " (" + s.threads() + "T)",
                        s.samples(), s.contributions(), s.samplesPerSecond()), status.pixels()) + "  [" + s.state() + "]");
            }
        }
        out.flush();
    }

    @Override
    public void sourceLines(List<String> lines) {
        if (verbose) {
            lines.forEach(out::println);
            out.flush();
        }
    }

    @Override
    public void written(List<Path> files, boolean last) {
        lastWriteError = null;
        if ((last || verbose) && !quiet) {
            for (Path p : files) {
                err.println("wrote " + p);
            }
            err.flush();
        }
    }

    @Override
    public void writeFailed(Exception e) {
        lastWriteError = e;
        err.println("error: writing images failed: " + e.getMessage() + " (will retry)");
        err.flush();
    }

    /** The error of the most recent write, or null when it succeeded. */
    Exception lastWriteError() {
        return lastWriteError;
    }
}
