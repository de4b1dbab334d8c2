package org.luxnet.scene.compile;

import java.util.Locale;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/**
 * The memory a film of a given size needs while rendering, checked before anything is allocated, so
 * a film too large for the heap is a scene error with its size instead of an OutOfMemoryError part
 * way through.
 *
 * <p>Each {@code Film} holds seven 64-bit sums per pixel (R, G, B, weight, squared luminance,
 * samples, contributions): 56 bytes. A render keeps the session's film plus one per device (CPU
 * threads, GPU) and one more for a network delta or a resume film being written: four films, 224
 * bytes a pixel; reading out an image adds 3 floats and an 8-bit RGBA copy (16 bytes) and the GPU
 * keeps float sums of its own (16 bytes). 256 bytes a pixel in all: 16384x16384 needs 64 GiB.
 */
final class FilmMemory {
    /** Bytes one film pixel costs during a render (see the class comment). */
    static final long BYTES_PER_PIXEL = 256;

    private FilmMemory() {
    }

    /** Bytes a {@code width x height} render needs for its films and image read-out. */
    static long estimate(int width, int height) {
        return (long) width * height * BYTES_PER_PIXEL;
    }

    /**
     * Refuses a film whose {@link #estimate} exceeds {@code maxMemory} bytes (the JVM's heap limit).
     *
     * @throws SceneException at the Film statement, naming the size, the estimate and the heap limit
     */
    static void check(int width, int height, long maxMemory, FileLoc loc) {
        long need = estimate(width, height);
        if (need > maxMemory) {
            throw new SceneException(loc, String.format(Locale.ROOT,
                    "film %dx%d needs about %s of memory for its sums (%d bytes a pixel), more than the %s this "
                            + "Java heap may use; lower xresolution/yresolution or raise the heap limit (java -Xmx)",
                    width, height, size(need), BYTES_PER_PIXEL, size(maxMemory)));
        }
    }

    private static String size(long bytes) {
        double gib = bytes / (double) (1L << 30);
        return gib >= 1 ? String.format(Locale.ROOT, "%.1f GiB", gib)
                : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }
}
