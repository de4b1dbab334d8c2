package org.luxnet.accumulator.progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.luxnet.accumulator.Film;

/** Writes the images (and resume film) of a render from the total film. */
@FunctionalInterface
public interface ImageOutput {

    /**
     * Writes the current state of {@code film}. Called from the driver's thread, never concurrently.
     *
     * @param last true for the final write when the render ends
     * @return the files written
     */
    List<Path> write(Film film, boolean last) throws IOException;
}
