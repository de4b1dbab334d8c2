package org.luxnet.accumulator.progress;

import java.nio.file.Path;
import java.util.List;

/** What a {@link RenderDriver} reports while it runs. Called from the driver's thread. */
public interface RenderListener {

    /** A LuxRender statistics line, printed every statistics interval. */
    void statistics(String line, RenderStatus status);

    /** Per-source lines for verbose output. */
    default void sourceLines(List<String> lines) {
    }

    /** Images were written. */
    default void written(List<Path> files, boolean last) {
    }

    /** Writing images failed; the render goes on and the write is retried at the next interval. */
    default void writeFailed(Exception e) {
    }
}
