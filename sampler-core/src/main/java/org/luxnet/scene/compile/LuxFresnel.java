package org.luxnet.scene.compile;

import java.util.List;
import java.util.Map;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.NkData;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.TextureDesc;

/**
 * LuxRender's fresnel data (ParamSet::GetFresnelTexture: a float, or a texture of value type
 * "fresnel") reduced to what LuxNet renders with: RGB n and k, the index FresnelGeneral::Index gives
 * without dispersion (n averaged over 380..720 nm), and a Cauchy form n(l) = a + b / l^2 (l in um)
 * for RGB dispersion. Classes: "constant" ("value", 1), "cauchy" (textures/cauchytexture.cpp: cauchyb
 * 0, cauchya 1.5 or index - cauchyb / (0.38 x 0.72)), "sellmeier" (sellmeiertexture.h: A 1, B and C
 * in um^2), "fresnelcolor" (fresnel.cpp FresnelApproxEta/K of Kr), "preset" and "fresnelname"
 * (tabulatedfresnel.cpp FresnelPreset: LuxRender's built-in tables by "name", default and fallback
 * aluminium; a "fresnelname" with a "filename" reads that .nk file), "sopra" and "luxpop" (an .nk
 * file, {@link NkData}). The Cauchy form of data that is not Cauchy's goes through its n at the
 * kernel's red and blue wavelengths (612 and 465 nm), so RGB dispersion refracts R and B exactly.
 */
final class LuxFresnel {
    /** The wavelengths (um) LuxGlassKernel disperses R, G and B at. */
    static final float[] RGB_UM = {0.612f, 0.549f, 0.465f};

    /** Fresnel data: RGB n and k, the non-dispersed index, and the Cauchy a and b (um^2). */
    record Data(float[] eta, float[] k, float index, float cauchyA, float cauchyB) {
        static Data constant(float v) {
            return new Data(new float[] {v, v, v}, new float[3], v, v, 0);
        }

        static Data cauchy(float a, float b) {
            float[] eta = new float[3];
            for (int c = 0; c < 3; c++) {
                eta[c] = a + b / (RGB_UM[c] * RGB_UM[c]);
            }
            return new Data(eta, new float[3], a + b / (0.38f * 0.72f), a, b);
        }
    }

    private final Map<String, TextureDesc> textureDefs;
    private final List<SceneWarning> warnings;

    LuxFresnel(Map<String, TextureDesc> textureDefs, List<SceneWarning> warnings) {
        this.textureDefs = textureDefs;
        this.warnings = warnings;
    }

    /** Parameter {@code name} of {@code ps} as GetFresnelTexture(name, def) reads it. */
    Data of(ParamSet ps, String name, float def, String who) {
        Param p = ps.get(name);
        if (p == null) {
            return Data.constant(def);
        }
        if (p.type() != ParamType.TEXTURE) {
            return Data.constant((float) ps.getFloat(name, def));
        }
        TextureDesc t = textureDefs.get(p.strings()[0]);
        if (t == null) {
            warnings.add(new SceneWarning(p.loc(), who + ": fresnel texture \"" + p.strings()[0] + "\" is not defined;"
                    + " " + def + " used"));
            return Data.constant(def);
        }
        Data d = texture(t, who);
        if (d == null) {
            warnings.add(new SceneWarning(t.loc(), who + ": texture \"" + t.name() + "\" of class \"" + t.textureClass()
                    + "\" is not fresnel data LuxNet reads (constant, cauchy, sellmeier, fresnelcolor, preset,"
                    + " fresnelname, sopra, luxpop); " + def + " used"));
            return Data.constant(def);
        }
        return d;
    }

    /** The data of fresnel texture {@code t}, or null for a class that is not read. */
    private Data texture(TextureDesc t, String who) {
        ParamSet tp = t.params();
        switch (t.textureClass()) {
            case "constant":
                return Data.constant((float) tp.getFloat("value", 1));
            case "cauchy": {
                float b = (float) tp.getFloat("cauchyb", 0);
                float index = (float) tp.getFloat("index", -1);
                float a = (float) tp.getFloat("cauchya", index > 0 ? index - b / (0.38f * 0.72f) : 1.5f);
                return Data.cauchy(a, b);
            }
            case "sellmeier":
                return sellmeier(t);
            case "fresnelcolor": {
                float[] kr = tp.getRgb("Kr", new float[] {0.5f, 0.5f, 0.5f});
                float[] eta = new float[3], k = new float[3];
                for (int c = 0; c < 3; c++) {
                    double r = Math.max(0, Math.min(0.999, kr[c])), sq = Math.sqrt(r);
                    eta[c] = (float) ((1 + sq) / (1 - sq));
                    k[c] = (float) (2 * Math.sqrt(r / (1 - r)));
                }
                float mean = (eta[0] + eta[1] + eta[2]) / 3;
                return new Data(eta, k, mean, mean, 0);
            }
            case "preset", "fresnelname": {
                if (t.file() != null) {
                    return tabulated(t, NkData.read(t.file()));
                }
                tp.get("filename");
                String name = tp.getString("name", "aluminium");
                NkData d = NkData.preset(name);
                if (d == null) {
                    Param p = tp.get("name");
                    warnings.add(new SceneWarning(p == null ? t.loc() : p.loc(), who + ": fresnel preset \"" + name
                            + "\" is not one of LuxRender's (" + String.join(", ", NkData.PRESETS)
                            + "); aluminium used, as LuxRender does"));
                    d = NkData.preset("aluminium");
                }
                return tabulated(t, d);
            }
            case "sopra", "luxpop": {
                if (t.file() == null) {
                    warnings.add(new SceneWarning(t.loc(), who + ": " + t.textureClass() + " texture \"" + t.name()
                            + "\" names no \"filename\"; aluminium used"));
                    return tabulated(t, NkData.preset("aluminium"));
                }
                return tabulated(t, NkData.read(t.file(), t.textureClass()));
            }
            default:
                return null;
        }
    }

    private Data tabulated(TextureDesc t, NkData d) {
        if (!d.coversVisible()) {
            warnings.add(new SceneWarning(t.loc(), "fresnel texture \"" + t.name() + "\": its data spans "
                    + Math.round(d.wl()[0]) + ".." + Math.round(d.wl()[d.wl().length - 1]) + " nm, not all of 380..720 nm;"
                    + " it is held at its end values beyond its ends"));
        }
        float[] eta = NkData.rgb(d.wl(), d.n()), k = NkData.rgb(d.wl(), d.k());
        return withCauchyThrough(eta, k, (float) d.meanN(),
                (float) NkData.at(d.wl(), d.n(), RGB_UM[0] * 1000), (float) NkData.at(d.wl(), d.n(), RGB_UM[2] * 1000));
    }

    /** sellmeiertexture.h: n^2 = A + sum B_i l^2 / (l^2 - C_i), the index its mean at 380..719 nm. */
    private Data sellmeier(TextureDesc t) {
        ParamSet tp = t.params();
        double a = tp.getFloat("A", 1);
        float[] b = tp.has("B") ? tp.getFloats("B") : new float[0];
        float[] c = tp.has("C") ? tp.getFloats("C") : new float[0];
        if (b.length != c.length) {
            warnings.add(new SceneWarning(t.loc(), "sellmeier texture \"" + t.name() + "\" has " + b.length + " B and "
                    + c.length + " C; LuxRender rejects it; index 1.5 used"));
            return Data.constant(1.5f);
        }
        double mean = 0;
        for (int nm = 380; nm < 720; nm++) {
            mean += sellmeierN(a, b, c, nm / 1000.0);
        }
        mean /= 340;
        float[] eta = new float[3];
        for (int i = 0; i < 3; i++) {
            eta[i] = (float) sellmeierN(a, b, c, RGB_UM[i]);
        }
        return withCauchyThrough(eta, new float[3], (float) mean, eta[0], eta[2]);
    }

    private static double sellmeierN(double a, float[] b, float[] c, double um) {
        double l2 = um * um, n2 = a;
        for (int i = 0; i < b.length; i++) {
            n2 += b[i] * l2 / (l2 - c[i]);
        }
        return Math.sqrt(Math.max(0, n2));
    }

    /** Data whose Cauchy form passes through n {@code nRed} at 612 nm and {@code nBlue} at 465 nm. */
    private static Data withCauchyThrough(float[] eta, float[] k, float index, float nRed, float nBlue) {
        double ir = 1 / (RGB_UM[0] * RGB_UM[0]), ib = 1 / (RGB_UM[2] * RGB_UM[2]);
        double b = (nBlue - nRed) / (ib - ir), a = nRed - b * ir;
        return new Data(eta, k, index, (float) a, (float) b);
    }
}
