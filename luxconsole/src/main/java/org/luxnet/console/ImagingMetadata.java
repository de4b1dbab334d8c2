package org.luxnet.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.luxnet.accumulator.tonemap.ColorSpace;
import org.luxnet.accumulator.tonemap.LdrClamp;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * The scene's image outputs (which files, and the tone mapping of each) as FLM metadata, so that
 * {@code luxconsole merge} writes the images the scene asks for without the scene. Numbers are
 * written with {@link Double#toString}, which reads back to the same double.
 *
 * @param png  write the PNG
 * @param exr  write the OpenEXR
 * @param pfm  write the PFM
 * @param tone the tone mapping and encoding
 */
record ImagingMetadata(boolean png, boolean exr, boolean pfm, RenderSettings.ToneSpec tone) {
    static final String PREFIX = "luxnet.output.", PARAM = PREFIX + "tonemap.param.";
    private static final String PNG = PREFIX + "png", EXR = PREFIX + "exr", PFM = PREFIX + "pfm",
            KERNEL = PREFIX + "tonemap.kernel", GAMMA = PREFIX + "gamma", COLOR_SPACE = PREFIX + "colorspace",
            CLAMP = PREFIX + "ldr-clamp", EXR_TONEMAPPED = PREFIX + "exr-tonemapped";

    static ImagingMetadata of(RenderSettings s) {
        return new ImagingMetadata(s.writePng(), s.writeExr(), s.writePfm(), s.tonemap());
    }

    Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(PNG, Boolean.toString(png));
        m.put(EXR, Boolean.toString(exr));
        m.put(PFM, Boolean.toString(pfm));
        m.put(KERNEL, tone.kernel());
        new TreeMap<>(tone.params()).forEach((k, v) -> m.put(PARAM + k, Double.toString(v)));
        m.put(GAMMA, Double.toString(tone.gamma()));
        if (tone.colorSpace() != null) {
            StringBuilder b = new StringBuilder();
            for (double c : tone.colorSpace().chromaticities()) {
                b.append(b.length() == 0 ? "" : " ").append(c);
            }
            m.put(COLOR_SPACE, b.toString());
        }
        if (tone.ldrClamp() != null) {
            m.put(CLAMP, tone.ldrClamp().name());
        }
        m.put(EXR_TONEMAPPED, Boolean.toString(tone.exrTonemapped()));
        return m;
    }

    /**
     * Reads the outputs back.
     *
     * @throws CliException (exit 2) naming {@code file} when an entry is missing or malformed
     */
    static ImagingMetadata fromMetadata(Map<String, String> m, String file) {
        try {
            Map<String, Double> params = new TreeMap<>();
            m.forEach((k, v) -> {
                if (k.startsWith(PARAM)) {
                    params.put(k.substring(PARAM.length()), Double.parseDouble(v));
                }
            });
            ColorSpace cs = null;
            if (m.containsKey(COLOR_SPACE)) {
                String[] xy = m.get(COLOR_SPACE).trim().split(" ");
                if (xy.length != 8) {
                    throw new IllegalArgumentException(COLOR_SPACE + " needs 8 chromaticities, has " + xy.length);
                }
                double[] d = new double[8];
                for (int i = 0; i < 8; i++) {
                    d[i] = Double.parseDouble(xy[i]);
                }
                cs = new ColorSpace(d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]);
            }
            LdrClamp clamp = m.containsKey(CLAMP) ? LdrClamp.valueOf(m.get(CLAMP)) : null;
            var tone = new RenderSettings.ToneSpec(require(m, KERNEL, file), params,
                    Double.parseDouble(require(m, GAMMA, file)), cs, clamp, bool(m, EXR_TONEMAPPED, file));
            tone.imaging(); // an unknown kernel or parameter fails here, not after the merge
            return new ImagingMetadata(bool(m, PNG, file), bool(m, EXR, file), bool(m, PFM, file), tone);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, file + ": malformed output metadata: " + e.getMessage());
        }
    }

    private static boolean bool(Map<String, String> m, String key, String file) {
        String v = require(m, key, file);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(key + " is \"" + v + "\", not true or false");
        }
        return v.equals("true");
    }

    private static String require(Map<String, String> m, String key, String file) {
        String v = m.get(key);
        if (v == null) {
            throw new CliException(ExitCode.USAGE, file + ": not a chunk film (no \"" + key + "\" entry)");
        }
        return v;
    }
}
