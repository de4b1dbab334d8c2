package org.luxnet.scene.compile;

import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_U;
import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_V;
import static org.luxnet.scene.compiled.MaterialLayout.BUMP;
import static org.luxnet.scene.compiled.MaterialLayout.BUMP_DELTA;
import static org.luxnet.scene.compiled.MaterialLayout.BUMP_MODE;
import static org.luxnet.scene.compiled.MaterialLayout.ETA;
import static org.luxnet.scene.compiled.MaterialLayout.KD;
import static org.luxnet.scene.compiled.MaterialLayout.KS;
import static org.luxnet.scene.compiled.MaterialLayout.KT;
import static org.luxnet.scene.compiled.MaterialLayout.METAL_ETA;
import static org.luxnet.scene.compiled.MaterialLayout.METAL_K;
import static org.luxnet.scene.compiled.MaterialLayout.ON_A;
import static org.luxnet.scene.compiled.MaterialLayout.ON_B;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.MaterialDesc;
import org.luxnet.scene.desc.NkData;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.TextureDesc;

/**
 * Compiles material descriptions into the flat material table. An explicit registry maps each
 * LuxRender or pbrt material name to its compiler; materials the renderer does not model give a
 * warning at their place and render as grey matte. Each distinct description is compiled once. A
 * texturable parameter (see TEXTURABLE) that names a texture gets a texture program ({@link
 * TextureCompiler}) for its slot; any other texture-valued parameter is warned about and keeps its
 * default.
 */
final class MaterialCompiler {
    private interface Compile {
        int compile(MaterialDesc m, float[] out);
    }

    private final Map<String, Compile> registry = Map.ofEntries(
            Map.entry("matte", this::matte),
            Map.entry("mirror", this::mirror),
            Map.entry("glass", this::glass),
            Map.entry("glass2", this::luxMaterial),
            Map.entry("roughglass", this::luxMaterial),
            Map.entry("glossy", this::luxMaterial),
            Map.entry("carpaint", this::luxMaterial),
            Map.entry("shinymetal", this::luxMaterial),
            Map.entry("velvet", this::luxMaterial),
            Map.entry("metal2", this::luxMaterial),
            Map.entry("glossy_lossy", this::luxMaterial),
            Map.entry("glossytranslucent", this::luxMaterial),
            Map.entry("scatter", this::luxMaterial),
            Map.entry("cloth", this::cloth),
            Map.entry("layered", (m, out) -> MaterialLayout.NULL),
            Map.entry("substrate", this::glossy),
            Map.entry("metal", this::metal),
            Map.entry("plastic", this::plastic),
            Map.entry("mattetranslucent", this::matteTranslucent),
            Map.entry("uber", (m, out) -> this.pbrt.uber(m, out)),
            Map.entry("translucent", (m, out) -> this.pbrt.translucent(m, out)),
            Map.entry("disney", (m, out) -> this.pbrt.disney(m, out)),
            Map.entry("mix", (m, out) -> this.pbrt.mix(m, out)),
            Map.entry("doubleside", (m, out) -> this.pbrt.doubleside(m, out)),
            Map.entry("hair", (m, out) -> this.pbrt.hair(m, out)),
            Map.entry("kdsubsurface", (m, out) -> this.sss.kdSubsurface(m, out)),
            Map.entry("subsurface", (m, out) -> this.sss.subsurface(m, out)),
            Map.entry("fourier", (m, out) -> this.pbrt.fourier(m, out)),
            Map.entry("null", (m, out) -> this.nullMaterial(m, out)),
            Map.entry("none", (m, out) -> this.nullMaterial(m, out)),
            // pbrt-v4's medium boundary; pbrt-v3 scenes write "" or "none" for it.
            Map.entry("interface", (m, out) -> this.nullMaterial(m, out)),
            Map.entry("", (m, out) -> this.nullMaterial(m, out)));

    /** A material parameter that may be textured: its name and the slot and width it fills. */
    record Slot(String param, int slot, int width) {
    }

    static final Slot[] ROUGHNESS = {new Slot("uroughness", ALPHA_U, 1), new Slot("vroughness", ALPHA_V, 1),
        new Slot("roughness", ALPHA_U, 1), new Slot("roughness", ALPHA_V, 1)};

    /** Texturable parameters per material type (LuxRender and pbrt names). */
    private static final Map<Integer, Slot[]> TEXTURABLE = Map.of(
            MaterialLayout.MATTE, new Slot[] {new Slot("Kd", KD, 3)},
            MaterialLayout.MIRROR, new Slot[] {new Slot("Kr", KS, 3)},
            MaterialLayout.GLASS, new Slot[] {new Slot("Kr", KS, 3), new Slot("Kt", KT, 3)},
            MaterialLayout.ARCH_GLASS, new Slot[] {new Slot("Kr", KS, 3), new Slot("Kt", KT, 3)},
            MaterialLayout.GLOSSY, concat(new Slot[] {new Slot("Kd", KD, 3), new Slot("Ks", KS, 3)}, ROUGHNESS),
            MaterialLayout.PLASTIC, concat(new Slot[] {new Slot("Kd", KD, 3), new Slot("Ks", KS, 3)}, ROUGHNESS),
            MaterialLayout.METAL, concat(new Slot[] {new Slot("eta", METAL_ETA, 3), new Slot("n", METAL_ETA, 3),
                new Slot("k", METAL_K, 3)}, ROUGHNESS),
            MaterialLayout.MATTE_TRANSLUCENT, new Slot[] {new Slot("Kr", KD, 3), new Slot("Kt", KT, 3)},
            MaterialLayout.CLOTH, new Slot[] {new Slot("warp_Kd", MaterialLayout.CL_WARP_KD, 3),
                new Slot("warp_Ks", MaterialLayout.CL_WARP_KS, 3), new Slot("weft_Kd", MaterialLayout.CL_WEFT_KD, 3),
                new Slot("weft_Ks", MaterialLayout.CL_WEFT_KS, 3)});

    /** LuxRender matte.cpp's default Kd. */
    static final float LUX_MATTE_KD = 0.9f;

    private final Dialect dialect;
    private PbrtMaterials pbrt;
    /** pbrt-v3's subsurface materials: a dielectric boundary around a medium of their own. */
    private SubsurfaceMaterials sss;
    private final List<SceneWarning> warnings;
    private final LuxMaterials lux;
    private final TextureCompiler textures;
    private final Map<String, TextureDesc> textureDefs;
    private final IntList texStart = new IntList();
    private final IntList texRoot = new IntList();
    private final IntList texWidth = new IntList();
    private final IntList textured = new IntList();
    private final IdentityHashMap<MaterialDesc, Integer> index = new IdentityHashMap<>();
    /** Materials being compiled: a mix that reaches one of them again refers to itself. */
    private final Set<MaterialDesc> compiling = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private Map<String, MaterialDesc> namedMaterials = Map.of();
    private final List<Integer> types = new ArrayList<>();
    private final List<float[]> params = new ArrayList<>();

    MaterialCompiler(Dialect dialect, Map<String, TextureDesc> textureDefs, Map<String, MaterialDesc> namedMaterials,
                     List<SceneWarning> warnings) {
        this(dialect, textureDefs, namedMaterials, warnings, new MediaTable(true, warnings));
    }

    /** A compiler whose glass2, glass and null rows refer to the media of {@code media}. */
    MaterialCompiler(Dialect dialect, Map<String, TextureDesc> textureDefs, Map<String, MaterialDesc> namedMaterials,
                     List<SceneWarning> warnings, MediaTable media) {
        this.dialect = dialect;
        this.warnings = warnings;
        this.lux = new LuxMaterials(warnings, textureDefs, media);
        this.textures = new TextureCompiler(dialect, textureDefs, warnings);
        this.sss = new SubsurfaceMaterials(warnings, media, textures);
        this.textureDefs = textureDefs;
        this.pbrt = new PbrtMaterials(dialect, namedMaterials, warnings, this::indexOf);
        this.pbrt.layeredDepth = c -> layeredDepth.getOrDefault(c, 0);
        this.namedMaterials = namedMaterials;
    }

    /** The tables of the scene's pbrt-v3 "fourier" materials. */
    FourierTables fourierTables() {
        return pbrt.fourierTables;
    }

    static Slot[] concat(Slot[] a, Slot[] b) {
        Slot[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Index of the compiled material for {@code m}, compiling it on first use. */
    int indexOf(MaterialDesc m) {
        Integer i = index.get(m);
        if (i != null) {
            return i;
        }
        if (dialect == Dialect.LUXRENDER && m.params().has("Sc")) {
            // LuxBlend writes "color Sc" on every material; LuxRender reads it only in mix and null, as the
            // background colour of its AR compositing (arpath), which changes nothing a path tracer renders.
            m.params().get("Sc");
        }
        if (m.type().equals("layered")) {
            return layered(m);
        }
        if (m.type().equals("glossycoating") && dialect == Dialect.LUXRENDER) {
            return glossyCoating(m);
        }
        if (!compiling.add(m)) {
            throw new SceneException(m.loc(), "material \"" + m.type() + "\"" + (m.name() == null ? "" : " \"" + m.name()
                    + "\"") + " contains itself through its mix components");
        }
        float[] out = new float[MaterialLayout.STRIDE];
        Compile c = registry.get(m.type());
        int type;
        int[] start = new int[MaterialLayout.STRIDE], root = new int[MaterialLayout.STRIDE];
        int[] width = new int[MaterialLayout.STRIDE];
        java.util.Arrays.fill(start, -1);
        java.util.Arrays.fill(root, -1);
        boolean any = false;
        if (c == null) {
            warnings.add(new SceneWarning(m.loc(), "material \"" + m.type() + "\""
                    + " is not supported; rendered as grey matte (supported: "
                    + String.join(", ", new TreeSet<>(registry.keySet()).stream()
                    .filter(s -> !s.isEmpty()).toList()) + ")"));
            type = matteOf(new float[] {0.5f, 0.5f, 0.5f}, 0, out);
        } else {
            type = c.compile(m, out);
            any = bindTextures(m, type, start, root, width);
            // Hair needs the hit's (u, v) (h = -1 + 2 v across the fibre), which shading a textured row computes.
            any |= type == MaterialLayout.HAIR;
            // So does cloth, whose yarn is looked up from them (ClothKernel).
            any |= type == MaterialLayout.CLOTH;
            any |= type != MaterialLayout.NULL && bindBump(m, out, start, root, width);
            if (start[BUMP] >= 0) {
                warnBumpedNormals(m, start, root);
            }
            warnTextures(m);
            warnings.addAll(m.params().unused("material \"" + m.type() + "\""));
        }
        int id = addRow(type, out, start, root, width, any);
        index.put(m, id);
        compiling.remove(m);
        return id;
    }

    /** glossycoating bases put in the shape's volumes ({@link PbrtMaterials#inVolumesOf}). */
    private final Map<List<Object>, MaterialDesc> coatVolumes = new java.util.HashMap<>();

    /**
     * LuxRender's "glossycoating" (materials/glossy2.cpp GlossyCoating): a SchlickBSDF coating (Ks or index,
     * Ka, d, u/vroughness, multibounce) over the BSDF of its "basematerial". Over a matte base that is
     * exactly LuxRender's glossy (Glossy2::GetBSDF builds the same SchlickBSDF over Lambertian(Kd)), so it
     * compiles as glossy with the base's Kd (and sigma, and its bump map when the coating has none). Over
     * any other base the coating is not rendered: the base alone, with a warning. A basematerial that names
     * no material is refused by LuxRender ("Base material for glossycoating is incorrect"): grey matte here,
     * with a warning.
     */
    private int glossyCoating(MaterialDesc m) {
        ParamSet ps = m.params();
        if (!compiling.add(m)) {
            throw new SceneException(m.loc(), "material \"glossycoating\"" + (m.name() == null ? "" : " \"" + m.name()
                    + "\"") + " contains itself through its basematerial");
        }
        String baseName = ps.getString("basematerial", "");
        MaterialDesc base = baseName.isEmpty() ? null : namedMaterials.get(baseName);
        int id;
        if (base == null) {
            for (Param p : ps.all()) {
                p.markUsed();
            }
            warnings.add(new SceneWarning(ps.has("basematerial") ? ps.get("basematerial").loc() : m.loc(),
                    "glossycoating: basematerial \"" + baseName + "\" is not a named material (LuxRender refuses the"
                    + " material); rendered as grey matte"));
            float[] out = new float[MaterialLayout.STRIDE];
            int[] none = new int[MaterialLayout.STRIDE];
            java.util.Arrays.fill(none, -1);
            id = addRow(matteOf(new float[] {0.5f, 0.5f, 0.5f}, 0, out), out, none, none.clone(),
                    new int[MaterialLayout.STRIDE], false);
        } else if (base.type().equals("matte")) {
            List<Param> merged = new ArrayList<>();
            for (Param p : ps.all()) {
                if (!p.name().equals("basematerial")) {
                    merged.add(p);
                }
            }
            boolean kd = false;
            for (Param p : base.params().all()) {
                if (p.name().equals("Kd") || p.name().equals("sigma") || (p.name().equals("bumpmap") && !ps.has("bumpmap"))) {
                    merged.add(p);
                    kd |= p.name().equals("Kd");
                }
            }
            if (!kd) {
                // matte.cpp's Kd default (0.9), not glossy's (1).
                merged.add(Param.numbers("Kd", ParamType.COLOR, new double[] {LUX_MATTE_KD, LUX_MATTE_KD, LUX_MATTE_KD},
                        base.loc()));
            }
            id = indexOf(new MaterialDesc("glossy", new ParamSet(merged), m.name(), m.loc(), m.interior(), m.exterior(),
                    null));
        } else {
            ps.get("basematerial");
            warnings.add(new SceneWarning(m.loc(), "glossycoating over a \"" + base.type() + "\" base: the coating is"
                    + " rendered over matte bases only; this one renders as its base material alone"));
            for (Param p : ps.all()) {
                p.markUsed();
            }
            // LuxRender hands the base the intersection's volumes, as a mix its components.
            id = indexOf(PbrtMaterials.inVolumesOf(m, base, coatVolumes));
        }
        compiling.remove(m);
        index.put(m, id);
        return id;
    }

    /** Appends a material row (its type, parameters and texture bindings); returns its index. */
    private int addRow(int type, float[] out, int[] start, int[] root, int[] width, boolean any) {
        int id = types.size();
        types.add(type);
        params.add(out);
        for (int k = 0; k < MaterialLayout.STRIDE; k++) {
            texStart.add(start[k]);
            texRoot.add(root[k]);
            texWidth.add(width[k]);
        }
        textured.add(any ? 1 : 0);
        return id;
    }

    /**
     * LuxRender's "layered" (materials/layeredmaterial.cpp): namedmaterial1..4 (LayeredMaterial reads
     * four), each with a float-texture "opacity1".."opacity4" (default 1). addMat makes each layer's BSDF
     * mix(opacity x material, (1 - opacity) x null) and drops a layer whose opacity is 0 or less; with no
     * layer the BSDF is null. LayeredBSDF (core/reflection/bxdf/layeredbsdf.cpp) then estimates F by a
     * random walk through the layers (10 walks of up to 4 x layers steps, a clock-seeded generator) and
     * samples directions uniformly over the sphere. The walk's first term is that of light meeting the
     * layers in order: layer k is seen with probability opacity_k x prod(1 - opacity_i) over the layers
     * in front of it, and what no layer stops passes straight through (SampleF's specular pass-through,
     * prod(1 - opacity_i)). That is what is compiled here, as a chain of mixes: each layer a mix of its
     * material (amount: its opacity, textured too) and the layers behind, the last ones behind null. It
     * is LuxRender's expected F for one opaque non-specular layer; it lacks the walk's light scattered
     * between layers, and LuxRender takes the layers from the last one when both directions are below
     * the surface (a warning says so, once per layered material with more than that one layer).
     */
    private final Map<List<Object>, MaterialDesc> layeredInVolumes = new java.util.HashMap<>();
    /** Mixes a compiled layered material's chain nests (for the kernel's bound). */
    private final IdentityHashMap<MaterialDesc, Integer> layeredDepth = new IdentityHashMap<>();

    private int layered(MaterialDesc m) {
        ParamSet ps = m.params();
        List<MaterialDesc> layers = new ArrayList<>();
        List<Param> opacities = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean exact = true;
        for (int i = 1; i <= 4; i++) {
            String name = ps.getString("namedmaterial" + i, "");
            Param op = ps.get("opacity" + i);
            MaterialDesc c = name.isEmpty() ? null : namedMaterials.get(name);
            if (!name.isEmpty() && c == null) {
                warnings.add(new SceneWarning(ps.get("namedmaterial" + i).loc(), "layered: namedmaterial" + i + " \""
                        + name + "\" is not a named material"));
            }
            boolean constant = op == null || op.type() != ParamType.TEXTURE;
            if (!constant) {
                op.markUsed();
            }
            double o = constant ? ps.getFloat("opacity" + i, 1) : 0.5;
            if (c == null || (constant && o <= 0)) {
                continue; // LayeredMaterial::addMat: no material, or opacity <= 0: no layer
            }
            exact &= constant && o >= 1;
            layers.add(c);
            opacities.add(op);
            names.add("namedmaterial" + i + " \"" + name + "\"");
        }
        if (layers.size() > 1 || !exact) {
            warnings.add(new SceneWarning(m.loc(), "layered (LuxRender's experimental LayeredBSDF) is rendered as its"
                    + " layers stacked front to back (" + String.join(", ", names) + "), each seen with its opacity and"
                    + " the rest passing to the layers behind; the light LuxRender's random walk scatters between the"
                    + " layers, and its reversed order on the back side, are not modelled"));
        }
        warnings.addAll(ps.unused("material \"layered\""));
        if (!compiling.add(m)) {
            throw new SceneException(m.loc(), "layered material contains itself through its layers");
        }
        MaterialDesc nothing = PbrtMaterials.inVolumesOf(m, new MaterialDesc("null", new ParamSet(), null, m.loc()),
                layeredInVolumes);
        int id = -1;
        int depth = 0;
        for (int k = layers.size() - 1; k >= 0; k--) {
            MaterialDesc c = PbrtMaterials.inVolumesOf(m, layers.get(k), layeredInVolumes);
            int layer = indexOf(c);
            int below = pbrt.depthOf(c);
            Param op = opacities.get(k);
            if (op == null || (op.type() != ParamType.TEXTURE && op.numbers()[0] >= 1)) {
                id = layer; // opaque: nothing behind it is seen
                depth = below;
            } else {
                id = layerMix(m, op, layer, id < 0 ? indexOf(nothing) : id);
                depth = 1 + Math.max(depth, below);
            }
        }
        if (depth > MaterialLayout.MAX_MIX_DEPTH) {
            throw new SceneException(m.loc(), "layered material's layers and mixes nest " + depth + " deep; at most "
                    + MaterialLayout.MAX_MIX_DEPTH + " are supported");
        }
        if (id < 0) {
            id = indexOf(nothing); // no layer: LayeredMaterial::GetBSDF adds a null
        }
        compiling.remove(m);
        index.put(m, id);
        layeredDepth.put(m, depth);
        return id;
    }

    /** Pattern tables already in the texel pool, by preset; specularNormalization by preset and repeats. */
    private final Map<String, Integer> clothTables = new java.util.HashMap<>();
    private final Map<List<Object>, Float> clothNorms = new java.util.HashMap<>();

    /**
     * LuxRender's "cloth" (materials/cloth.cpp Cloth::CreateMaterial, Irawan and Marschner's woven-cloth BRDF
     * from Mitsuba, core/reflection/bxdf/irawan.cpp): "presetname" (default denim; any other name is denim
     * there, silently, and a warning here), warp_Kd, warp_Ks, weft_Kd, weft_Ks (colours or textures, default
     * black; GetBSDF clamps them to [0, 1], the kernel does), repeat_u and repeat_v (default 100). The preset's
     * pattern table goes to the texel pool once per scene ({@link ClothPresets}); the row keeps its index, the
     * repeats and Cloth's specularNormalization, estimated as the Cloth constructor does (100000 samples of
     * evalSpecular under diffuse illumination; {@link org.luxnet.render.transport.HostTextures#clothNormalization},
     * the kernel's code) but from java.util.Random(1) rather than LuxRender's RandomGenerator(1), so it matches
     * LuxRender's to the estimate's Monte Carlo error. ClothKernel evaluates the BSDF per hit.
     */
    private int cloth(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        String preset = ps.getString("presetname", "denim");
        ClothPresets.Pattern pattern = ClothPresets.PRESETS.get(preset);
        if (pattern == null) {
            warnings.add(new SceneWarning(ps.get("presetname").loc(), "cloth presetname \"" + preset + "\" is no"
                    + " preset; denim used, as cloth.cpp's CreateMaterial takes any other name (presets: "
                    + String.join(", ", new TreeSet<>(ClothPresets.PRESETS.keySet())) + ")"));
            preset = "denim";
            pattern = ClothPresets.PRESETS.get(preset);
        }
        float repeatU = (float) ps.getFloat("repeat_u", 100), repeatV = (float) ps.getFloat("repeat_v", 100);
        put3(out, MaterialLayout.CL_WARP_KD, ps.getRgb("warp_Kd", new float[3]));
        put3(out, MaterialLayout.CL_WARP_KS, ps.getRgb("warp_Ks", new float[3]));
        put3(out, MaterialLayout.CL_WEFT_KD, ps.getRgb("weft_Kd", new float[3]));
        put3(out, MaterialLayout.CL_WEFT_KS, ps.getRgb("weft_Ks", new float[3]));
        ClothPresets.Pattern p = pattern;
        int table = clothTables.computeIfAbsent(preset, k -> textures.rawTexels(p.table()));
        float norm = clothNorms.computeIfAbsent(List.of(preset, repeatU, repeatV), k -> {
            java.util.Random random = new java.util.Random(1);
            return new org.luxnet.render.transport.HostTextures(new int[0], new int[0], new float[0], p.table(),
                    new int[0]).clothNormalization(0, repeatU, repeatV, 100000, random::nextFloat);
        });
        out[MaterialLayout.CL_REPEAT_U] = repeatU;
        out[MaterialLayout.CL_REPEAT_V] = repeatV;
        out[MaterialLayout.CL_SPEC_NORM] = norm;
        out[MaterialLayout.CL_TABLE_HI] = table >> 12;
        out[MaterialLayout.CL_TABLE_LO] = table & 4095;
        // LuxRender's BSDF frame lies along dp/du (the path tracer builds it where ALPHA_U != ALPHA_V).
        out[ALPHA_U] = 1;
        out[ALPHA_V] = 0;
        return MaterialLayout.CLOTH;
    }

    /** A mix row: {@code layer} with the amount opacity {@code op} (a number or a float texture), else {@code behind}. */
    private int layerMix(MaterialDesc m, Param op, int layer, int behind) {
        Param amount = op.type() == ParamType.TEXTURE
                ? Param.strings("amount", ParamType.TEXTURE, op.strings(), op.loc())
                : Param.numbers("amount", ParamType.FLOAT, op.numbers(), op.loc());
        MaterialDesc mix = new MaterialDesc("mix", new ParamSet(List.of(amount)), null, m.loc());
        float[] out = new float[MaterialLayout.STRIDE];
        float o = op.type() == ParamType.TEXTURE ? 0.5f : (float) op.numbers()[0];
        out[MaterialLayout.MIX_AMOUNT] = o;
        out[MaterialLayout.MIX_AMOUNT + 1] = o;
        out[MaterialLayout.MIX_AMOUNT + 2] = o;
        out[MaterialLayout.MIX_FIRST] = layer;
        out[MaterialLayout.MIX_SECOND] = behind;
        int[] start = new int[MaterialLayout.STRIDE], root = new int[MaterialLayout.STRIDE];
        int[] width = new int[MaterialLayout.STRIDE];
        java.util.Arrays.fill(start, -1);
        java.util.Arrays.fill(root, -1);
        boolean any = bindTextures(mix, MaterialLayout.MIX, start, root, width);
        return addRow(MaterialLayout.MIX, out, start, root, width, any);
    }

    int[] types() {
        return types.stream().mapToInt(Integer::intValue).toArray();
    }

    float[] params() {
        float[] all = new float[params.size() * MaterialLayout.STRIDE];
        for (int i = 0; i < params.size(); i++) {
            System.arraycopy(params.get(i), 0, all, i * MaterialLayout.STRIDE, MaterialLayout.STRIDE);
        }
        return all;
    }

    /** Compiles the textures bound to m's texturable parameters into start/root/width per slot. */
    private boolean bindTextures(MaterialDesc m, int type, int[] start, int[] root, int[] width) {
        boolean any = false;
        ParamSet ps = m.params();
        boolean anisotropic = ps.has("uroughness") || ps.has("vroughness");
        for (Slot s : TEXTURABLE.getOrDefault(type,
                LuxMaterials.TEXTURABLE.getOrDefault(type, PbrtMaterials.texturable(type)))) {
            boolean shadowed = s.param().equals("roughness") && anisotropic;
            if (isTexture(ps, s.param()) && !shadowed) {
                int[] prog = textures.program(ps.get(s.param()));
                if (prog != null) {
                    start[s.slot()] = prog[0];
                    root[s.slot()] = prog[1];
                    width[s.slot()] = s.width();
                    any = true;
                }
            }
        }
        return any;
    }

    /**
     * LuxRender evaluates a material's textures at its bumped shading geometry (core/primitive.cpp
     * Intersection::GetBSDF runs Material::GetShadingGeometry first), so "globalnormal" and
     * "localnormal" coordinates there take the bumped normal; here the textures are evaluated before
     * the bump (TextureKernel, then BumpKernel) and take the unbumped one. Says so once per material.
     */
    private void warnBumpedNormals(MaterialDesc m, int[] start, int[] root) {
        float[] p = textures.params();
        for (int k = 0; k < MaterialLayout.STRIDE; k++) {
            for (int i = start[k]; k != BUMP && i >= 0 && i <= root[k]; i++) {
                int kind = (int) p[i * org.luxnet.scene.compiled.TextureLayout.NODE_STRIDE
                        + org.luxnet.scene.compiled.TextureLayout.MAPPING];
                if (kind == org.luxnet.scene.compiled.TextureLayout.MAP3D_GLOBALNORMAL
                        || kind == org.luxnet.scene.compiled.TextureLayout.MAP3D_LOCALNORMAL) {
                    warnings.add(new SceneWarning(m.loc(), "material \"" + m.type() + "\" has a bump map and a texture"
                            + " in normal coordinates: LuxRender evaluates that texture at the bumped normal"
                            + " (Intersection::GetBSDF), here at the unbumped one"));
                    return;
                }
            }
        }
    }

    /**
     * The "bumpmap" of any material type, both dialects: its texture program in the {@link
     * MaterialLayout#BUMP} slot and the rule that applies it (see BumpKernel). A LuxRender "normalmap"
     * texture is read as a colour; pbrt-v3 steps .0005 in (u, v) (its step without ray differentials),
     * LuxRender "bumpmapsampledistance" (default .001, core/material.cpp) in world units.
     */
    private boolean bindBump(MaterialDesc m, float[] out, int[] start, int[] root, int[] width) {
        ParamSet ps = m.params();
        boolean lux = dialect == Dialect.LUXRENDER;
        float delta = lux ? (float) ps.getFloat("bumpmapsampledistance", 0.001) : 0.0005f;
        if (!isTexture(ps, "bumpmap")) {
            return false;
        }
        Param p = ps.get("bumpmap");
        TextureDesc t = textureDefs.get(p.strings()[0]);
        boolean normalMap = t != null && t.textureClass().equals("normalmap");
        int[] prog = normalMap ? textures.normalMapProgram(p) : textures.program(p);
        if (prog == null) {
            return false;
        }
        start[BUMP] = prog[0];
        root[BUMP] = prog[1];
        width[BUMP] = normalMap ? 3 : 1;
        out[BUMP_MODE] = normalMap ? MaterialLayout.BUMP_NORMAL_MAP
                : lux ? MaterialLayout.BUMP_LUX : MaterialLayout.BUMP_PBRT;
        out[BUMP_DELTA] = delta;
        return true;
    }

    int[] texStarts() {
        return texStart.toArray();
    }

    int[] texRoots() {
        return texRoot.toArray();
    }

    int[] texWidths() {
        return texWidth.toArray();
    }

    int[] textured() {
        return textured.toArray();
    }

    TextureCompiler textures() {
        return textures;
    }

    /** A float parameter, or def when absent or bound to a texture (the texture is compiled separately). */
    static float num(ParamSet ps, String name, float def) {
        return isTexture(ps, name) ? def : (float) ps.getFloat(name, def);
    }

    /** True when parameter {@code name} is bound to a texture; does not mark it used. */
    static boolean isTexture(ParamSet ps, String name) {
        for (Param p : ps.all()) {
            if (p.name().equals(name) && p.type() == ParamType.TEXTURE) {
                return true;
            }
        }
        return false;
    }

    private void warnTextures(MaterialDesc m) {
        for (var p : m.params().all()) {
            if (p.type() == ParamType.TEXTURE && !p.isUsed()) {
                p.markUsed();
                warnings.add(new SceneWarning(p.loc(), "texture \"" + p.strings()[0] + "\" for \"" + p.name()
                        + "\" of material \"" + m.type()
                        + "\" cannot be textured; the parameter's default is used"));
            }
        }
    }

    static void put3(float[] out, int off, float[] v) {
        out[off] = Math.max(0, v[0]);
        out[off + 1] = Math.max(0, v[1]);
        out[off + 2] = Math.max(0, v[2]);
    }

    private int nullMaterial(MaterialDesc m, float[] out) {
        return lux.nullWithVolumes(m, out);
    }

    /** The LuxRender 1.x materials ({@link LuxMaterials}); "glossy" is LuxRender's in a LuxRender scene only. */
    private int luxMaterial(MaterialDesc m, float[] out) {
        switch (m.type()) {
            case "carpaint": return lux.carPaint(m, out);
            case "shinymetal": return lux.shinyMetal(m, out);
            case "velvet": return lux.velvet(m, out);
            case "roughglass": return lux.roughGlass(m, out);
            case "metal2": return lux.metal2(m, out);
            case "glossy_lossy": return lux.glossyLossy(m, out);
            case "glossytranslucent": return lux.glossyTranslucent(m, out);
            case "scatter": return lux.scatter(m, out);
            case "glass2": return lux.glass2(m, out);
            default: return dialect == Dialect.LUXRENDER ? lux.glossy(m, out) : glossy(m, out);
        }
    }

    /** How deep mix materials nest in compiled material {@code mat} (0 for any other material). */
    private int matte(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        // pbrt-v3 matte.cpp: Kd 0.5; LuxRender matte.cpp: Kd 0.9.
        float kd = dialect == Dialect.LUXRENDER ? LUX_MATTE_KD : 0.5f;
        return matteOf(ps.getRgb("Kd", new float[] {kd, kd, kd}), num(ps, "sigma", 0), out);
    }

    private static int matteOf(float[] kd, float sigmaDegrees, float[] out) {
        put3(out, KD, kd);
        double s = Math.toRadians(sigmaDegrees), s2 = s * s;
        out[ON_A] = (float) (1 - s2 / (2 * (s2 + 0.33)));
        out[ON_B] = (float) (0.45 * s2 / (s2 + 0.09));
        return MaterialLayout.MATTE;
    }

    private int mirror(MaterialDesc m, float[] out) {
        float def = dialect == Dialect.PBRT ? 0.9f : 1f;
        put3(out, KS, m.params().getRgb("Kr", new float[] {def, def, def}));
        // LuxRender's mirror (materials/mirror.cpp) reflects through SpecularReflection(R, FresnelNoOp,
        // film, filmindex): thin-film interference when "film" > 0, as glass and shinymetal.
        if (num(m.params(), "film", 0) > 0) {
            warnings.add(new SceneWarning(m.params().get("film").loc(), "mirror thin-film interference (film,"
                    + " filmindex) is not supported and was ignored"));
        }
        m.params().get("filmindex");
        return MaterialLayout.MIRROR;
    }

    private int glass(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        put3(out, KS, ps.getRgb("Kr", new float[] {1, 1, 1}));
        put3(out, KT, ps.getRgb("Kt", new float[] {1, 1, 1}));
        float eta = num(ps, "index", num(ps, "eta", 1.5f));
        if (!(eta > 0)) {
            warnings.add(new SceneWarning(m.loc(), "glass index " + eta + " is not positive; 1.5 used"));
            eta = 1.5f;
        }
        out[ETA] = eta;
        float ur = num(ps, "uroughness", num(ps, "roughness", 0));
        float vr = num(ps, "vroughness", num(ps, "roughness", 0));
        ps.get("remaproughness");
        boolean rough = ur > 0 || vr > 0 || isTexture(ps, "uroughness") || isTexture(ps, "vroughness");
        boolean media = m.interior() != null || m.exterior() != null;
        if (media) {
            // pbrt-v3: a ray transmitted through the surface enters the inside or outside medium of its MediumInterface.
            lux.volumes(m, out);
        }
        if (dialect == Dialect.PBRT && rough && !ps.getBool("architectural", false)) {
            return PbrtMaterials.roughGlass(ps, out);
        }
        if (rough) {
            warnings.add(new SceneWarning(m.loc(), "rough glass is rendered as smooth glass"));
        }
        boolean architectural = ps.getBool("architectural", false);
        return architectural ? MaterialLayout.ARCH_GLASS : lux.dispersion(m, out, MaterialLayout.GLASS);
    }

    static float alpha(ParamSet ps, String name, float def, boolean remapDefault, float[] out) {
        float r = num(ps, name, num(ps, "roughness", def));
        boolean remap = ps.getBool("remaproughness", remapDefault);
        out[MaterialLayout.REMAP] = remap ? 1 : 0;
        return Math.max(1e-4f, remap ? roughnessToAlpha(r) : r);
    }

    private int glossy(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        put3(out, KD, ps.getRgb("Kd", new float[] {0.5f, 0.5f, 0.5f}));
        float[] ks = ps.getRgb("Ks", new float[] {0.5f, 0.5f, 0.5f});
        float index = num(ps, "index", 0);
        if (index > 0) {
            float r0 = (index - 1) / (index + 1);
            ks = new float[] {r0 * r0, r0 * r0, r0 * r0};
        }
        put3(out, KS, ks);
        boolean pbrt = m.type().equals("substrate");
        out[ALPHA_U] = alpha(ps, "uroughness", 0.1f, pbrt, out);
        out[ALPHA_V] = alpha(ps, "vroughness", 0.1f, pbrt, out);
        float[] ka = ps.getRgb("Ka", new float[] {0, 0, 0});
        float d = (float) ps.getFloat("d", 0);
        if ((ka[0] > 0 || ka[1] > 0 || ka[2] > 0) && d > 0) {
            warnings.add(new SceneWarning(m.loc(), "glossy coating absorption (Ka, d) is not supported and was ignored"));
        }
        ps.get("multibounce");
        return MaterialLayout.GLOSSY;
    }

    private int plastic(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        put3(out, KD, ps.getRgb("Kd", new float[] {0.25f, 0.25f, 0.25f}));
        put3(out, KS, ps.getRgb("Ks", new float[] {0.25f, 0.25f, 0.25f}));
        float a = alpha(ps, "roughness", 0.1f, true, out);
        out[ALPHA_U] = a;
        out[ALPHA_V] = a;
        return MaterialLayout.PLASTIC;
    }

    /**
     * LuxRender's mattetranslucent (mattetranslucent.cpp): Kr and Kt (1, clamped to [0, 1] where shaded),
     * sigma in degrees (0: Lambertian; else Oren-Nayar, clamped to [0, 90]) for both the reflection and the
     * transmission, and "energyconserving" (false), with which the transmission is Kt (1 - Kr), as LuxBlend
     * writes it (true by default there) and LuxCore always does.
     */
    private int matteTranslucent(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        float sigma = num(ps, "sigma", 0); // a texture warns as any untexturable parameter does
        matteOf(ps.getRgb("Kr", new float[] {1, 1, 1}), Math.max(0, Math.min(90, sigma)), out);
        put3(out, KT, ps.getRgb("Kt", new float[] {1, 1, 1}));
        out[MaterialLayout.MT_ENERGY] = ps.getBool("energyconserving", false) ? 1 : 0;
        return MaterialLayout.MATTE_TRANSLUCENT;
    }

    /** RGB complex indices of refraction of common metals (n, k per channel). */
    static final Map<String, float[][]> METALS = Map.of(
            "copper", new float[][] {{0.2004f, 0.9240f, 1.1022f}, {3.9129f, 2.4528f, 2.1421f}},
            "gold", new float[][] {{0.1431f, 0.3749f, 1.4425f}, {3.9831f, 2.3857f, 1.6032f}},
            "silver", new float[][] {{0.1552f, 0.1167f, 0.1383f}, {4.8283f, 3.1222f, 2.1469f}},
            "aluminium", new float[][] {{1.6574f, 0.8803f, 0.5212f}, {9.2238f, 6.2695f, 4.8370f}},
            "aluminum", new float[][] {{1.6574f, 0.8803f, 0.5212f}, {9.2238f, 6.2695f, 4.8370f}});

    /**
     * LuxRender's metal (materials/metal.cpp CreateMaterial): "name" (default aluminium) is an .nk file
     * (read by the parser, {@link NkData#read}) or one of LuxRender's presets ({@link NkData#preset});
     * any other name is aluminium, with a warning, as there. The n and k curves reach the kernel as RGB
     * ({@link NkData#rgb}).
     */
    private float[][] luxMetal(MaterialDesc m) {
        ParamSet ps = m.params();
        String name = ps.getString("name", "aluminium");
        NkData d = m.file() != null ? NkData.read(m.file()) : NkData.preset(name);
        if (d == null) {
            warnings.add(new SceneWarning(ps.get("name").loc(), "metal \"" + name + "\" is neither an .nk file nor one"
                    + " of LuxRender's presets (" + String.join(", ", NkData.PRESETS) + "); aluminium used, as LuxRender does"));
            d = NkData.preset("aluminium");
        }
        return new float[][] {NkData.rgb(d.wl(), d.n()), NkData.rgb(d.wl(), d.k())};
    }

    private int metal(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        String name = ps.getString("name", "copper");
        float[][] preset = dialect == Dialect.LUXRENDER ? luxMetal(m) : METALS.get(name);
        if (preset == null) {
            warnings.add(new SceneWarning(ps.get("name").loc(), "metal \"" + name + "\" is not known; copper used (known: "
                    + String.join(", ", new TreeSet<>(METALS.keySet())) + ")"));
            preset = METALS.get("copper");
        }
        float[] n = ps.getRgb("eta", ps.getRgb("n", preset[0]));
        float[] k = ps.getRgb("k", preset[1]);
        put3(out, METAL_ETA, n);
        put3(out, METAL_K, k);
        boolean pbrt = dialect == Dialect.PBRT;
        float def = pbrt ? 0.01f : 0.1f;
        out[ALPHA_U] = alpha(ps, "uroughness", def, pbrt, out);
        out[ALPHA_V] = alpha(ps, "vroughness", def, pbrt, out);
        return MaterialLayout.METAL;
    }

    /** pbrt-v3's map from a perceptual roughness in (0,1] to the GGX alpha (TrowbridgeReitz RoughnessToAlpha). */
    static float roughnessToAlpha(float roughness) {
        double x = Math.log(Math.max(roughness, 1e-3));
        return (float) (1.62142 + 0.819955 * x + 0.1734 * x * x + 0.0171201 * x * x * x
                + 0.000640711 * x * x * x * x);
    }
}
