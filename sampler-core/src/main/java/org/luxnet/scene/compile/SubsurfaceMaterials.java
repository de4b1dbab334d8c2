package org.luxnet.scene.compile;

import static org.luxnet.scene.compile.MaterialCompiler.isTexture;
import static org.luxnet.scene.compile.MaterialCompiler.num;
import static org.luxnet.scene.compile.MaterialCompiler.put3;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.luxnet.render.transport.HostTextures;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.desc.MaterialDesc;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.PbrtMediumPresets;

/**
 * pbrt-v3's "subsurface" and "kdsubsurface" (materials/subsurface.cpp, kdsubsurface.cpp), rendered as
 * the transport their BSSRDF approximates: the surface is the material's dielectric boundary (a GLASS
 * row, FresnelSpecular of "Kr", "Kt" and "eta" 1.33, or a ROUGH_GLASS row, Trowbridge-Reitz reflection
 * and transmission, when "uroughness"/"vroughness" are not both 0, remapped by "remaproughness" true),
 * and inside it a homogeneous medium of the material's coefficients of its own (MediaTable#subsurface),
 * so that paths random-walk through the object (a closed mesh) as PathTraceKernel walks any medium
 * inside glass. The boundary's outside is the shape's MediumInterface outside medium (vacuum when none);
 * a MediumInterface inside medium is not used (pbrt-v3's BSSRDF does not enter it either).
 * <ul>
 * <li>subsurface: "sigma_a" (.0011, .0024, .014), "sigma_s" (2.55, 3.21, 3.77), or the named measured
 * medium "name" (core/medium.cpp GetMediumScatteringProperties, {@link PbrtMediumPresets}), which forces g
 * to 0 (its sigma_s is the reduced one); an unknown name warns and keeps the defaults, as pbrt-v3 does;
 * both times "scale" (1); "g" (0).</li>
 * <li>kdsubsurface: "Kd" (.5) is the effective albedo and "mfp" (.5, the Kd default: CreateKdSubsurface
 * passes Spectrum::FromRGB(Kd) as mfp's default) times "scale" (1) the mean free path; the coefficients
 * come from SubsurfaceFromDiffuse over the beam diffusion table of "g" (0) and eta ({@link
 * BeamDiffusion}), as pbrt-v3 computes them.</li>
 * </ul>
 * A textured coefficient (sigma_a, sigma_s, Kd, mfp) takes the texture's value when it is constant, else
 * its mean over (u, v) in [0, 1]^2 (a solid texture at the points (u, v, 0)) with a warning: the medium is
 * one per material.
 */
final class SubsurfaceMaterials {
    private final List<SceneWarning> warnings;
    private final MediaTable media;
    private final TextureCompiler textures;
    /** Beam diffusion tables by (g, eta), built once each. */
    private final Map<List<Double>, BeamDiffusion> tables = new HashMap<>();

    SubsurfaceMaterials(List<SceneWarning> warnings, MediaTable media, TextureCompiler textures) {
        this.warnings = warnings;
        this.media = media;
        this.textures = textures;
    }

    /** pbrt-v3 "subsurface" (CreateSubsurfaceMaterial). */
    int subsurface(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        float[] sa = {0.0011f, 0.0024f, 0.014f};
        float[] ss = {2.55f, 3.21f, 3.77f};
        String name = ps.getString("name", "");
        float g = num(ps, "g", 0);
        if (!name.isEmpty()) {
            float[][] preset = PbrtMediumPresets.find(name);
            if (preset == null) {
                warnings.add(new SceneWarning(ps.get("name").loc(), "subsurface: named material \"" + name
                        + "\" not found; using defaults (as pbrt-v3 does)"));
            } else {
                sa = preset[0];
                ss = preset[1];
                g = 0; // the table gives reduced scattering coefficients (subsurface.cpp enforces g = 0)
            }
        }
        float scale = num(ps, "scale", 1);
        sa = coefficient(m, "sigma_a", sa);
        ss = coefficient(m, "sigma_s", ss);
        for (int c = 0; c < 3; c++) {
            sa[c] = scale * Math.max(0, sa[c]);
            ss[c] = scale * Math.max(0, ss[c]);
        }
        float eta = num(ps, "eta", 1.33f);
        if (!(eta > 0)) {
            warnings.add(new SceneWarning(m.loc(), "subsurface: \"eta\" " + eta + " is not positive; 1.33 is used"));
            eta = 1.33f;
        }
        return boundary(m, out, sa, ss, phaseG(m, g), eta);
    }

    /** pbrt-v3 "kdsubsurface" (CreateKdSubsurfaceMaterial, KdSubsurfaceMaterial::ComputeScatteringFunctions). */
    int kdSubsurface(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        float[] kd = coefficient(m, "Kd", new float[] {0.5f, 0.5f, 0.5f});
        float[] mfp = coefficient(m, "mfp", new float[] {0.5f, 0.5f, 0.5f});
        float scale = num(ps, "scale", 1);
        float g = phaseG(m, num(ps, "g", 0));
        float eta = eta(m);
        BeamDiffusion table = table(g, eta);
        float[] sa = new float[3], ss = new float[3];
        boolean zero = false;
        for (int c = 0; c < 3; c++) {
            double free = scale * Math.max(0, mfp[c]);
            if (!(free > 0)) {
                zero = true;
                free = 1e-6;
            }
            double[] s = table.fromDiffuse(kd[c], free);
            sa[c] = (float) s[0];
            ss[c] = (float) s[1];
        }
        if (zero) {
            warnings.add(new SceneWarning(m.loc(), "kdsubsurface: the mean free path \"mfp\" times \"scale\" is not"
                    + " positive in some channel (pbrt-v3 divides by it); 1e-6 is used there"));
        }
        return boundary(m, out, sa, ss, g, eta);
    }

    /** The beam diffusion table of (g, eta), built on first use. */
    private BeamDiffusion table(float g, float eta) {
        return tables.computeIfAbsent(List.of((double) g, (double) eta), k -> new BeamDiffusion(g, eta));
    }

    private float eta(MaterialDesc m) {
        float eta = num(m.params(), "eta", 1.33f);
        if (!(eta >= 1)) {
            // BeamDiffusionSS takes sqrt(eta^2 - 1): pbrt-v3's table is NaN below 1.
            warnings.add(new SceneWarning(m.loc(), m.type() + ": \"eta\" " + eta + " is below 1, for which pbrt-v3's"
                    + " beam diffusion table is undefined; 1.33 is used"));
            eta = 1.33f;
        }
        return eta;
    }

    private float phaseG(MaterialDesc m, float g) {
        if (g <= -1 || g >= 1) {
            float c = Math.max(-0.999f, Math.min(0.999f, g));
            warnings.add(new SceneWarning(m.loc(), m.type() + ": \"g\" " + g + " is outside (-1, 1); clamped to " + c));
            return c;
        }
        return g;
    }

    /**
     * The dielectric boundary's row (GLASS or ROUGH_GLASS) with the interior medium {sa, ss, g} and the
     * shape's outside medium in its media slots, and the one warning of the material.
     */
    private int boundary(MaterialDesc m, float[] out, float[] sa, float[] ss, float g, float eta) {
        ParamSet ps = m.params();
        put3(out, MaterialLayout.KS, ps.getRgb("Kr", new float[] {1, 1, 1}));
        put3(out, MaterialLayout.KT, ps.getRgb("Kt", new float[] {1, 1, 1}));
        out[MaterialLayout.ETA] = eta;
        out[MaterialLayout.VOL_IN] = media.subsurface(sa, ss, g);
        out[MaterialLayout.VOL_EX] = media.idOf(m.exterior());
        out[MaterialLayout.VOL_MEDIA] = 1;
        // pbrt-v3: specular only where urough == 0 && vrough == 0.
        boolean rough = num(ps, "uroughness", 0) != 0 || num(ps, "vroughness", 0) != 0 || isTexture(ps, "uroughness")
                || isTexture(ps, "vroughness");
        int type = MaterialLayout.GLASS;
        if (rough) {
            type = PbrtMaterials.roughGlass(ps, out);
        } else {
            ps.get("remaproughness");
        }
        warnings.add(new SceneWarning(m.loc(), "material \"" + m.type() + "\": rendered as a volumetric random walk"
                + " (exact transport) in a homogeneous medium of its coefficients inside its " + (rough ? "rough" : "smooth")
                + " dielectric boundary, instead of"
                + " pbrt-v3's photon beam diffusion BSSRDF; images differ somewhat, thin parts and edges most, and the"
                + " shape must be closed" + (rough ? "" : "; point, spot and distant lights do not reach the inside"
                + " through the smooth boundary (no path can connect to them through refraction)")));
        return type;
    }

    private static String rgb(float[] c) {
        return String.format(Locale.ROOT, "(%.4g, %.4g, %.4g)", c[0], c[1], c[2]);
    }

    /**
     * An RGB parameter (clamped to be non-negative by the caller): its value, or a texture's constant value,
     * or the texture's mean over a 32 x 32 grid of (u, v) with a warning.
     */
    private float[] coefficient(MaterialDesc m, String name, float[] def) {
        ParamSet ps = m.params();
        if (!isTexture(ps, name)) {
            return ps.getRgb(name, def);
        }
        Param p = ps.get(name);
        int[] prog = textures.program(p);
        if (prog == null) {
            return def.clone();
        }
        HostTextures host = new HostTextures(textures.types(), textures.children(), textures.params(),
                textures.texels(), textures.imageInfo());
        int n = 32;
        double[] sum = new double[3];
        float[] first = null, rgb = new float[3];
        boolean constant = true;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float u = (i + 0.5f) / n, v = (j + 0.5f) / n;
                host.evalRgb(prog[0], prog[1], u, v, u, v, 0, rgb);
                if (first == null) {
                    first = rgb.clone();
                }
                for (int c = 0; c < 3; c++) {
                    sum[c] += rgb[c];
                    constant &= rgb[c] == first[c];
                }
            }
        }
        if (constant) {
            return first;
        }
        float[] mean = {(float) (sum[0] / (n * n)), (float) (sum[1] / (n * n)), (float) (sum[2] / (n * n))};
        warnings.add(new SceneWarning(p.loc(), m.type() + ": \"" + name + "\" is textured (\"" + p.strings()[0]
                + "\"), but the interior medium is one per material; its mean over (u, v) " + rgb(mean) + " is used"));
        return mean;
    }
}
