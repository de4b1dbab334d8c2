package org.luxnet.monitor;

import java.nio.file.Path;
import java.util.List;
import org.luxnet.accumulator.progress.RenderListener;
import org.luxnet.accumulator.progress.RenderStatus;

/**
 * A render listener that passes everything on to another and remembers what the monitor shows:
 * the last statistics line and the last image write. The driver calls it from its thread; the
 * monitor reads from its own.
 */
public final class RenderEvents implements RenderListener {
    private final RenderListener next;
    private volatile String line = "";
    private volatile WriteReport write = WriteReport.NONE;

    /** Remembers events and passes them to {@code next}. */
    public RenderEvents(RenderListener next) {
        this.next = next;
    }

    @Override
    public void statistics(String line, RenderStatus status) {
        this.line = line;
        next.statistics(line, status);
    }

    @Override
    public void sourceLines(List<String> lines) {
        next.sourceLines(lines);
    }

    @Override
    public void written(List<Path> files, boolean last) {
        write = new WriteReport(write.count() + 1, files.stream().map(Path::toString).toList(), last, null);
        next.written(files, last);
    }

    @Override
    public void writeFailed(Exception e) {
        WriteReport w = write;
        write = new WriteReport(w.count(), w.files(), w.last(), String.valueOf(e.getMessage()));
        next.writeFailed(e);
    }

    /** The last statistics line, "" before the first. */
    public String statsLine() {
        return line;
    }

    /** The last write. */
    public WriteReport lastWrite() {
        return write;
    }
}
