package org.luxnet.scene.compile;

import static org.luxnet.scene.compiled.TextureLayout.BL_BASIS;
import static org.luxnet.scene.compiled.TextureLayout.BL_BASIS2;
import static org.luxnet.scene.compiled.TextureLayout.BL_BRIGHT;
import static org.luxnet.scene.compiled.TextureLayout.BL_CONTRAST;
import static org.luxnet.scene.compiled.TextureLayout.BL_DEPTH;
import static org.luxnet.scene.compiled.TextureLayout.BL_DISTAMOUNT;
import static org.luxnet.scene.compiled.TextureLayout.BL_GAIN;
import static org.luxnet.scene.compiled.TextureLayout.BL_H;
import static org.luxnet.scene.compiled.TextureLayout.BL_HARD;
import static org.luxnet.scene.compiled.TextureLayout.BL_KIND;
import static org.luxnet.scene.compiled.TextureLayout.BL_LACU;
import static org.luxnet.scene.compiled.TextureLayout.BL_MEXP;
import static org.luxnet.scene.compiled.TextureLayout.BL_NOISESIZE;
import static org.luxnet.scene.compiled.TextureLayout.BL_OCTS;
import static org.luxnet.scene.compiled.TextureLayout.BL_OFFSET;
import static org.luxnet.scene.compiled.TextureLayout.BL_OUTSCALE;
import static org.luxnet.scene.compiled.TextureLayout.BL_STYPE;
import static org.luxnet.scene.compiled.TextureLayout.BL_TURB;
import static org.luxnet.scene.compiled.TextureLayout.BL_W1;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.TextureLayout;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.TextureDesc;

/**
 * The parameters of LuxRender 1.x's Blender textures as their constructors read them (LuxRender/Lux
 * textures/blender_clouds.cpp, _wood, _marble, _musgrave, _magic, _stucci, _voronoi, _blend,
 * _distortednoise, _noise; the shared "bright", "contrast", "tex1", "tex2" in blender_base.h), with the
 * names of blender_base.cpp's tables (GetNoiseBasis, GetWoodType, ...). A name a table lacks gets
 * LuxRender's error as a warning and the table's default, as LuxRender's GetValue falls back to it.
 */
final class BlenderTextures {
    private BlenderTextures() {
    }

    /** Texture class to Blender's TEX_ number. */
    static final Map<String, Integer> KINDS = Map.of("blender_clouds", TextureLayout.BL_CLOUDS,
            "blender_wood", TextureLayout.BL_WOOD, "blender_marble", TextureLayout.BL_MARBLE,
            "blender_magic", TextureLayout.BL_MAGIC, "blender_blend", TextureLayout.BL_BLEND,
            "blender_stucci", TextureLayout.BL_STUCCI, "blender_noise", TextureLayout.BL_NOISE,
            "blender_musgrave", TextureLayout.BL_MUSGRAVE, "blender_voronoi", TextureLayout.BL_VORONOI,
            "blender_distortednoise", TextureLayout.BL_DISTNOISE);

    private static final Map<String, Integer> BASIS = Map.of("blender_original", 0, "original_perlin", 1,
            "improved_perlin", 2, "voronoi_f1", 3, "voronoi_f2", 4, "voronoi_f3", 5, "voronoi_f4", 6,
            "voronoi_f2_f1", 7, "voronoi_crackle", 8, "cell_noise", 14);
    private static final Map<String, Integer> NOISE_TYPE = Map.of("soft_noise", 0, "hard_noise", 1);
    private static final Map<String, Integer> SHAPE = Map.of("sin", 0, "saw", 1, "tri", 2);
    private static final Map<String, Integer> CLOUD = Map.of("default", 0, "color", 1);
    private static final Map<String, Integer> WOOD = Map.of("bands", 0, "rings", 1, "bandnoise", 2, "ringnoise", 3);
    private static final Map<String, Integer> MARBLE = Map.of("soft", 0, "sharp", 1, "sharper", 2);
    private static final Map<String, Integer> STUCCI = Map.of("plastic", 0, "wall_in", 1, "wall_out", 2);
    private static final Map<String, Integer> BLEND = Map.of("lin", 0, "quad", 1, "ease", 2, "diag", 3, "sphere", 4,
            "halo", 5, "radial", 6);
    private static final Map<String, Integer> MUSGRAVE = Map.of("multifractal", 0, "ridged_multifractal", 1,
            "hybrid_multifractal", 2, "fbm", 3, "hetero_terrain", 4);
    private static final Map<String, Integer> METRIC = Map.of("actual_distance", 0, "distance_squared", 1,
            "manhattan", 2, "chebychev", 3, "minkovsky_half", 4, "minkovsky_four", 5, "minkovsky", 6);
    /** Blender's noisedepth is a short shifted in 1 << depth; 30 and more overflow C's int. */
    private static final int MAX_DEPTH = 29;

    /** Fills the BL_ parameters of node params for Blender texture t (its class one of {@link #KINDS}). */
    static void params(TextureDesc t, float[] p, List<SceneWarning> warnings) {
        ParamSet ps = t.params();
        String cls = t.textureClass();
        int kind = KINDS.get(cls);
        p[BL_KIND] = kind;
        p[BL_BRIGHT] = (float) ps.getFloat("bright", 1);
        p[BL_CONTRAST] = (float) ps.getFloat("contrast", 1);
        switch (cls) {
            case "blender_clouds":
                p[BL_STYPE] = name(t, "type", "default", CLOUD, "cloud type", warnings);
                noise(t, p, warnings);
                p[BL_DEPTH] = depth(t, warnings);
                break;
            case "blender_wood":
                p[BL_STYPE] = name(t, "type", "bands", WOOD, "wood type", warnings);
                noise(t, p, warnings);
                p[BL_BASIS2] = name(t, "noisebasis2", "sin", SHAPE, "noise shape", warnings);
                p[BL_TURB] = (float) ps.getFloat("turbulence", 5);
                break;
            case "blender_marble":
                p[BL_STYPE] = name(t, "type", "soft", MARBLE, "marble type", warnings);
                noise(t, p, warnings);
                p[BL_BASIS2] = name(t, "noisebasis2", "sin", SHAPE, "noise shape", warnings);
                p[BL_DEPTH] = depth(t, warnings);
                p[BL_TURB] = (float) ps.getFloat("turbulence", 5);
                break;
            case "blender_musgrave":
                p[BL_STYPE] = name(t, "type", "multifractal", MUSGRAVE, "musgrave type", warnings);
                p[BL_BASIS] = name(t, "noisebasis", "blender_original", BASIS, "noise basis", warnings);
                p[BL_H] = (float) ps.getFloat("h", 1);
                p[BL_LACU] = (float) ps.getFloat("lacu", 2);
                p[BL_OCTS] = (float) ps.getFloat("octs", 2);
                p[BL_GAIN] = (float) ps.getFloat("gain", 1);
                p[BL_OFFSET] = (float) ps.getFloat("offset", 1);
                p[BL_NOISESIZE] = (float) ps.getFloat("noisesize", 0.25);
                p[BL_OUTSCALE] = (float) ps.getFloat("outscale", 1);
                break;
            case "blender_magic":
                p[BL_DEPTH] = depth(t, warnings);
                p[BL_TURB] = (float) ps.getFloat("turbulence", 5);
                break;
            case "blender_stucci":
                p[BL_STYPE] = name(t, "type", "plastic", STUCCI, "stucci type", warnings);
                noise(t, p, warnings);
                p[BL_TURB] = (float) ps.getFloat("turbulence", 5);
                break;
            case "blender_voronoi":
                p[BL_STYPE] = name(t, "distmetric", "actual_distance", METRIC, "voronoi distance", warnings);
                p[BL_BASIS2] = ps.getInt("coltype", 0);
                p[BL_MEXP] = (float) ps.getFloat("minkovsky_exp", 2.5);
                p[BL_OUTSCALE] = (float) ps.getFloat("outscale", 1);
                p[BL_NOISESIZE] = (float) ps.getFloat("noisesize", 0.25);
                ps.getFloat("nabla", 0.025); // LuxRender reads it for bump mapping only
                for (int i = 0; i < 4; i++) {
                    p[BL_W1 + i] = (float) ps.getFloat("w" + (i + 1), i == 0 ? 1 : 0);
                }
                break;
            case "blender_blend":
                p[BL_STYPE] = name(t, "type", "lin", BLEND, "blend type", warnings);
                p[BL_BASIS2] = ps.getBool("flipxy", false) ? 1 : 0;
                break;
            case "blender_distortednoise":
                p[BL_BASIS2] = name(t, "type", "blender_original", BASIS, "noise basis", warnings);
                p[BL_BASIS] = name(t, "noisebasis", "blender_original", BASIS, "noise basis", warnings);
                p[BL_NOISESIZE] = (float) ps.getFloat("noisesize", 0.25);
                p[BL_DISTAMOUNT] = (float) ps.getFloat("distamount", 1);
                ps.getFloat("nabla", 0.025); // LuxRender reads it for bump mapping only
                break;
            case "blender_noise":
                p[BL_DEPTH] = depth(t, warnings);
                warnings.add(new SceneWarning(t.loc(), "blender_noise texture \"" + t.name() + "\": LuxRender draws a new"
                        + " random number at every evaluation (BLI_rand in textures/blender_texlib.cpp texnoise); here a"
                        + " hash of the texture-space point stands in for it, so its grain stays put and renders repeat"));
                break;
            default:
                throw new IllegalArgumentException(cls);
        }
        boolean scales = kind == TextureLayout.BL_MUSGRAVE || kind == TextureLayout.BL_VORONOI
                || kind == TextureLayout.BL_DISTNOISE;
        if (scales && p[BL_NOISESIZE] == 0) {
            warnings.add(new SceneWarning(ps.get("noisesize").loc(), cls + " noisesize 0: LuxRender divides the point by"
                    + " it (multitex's tmpvec = p / noisesize), which gives infinite coordinates; 1 is used"));
            p[BL_NOISESIZE] = 1;
        }
    }

    /** noisetype, noisebasis and noisesize, which the noise-based textures share. */
    private static void noise(TextureDesc t, float[] p, List<SceneWarning> warnings) {
        p[BL_HARD] = name(t, "noisetype", "soft_noise", NOISE_TYPE, "noise type", warnings);
        p[BL_BASIS] = name(t, "noisebasis", "blender_original", BASIS, "noise basis", warnings);
        p[BL_NOISESIZE] = (float) t.params().getFloat("noisesize", 0.25);
    }

    private static int depth(TextureDesc t, List<SceneWarning> warnings) {
        int d = t.params().getInt("noisedepth", 2);
        if (d < 0 || d > MAX_DEPTH) {
            int c = Math.max(0, Math.min(MAX_DEPTH, d));
            warnings.add(new SceneWarning(t.params().get("noisedepth").loc(), t.textureClass() + " noisedepth " + d
                    + " is outside 0.." + MAX_DEPTH + " (Blender shifts 1 << depth in a C int); " + c + " is used"));
            d = c;
        }
        return d;
    }

    /** The table value of string parameter name; an unknown one warns and gives def's (LuxRender's GetValue). */
    private static int name(TextureDesc t, String param, String def, Map<String, Integer> table, String what,
                            List<SceneWarning> warnings) {
        String v = t.params().getString(param, def);
        Integer r = table.get(v);
        if (r == null) {
            warnings.add(new SceneWarning(t.params().get(param).loc(), "unknown " + what + " '" + v + "' in "
                    + t.textureClass() + " (known: " + String.join(", ", new TreeSet<>(table.keySet()))
                    + "); LuxRender's default '" + def + "' is used"));
            r = table.get(def);
        }
        return r;
    }
}
