package org.luxnet.scene.compile;

import static org.luxnet.scene.compile.MaterialCompiler.alpha;
import static org.luxnet.scene.compile.MaterialCompiler.num;
import static org.luxnet.scene.compile.MaterialCompiler.put3;
import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_U;
import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_V;
import static org.luxnet.scene.compiled.MaterialLayout.DS_ANISOTROPIC;
import static org.luxnet.scene.compiled.MaterialLayout.DS_CLEARCOAT;
import static org.luxnet.scene.compiled.MaterialLayout.DS_CLEARCOAT_GLOSS;
import static org.luxnet.scene.compiled.MaterialLayout.DS_COLOR;
import static org.luxnet.scene.compiled.MaterialLayout.DS_DIFFTRANS;
import static org.luxnet.scene.compiled.MaterialLayout.DS_ETA;
import static org.luxnet.scene.compiled.MaterialLayout.DS_FLATNESS;
import static org.luxnet.scene.compiled.MaterialLayout.DS_METALLIC;
import static org.luxnet.scene.compiled.MaterialLayout.DS_ROUGHNESS;
import static org.luxnet.scene.compiled.MaterialLayout.DS_SHEEN;
import static org.luxnet.scene.compiled.MaterialLayout.DS_SHEEN_TINT;
import static org.luxnet.scene.compiled.MaterialLayout.DS_SPECTRANS;
import static org.luxnet.scene.compiled.MaterialLayout.DS_SPECULAR_TINT;
import static org.luxnet.scene.compiled.MaterialLayout.DS_THIN;
import static org.luxnet.scene.compiled.MaterialLayout.ETA;
import static org.luxnet.scene.compiled.MaterialLayout.KD;
import static org.luxnet.scene.compiled.MaterialLayout.KS;
import static org.luxnet.scene.compiled.MaterialLayout.KT;
import static org.luxnet.scene.compiled.MaterialLayout.MIX_AMOUNT;
import static org.luxnet.scene.compiled.MaterialLayout.MIX_FIRST;
import static org.luxnet.scene.compiled.MaterialLayout.MIX_SECOND;
import static org.luxnet.scene.compiled.MaterialLayout.TRANSLUCENT_REFLECT;
import static org.luxnet.scene.compiled.MaterialLayout.TRANSLUCENT_TRANSMIT;
import static org.luxnet.scene.compiled.MaterialLayout.UBER_KR;
import static org.luxnet.scene.compiled.MaterialLayout.UBER_OPACITY;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compile.MaterialCompiler.Slot;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.MaterialDesc;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;

/**
 * The pbrt-v3 materials the light transport's LobeKernel renders: "uber", "translucent", rough
 * "glass" and "mix", "disney" (DisneyKernel), "hair" (HairKernel) and "fourier" (FourierKernel, its table by
 * FourierTables), with pbrt-v3's parameter names and defaults (materials/uber.cpp, translucent.cpp, glass.cpp,
 * mixmaterial.cpp, disney.cpp, hair.cpp, fourier.cpp and api.cpp's MakeMaterial).
 */
final class PbrtMaterials {
    private static final float[] QUARTER = {0.25f, 0.25f, 0.25f};
    private static final Slot[] ROUGH_GLASS_SLOTS = MaterialCompiler.concat(new Slot[] {new Slot("Kr", KS, 3),
        new Slot("Kt", KT, 3)}, MaterialCompiler.ROUGHNESS);

    /** Texturable parameters of the types here. */
    private static final Map<Integer, Slot[]> TEXTURABLE = Map.of(
            MaterialLayout.UBER, MaterialCompiler.concat(new Slot[] {new Slot("Kd", KD, 3), new Slot("Ks", KS, 3),
                new Slot("Kr", UBER_KR, 3), new Slot("Kt", KT, 3), new Slot("opacity", UBER_OPACITY, 3)},
                MaterialCompiler.ROUGHNESS),
            MaterialLayout.TRANSLUCENT, MaterialCompiler.concat(new Slot[] {new Slot("Kd", KD, 3),
                new Slot("Ks", KS, 3), new Slot("reflect", TRANSLUCENT_REFLECT, 3),
                new Slot("transmit", TRANSLUCENT_TRANSMIT, 3)}, MaterialCompiler.ROUGHNESS),
            MaterialLayout.ROUGH_GLASS, ROUGH_GLASS_SLOTS,
            MaterialLayout.MIX, new Slot[] {new Slot("amount", MIX_AMOUNT, 3)},
            MaterialLayout.DISNEY, new Slot[] {new Slot("color", DS_COLOR, 3), new Slot("metallic", DS_METALLIC, 1),
                new Slot("eta", DS_ETA, 1), new Slot("roughness", DS_ROUGHNESS, 1),
                new Slot("speculartint", DS_SPECULAR_TINT, 1), new Slot("anisotropic", DS_ANISOTROPIC, 1),
                new Slot("sheen", DS_SHEEN, 1), new Slot("sheentint", DS_SHEEN_TINT, 1),
                new Slot("clearcoat", DS_CLEARCOAT, 1), new Slot("clearcoatgloss", DS_CLEARCOAT_GLOSS, 1),
                new Slot("spectrans", DS_SPECTRANS, 1), new Slot("flatness", DS_FLATNESS, 1),
                new Slot("difftrans", DS_DIFFTRANS, 1)},
            MaterialLayout.HAIR, new Slot[] {new Slot("sigma_a", MaterialLayout.HR_SIGMA_A, 3),
                new Slot("color", MaterialLayout.HR_COLOR, 3), new Slot("eumelanin", MaterialLayout.HR_EUMELANIN, 1),
                new Slot("pheomelanin", MaterialLayout.HR_PHEOMELANIN, 1), new Slot("eta", MaterialLayout.HR_ETA, 1),
                new Slot("beta_m", MaterialLayout.HR_BETA_M, 1), new Slot("beta_n", MaterialLayout.HR_BETA_N, 1),
                new Slot("alpha", MaterialLayout.HR_ALPHA, 1)});

    private final Dialect dialect;
    private final Map<String, MaterialDesc> named;
    private final List<SceneWarning> warnings;
    private final ToIntFunction<MaterialDesc> compile;
    /** Mixes being compiled (a mix that reaches itself is an error) and finished mixes' nesting depths. */
    private final IdentityHashMap<MaterialDesc, Integer> mixDepth = new IdentityHashMap<>();

    /**
     * @param compile compiles a material (a mix's component) and returns its index in the table
     */
    PbrtMaterials(Dialect dialect, Map<String, MaterialDesc> named, List<SceneWarning> warnings,
                  ToIntFunction<MaterialDesc> compile) {
        this.dialect = dialect;
        this.named = named;
        this.warnings = warnings;
        this.compile = compile;
    }

    /** The texturable parameters of {@code type}, none for a type not compiled here. */
    static Slot[] texturable(int type) {
        return TEXTURABLE.getOrDefault(type, new Slot[0]);
    }

    /** pbrt-v3 "eta", or "index" when eta is absent (uber.cpp, glass.cpp). */
    private static float eta(ParamSet ps) {
        return ps.has("eta") ? num(ps, "eta", 1.5f) : num(ps, "index", 1.5f);
    }

    int uber(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        put3(out, KD, ps.getRgb("Kd", QUARTER));
        put3(out, KS, ps.getRgb("Ks", QUARTER));
        put3(out, UBER_KR, ps.getRgb("Kr", new float[3]));
        put3(out, KT, ps.getRgb("Kt", new float[3]));
        put3(out, UBER_OPACITY, ps.getRgb("opacity", new float[] {1, 1, 1}));
        out[ETA] = eta(ps);
        out[ALPHA_U] = alpha(ps, "uroughness", 0.1f, true, out);
        out[ALPHA_V] = alpha(ps, "vroughness", 0.1f, true, out);
        return MaterialLayout.UBER;
    }

    /**
     * pbrt-v3 "disney" with CreateDisneyMaterial's names and defaults (materials/disney.cpp); every float
     * and the colour may be textured. The lobes are built per hit by the kernel from these values as
     * DisneyMaterial::ComputeScatteringFunctions builds them. A non-black "scatterdistance" makes pbrt-v3
     * use a DisneyBSSRDF behind a SpecularTransmission for the diffuse part of a non-thin surface: that is
     * not modelled, the diffuse part is its DisneyDiffuse lobe, with one warning.
     */
    int disney(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        put3(out, DS_COLOR, ps.getRgb("color", new float[] {0.5f, 0.5f, 0.5f}));
        out[DS_METALLIC] = num(ps, "metallic", 0f);
        out[DS_ETA] = num(ps, "eta", 1.5f);
        float rough = num(ps, "roughness", 0.5f);
        out[DS_ROUGHNESS] = rough;
        out[DS_SPECULAR_TINT] = num(ps, "speculartint", 0f);
        float aniso = num(ps, "anisotropic", 0f);
        out[DS_ANISOTROPIC] = aniso;
        out[DS_SHEEN] = num(ps, "sheen", 0f);
        out[DS_SHEEN_TINT] = num(ps, "sheentint", 0.5f);
        out[DS_CLEARCOAT] = num(ps, "clearcoat", 0f);
        out[DS_CLEARCOAT_GLOSS] = num(ps, "clearcoatgloss", 1f);
        out[DS_SPECTRANS] = num(ps, "spectrans", 0f);
        out[DS_FLATNESS] = num(ps, "flatness", 0f);
        out[DS_DIFFTRANS] = num(ps, "difftrans", 1f);
        boolean thin = ps.getBool("thin", false);
        out[DS_THIN] = thin ? 1 : 0;
        // The anisotropic frame (PathTraceKernel) is built where ALPHA_U != ALPHA_V: the untextured alphas, made
        // unequal when the anisotropy is textured.
        double aspect = Math.sqrt(Math.max(0, 1 - aniso * 0.9));
        out[ALPHA_U] = (float) Math.max(0.001, rough * rough / aspect);
        out[ALPHA_V] = (float) Math.max(0.001, rough * rough * aspect);
        if (MaterialCompiler.isTexture(ps, "anisotropic")) {
            out[ALPHA_V] = out[ALPHA_U] * 0.5f;
        }
        Param sd = ps.get("scatterdistance");
        boolean scatters = sd != null && (MaterialCompiler.isTexture(ps, "scatterdistance")
                || !isBlack(ps.getRgb("scatterdistance", new float[3])));
        if (scatters && !thin) {
            warnings.add(new SceneWarning(sd.loc(), "disney: \"scatterdistance\" (pbrt-v3's DisneyBSSRDF subsurface"
                    + " scattering) is not supported; the diffuse part is rendered as its non-thin DisneyDiffuse lobe"));
        }
        return MaterialLayout.DISNEY;
    }

    private static boolean isBlack(float[] c) {
        return c[0] == 0 && c[1] == 0 && c[2] == 0;
    }

    int translucent(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        put3(out, KD, ps.getRgb("Kd", QUARTER));
        put3(out, KS, ps.getRgb("Ks", QUARTER));
        put3(out, TRANSLUCENT_REFLECT, ps.getRgb("reflect", new float[] {0.5f, 0.5f, 0.5f}));
        put3(out, TRANSLUCENT_TRANSMIT, ps.getRgb("transmit", new float[] {0.5f, 0.5f, 0.5f}));
        out[ETA] = 1.5f;
        float a = alpha(ps, "roughness", 0.1f, true, out);
        out[ALPHA_U] = a;
        out[ALPHA_V] = a;
        return MaterialLayout.TRANSLUCENT;
    }

    /**
     * pbrt-v3 "hair" with CreateHairMaterial's names, defaults and precedence (materials/hair.cpp):
     * "sigma_a", else "color" (SigmaAFromReflectance), else "eumelanin"/"pheomelanin"
     * (SigmaAFromConcentration, a missing one 0), else eumelanin 1.3; "eta" 1.55, "beta_m" 0.3, "beta_n"
     * 0.3, "alpha" 2 degrees; every one may be textured. The parameters a given one overrides are warned
     * about as pbrt-v3 does ("Ignoring ..."). The BSDF is built per hit by HairKernel; the row is compiled
     * as textured (MaterialCompiler) so that the hit's v, which gives the offset h across the fibre, is
     * computed. A constant beta_m or beta_n outside (0, 1], which pbrt-v3 rejects (CHECK) or divides by
     * zero with, is warned about and clamped to [1e-3, 1].
     */
    int hair(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        boolean sigma = ps.has("sigma_a"), color = ps.has("color");
        boolean melanin = ps.has("eumelanin") || ps.has("pheomelanin");
        int mode = MaterialLayout.HAIR_MELANIN;
        if (sigma) {
            mode = MaterialLayout.HAIR_SIGMA_A;
            ignoredHairParams(ps, "\"sigma_a\" was provided", "color", "eumelanin", "pheomelanin");
        } else if (color) {
            mode = MaterialLayout.HAIR_COLOR;
            ignoredHairParams(ps, "\"color\" was provided", "eumelanin", "pheomelanin");
        }
        float[] sa = ps.getRgb("sigma_a", new float[3]);
        for (int c = 0; c < 3; c++) {
            sa[c] = Math.max(0, sa[c]);
        }
        put3(out, MaterialLayout.HR_SIGMA_A, sa);
        put3(out, MaterialLayout.HR_COLOR, ps.getRgb("color", new float[3]));
        boolean defaults = !sigma && !color && !melanin;
        out[MaterialLayout.HR_EUMELANIN] = num(ps, "eumelanin", defaults ? 1.3f : 0f);
        out[MaterialLayout.HR_PHEOMELANIN] = num(ps, "pheomelanin", 0f);
        out[MaterialLayout.HR_ETA] = num(ps, "eta", 1.55f);
        out[MaterialLayout.HR_BETA_M] = hairBeta(ps, "beta_m");
        out[MaterialLayout.HR_BETA_N] = hairBeta(ps, "beta_n");
        out[MaterialLayout.HR_ALPHA] = num(ps, "alpha", 2f);
        out[MaterialLayout.HR_MODE] = mode;
        // Unequal: the path tracer then builds the shading frame along dp/du (the fibre's axis).
        out[ALPHA_U] = 1;
        out[ALPHA_V] = 0;
        return MaterialLayout.HAIR;
    }

    /** pbrt-v3's "Ignoring ... since ..." warning for each of {@code names} the material gives. */
    private void ignoredHairParams(ParamSet ps, String since, String... names) {
        for (String n : names) {
            Param p = ps.get(n);
            if (p != null) {
                warnings.add(new SceneWarning(p.loc(), "hair: ignoring \"" + n + "\" since " + since));
            }
        }
    }

    private float hairBeta(ParamSet ps, String name) {
        float b = num(ps, name, 0.3f);
        if (!(b > 0 && b <= 1)) {
            Param p = ps.get(name);
            warnings.add(new SceneWarning(p.loc(), "hair: \"" + name + "\" " + b + " is outside (0, 1] (pbrt-v3 rejects"
                    + " it or divides by zero); clamped to " + Math.max(1e-3f, Math.min(1f, b))));
        }
        return b;
    }

    /** The tables of the "fourier" materials compiled so far. */
    final FourierTables fourierTables = new FourierTables();

    /**
     * pbrt-v3 "fourier" (materials/fourier.cpp): FourierBSDF with the table of its "bsdffile", which the
     * parser read with the statement (resolved as pbrt-v3 resolves it, against the scene file's directory)
     * so that it travels with the scene; FourierTables reads it. "bumpmap" is bound as for every material.
     * pbrt-v3 renders a material whose file it cannot read as black after an error; here that is an error
     * at the scene's line.
     */
    int fourier(MaterialDesc m, float[] out) {
        Param p = m.params().get("bsdffile");
        if (m.file() == null) {
            throw new SceneException(p == null ? m.loc() : p.loc(), "material \"fourier\" needs \"string bsdffile\""
                    + " naming its tabulated BSDF (.bsdf) file");
        }
        out[MaterialLayout.FR_TABLE] = fourierTables.add(m.file(), p.loc());
        return MaterialLayout.FOURIER;
    }

    /** Glass with uroughness or vroughness above 0: pbrt-v3's MicrofacetReflection plus MicrofacetTransmission. */
    static int roughGlass(ParamSet ps, float[] out) {
        out[ALPHA_U] = alpha(ps, "uroughness", 0f, true, out);
        out[ALPHA_V] = alpha(ps, "vroughness", 0f, true, out);
        return MaterialLayout.ROUGH_GLASS;
    }

    /**
     * pbrt-v3 "mix": namedmaterial1 weighted by "amount", namedmaterial2 by 1 - amount (mixmaterial.cpp
     * scales m1's BxDFs by the amount). In a LuxRender scene the amount weights namedmaterial2
     * (LuxRender's MixMaterial). An undefined name is warned about and becomes matte, as pbrt-v3's
     * MakeMaterial does.
     */
    int mix(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        put3(out, MIX_AMOUNT, ps.getRgb("amount", new float[] {0.5f, 0.5f, 0.5f}));
        if (mixDepth.containsKey(m)) {
            throw new SceneException(m.loc(), "mix material" + (m.name() == null ? "" : " \"" + m.name() + "\"")
                    + " contains itself through namedmaterial1/namedmaterial2");
        }
        mixDepth.put(m, MaterialLayout.MAX_MIX_DEPTH + 1);
        MaterialDesc a = component(m, "namedmaterial1", "mix"), b = component(m, "namedmaterial2", "mix");
        int depth = 1 + Math.max(depthOf(a), depthOf(b));
        if (depth > MaterialLayout.MAX_MIX_DEPTH) {
            throw new SceneException(m.loc(), "mix materials nest " + depth + " deep; at most "
                    + MaterialLayout.MAX_MIX_DEPTH + " are supported");
        }
        int first = compile.applyAsInt(a), second = compile.applyAsInt(b);
        mixDepth.put(m, depth);
        boolean lux = dialect == Dialect.LUXRENDER;
        out[MIX_FIRST] = lux ? second : first;
        out[MIX_SECOND] = lux ? first : second;
        return MaterialLayout.MIX;
    }

    /**
     * LuxRender "doubleside" (materials/doubleside.cpp): "frontnamedmaterial" where the ray arrives on
     * the geometric normal's side, "backnamedmaterial" elsewhere (DoubleSideBSDF::F, SampleF and Pdf pick
     * by Dot(wo, ng) > 0). Both names must be named materials (CreateMaterial fails without them; here a
     * warning and matte). DoubleSideMaterial::GetBSDF builds a side's BSDF with the normals flipped, so
     * that the material sees the other side of itself, for the front when "usefrontforfront" is false and
     * for the back when "usefrontforback" is true (both default true, as LuxBlend writes them; the older
     * doubleside.cpp calls the latter "alwaysfront"): the DBL_FLIP_ slots, which make the path tracer
     * flip the geometric and shading normals for that side's scattering (after its bump map, which
     * LuxRender computes on the flipped normal). Shadow rays pass a null side of a triangle
     * (TraceKernel#blocks, MediumKernel#mediumAcross) but not of a sphere or curve, which a warning says
     * where one side is null.
     */
    int doubleside(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        if (mixDepth.containsKey(m)) {
            throw new SceneException(m.loc(), "doubleside material" + (m.name() == null ? "" : " \"" + m.name()
                    + "\"") + " contains itself through frontnamedmaterial/backnamedmaterial");
        }
        mixDepth.put(m, MaterialLayout.MAX_MIX_DEPTH + 1);
        MaterialDesc front = component(m, "frontnamedmaterial", "doubleside");
        MaterialDesc back = component(m, "backnamedmaterial", "doubleside");
        boolean flipFront = !ps.getBool("usefrontforfront", true);
        boolean flipBack = ps.getBool("usefrontforback", ps.getBool("alwaysfront", true));
        int depth = 1 + Math.max(depthOf(front), depthOf(back));
        if (depth > MaterialLayout.MAX_MIX_DEPTH) {
            throw new SceneException(m.loc(), "mix and doubleside materials nest " + depth + " deep; at most "
                    + MaterialLayout.MAX_MIX_DEPTH + " are supported");
        }
        out[MaterialLayout.DBL_FRONT] = compile.applyAsInt(front);
        out[MaterialLayout.DBL_BACK] = compile.applyAsInt(back);
        mixDepth.put(m, depth);
        out[MaterialLayout.DBL_FLIP_FRONT] = flipFront ? 1 : 0;
        out[MaterialLayout.DBL_FLIP_BACK] = flipBack ? 1 : 0;
        if (front.type().equals("null") != back.type().equals("null")) {
            warnings.add(new SceneWarning(m.loc(), "doubleside: its null side lets shadow rays through on triangles"
                    + " only; on spheres and curves it blocks them, as its other side does"));
        }
        return MaterialLayout.DOUBLESIDE;
    }

    /** The mix depth of a compiled LuxRender layered or cloth material (MaterialCompiler's mix chain for it). */
    java.util.function.ToIntFunction<MaterialDesc> layeredDepth = c -> 0;

    /** How deep the mix chain of {@code c} nests (0 when it is no mix or layered material). */
    int depthOf(MaterialDesc c) {
        if (c.type().equals("layered") || c.type().equals("cloth")) {
            compile.applyAsInt(c);
            return layeredDepth.applyAsInt(c);
        }
        if (!c.type().equals("mix") && !c.type().equals("doubleside")) {
            return 0;
        }
        compile.applyAsInt(c);
        return mixDepth.get(c);
    }

    private MaterialDesc component(MaterialDesc m, String param, String what) {
        String name = m.params().getString(param, "");
        MaterialDesc c = named.get(name);
        if (c == null) {
            Param p = m.params().get(param);
            warnings.add(new SceneWarning(p == null ? m.loc() : p.loc(), what + ": " + param + " \"" + name
                    + "\" is not a named material; matte used"));
            c = MaterialDesc.defaultMatte();
        }
        return inVolumesOf(m, c, inVolumes);
    }

    /** Materials given a container's volumes, one per (material, interior, exterior). */
    private final Map<List<Object>, MaterialDesc> inVolumes = new java.util.HashMap<>();

    /**
     * Component {@code c} of {@code container} on the container's surface: a glass2, mix or layered
     * component gets the container's Interior and Exterior (LuxRender gives every component the
     * intersection's volumes); others are returned as they are.
     */
    static MaterialDesc inVolumesOf(MaterialDesc container, MaterialDesc c, Map<List<Object>, MaterialDesc> cache) {
        boolean uses = c.type().equals("glass2") || c.type().equals("null") || c.type().equals("mix")
                || c.type().equals("layered") || c.type().equals("doubleside") || c.type().equals("glossycoating");
        if (!uses || (container.interior() == null && container.exterior() == null)
                || c.interior() != null || c.exterior() != null) {
            return c;
        }
        return cache.computeIfAbsent(java.util.Arrays.asList(c, container.interior(), container.exterior()),
                k -> c.withVolumes(container.interior(), container.exterior()));
    }
}
