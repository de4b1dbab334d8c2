package org.luxnet.scene.compile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.LuxSpd;
import org.luxnet.scene.desc.TextureDesc;

/**
 * LuxRender's "tabulateddata" texture (textures/tabulateddata.cpp, CreateSWCSpectrumTexture): a text
 * file of (wavelength, value) pairs after an optional "wavelength: eV|um|cm-1|nm data: tag" header,
 * read up to the first line that is not a pair; wavelengths converted to nm and put in increasing
 * order; fewer than two pairs or none in 380..720 nm give LuxRender's fallback, 1 from 380 to 720 nm.
 * The spectrum (IrregularSPD, linear, zero outside its range) is used as a reflectance (LuxSpd#reflectance).
 */
final class TabulatedData {
    private static final Pattern HEADER = Pattern.compile("wavelength:\\s*(eV|um|cm-1|nm)(\\s*[,;]\\s*|\\s+)data:\\s*(\\S+)");
    private static final Pattern SAMPLE = Pattern.compile(
            "^\\s*(\\d*\\.?\\d+(?:[eE]-?\\d+)?)(\\s*[,;]\\s*|\\s+)(-?\\d*\\.?\\d+(?:[eE]-?\\d+)?)");
    private static final double[] FALLBACK_WL = {380, 720}, FALLBACK = {1, 1};

    private TabulatedData() {
    }

    /** The texture's colour; problems with the file are warned at the texture and give the fallback. */
    static float[] rgb(TextureDesc t, List<SceneWarning> warnings) {
        if (t.file() == null) {
            warnings.add(new SceneWarning(t.loc(), "tabulateddata texture \"" + t.name() + "\" names no \"filename\";"
                    + " LuxRender's fallback (1 from 380 to 720 nm) is used"));
            return LuxSpd.irregular(FALLBACK_WL, FALLBACK);
        }
        String unit = null;
        boolean data = false;
        double[] wl = new double[16], v = new double[16];
        int n = 0;
        for (String line : new String(t.file().bytes(), StandardCharsets.UTF_8).split("\r?\n")) {
            Matcher h = HEADER.matcher(line);
            if (!data && h.find()) {
                unit = h.group(1);
                data = true;
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.find()) {
                if (data) {
                    break;
                }
                continue;
            }
            data = true;
            if (n == wl.length) {
                wl = java.util.Arrays.copyOf(wl, 2 * n);
                v = java.util.Arrays.copyOf(v, 2 * n);
            }
            wl[n] = toNm(Double.parseDouble(m.group(1)), unit == null ? "nm" : unit);
            v[n] = Double.parseDouble(m.group(3));
            n++;
        }
        wl = java.util.Arrays.copyOf(wl, n);
        v = java.util.Arrays.copyOf(v, n);
        if (n >= 2 && wl[0] > wl[n - 1]) {
            for (int i = 0; i < n / 2; i++) {
                double a = wl[i], b = v[i];
                wl[i] = wl[n - 1 - i];
                v[i] = v[n - 1 - i];
                wl[n - 1 - i] = a;
                v[n - 1 - i] = b;
            }
        }
        if (n < 2 || wl[0] > 720 || wl[n - 1] < 380) {
            warnings.add(new SceneWarning(t.loc(), "tabulateddata texture \"" + t.name() + "\": '" + t.file().name()
                    + "' has " + (n < 2 ? "fewer than two samples" : "no samples in 380..720 nm")
                    + "; LuxRender's fallback (1 from 380 to 720 nm) is used"));
            return LuxSpd.irregular(FALLBACK_WL, FALLBACK);
        }
        return LuxSpd.irregular(wl, v);
    }

    /** tabulateddata.cpp's unit conversions to nm. */
    private static double toNm(double x, String unit) {
        return switch (unit) {
            case "eV" -> 4.135667e-15 * 299792458.0 * 1e9 / x;
            case "um" -> x * 1000;
            case "cm-1" -> 1e7 / x;
            default -> x;
        };
    }
}
