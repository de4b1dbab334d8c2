package org.luxnet.scene.desc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/**
 * Complex index of refraction data, n and k at increasing wavelengths (nm), as LuxRender reads it:
 * its built-in presets (textures/tabulatedfresnel.cpp FresnelPreset, materials/metal.cpp
 * IORFromName: "amorphous carbon", "silver", "gold", "copper", "aluminium") and {@code .nk} files in
 * the two formats metal.cpp IORFromFile tries in turn:
 * <ul>
 * <li>SOPRA: a first line "unit first last count" (unit 1 eV, 2 um, 3 cm-1, 4 nm), then count lines
 * "n k", evenly spaced in the file's unit from first to last (step (last - first) / count, as
 * LuxRender writes it), the lines running from the high to the low wavelength;</li>
 * <li>luxpop: lines "wavelength(Angstrom) n k", a line starting with ';' a comment. When the first line
 * is not a SOPRA header, LuxRender's reader has already consumed it, so a luxpop file's first line is
 * skipped (it is a ';' comment in luxpop's files), as there.</li>
 * </ul>
 * A file LuxRender cannot read is an error here, at its file and line (LuxRender falls back to
 * aluminium with a warning). Files are bounded ({@link #MAX_BYTES}).
 *
 * <p>{@link #rgb} converts a curve to the linear sRGB LuxNet renders with as {@link LuxSpd} does for
 * a reflectance spectrum (CIE over LuxRender's 380..720 nm, a flat curve giving itself), the curve held
 * at its end values beyond its ends (so a file covering only part of 380..720 nm is not taken to be 0
 * elsewhere).
 */
public record NkData(double[] wl, double[] n, double[] k) {
    /** The largest .nk file read: 4 MiB, far above any measured table (luxpop's are a few KiB). */
    public static final int MAX_BYTES = 4 << 20;

    private static final Pattern SOPRA_HEADER = Pattern.compile("(\\d+)\\s+(\\d*\\.?\\d+)\\s+(\\d*\\.?\\d+)\\s+(\\d+)");
    private static final Pattern SOPRA_SAMPLE = Pattern.compile("(\\d*\\.?\\d+)\\s+(\\d*\\.?\\d+)");
    private static final Pattern LUXPOP_SAMPLE = Pattern.compile(
            "(\\d*\\.?\\d+|\\d+\\.)\\s+(\\d*\\.?\\d+|\\d+\\.?)\\s+(\\d*\\.?\\d+|\\d+\\.)");

    /** The preset names LuxRender knows; any other name is aluminium there (with a warning). */
    public static final String[] PRESETS = {"amorphous carbon", "silver", "gold", "copper", "aluminium"};

    private static final double[] SOPRA_WL = {298.7570554, 302.4004341, 306.1337728, 309.960445, 313.8839949,
        317.9081487, 322.036826, 326.2741526, 330.6244747, 335.092373, 339.6826795, 344.4004944, 349.2512056,
        354.2405086, 359.374429, 364.6593471, 370.1020239, 375.7096303, 381.4897785, 387.4505563, 393.6005651,
        399.9489613, 406.5055016, 413.2805933, 420.2853492, 427.5316483, 435.0322035, 442.8006357, 450.8515564,
        459.2006593, 467.8648226, 476.8622231, 486.2124627, 495.936712, 506.0578694, 516.6007417, 527.5922468,
        539.0616435, 551.0407911, 563.5644455, 576.6705953, 590.4008476, 604.8008683, 619.92089, 635.8162974,
        652.5483053, 670.1847459, 688.8009889, 708.4810171, 729.3186941, 751.4192606, 774.9011125, 799.8979226,
        826.5611867, 855.0632966, 885.6012714};

    /**
     * LuxRender's preset of that name, or null. Amorphous carbon's k has 14 values for 15 wavelengths in
     * LuxRender 0.x-1.0 (metal.cpp reads past the array); its later tabulatedfresnel.cpp adds 0.7 as the
     * 15th, which is used here.
     */
    public static NkData preset(String name) {
        return switch (name) {
            case "amorphous carbon" -> new NkData(new double[] {247.96, 309.95, 326.263, 344.389, 364.647, 387.438,
                413.267, 442.786, 476.846, 516.583, 563.545, 619.9, 688.778, 774.875, 885.571},
                new double[] {1.73, 1.84, 1.9, 1.94, 2, 2.06, 2.11, 2.17, 2.24, 2.3, 2.38, 2.43, 2.43, 2.33, 2.24},
                new double[] {0.712, 0.808, 0.91, 0.92, 0.92, 0.91, 0.9, 0.89, 0.88, 0.87, 0.82, 0.75, 0.7, 0.71, 0.7});
            case "silver" -> new NkData(SOPRA_WL, new double[] {1.519, 1.496, 1.4325, 1.323, 1.142062, 0.932, 0.719062,
                0.526, 0.388125, 0.294, 0.253313, 0.238, 0.221438, 0.209, 0.194813, 0.186, 0.192063, 0.2, 0.198063, 0.192,
                0.182, 0.173, 0.172625, 0.173, 0.166688, 0.16, 0.1585, 0.157, 0.151063, 0.144, 0.137313, 0.132, 0.13025,
                0.13, 0.129938, 0.13, 0.130063, 0.129, 0.124375, 0.12, 0.119313, 0.121, 0.1255, 0.131, 0.136125, 0.14,
                0.140063, 0.14, 0.144313, 0.148, 0.145875, 0.143, 0.142563, 0.145, 0.151938, 0.163},
                new double[] {1.08, 0.882, 0.761063, 0.647, 0.550875, 0.504, 0.554375, 0.663, 0.818563, 0.986, 1.120687,
                    1.24, 1.34525, 1.44, 1.53375, 1.61, 1.641875, 1.67, 1.735, 1.81, 1.87875, 1.95, 2.029375, 2.11,
                    2.18625, 2.26, 2.329375, 2.4, 2.47875, 2.56, 2.64, 2.72, 2.798125, 2.88, 2.97375, 3.07, 3.159375,
                    3.25, 3.348125, 3.45, 3.55375, 3.66, 3.76625, 3.88, 4.010625, 4.15, 4.293125, 4.44, 4.58625, 4.74,
                    4.908125, 5.09, 5.28875, 5.5, 5.720624, 5.95});
            case "gold" -> new NkData(SOPRA_WL, new double[] {1.795, 1.812, 1.822625, 1.83, 1.837125, 1.84, 1.83425,
                1.824, 1.812, 1.798, 1.782, 1.766, 1.7525, 1.74, 1.727625, 1.716, 1.705875, 1.696, 1.68475, 1.674, 1.666,
                1.658, 1.64725, 1.636, 1.628, 1.616, 1.59625, 1.562, 1.502125, 1.426, 1.345875, 1.242, 1.08675, 0.916,
                0.7545, 0.608, 0.49175, 0.402, 0.3455, 0.306, 0.267625, 0.236, 0.212375, 0.194, 0.17775, 0.166, 0.161,
                0.16, 0.160875, 0.164, 0.1695, 0.176, 0.181375, 0.188, 0.198125, 0.21},
                new double[] {1.920375, 1.92, 1.918875, 1.916, 1.911375, 1.904, 1.891375, 1.878, 1.86825, 1.86, 1.85175,
                    1.846, 1.84525, 1.848, 1.852375, 1.862, 1.883, 1.906, 1.9225, 1.936, 1.94775, 1.956, 1.959375, 1.958,
                    1.951375, 1.94, 1.9245, 1.904, 1.875875, 1.846, 1.814625, 1.796, 1.797375, 1.84, 1.9565, 2.12,
                    2.32625, 2.54, 2.730625, 2.88, 2.940625, 2.97, 3.015, 3.06, 3.07, 3.15, 3.445812, 3.8, 4.087687,
                    4.357, 4.610188, 4.86, 5.125813, 5.39, 5.63125, 5.88});
            case "copper" -> new NkData(SOPRA_WL, new double[] {1.400313, 1.38, 1.358438, 1.34, 1.329063, 1.325,
                1.3325, 1.34, 1.334375, 1.325, 1.317812, 1.31, 1.300313, 1.29, 1.281563, 1.27, 1.249062, 1.225, 1.2,
                1.18, 1.174375, 1.175, 1.1775, 1.18, 1.178125, 1.175, 1.172812, 1.17, 1.165312, 1.16, 1.155312, 1.15,
                1.142812, 1.135, 1.131562, 1.12, 1.092437, 1.04, 0.950375, 0.826, 0.645875, 0.468, 0.35125, 0.272,
                0.230813, 0.214, 0.20925, 0.213, 0.21625, 0.223, 0.2365, 0.25, 0.254188, 0.26, 0.28, 0.3},
                new double[] {1.662125, 1.687, 1.703313, 1.72, 1.744563, 1.77, 1.791625, 1.81, 1.822125, 1.834, 1.85175,
                    1.872, 1.89425, 1.916, 1.931688, 1.95, 1.972438, 2.015, 2.121562, 2.21, 2.177188, 2.13, 2.160063,
                    2.21, 2.249938, 2.289, 2.326, 2.362, 2.397625, 2.433, 2.469187, 2.504, 2.535875, 2.564, 2.589625,
                    2.605, 2.595562, 2.583, 2.5765, 2.599, 2.678062, 2.809, 3.01075, 3.24, 3.458187, 3.67, 3.863125,
                    4.05, 4.239563, 4.43, 4.619563, 4.817, 5.034125, 5.26, 5.485625, 5.717});
            case "aluminium" -> new NkData(SOPRA_WL, new double[] {0.273375, 0.28, 0.286813, 0.294, 0.301875, 0.31,
                0.317875, 0.326, 0.33475, 0.344, 0.353813, 0.364, 0.374375, 0.385, 0.39575, 0.407, 0.419125, 0.432,
                0.445688, 0.46, 0.474688, 0.49, 0.506188, 0.523, 0.540063, 0.558, 0.577313, 0.598, 0.620313, 0.644,
                0.668625, 0.695, 0.72375, 0.755, 0.789, 0.826, 0.867, 0.912, 0.963, 1.02, 1.08, 1.15, 1.22, 1.3, 1.39,
                1.49, 1.6, 1.74, 1.91, 2.14, 2.41, 2.63, 2.8, 2.74, 2.58, 2.24},
                new double[] {3.59375, 3.64, 3.689375, 3.74, 3.789375, 3.84, 3.894375, 3.95, 4.005, 4.06, 4.11375, 4.17,
                    4.23375, 4.3, 4.365, 4.43, 4.49375, 4.56, 4.63375, 4.71, 4.784375, 4.86, 4.938125, 5.02, 5.10875,
                    5.2, 5.29, 5.38, 5.48, 5.58, 5.69, 5.8, 5.915, 6.03, 6.15, 6.28, 6.42, 6.55, 6.7, 6.85, 7, 7.15,
                    7.31, 7.48, 7.65, 7.82, 8.01, 8.21, 8.39, 8.57, 8.62, 8.6, 8.45, 8.31, 8.21, 8.21});
            default -> null;
        };
    }

    /** Reads an .nk file (SOPRA, else luxpop, as metal.cpp IORFromFile); errors at the file's line. */
    public static NkData read(SceneFile f) {
        return read(f, null);
    }

    /**
     * Reads an .nk file in {@code format}: "sopra" (tabulatedfresnel.cpp SopraTexture: a SOPRA header is
     * required), "luxpop" (LuxpopTexture: every line from the first is data or a ';' comment), or null
     * for metal.cpp's SOPRA-else-luxpop (the luxpop reading then starting at line 2).
     */
    public static NkData read(SceneFile f, String format) {
        if (f.bytes().length > MAX_BYTES) {
            throw new SceneException(new FileLoc(f.name(), 0, 0), ".nk file " + f.name() + " is " + f.bytes().length
                    + " bytes, over the limit of " + MAX_BYTES + " for index of refraction data");
        }
        String[] lines = new String(f.bytes(), StandardCharsets.UTF_8).split("\r?\n|\r", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) {
            count--; // the final newline ends the last line, it does not start an empty one
        }
        if (count == 0) {
            throw new SceneException(new FileLoc(f.name(), 1, 1), ".nk file " + f.name() + " is empty");
        }
        Matcher h = SOPRA_HEADER.matcher(lines[0]);
        if ("luxpop".equals(format)) {
            return luxpop(f.name(), lines, count, 0);
        }
        if (h.find()) {
            return sopra(f.name(), lines, count, h);
        }
        if ("sopra".equals(format)) {
            throw new SceneException(new FileLoc(f.name(), 1, 1), "bad SOPRA header (\"unit first last count\"): \""
                    + clip(lines[0]) + "\"");
        }
        return luxpop(f.name(), lines, count, 1);
    }

    private static NkData sopra(String file, String[] lines, int count, Matcher h) {
        int unit = Integer.parseInt(h.group(1));
        double a = Double.parseDouble(h.group(2)), b = Double.parseDouble(h.group(3));
        int samples;
        try {
            samples = Integer.parseInt(h.group(4));
        } catch (NumberFormatException e) {
            throw new SceneException(new FileLoc(file, 1, 1), "SOPRA header count " + h.group(4) + " is too large");
        }
        if (unit < 1 || unit > 4) {
            throw new SceneException(new FileLoc(file, 1, 1), "unknown SOPRA unit code " + unit
                    + " (1 eV, 2 um, 3 cm-1, 4 nm)");
        }
        if (samples < 2 || samples > count - 1) {
            throw new SceneException(new FileLoc(file, Math.min(count, samples + 1) + (samples < 2 ? 0 : 1), 1),
                    "SOPRA header announces " + samples + " lines of n k data, the file has " + (count - 1)
                            + (samples < 2 ? " (at least 2 are needed)" : ""));
        }
        // eV and cm-1 headers give the high wavelength first.
        double first = unit == 1 || unit == 3 ? b : a, last = unit == 1 || unit == 3 ? a : b;
        double[] wl = new double[samples], n = new double[samples], k = new double[samples];
        for (int i = samples - 1, line = 1; i >= 0; i--, line++) {
            Matcher m = SOPRA_SAMPLE.matcher(lines[line]);
            if (!m.find()) {
                throw new SceneException(new FileLoc(file, line + 1, 1), "SOPRA data line " + (line)
                        + " is not \"n k\": \"" + clip(lines[line]) + "\"");
            }
            double x = first + (last - first) * i / samples;
            wl[i] = switch (unit) {
                case 1 -> 4.135667e-15 * 299792458.0 * 1e9 / x;
                case 2 -> x * 1000;
                case 3 -> 1e7 / x;
                default -> x;
            };
            n[i] = Double.parseDouble(m.group(1));
            k[i] = Double.parseDouble(m.group(2));
        }
        return checked(file, new NkData(wl, n, k));
    }

    private static NkData luxpop(String file, String[] lines, int count, int firstLine) {
        double[] wl = new double[64], n = new double[64], k = new double[64];
        int s = 0;
        for (int line = firstLine; line < count; line++) {
            String text = lines[line];
            if (text.startsWith(";")) {
                continue;
            }
            Matcher m = LUXPOP_SAMPLE.matcher(text);
            if (!m.find()) {
                throw new SceneException(new FileLoc(file, line + 1, 1), "luxpop .nk line is not \"wavelength(A) n k\""
                        + " nor a ';' comment" + (firstLine > 0 ? " (and line 1 is no SOPRA header \"unit first last count\")"
                        : "") + ": \"" + clip(text) + "\"");
            }
            if (s == wl.length) {
                wl = Arrays.copyOf(wl, 2 * s);
                n = Arrays.copyOf(n, 2 * s);
                k = Arrays.copyOf(k, 2 * s);
            }
            wl[s] = Double.parseDouble(m.group(1)) * 0.1;
            n[s] = Double.parseDouble(m.group(2));
            k[s] = Double.parseDouble(m.group(3));
            s++;
        }
        if (s < 2) {
            throw new SceneException(new FileLoc(file, count, 1), "luxpop .nk file has " + s
                    + " data lines" + (firstLine > 0 ? " after its first" : "") + "; at least 2 are needed");
        }
        return checked(file, new NkData(Arrays.copyOf(wl, s), Arrays.copyOf(n, s), Arrays.copyOf(k, s)));
    }

    /** LuxRender's IrregularSPD needs increasing wavelengths. */
    private static NkData checked(String file, NkData d) {
        for (int i = 1; i < d.wl.length; i++) {
            if (!(d.wl[i] > d.wl[i - 1])) {
                throw new SceneException(new FileLoc(file, 0, 0), ".nk file " + file + ": wavelengths do not increase ("
                        + d.wl[i - 1] + " nm then " + d.wl[i] + " nm)");
            }
        }
        return d;
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** Whether the data covers LuxRender's visible range, 380..720 nm. */
    public boolean coversVisible() {
        return wl[0] <= 380 && wl[wl.length - 1] >= 720;
    }

    /** Linear sRGB of a curve over this data's wavelengths (see the class comment). */
    public static float[] rgb(double[] wl, double[] v) {
        int last = wl.length - 1;
        double[] w = wl, s = v;
        if (wl[0] > 380 || wl[last] < 720) {
            // Held at the end values beyond the ends.
            int extra = (wl[0] > 380 ? 1 : 0) + (wl[last] < 720 ? 1 : 0);
            w = new double[wl.length + extra];
            s = new double[wl.length + extra];
            int o = wl[0] > 380 ? 1 : 0;
            System.arraycopy(wl, 0, w, o, wl.length);
            System.arraycopy(v, 0, s, o, v.length);
            if (o == 1) {
                w[0] = 380;
                s[0] = v[0];
            }
            if (wl[last] < 720) {
                w[w.length - 1] = 720;
                s[s.length - 1] = v[last];
            }
        }
        return LuxSpd.reflectance(LuxSpd.irregular(w, s));
    }

    /** The curve at {@code nm}, linear between samples and held beyond the ends. */
    public static double at(double[] wl, double[] v, double nm) {
        int last = wl.length - 1;
        if (nm <= wl[0]) {
            return v[0];
        }
        if (nm >= wl[last]) {
            return v[last];
        }
        int j = Arrays.binarySearch(wl, nm);
        if (j >= 0) {
            return v[j];
        }
        int hi = -j - 1, lo = hi - 1;
        return v[lo] + (nm - wl[lo]) / (wl[hi] - wl[lo]) * (v[hi] - v[lo]);
    }

    /** The mean of n over 380..720 nm at 1 nm (FresnelGeneral::Index, eta filtered over the visible range). */
    public double meanN() {
        double sum = 0;
        for (int nm = 380; nm < 720; nm++) {
            sum += at(wl, n, nm + 0.5);
        }
        return sum / 340;
    }
}
