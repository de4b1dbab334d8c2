package org.luxnet.scene.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.luxnet.accumulator.tonemap.ColorSpace;
import org.luxnet.accumulator.tonemap.LdrClamp;
import org.luxnet.accumulator.tonemap.ToneMapParams;
import org.luxnet.accumulator.tonemap.ToneMappers;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.RenderSettings.ToneSpec;
import org.luxnet.scene.desc.EntityDesc;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;

/**
 * Reads how a Film statement asks its images to be tone mapped and encoded. pbrt-v3: the film's
 * {@code scale}, nothing else. LuxRender (FlexImageFilm::CreateFilm in film/fleximage.cpp): {@code
 * tonemapkernel} (or the 0.x multiimage film's {@code tonemapper}; default autolinear) with every
 * kernel's parameters and LuxRender's film defaults, {@code gamma}, {@code colorspace_red/green/blue/
 * white}, {@code ldr_clamp_method} and {@code write_exr_applyimaging}.
 */
final class FilmToneCompiler {
    private static final String[] COLORS = {"red", "green", "blue", "white"};

    private FilmToneCompiler() {
    }

    static ToneSpec compile(EntityDesc film, boolean pbrt, List<SceneWarning> warnings) {
        ParamSet ps = film.params();
        if (pbrt) {
            double scale = ps.getFloat("scale", 1);
            if (!(scale >= 0) || !Double.isFinite(scale)) {
                throw new SceneException(ps.get("scale").loc(), "Film scale must be finite and non-negative, got " + scale);
            }
            return ToneSpec.pbrt(scale);
        }
        String kernel = kernel(ps, warnings);
        double gamma = ps.getFloat("gamma", ToneMappers.DEFAULT_GAMMA);
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new SceneException(ps.get("gamma").loc(), "Film gamma must be positive, got " + gamma);
        }
        Map<String, Double> params = new HashMap<>();
        // LuxRender reads every kernel's parameters whichever kernel is chosen; exporters write them all.
        Map<String, Double> linear = read(ps, "linear_", "sensitivity", "exposure", "fstop", "gamma");
        Map<String, Double> reinhard = read(ps, "reinhard_", "prescale", "postscale", "burn");
        Map<String, Double> contrast = read(ps, "contrast_", "ywa");
        if (ps.has("contrast_displayadaptationY") && !contrast.containsKey("ywa")) {
            contrast.put("ywa", ps.getFloat("contrast_displayadaptationY", 1));
        }
        switch (kernel) {
            case "linear" -> params.putAll(linear);
            case "reinhard" -> params.putAll(reinhard);
            case "contrast" -> params.putAll(contrast);
            case "autolinear" -> params.put("gamma", gamma);
            default -> { }
        }
        try {
            ToneMappers.kernel(kernel, new ToneMapParams(params));
        } catch (IllegalArgumentException e) {
            throw new SceneException(film.loc(), "Film tonemapping: " + e.getMessage());
        }
        ColorSpace cs = colorSpace(ps, warnings);
        LdrClamp clamp = clamp(ps, warnings);
        boolean exrTonemapped = ps.getBool("write_exr_applyimaging", true);
        // Read by LuxRender 1.x but without effect on its images (WriteImage2 always limits the LDR output).
        for (String gamut : new String[] {"write_png_gamutclamp", "write_exr_gamutclamp", "write_tga_gamutclamp"}) {
            ps.get(gamut);
        }
        return new ToneSpec(kernel, params, gamma, cs, clamp, exrTonemapped);
    }

    /** The kernel name, LuxRender's autolinear when absent or unknown (with a warning). */
    private static String kernel(ParamSet ps, List<SceneWarning> warnings) {
        String key = ps.has("tonemapkernel") ? "tonemapkernel" : ps.has("tonemapper") ? "tonemapper" : null;
        if (key == null) {
            return "autolinear";
        }
        String kernel = ps.getString(key, "autolinear");
        if (kernel.equals(ToneMappers.NONE) || !ToneMappers.names().contains(kernel)) {
            warnings.add(new SceneWarning(ps.get(key).loc(), key + " \"" + kernel + "\" is not supported; autolinear used, "
                    + "as LuxRender does (supported: linear, reinhard, autolinear, maxwhite, contrast)"));
            return "autolinear";
        }
        return kernel;
    }

    private static Map<String, Double> read(ParamSet ps, String prefix, String... names) {
        Map<String, Double> out = new HashMap<>();
        for (String n : names) {
            if (ps.has(prefix + n)) {
                out.put(n, ps.getFloat(prefix + n, 0));
            }
        }
        return out;
    }

    /** The film's colour space: LuxRender's default with the chromaticities the scene gives. */
    private static ColorSpace colorSpace(ParamSet ps, List<SceneWarning> warnings) {
        double[] xy = ColorSpace.LUXRENDER.chromaticities();
        boolean given = false;
        FileLoc loc = FileLoc.NONE;
        for (int i = 0; i < COLORS.length; i++) {
            String name = "colorspace_" + COLORS[i];
            float[] v = ps.getFloats(name);
            if (v == null) {
                continue;
            }
            Param p = ps.get(name);
            if (v.length != 2) {
                // LuxRender's GetColorspaceParam ignores a value that is not an (x, y) pair.
                warnings.add(new SceneWarning(p.loc(), name + " expects 2 numbers (CIE x y), got " + v.length
                        + "; ignored, as LuxRender does"));
                continue;
            }
            xy[2 * i] = v[0];
            xy[2 * i + 1] = v[1];
            given = true;
            loc = p.loc();
        }
        if (!given) {
            return ColorSpace.LUXRENDER;
        }
        try {
            return new ColorSpace(xy[0], xy[1], xy[2], xy[3], xy[4], xy[5], xy[6], xy[7]);
        } catch (IllegalArgumentException e) {
            throw new SceneException(loc, "Film colour space: " + e.getMessage());
        }
    }

    private static LdrClamp clamp(ParamSet ps, List<SceneWarning> warnings) {
        String name = ps.getString("ldr_clamp_method", "cut");
        LdrClamp clamp = LdrClamp.byName(name);
        if (clamp == null) {
            warnings.add(new SceneWarning(ps.get("ldr_clamp_method").loc(), "ldr_clamp_method \"" + name
                    + "\" is not one of lum, hue, cut, darken; cut used, as LuxRender does"));
            return LdrClamp.CUT;
        }
        return clamp;
    }
}
