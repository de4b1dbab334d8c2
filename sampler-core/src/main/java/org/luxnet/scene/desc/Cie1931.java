package org.luxnet.scene.desc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The CIE 1931 2-degree colour matching functions at 1 nm from 360 to 830 nm (471 samples), the
 * table both pbrt-v3 and LuxRender integrate spectra against. Loaded once from a class-path resource.
 */
final class Cie1931 {
    /** First wavelength, in nm. */
    static final int START = 360;
    /** Number of 1-nm samples. */
    static final int N = 471;
    /** pbrt-v3's CIE_Y_integral: the sum of the y table, so an equal-energy spectrum of 1 has Y = 1. */
    static final double Y_INTEGRAL = 106.856895;

    static final double[] X = new double[N];
    static final double[] Y = new double[N];
    static final double[] Z = new double[N];

    static {
        try (InputStream in = Cie1931.class.getResourceAsStream("cie1931-2deg.txt")) {
            if (in == null) {
                throw new IllegalStateException("cie1931-2deg.txt is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            int i = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                if (Integer.parseInt(f[0]) != START + i) {
                    throw new IllegalStateException("cie1931-2deg.txt: expected " + (START + i) + " nm, found " + f[0]);
                }
                X[i] = Double.parseDouble(f[1]);
                Y[i] = Double.parseDouble(f[2]);
                Z[i] = Double.parseDouble(f[3]);
                i++;
            }
            if (i != N) {
                throw new IllegalStateException("cie1931-2deg.txt has " + i + " rows, expected " + N);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Cie1931() {
    }
}
