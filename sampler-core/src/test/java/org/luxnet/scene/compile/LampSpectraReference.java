package org.luxnet.scene.compile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.luxnet.scene.desc.LuxSpectrum;

/**
 * The linear sRGB of a tabulated LuxRender lamp worked out apart from {@link LampSpectra} and {@link
 * SampledSpd}, with plain loops over the project's CIE 1931 table (the class-path file
 * org/luxnet/scene/desc/cie1931-2deg.txt read here directly): IrregularSPD's resampling of the 250
 * samples every 0.1 nm from the first wavelength (core/color/spds/irregular.cpp, Linear: lerp between
 * samples, 0 past the last wavelength), those points spread evenly over [first, last] (IrregularSPD::init),
 * sampled linearly at every nm from 380 to 720 (0 outside), summed against x, y, z, divided by pbrt's
 * CIE_Y_integral 106.856895, then the project's XYZ to linear sRGB ({@link LuxSpectrum#toRgb}).
 * No normalisation: lampspectrum.cpp applies none to the table.
 */
public final class LampSpectraReference {
    private static final double[][] CIE = cie();

    private LampSpectraReference() {
    }

    /** The lamp's RGB, for a name of lamp_spect.h that lampspectrum.cpp reads from the table. */
    public static float[] rgb(String lamp) {
        double[] wl = LampSpectra.table().wavelengths();
        double[] ap = LampSpectra.table().lamps().get(lamp);
        double lo = wl[0], hi = wl[wl.length - 1];
        int sn = (int) Math.ceil((hi - lo) / 0.1) + 1;
        double[] s = new double[sn];
        for (int i = 0; i < sn; i++) {
            double l = lo + 0.1 * i;
            if (l > hi) {
                s[i] = 0;
                continue;
            }
            int k = 1;
            while (wl[k] < l) {
                k++;
            }
            double u = (l - wl[k - 1]) / (wl[k] - wl[k - 1]);
            s[i] = (1 - u) * ap[k - 1] + u * ap[k];
        }
        double step = (hi - lo) / (sn - 1);
        double x = 0, y = 0, z = 0;
        for (int nm = 380; nm <= 720; nm++) {
            double v = 0;
            if (nm >= lo && nm <= hi) {
                double f = (nm - lo) / step;
                int b = (int) Math.floor(f);
                int b1 = Math.min(b + 1, sn - 1);
                v = s[b] + (f - b) * (s[b1] - s[b]);
            }
            double[] c = CIE[nm - 360];
            x += v * c[0];
            y += v * c[1];
            z += v * c[2];
        }
        double k = 106.856895;
        return LuxSpectrum.toRgb(x / k, y / k, z / k);
    }

    private static double[][] cie() {
        double[][] t = new double[471][];
        try (InputStream in = LuxSpectrum.class.getResourceAsStream("cie1931-2deg.txt")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                t[Integer.parseInt(f[0]) - 360] = new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3])};
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return t;
    }
}
