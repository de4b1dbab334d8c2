package org.luxnet.scene.compile;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.SceneFile;

/**
 * A pbrt-v3 lens description (the {@code "lensfile"} of its realistic camera): floats read as
 * pbrt-v3's ReadFloatFile reads them (whitespace-separated, {@code #} comments to the end of the
 * line), four per element from the scene side to the film side: curvature radius, thickness (the
 * distance to the next interface), index of refraction (0 for the aperture stop, 1 for air) and
 * aperture diameter, all lengths in millimetres. Checks: pbrt-v3's (the count a multiple of four,
 * CreateRealisticCamera); and where pbrt-v3 warns about text it skips and goes on, or would run
 * on with nonsense, the file is refused with the scene statement's place: text that is no number,
 * no element, more than {@link #MAX_ELEMENTS}, non-finite values, negative thickness or index, a
 * non-positive aperture. pbrt-v3 drops a number that ends the file without a newline after it
 * (ReadFloatFile pushes a number only when a character follows); it is kept here.
 */
public final class LensFile {
    /** More elements than any real lens has (pbrt-v3's lenses have at most 14). */
    public static final int MAX_ELEMENTS = 64;
    /** ReadFloatFile's number characters: a digit, '.', '-' or '+' starts one; 'e' may follow. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?");

    private LensFile() {
    }

    /**
     * The file's elements, 4 values each in millimetres (radius, thickness, eta, aperture diameter).
     *
     * @param loc where the scene names the file: every error names it and the file's line
     * @throws SceneException for a file that is no lens description
     */
    public static double[] parse(SceneFile file, FileLoc loc) {
        String text = new String(file.bytes(), StandardCharsets.ISO_8859_1);
        double[] values = new double[16];
        int count = 0;
        int line = 1;
        int[] valueLine = new int[16];
        for (String raw : text.split("\n", -1)) {
            int hash = raw.indexOf('#');
            String content = hash >= 0 ? raw.substring(0, hash) : raw;
            for (String token : content.trim().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                if (!NUMBER.matcher(token).matches()) {
                    throw error(file, loc, "line " + line + ": \"" + shorten(token) + "\" is not a number");
                }
                double v = Double.parseDouble(token);
                if (!Double.isFinite(v)) {
                    throw error(file, loc, "line " + line + ": " + token + " is out of range");
                }
                if (count == values.length) {
                    if (count >= 4 * MAX_ELEMENTS + 4) {
                        throw error(file, loc, "more than " + MAX_ELEMENTS + " lens elements (" + 4 * MAX_ELEMENTS
                                + " values); no lens has that many");
                    }
                    values = java.util.Arrays.copyOf(values, 2 * count);
                    valueLine = java.util.Arrays.copyOf(valueLine, 2 * count);
                }
                valueLine[count] = line;
                values[count++] = v;
            }
            line++;
        }
        if (count == 0) {
            throw error(file, loc, "no lens elements (4 values each: radius, thickness, eta, aperture in mm)");
        }
        if (count % 4 != 0) {
            throw error(file, loc, "must be multiple-of-four values (radius, thickness, eta, aperture per element), read "
                    + count + "; the last complete element ends at line " + (count >= 4 ? valueLine[count / 4 * 4 - 1]
                    : 0));
        }
        if (count / 4 > MAX_ELEMENTS) {
            throw error(file, loc, count / 4 + " lens elements, more than " + MAX_ELEMENTS + "; no lens has that many");
        }
        double[] out = java.util.Arrays.copyOf(values, count);
        for (int i = 0; i < count; i += 4) {
            String at = "line " + valueLine[i] + ": ";
            if (out[i + 1] < 0) {
                throw error(file, loc, at + "thickness " + out[i + 1] + " is negative");
            }
            if (out[i + 2] < 0) {
                throw error(file, loc, at + "index of refraction " + out[i + 2] + " is negative");
            }
            if (!(out[i + 3] > 0)) {
                throw error(file, loc, at + "aperture diameter " + out[i + 3] + " must be positive");
            }
        }
        return out;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static SceneException error(SceneFile file, FileLoc loc, String why) {
        return new SceneException(loc, "lens file '" + file.name() + "': " + why);
    }
}
