package org.luxnet.scene.compile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Hosek-Wilkie spectral sky model's coefficients as LuxRender's {@code "sky2"} reads them:
 * {@code datasets[wavelength][0][turbidity][coefficient][point]} of LuxRender/Lux
 * lights/data/ArHosekSkyModelData.h (Hosek and Wilkie 2012, version 1.1, BSD-3; the notice is in the
 * resource), albedo 0 only, since Sky2Light passes albedo 0 for every wavelength. Wavelengths 320 to
 * 720 nm every 40 nm; turbidities 1 to 10; coefficients A to I then the radiance; 6 control points of
 * the quintic Bezier in the cube root of the sun's normalised elevation. Loaded once from the class-path
 * resource {@value #RESOURCE}: {@value #COUNT} numbers, one row of 6 per line, '#' lines are comments.
 */
final class HosekWilkieData {
    static final String RESOURCE = "hosek-wilkie-spectral.txt";
    static final int WAVELENGTHS = 11, TURBIDITIES = 10, COEFFICIENTS = 10, POINTS = 6;
    static final int COUNT = WAVELENGTHS * TURBIDITIES * COEFFICIENTS * POINTS;
    /** The first wavelength and the step between wavelengths, nm (ArHosekSkyModelData.h wavelengths[11]). */
    static final int FIRST_NM = 320, STEP_NM = 40;
    /** Index of the radiance row among the coefficients. */
    static final int RADIANCE = 9;

    private static final float[] DATA = load();

    private HosekWilkieData() {
    }

    /** datasets[wavelength][0][turbidity][coefficient][point], indices from 0 (turbidity index 0 is T = 1). */
    static float get(int wavelength, int turbidity, int coefficient, int point) {
        return DATA[((wavelength * TURBIDITIES + turbidity) * COEFFICIENTS + coefficient) * POINTS + point];
    }

    /** All {@value #COUNT} numbers in the array's order (a copy). */
    static float[] all() {
        return DATA.clone();
    }

    private static float[] load() {
        try (InputStream in = HosekWilkieData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads exactly {@value #COUNT} finite numbers, 6 a line; anything else is an error naming the line. */
    static float[] parse(BufferedReader r) throws IOException {
        float[] out = new float[COUNT];
        int n = 0, lineNo = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length != POINTS) {
                throw new IllegalStateException(RESOURCE + ":" + lineNo + ": expected " + POINTS + " numbers, found " + f.length);
            }
            if (n + POINTS > COUNT) {
                throw new IllegalStateException(RESOURCE + ":" + lineNo + ": more than " + COUNT + " numbers");
            }
            for (String s : f) {
                float v;
                try {
                    v = Float.parseFloat(s);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNo + ": not a number: " + s, e);
                }
                if (!Float.isFinite(v)) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNo + ": not finite: " + s);
                }
                out[n++] = v;
            }
        }
        if (n != COUNT) {
            throw new IllegalStateException(RESOURCE + " has " + n + " numbers, expected " + COUNT);
        }
        return out;
    }
}
