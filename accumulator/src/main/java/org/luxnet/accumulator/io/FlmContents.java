package org.luxnet.accumulator.io;

import java.util.Map;
import org.luxnet.accumulator.Film;

/**
 * What an FLM file holds: the film's sums and the render session's resume state.
 *
 * @param film the film, exactly as it was written
 * @param metadata string pairs (scene hash, seed, stream positions, elapsed time, ...), unmodifiable
 */
public record FlmContents(Film film, Map<String, String> metadata) {
    /** Makes the metadata an unmodifiable copy. */
    public FlmContents {
        metadata = Map.copyOf(metadata);
    }
}
