package org.luxnet.accumulator.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the image writers and readers share: argument checks, and reading a whole file with errors that name it. */
final class Images {
    private Images() {
    }

    /** Throws unless {@code rgb} holds exactly 3 values for each of {@code width * height} pixels. */
    static void check(float[] rgb, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height * 3 != rgb.length) {
            throw new IllegalArgumentException("expected 3 floats for each of " + width + "x" + height + " pixels, got "
                    + rgb.length);
        }
    }

    /** How a reader turns a whole file's bytes into an image. */
    interface Parser {
        RgbImage parse(byte[] data) throws IOException;
    }

    /** Reads {@code path} whole and parses it, naming the file in any error. */
    static RgbImage read(Path path, Parser parser) throws IOException {
        byte[] data;
        try {
            data = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        try {
            return parser.parse(data);
        } catch (IOException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }
}
