package org.luxnet.scene.compile;

import static org.luxnet.scene.compiled.TextureLayout.CHILDREN;
import static org.luxnet.scene.compiled.TextureLayout.NODE_STRIDE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.TextureLayout;
import org.luxnet.scene.desc.Blackbody;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.LuxSpd;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.TextureDesc;

/**
 * Compiles the texture a material parameter names into a program of nodes in post-order (see {@link
 * TextureLayout}): children first, each node naming its children's registers. An explicit registry
 * maps texture class names to node builders; a class the renderer lacks, an unknown texture name or a
 * program over {@link TextureLayout#MAX_NODES} nodes gives a warning at its place, and the parameter
 * keeps its constant default. Semantics are pbrt-v3's (src/textures/*.cpp, core/texture.cpp).
 */
final class TextureCompiler {
    /** Thrown inside a build when the texture cannot be compiled; its message becomes the warning. */
    static final class Unsupported extends RuntimeException {
        final FileLoc loc;

        Unsupported(FileLoc loc, String message) {
            super(message, null, false, false);
            this.loc = loc;
        }
    }

    /** One node under construction. */
    private static final class Node {
        int type;
        final int[] children = {-1, -1, -1, -1};
        final float[] params = new float[NODE_STRIDE];

        Node(int type) {
            this.type = type;
            params[0] = 1;
            params[5] = 1;
            params[10] = 1;
            params[TextureLayout.SU] = 1;
            params[TextureLayout.SV] = 1;
        }
    }

    private interface Build {
        void build(TextureDesc t, List<Node> prog, Node n, int depth);
    }

    private final Map<String, TextureDesc> textures;
    private final List<SceneWarning> warnings;
    private final IntList types = new IntList();
    private final IntList children = new IntList();
    private final FloatList params = new FloatList();
    private final Map<String, Build> registry = Map.ofEntries(
            Map.entry("constant", this::constant),
            Map.entry("scale", this::scale),
            Map.entry("mix", this::mix),
            Map.entry("checkerboard", this::checkerboard),
            Map.entry("uv", this::uv),
            Map.entry("bilerp", this::bilerp),
            Map.entry("dots", this::dots),
            Map.entry("fbm", (t, p, n, d) -> noise(t, n, TextureLayout.FBM)),
            Map.entry("wrinkled", (t, p, n, d) -> noise(t, n, TextureLayout.WRINKLED)),
            Map.entry("windy", (t, p, n, d) -> noise(t, n, TextureLayout.WINDY)),
            Map.entry("marble", (t, p, n, d) -> noise(t, n, TextureLayout.MARBLE)),
            Map.entry("imagemap", this::imagemap),
            Map.entry("normalmap", (t, p, n, d) -> normalMap(t, n, d)),
            Map.entry("add", (t, p, n, d) -> binary(t, p, n, d, TextureLayout.ADD)),
            Map.entry("subtract", (t, p, n, d) -> binary(t, p, n, d, TextureLayout.SUBTRACT)),
            Map.entry("band", this::band),
            Map.entry("colordepth", this::colordepth),
            Map.entry("harlequin", (t, p, n, d) -> colourOnly(t, n, TextureLayout.HARLEQUIN)),
            Map.entry("blackbody", (t, p, n, d) -> spectrum(t, n,
                    Blackbody.luxRender(t.params().getFloat("temperature", 6500)))),
            Map.entry("gaussian", (t, p, n, d) -> spectrum(t, n, LuxSpd.gaussian(t.params().getFloat("wavelength", 550),
                    t.params().getFloat("width", 50), t.params().getFloat("energy", 1)))),
            Map.entry("equalenergy", this::equalEnergy),
            Map.entry("tabulateddata", this::tabulated),
            Map.entry("densitygrid", this::densityGrid),
            Map.entry("exponential", this::exponential),
            Map.entry("hitpointcolor", (t, p, n, d) -> colourOnly(t, n, TextureLayout.HITPOINTCOLOR)),
            Map.entry("hitpointalpha", (t, p, n, d) -> floatOnly(t, n, TextureLayout.HITPOINTALPHA)),
            Map.entry("hitpointgrey", this::hitPointGrey),
            Map.entry("brick", this::brick),
            Map.entry("multimix", this::multimix),
            Map.entry("uvmask", this::uvmask),
            Map.entry("regulardata", (t, p, n, d) -> dataSpectrum(t, n)),
            Map.entry("irregulardata", (t, p, n, d) -> dataSpectrum(t, n)),
            Map.entry("frequency", (t, p, n, d) -> spectrum(t, n, LuxDataSpectra.frequency(t))),
            Map.entry("lampspectrum", (t, p, n, d) -> lampSpectrum(t, n)),
            // LuxRender 1.x's Blender textures (textures/blender_*.cpp): see BlenderTextures.
            Map.entry("blender_blend", this::blender),
            Map.entry("blender_clouds", this::blender),
            Map.entry("blender_distortednoise", this::blender),
            Map.entry("blender_magic", this::blender),
            Map.entry("blender_marble", this::blender),
            Map.entry("blender_musgrave", this::blender),
            Map.entry("blender_noise", this::blender),
            Map.entry("blender_stucci", this::blender),
            Map.entry("blender_voronoi", this::blender),
            Map.entry("blender_wood", this::blender));
    private final Dialect dialect;
    private final ImageTextures images;
    /** True while compiling a material's "bumpmap" that is itself a normalmap texture. */
    private boolean normalMapRoot;
    /** True while compiling a material's "bumpmap" (the Blender textures' bump offsets differ from LuxRender's). */
    private boolean bumpProgram;

    TextureCompiler(Dialect dialect, Map<String, TextureDesc> textures, List<SceneWarning> warnings) {
        this.dialect = dialect;
        this.images = new ImageTextures(warnings);
        this.textures = textures;
        this.warnings = warnings;
    }

    /**
     * Compiles the texture that parameter {@code p} names; returns {start, root} node indices, or null
     * (after a warning) when it cannot be compiled.
     */
    int[] program(Param p) {
        bumpProgram = p.name().equals("bumpmap");
        List<Node> prog = new ArrayList<>();
        try {
            emit(prog, lookup(p.strings()[0], p.loc()), 0);
        } catch (Unsupported e) {
            warnings.add(new SceneWarning(e.loc, e.getMessage() + "; \"" + p.name() + "\" keeps its default"));
            return null;
        }
        if (prog.size() > TextureLayout.MAX_NODES) {
            warnings.add(new SceneWarning(p.loc(), "texture \"" + p.strings()[0] + "\" has " + prog.size()
                    + " nodes, more than " + TextureLayout.MAX_NODES + "; \"" + p.name() + "\" keeps its default"));
            return null;
        }
        int start = types.size();
        for (Node n : prog) {
            types.add(n.type);
            for (int c : n.children) {
                children.add(c);
            }
            for (float f : n.params) {
                params.add(f);
            }
        }
        return new int[] {start, types.size() - 1};
    }

    /**
     * A program of one constant node of value {@code v} (pbrt-v3's ConstantTexture that a shape's "float alpha"
     * 0 stands for); returns {start, root}.
     */
    int[] constant(float v) {
        Node n = new Node(TextureLayout.CONSTANT);
        n.params[TextureLayout.VALUE] = v;
        n.params[TextureLayout.VALUE + 1] = v;
        n.params[TextureLayout.VALUE + 2] = v;
        int start = types.size();
        types.add(n.type);
        for (int c : n.children) {
            children.add(c);
        }
        for (float f : n.params) {
            params.add(f);
        }
        return new int[] {start, start};
    }

    /** The value type ("float" or "color"/"spectrum") of the texture named {@code name}, or null when none is. */
    String valueTypeOf(String name) {
        TextureDesc t = textures.get(name);
        return t == null ? null : t.valueType();
    }

    /** {@link #program} for a "bumpmap" naming a LuxRender normalmap texture: its colour is the normal. */
    int[] normalMapProgram(Param p) {
        normalMapRoot = true;
        try {
            return program(p);
        } finally {
            normalMapRoot = false;
        }
    }

    int[] types() {
        return types.toArray();
    }

    int[] children() {
        return children.toArray();
    }

    float[] params() {
        return params.toArray();
    }

    /** Appends raw values (a cloth pattern table) to the texel pool; returns the first value's index. */
    int rawTexels(float[] values) {
        return images.rawValues(values);
    }

    float[] texels() {
        return images.texels();
    }

    int[] imageInfo() {
        return images.info();
    }

    /** Texture classes whose value is the same at every point when their texture parameters' are. */
    private static final java.util.Set<String> SPACE_CONSTANT = java.util.Set.of("constant", "blackbody", "gaussian",
            "equalenergy", "tabulateddata", "regulardata", "irregulardata", "colordepth", "scale", "mix", "add",
            "subtract");

    /**
     * The colour of texture parameter {@code p} when its texture has the same value at every point (a
     * tree of {@link #SPACE_CONSTANT} classes), evaluated on the host; null otherwise, or when it does
     * not compile (that warns).
     */
    float[] spaceConstantColour(org.luxnet.scene.desc.Param p) {
        if (!spaceConstant(textures.get(p.strings()[0]), 0)) {
            return null;
        }
        int[] prog = program(p);
        if (prog == null) {
            return null;
        }
        float[] out = new float[3];
        new org.luxnet.render.transport.HostTextures(types(), children(), params(), texels(), imageInfo())
                .evalColour(prog[0], prog[1], 0, 0, 0, out);
        return out;
    }

    private boolean spaceConstant(TextureDesc t, int depth) {
        if (t == null || depth > TextureLayout.MAX_NODES || !SPACE_CONSTANT.contains(t.textureClass())) {
            return false;
        }
        for (org.luxnet.scene.desc.Param q : t.params().all()) {
            if (q.type() == org.luxnet.scene.desc.ParamType.TEXTURE && !spaceConstant(textures.get(q.strings()[0]),
                    depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private TextureDesc lookup(String name, FileLoc loc) {
        TextureDesc t = textures.get(name);
        if (t == null) {
            throw new Unsupported(loc, "texture \"" + name + "\" is not defined");
        }
        return t;
    }

    /** Appends t's nodes after its children's; returns its register. */
    private int emit(List<Node> prog, TextureDesc t, int depth) {
        if (depth > TextureLayout.MAX_NODES) {
            throw new Unsupported(t.loc(), "texture \"" + t.name() + "\" nests too deeply");
        }
        Build b = registry.get(t.textureClass());
        if (b == null) {
            throw new Unsupported(t.loc(), "texture class \"" + t.textureClass() + "\" is not supported (supported: "
                    + String.join(", ", new TreeSet<>(registry.keySet())) + ")");
        }
        Node n = new Node(TextureLayout.CONSTANT);
        b.build(t, prog, n, depth);
        prog.add(n);
        warnings.addAll(t.params().unused("Texture \"" + t.name() + "\""));
        return prog.size() - 1;
    }

    /** The register of texture parameter {@code name}: a referenced texture, or a constant value. */
    private int child(List<Node> prog, TextureDesc t, String name, float def, int depth) {
        ParamSet ps = t.params();
        String ref = ps.getTexture(name);
        if (ref != null) {
            return emit(prog, lookup(ref, ps.get(name).loc()), depth + 1);
        }
        Node c = new Node(TextureLayout.CONSTANT);
        float[] v = isFloat(t) ? grey((float) ps.getFloat(name, def)) : ps.getRgb(name, grey(def));
        System.arraycopy(v, 0, c.params, TextureLayout.VALUE, 3);
        prog.add(c);
        return prog.size() - 1;
    }

    private static boolean isFloat(TextureDesc t) {
        return t.valueType().equals("float");
    }

    private static float[] grey(float v) {
        return new float[] {v, v, v};
    }

    private void constant(TextureDesc t, List<Node> prog, Node n, int depth) {
        ParamSet ps = t.params();
        float[] v = isFloat(t) ? grey((float) ps.getFloat("value", 1)) : ps.getRgb("value", grey(1));
        System.arraycopy(v, 0, n.params, TextureLayout.VALUE, 3);
    }

    /**
     * LuxRender equalenergy (textures/equalenergy.h): EqualEnergySpectrumTexture is SWCSpectrum(energy) at
     * every wavelength, a flat spectrum, which as a reflectance ({@link LuxSpd#reflectance}, a flat 1 is
     * white) is the grey (energy, energy, energy); EqualEnergyFloatTexture is the energy. "float energy"
     * defaults to 1 (equalenergy.cpp).
     */
    private void equalEnergy(TextureDesc t, List<Node> prog, Node n, int depth) {
        System.arraycopy(grey((float) t.params().getFloat("energy", 1)), 0, n.params, TextureLayout.VALUE, 3);
    }

    private void scale(TextureDesc t, List<Node> prog, Node n, int depth) {
        n.type = TextureLayout.SCALE;
        n.children[0] = child(prog, t, "tex1", 1, depth);
        n.children[1] = child(prog, t, "tex2", 1, depth);
    }

    /** LuxRender add and subtract (textures/add.h, subtract.h): tex1 and tex2, both defaulting to 1. */
    private void binary(TextureDesc t, List<Node> prog, Node n, int depth, int type) {
        n.type = type;
        n.children[0] = child(prog, t, "tex1", 1, depth);
        n.children[1] = child(prog, t, "tex2", 1, depth);
    }

    private void mix(TextureDesc t, List<Node> prog, Node n, int depth) {
        n.type = TextureLayout.MIX;
        n.children[0] = child(prog, t, "tex1", 0, depth);
        n.children[1] = child(prog, t, "tex2", 1, depth);
        n.children[2] = floatChild(prog, t, "amount", 0.5f, depth);
    }

    /** The register of float parameter {@code name} of any texture (a mix's or band's "amount"). */
    private int floatChild(List<Node> prog, TextureDesc t, String name, float def, int depth) {
        ParamSet ps = t.params();
        String ref = ps.getTexture(name);
        if (ref != null) {
            return emit(prog, lookup(ref, ps.get(name).loc()), depth + 1);
        }
        Node c = new Node(TextureLayout.CONSTANT);
        System.arraycopy(grey((float) ps.getFloat(name, def)), 0, c.params, TextureLayout.VALUE, 3);
        prog.add(c);
        return prog.size() - 1;
    }

    /**
     * LuxRender band (textures/band.h, BandTexture::Evaluate and Create*Texture): "offsets" o1..on and
     * textures tex1..texn (default 0) over the float "amount" (default 0); tex1 below o1, texn from on
     * on, and between neighbouring offsets the lerp of their textures. One BAND node per segment, each
     * passing the earlier segments' value on.
     */
    private void band(TextureDesc t, List<Node> prog, Node n, int depth) {
        ParamSet ps = t.params();
        float[] o = ps.getFloats("offsets");
        if (o == null || o.length == 0) {
            throw new Unsupported(t.loc(), "band texture \"" + t.name() + "\" has no \"offsets\"");
        }
        for (int i = 0; i + 1 < o.length; i++) {
            if (o[i] > o[i + 1]) {
                warnings.add(new SceneWarning(ps.get("offsets").loc(), "band texture \"" + t.name()
                        + "\": offsets are not in ascending order"));
                break;
            }
        }
        int amount = floatChild(prog, t, "amount", 0, depth);
        int lastTex = child(prog, t, "tex1", 0, depth);
        int value = lastTex;
        for (int i = 1; i <= Math.max(1, o.length - 1); i++) {
            Node seg = i >= o.length - 1 ? n : new Node(TextureLayout.BAND);
            int next = i < o.length ? child(prog, t, "tex" + (i + 1), 0, depth) : lastTex;
            seg.type = TextureLayout.BAND;
            seg.params[TextureLayout.BAND_LO] = o[i - 1];
            seg.params[TextureLayout.BAND_HI] = o[Math.min(i, o.length - 1)];
            seg.children[0] = lastTex;
            seg.children[1] = next;
            seg.children[2] = amount;
            seg.children[3] = value;
            if (seg != n) {
                prog.add(seg);
                value = prog.size() - 1;
            }
            lastTex = next;
        }
    }

    /** LuxRender colordepth (textures/colordepth.cpp): colour "Kt" (default 0) and "depth" (default 1). */
    private void colordepth(TextureDesc t, List<Node> prog, Node n, int depth) {
        colourOnly(t, n, TextureLayout.COLORDEPTH);
        n.children[0] = child(prog, t, "Kt", 0, depth);
        n.params[TextureLayout.DEPTH] = (float) Math.max(1e-3, t.params().getFloat("depth", 1));
    }

    /** A texture LuxRender defines for colours only (it registers no float variant). */
    private static void colourOnly(TextureDesc t, Node n, int type) {
        if (isFloat(t)) {
            throw new Unsupported(t.loc(), "texture class \"" + t.textureClass() + "\" has colour values only");
        }
        n.type = type;
    }

    /** A texture LuxRender defines for floats only (it registers no colour variant). */
    private static void floatOnly(TextureDesc t, Node n, int type) {
        if (!isFloat(t)) {
            throw new Unsupported(t.loc(), "texture class \"" + t.textureClass() + "\" has float values only");
        }
        n.type = type;
    }

    /**
     * LuxRender hitpointgrey (textures/hitpointcolor.cpp, HitPointGreyTexture::CreateFloatTexture):
     * "integer channel" (default -1); 0, 1, 2 pick red, green, blue, anything else the luminance.
     */
    private void hitPointGrey(TextureDesc t, List<Node> prog, Node n, int depth) {
        floatOnly(t, n, TextureLayout.HITPOINTGREY);
        int channel = t.params().getInt("channel", -1);
        n.params[TextureLayout.CHANNEL] = channel == 0 || channel == 1 || channel == 2 ? channel : -1;
    }

    /**
     * A spectral texture constant over the surface (blackbody, gaussian, tabulateddata, lampspectrum): its linear
     * sRGB as a reflectance ({@link LuxSpd#reflectance}, a flat 1 is white).
     */
    private static void spectrum(TextureDesc t, Node n, float[] rgb) {
        colourOnly(t, n, TextureLayout.CONSTANT);
        System.arraycopy(LuxSpd.reflectance(rgb), 0, n.params, TextureLayout.VALUE, 3);
    }

    private void checkerboard(TextureDesc t, List<Node> prog, Node n, int depth) {
        int dim = t.params().getInt("dimension", 2);
        if (dim != 2 && dim != 3) {
            throw new Unsupported(t.params().get("dimension").loc(), dim + " dimensional checkerboard texture");
        }
        String aa = t.params().getString("aamode", "closedform");
        n.type = dim == 2 ? TextureLayout.CHECKER2D : TextureLayout.CHECKER3D;
        n.children[0] = child(prog, t, "tex1", 1, depth);
        n.children[1] = child(prog, t, "tex2", 0, depth);
        if (dim == 2) {
            mapping2d(t, n);
        } else {
            mapping3d(t, n);
        }
        // pbrt-v3 "closedform" box-filters over the footprint (zero after a diffuse or glossy bounce); LuxRender
        // (textures/checkerboard.cpp) adds "supersample", point sampled here; 3D ones are point sampled.
        n.params[TextureLayout.AAMODE] = aa.equals("closedform") ? 1 : 0;
        if (aa.equals("supersample") || (!aa.equals("closedform") && !aa.equals("none"))) {
            warnings.add(new SceneWarning(t.params().get("aamode").loc(), "checkerboard aamode \"" + aa + "\" is "
                    + (aa.equals("supersample") ? "not implemented" : "not known (known: closedform, none, supersample)")
                    + "; point sampled"));
        }
    }

    private void uv(TextureDesc t, List<Node> prog, Node n, int depth) {
        n.type = TextureLayout.UV;
        mapping2d(t, n);
    }

    private void bilerp(TextureDesc t, List<Node> prog, Node n, int depth) {
        n.type = TextureLayout.BILERP;
        n.children[0] = child(prog, t, "v00", 0, depth);
        n.children[1] = child(prog, t, "v01", 1, depth);
        n.children[2] = child(prog, t, "v10", 0, depth);
        n.children[3] = child(prog, t, "v11", 1, depth);
        mapping2d(t, n);
    }

    private void dots(TextureDesc t, List<Node> prog, Node n, int depth) {
        n.type = TextureLayout.DOTS;
        // pbrt-v3 passes (inside, outside) to DotsTexture(mapping, outsideDot, insideDot): the dots show "outside".
        n.children[0] = child(prog, t, "outside", 0, depth);
        n.children[1] = child(prog, t, "inside", 1, depth);
        mapping2d(t, n);
    }

    private void noise(TextureDesc t, Node n, int type) {
        ParamSet ps = t.params();
        n.type = type;
        mapping3d(t, n);
        if (type != TextureLayout.WINDY) {
            n.params[TextureLayout.OCTAVES] = ps.getInt("octaves", 8);
            n.params[TextureLayout.OMEGA] = (float) ps.getFloat("roughness", 0.5);
        }
        if (type == TextureLayout.MARBLE) {
            n.params[TextureLayout.SCALE_P] = (float) ps.getFloat("scale", 1);
            n.params[TextureLayout.VARIATION] = (float) ps.getFloat("variation", 0.2);
            n.params[TextureLayout.MARBLE_LUX] = dialect == Dialect.LUXRENDER ? 1 : 0;
        }
    }

    /**
     * LuxRender normalmap (textures/imagemap.cpp NormalMapTexture): an image read as a tangent-space
     * normal by the bump layer when it is a material's "bumpmap" itself; anywhere else its value is 0,
     * as its Evaluate returns (its slopes inside another bump texture are not modelled: warned).
     */
    private void normalMap(TextureDesc t, Node n, int depth) {
        if (normalMapRoot && depth == 0) {
            imagemap(t, null, n, depth);
        } else {
            warnings.add(new SceneWarning(t.loc(), "normalmap texture \"" + t.name() + "\" is supported only as a"
                    + " material's \"bumpmap\" itself; elsewhere it is 0 (LuxRender's value outside bump mapping)"));
            for (Param q : t.params().all()) {
                q.markUsed(); // said once above, not once per parameter
            }
        }
    }

    /** LuxRender tabulateddata: see {@link TabulatedData}. */
    private void tabulated(TextureDesc t, List<Node> prog, Node n, int depth) {
        spectrum(t, n, TabulatedData.rgb(t, warnings));
    }

    /** pbrt-v3 and LuxRender imagemap: see {@link ImageTextures#imagemap}. */
    private void imagemap(TextureDesc t, List<Node> prog, Node n, int depth) {
        if (t.file() == null && t.params().getString("filename", "").length() > 0) {
            oneTexel(t, n); // the parser could not read the file and said so
            return;
        }
        n.type = TextureLayout.IMAGEMAP;
        try {
            images.imagemap(dialect, t, n.params);
        } catch (ImageTextures.UnreadableImage e) {
            warnings.add(new SceneWarning(e.loc(), e.reason + "; the texture is a constant, as the renderers' one-texel map: pbrt-v3 its \"scale\" (default 1),"
                    + " LuxRender 1"));
            Arrays.fill(n.params, 0);
            oneTexel(t, n);
        }
    }

    /**
     * An image texture without its image: pbrt-v3's and LuxRender's ImageTexture::GetTexture make a one-texel
     * map when ReadImage fails, of "scale" (pbrt-v3) or 1 (LuxRender: its gain and gamma apply to read images
     * only). A normal map is then flat: the tangent-space normal (0, 0, 1), encoded as (0.5, 0.5, 1).
     */
    private void oneTexel(TextureDesc t, Node n) {
        n.type = TextureLayout.CONSTANT;
        float v = dialect == Dialect.PBRT ? (float) t.params().getFloat("scale", 1) : 1;
        float[] c = t.textureClass().equals("normalmap") ? new float[] {0.5f, 0.5f, 1} : grey(v);
        System.arraycopy(c, 0, n.params, TextureLayout.VALUE, 3);
        for (Param q : t.params().all()) {
            q.markUsed(); // the warning said what happens instead
        }
    }

    /**
     * LuxRender 1.x's Blender textures (textures/blender_base.h BlenderTexture3D): float textures only,
     * Lerp(f, "tex1" (default 0), "tex2" (default 1)) of the intensity f at the mapped 3D point
     * (TextureMapping3D::Create); their own parameters in {@link BlenderTextures}.
     */
    private void blender(TextureDesc t, List<Node> prog, Node n, int depth) {
        if (!isFloat(t)) {
            throw new Unsupported(t.loc(), "texture class \"" + t.textureClass() + "\" has float values only (LuxRender"
                    + " 1.x registers the Blender textures as float textures, textures/blender_base.h)");
        }
        n.type = TextureLayout.BLENDER;
        mapping3d(t, n);
        BlenderTextures.params(t, n.params, warnings);
        float[] x = n.params;
        boolean linearIdentity = Math.abs(x[0] - 1) + Math.abs(x[1]) + Math.abs(x[2]) + Math.abs(x[4]) + Math.abs(x[5] - 1)
                + Math.abs(x[6]) + Math.abs(x[8]) + Math.abs(x[9]) + Math.abs(x[10] - 1) < 1e-6;
        if (bumpProgram && (!linearIdentity || x[TextureLayout.MAPPING] != TextureLayout.MAP3D_GLOBAL)) {
            warnings.add(new SceneWarning(t.loc(), t.textureClass() + " texture \"" + t.name() + "\" in a bump map:"
                    + " LuxRender's BlenderTexture3D::GetDuv (textures/blender_base.cpp) shifts the mapped point by the"
                    + " world-space dp/du, not mapped; here the shift goes through the 3D mapping (its scale, rotation,"
                    + " transform or \"coordinates\"), so the bump's slope differs"));
        }
        n.children[0] = child(prog, t, "tex1", 0, depth);
        n.children[1] = child(prog, t, "tex2", 1, depth);
    }

    /**
     * LuxRender brick (textures/brick.h, BrickTexture3D::Create*Texture, float and colour alike):
     * "bricktex" (1), "mortartex" (0.2), "brickmodtex" (1), "brickwidth" (0.3), "brickheight" (0.1),
     * "brickdepth" (0.15), "mortarsize" (0.01), "brickrun" (0.5), "string brickbond" ("running"), a 3D
     * mapping. The constructor's rules are applied here: "stacked" is running with run 0, "english" has
     * run 0.25, "chain link" run 1.25 and offset (0.25, -1), running (and any other name, as LuxRender's
     * else) offset (0, -0.5); herringbone and basket make their bricks square (depth = height = width) in
     * proportion floorf(width / height). "brickbevel" is read and unused, as LuxRender's bevel code is
     * commented out. A textured "brickmodtex" is evaluated at the brick's index (brick.h's dgb.p): a
     * {@link TextureLayout#BRICK_AT} node before its nodes sets that point.
     */
    private void brick(TextureDesc t, List<Node> prog, Node n, int depth) {
        ParamSet ps = t.params();
        n.type = TextureLayout.BRICK;
        n.children[0] = child(prog, t, "bricktex", 1, depth);
        n.children[1] = child(prog, t, "mortartex", 0.2f, depth);
        mapping3d(t, n);
        float w = (float) ps.getFloat("brickwidth", 0.3), h = (float) ps.getFloat("brickheight", 0.1);
        float d = (float) ps.getFloat("brickdepth", 0.15), run = (float) ps.getFloat("brickrun", 0.5);
        ps.getFloat("brickbevel", 0); // read and unused by LuxRender (its bevel code is commented out)
        String name = ps.getString("brickbond", "running");
        int bond = TextureLayout.BOND_RUNNING;
        float ox = 0, oy = 0, proportion = 1;
        switch (name) {
            case "stacked" -> run = 0;
            case "flemish" -> bond = TextureLayout.BOND_FLEMISH;
            case "english" -> {
                bond = TextureLayout.BOND_ENGLISH;
                run = 0.25f;
            }
            case "herringbone" -> bond = TextureLayout.BOND_HERRINGBONE;
            case "basket" -> bond = TextureLayout.BOND_BASKET;
            case "chain link" -> {
                bond = TextureLayout.BOND_CHAIN;
                run = 1.25f;
                ox = 0.25f;
                oy = -1;
            }
            default -> {
                oy = -0.5f;
                if (!name.equals("running")) {
                    warnings.add(new SceneWarning(ps.get("brickbond").loc(), "brick texture \"" + t.name()
                            + "\": brickbond \"" + name + "\" is not known (known: running, stacked, flemish, english,"
                            + " herringbone, basket, chain link); running, as LuxRender's brick.h takes it"));
                }
            }
        }
        if (bond == TextureLayout.BOND_HERRINGBONE || bond == TextureLayout.BOND_BASKET) {
            proportion = (float) Math.floor(w / h);
            if (proportion < 1) {
                warnings.add(new SceneWarning(t.loc(), "brick texture \"" + t.name() + "\": " + name + " bricks need"
                        + " brickwidth at least brickheight (their proportion floor(width / height) is 0); LuxRender"
                        + " then divides by zero, here the proportion is 1"));
                proportion = 1;
            }
            h = w;
            d = w;
        }
        float[] x = n.params;
        x[TextureLayout.BR_WIDTH] = w;
        x[TextureLayout.BR_HEIGHT] = h;
        x[TextureLayout.BR_DEPTH] = d;
        x[TextureLayout.BR_MORTAR] = (float) ps.getFloat("mortarsize", 0.01);
        x[TextureLayout.BR_RUN] = run;
        x[TextureLayout.BR_BOND] = bond;
        x[TextureLayout.BR_OFFSET_X] = ox;
        x[TextureLayout.BR_OFFSET_Y] = oy;
        x[TextureLayout.BR_PROPORTION] = proportion;
        String mod = ps.getTexture("brickmodtex");
        if (mod != null) {
            Node at = new Node(TextureLayout.BRICK_AT);
            System.arraycopy(x, 0, at.params, 0, NODE_STRIDE);
            prog.add(at);
            n.children[3] = prog.size() - 1;
            n.children[2] = emit(prog, lookup(mod, ps.get("brickmodtex").loc()), depth + 1);
        } else if (ps.has("brickmodtex")) {
            n.children[2] = child(prog, t, "brickmodtex", 1, depth);
        }
    }

    /**
     * LuxRender multimix (textures/multimix.h, MultiMixTexture::Create*Texture): "float weights" w1..wn
     * and textures "tex1".."texn" (default 0), the sum of w_i tex_i (0 without weights); one MULTIMIX
     * node per term, each adding to the earlier terms' sum.
     */
    private void multimix(TextureDesc t, List<Node> prog, Node n, int depth) {
        float[] w = t.params().getFloats("weights");
        int acc = -1;
        for (int i = 0; w != null && i < w.length; i++) {
            int tex = child(prog, t, "tex" + (i + 1), 0, depth);
            Node term = i == w.length - 1 ? n : new Node(TextureLayout.MULTIMIX);
            term.type = TextureLayout.MULTIMIX;
            term.params[TextureLayout.MM_WEIGHT] = w[i];
            term.children[0] = tex;
            term.children[1] = acc;
            if (term != n) {
                prog.add(term);
                acc = prog.size() - 1;
            }
        }
    }

    /**
     * LuxRender uvmask (textures/uvmask.h, UVMaskTexture::CreateFloatTexture; float only): "innertex" (1)
     * inside the unit square of its 2D mapping, "outertex" (0) outside.
     */
    private void uvmask(TextureDesc t, List<Node> prog, Node n, int depth) {
        floatOnly(t, n, TextureLayout.UVMASK);
        n.children[0] = child(prog, t, "innertex", 1, depth);
        n.children[1] = child(prog, t, "outertex", 0, depth);
        mapping2d(t, n);
    }

    /**
     * LuxRender regulardata and irregulardata (textures/regulardata.cpp, irregulardata.cpp): a colour
     * spectrum from the scene's numbers ({@link LuxDataSpectra}); LuxRender 1.x registers no float variant.
     */
    private void dataSpectrum(TextureDesc t, Node n) {
        colourOnly(t, n, TextureLayout.CONSTANT);
        float[] rgb = t.textureClass().equals("regulardata") ? LuxDataSpectra.regular(t, warnings)
                : LuxDataSpectra.irregular(t, warnings);
        spectrum(t, n, rgb);
    }

    /**
     * LuxRender lampspectrum (textures/lampspectrum.cpp): a named lamp's spectrum ({@link LampSpectra}) as
     * the other spectral textures; LuxRender registers no float variant.
     */
    private void lampSpectrum(TextureDesc t, Node n) {
        colourOnly(t, n, TextureLayout.CONSTANT);
        spectrum(t, n, LampSpectra.rgb(t, warnings));
    }

    /** Warns once, at p, with {@code why}, when program prog maps from "local" or "localnormal" coordinates. */
    void warnLocal(int[] prog, Param p, String why) {
        for (int i = prog[0]; i <= prog[1]; i++) {
            float kind = params.get(i * TextureLayout.NODE_STRIDE + TextureLayout.MAPPING);
            if (kind == TextureLayout.MAP3D_LOCAL || kind == TextureLayout.MAP3D_LOCALNORMAL) {
                warnings.add(new SceneWarning(p.loc(), "texture \"" + p.strings()[0] + "\" maps from \"local\" 3D"
                        + " coordinates: " + why));
                return;
            }
        }
    }

    private void mapping3d(TextureDesc t, Node n) {
        TextureMappings.mapping3d(dialect, t, n.params, warnings);
    }

    private void mapping2d(TextureDesc t, Node n) {
        TextureMappings.mapping2d(t, n.params);
    }

    /**
     * LuxRender densitygrid (textures/densitygrid.h, DensityGridTexture::CreateFloatTexture): "float
     * density" (nx * ny * nz values, x fastest), "integer nx", "ny", "nz" (1), "string wrap" ("repeat";
     * "clamp", "black", "white"; another is repeat, as LuxRender's), a 3D mapping. Missing density or
     * a count other than nx * ny * nz make LuxRender drop the texture: so does this (the parameter keeps
     * its default, with a warning).
     */
    private void densityGrid(TextureDesc t, List<Node> prog, Node n, int depth) {
        floatOnly(t, n, TextureLayout.DENSITYGRID);
        ParamSet ps = t.params();
        float[] d = ps.getFloats("density");
        int nx = ps.getInt("nx", 1), ny = ps.getInt("ny", 1), nz = ps.getInt("nz", 1);
        if (d == null) {
            throw new Unsupported(t.loc(), "densitygrid texture \"" + t.name() + "\" has no \"density\" values");
        }
        if (nx < 1 || ny < 1 || nz < 1 || d.length != (long) nx * ny * nz) {
            throw new Unsupported(ps.get("density").loc(), "densitygrid texture \"" + t.name() + "\" has " + d.length
                    + " density values but nx * ny * nz = " + ((long) nx * ny * nz));
        }
        String wrap = ps.getString("wrap", "repeat");
        n.params[TextureLayout.DG_WRAP] = switch (wrap) {
            case "clamp" -> TextureLayout.WRAP_CLAMP;
            case "black" -> TextureLayout.WRAP_BLACK;
            case "white" -> TextureLayout.WRAP_WHITE;
            default -> TextureLayout.WRAP_REPEAT;
        };
        int at = images.rawValues(d);
        n.params[TextureLayout.DG_OFFSET_HI] = at >> 12;
        n.params[TextureLayout.DG_OFFSET_LO] = at & 4095;
        n.params[TextureLayout.DG_NX] = nx;
        n.params[TextureLayout.DG_NY] = ny;
        n.params[TextureLayout.DG_NZ] = nz;
        mapping3d(t, n);
    }

    /**
     * LuxRender exponential (textures/exponential.h, ExponentialTexture::CreateFloatTexture): "point
     * origin" (0 0 0), "vector updir" (0 0 1), "float decay" (1), a 3D mapping.
     */
    private void exponential(TextureDesc t, List<Node> prog, Node n, int depth) {
        floatOnly(t, n, TextureLayout.EXPONENTIAL);
        ParamSet ps = t.params();
        float[] o = ps.getPoint("origin", new float[] {0, 0, 0});
        float[] up = ps.getPoint("updir", new float[] {0, 0, 1});
        System.arraycopy(o, 0, n.params, TextureLayout.EXP_ORIGIN, 3);
        System.arraycopy(up, 0, n.params, TextureLayout.EXP_UP, 3);
        n.params[TextureLayout.EXP_DECAY] = (float) ps.getFloat("decay", 1);
        mapping3d(t, n);
    }
}
