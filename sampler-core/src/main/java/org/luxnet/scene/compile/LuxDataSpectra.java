package org.luxnet.scene.compile;

import java.util.List;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.LuxSpd;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.TextureDesc;

/**
 * The linear sRGB of LuxRender's spectral data textures, constant over the surface, as {@link LuxSpd}
 * converts the other spectra: regulardata (textures/regulardata.cpp, RegularSPD), irregulardata
 * (textures/irregulardata.cpp, IrregularSPD) and frequency (textures/frequencytexture.cpp,
 * FrequencySPD::init). Data LuxRender rejects gives its fallback, with a warning at the texture.
 */
final class LuxDataSpectra {
    /** FrequencySPD's cache: 2048 samples from 380 to 720 nm (spds/frequencyspd.h). */
    private static final int FREQ_SAMPLES = 2048;

    private LuxDataSpectra() {
    }

    /**
     * regulardata (regulardata.cpp, CreateSWCSpectrumTexture): "float start" (380), "float end" (720),
     * "float data" evenly spaced between them; under two values LuxRender logs "Insufficient data" and
     * uses {1, 1} from start to end.
     */
    static float[] regular(TextureDesc t, List<SceneWarning> warnings) {
        ParamSet ps = t.params();
        double start = ps.getFloat("start", 380), end = ps.getFloat("end", 720);
        float[] data = ps.getFloats("data");
        if (data == null || data.length < 2) {
            warnings.add(new SceneWarning(t.loc(), "regulardata texture \"" + t.name() + "\" has fewer than two \"data\""
                    + " values (LuxRender: \"Insufficient data in regulardata texture\"); its fallback 1 from start to end"
                    + " is used"));
            data = new float[] {1, 1};
        }
        return LuxSpd.regular(doubles(data), start, end);
    }

    /**
     * irregulardata (irregulardata.cpp, CreateSWCSpectrumTexture): "float wavelengths" (nm, increasing)
     * and "float data", as many; a count mismatch or under two pairs give LuxRender's fallback, 1 from
     * 380 to 720 nm.
     */
    static float[] irregular(TextureDesc t, List<SceneWarning> warnings) {
        ParamSet ps = t.params();
        float[] wl = ps.getFloats("wavelengths"), data = ps.getFloats("data");
        int nw = wl == null ? 0 : wl.length, nd = data == null ? 0 : data.length;
        if (nw != nd || nd < 2) {
            String why = nw != nd ? nw + " wavelengths but " + nd + " data values (LuxRender: \"Number of wavelengths"
                    + " does not match number of data values\")" : "fewer than two samples (LuxRender: \"Insufficient data"
                    + " in irregulardata texture\")";
            warnings.add(new SceneWarning(t.loc(), "irregulardata texture \"" + t.name() + "\" has " + why
                    + "; its fallback 1 from 380 to 720 nm is used"));
            return LuxSpd.irregular(new double[] {380, 720}, new double[] {1, 1});
        }
        double[] w = doubles(wl), v = doubles(data);
        for (int i = 0; i + 1 < nw; i++) {
            if (!(w[i] < w[i + 1])) {
                throw new TextureCompiler.Unsupported(ps.get("wavelengths").loc(), "irregulardata texture \""
                        + t.name() + "\": wavelengths are not increasing");
            }
        }
        return LuxSpd.irregular(w, v);
    }

    /**
     * frequency (colour only): (sin(lambda "freq" + "phase") + 1) / 2 x "energy" (defaults 0.03, 0.5, 1),
     * sampled 2048 times from 380 to 720 nm and clamped to 0, as FrequencySPD::init.
     */
    static float[] frequency(TextureDesc t) {
        ParamSet ps = t.params();
        float freq = (float) ps.getFloat("freq", 0.03), phase = (float) ps.getFloat("phase", 0.5);
        float energy = (float) ps.getFloat("energy", 1);
        double[] s = new double[FREQ_SAMPLES];
        float delta = (720f - 380f) / (FREQ_SAMPLES - 1);
        for (int i = 0; i < FREQ_SAMPLES; i++) {
            float w = 380f + delta * i;
            s[i] = Math.max(0, ((float) Math.sin(w * freq + phase) + 1f) * 0.5f * energy);
        }
        return LuxSpd.regular(s, 380, 720);
    }

    private static double[] doubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
