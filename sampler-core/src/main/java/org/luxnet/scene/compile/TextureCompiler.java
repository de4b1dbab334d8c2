package org.luxnet.scene.compile;

import static org.luxnet.scene.compiled.TextureLayout.CHILDREN;
import static org.luxnet.scene.compiled.TextureLayout.NODE_STRIDE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.TextureLayout;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.TextureDesc;
import org.luxnet.scene.desc.Transform;

/**
 * Compiles the texture a material parameter names into a program of nodes in post-order (see {@link
 * TextureLayout}): children first, each node naming its children's registers. An explicit registry
 * maps texture class names to node builders; a class the renderer lacks, an unknown texture name or a
 * program over {@link TextureLayout#MAX_NODES} nodes gives a warning at its place, and the parameter
 * keeps its constant default. Semantics are pbrt-v3's (src/textures/*.cpp, core/texture.cpp).
 */
final class TextureCompiler {
    /** Thrown inside a build when the texture cannot be compiled; its message becomes the warning. */
    private static final class Unsupported extends RuntimeException {
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
            Map.entry("imagemap", (t, p, n, d) -> imagemap(t, n)),
            Map.entry("normalmap", (t, p, n, d) -> normalMap(t, n, d)),
            Map.entry("add", (t, p, n, d) -> binary(t, p, n, d, TextureLayout.ADD)),
            Map.entry("subtract", (t, p, n, d) -> binary(t, p, n, d, TextureLayout.SUBTRACT)));
    private final Dialect dialect;
    private final ImageTextures images;
    /** True while compiling a material's "bumpmap" that is itself a normalmap texture. */
    private boolean normalMapRoot;

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

    float[] texels() {
        return images.texels();
    }

    int[] imageInfo() {
        return images.info();
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
        ParamSet ps = t.params();
        String ref = ps.getTexture("amount");
        if (ref != null) {
            n.children[2] = emit(prog, lookup(ref, ps.get("amount").loc()), depth + 1);
        } else {
            Node c = new Node(TextureLayout.CONSTANT);
            System.arraycopy(grey((float) ps.getFloat("amount", 0.5)), 0, c.params, TextureLayout.VALUE, 3);
            prog.add(c);
            n.children[2] = prog.size() - 1;
        }
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
        if (!aa.equals("closedform") && !aa.equals("none")) {
            warnings.add(new SceneWarning(t.loc(), "checkerboard aamode \"" + aa + "\" is not known; point sampled"));
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
        }
    }

    /**
     * LuxRender normalmap (textures/imagemap.cpp NormalMapTexture): an image read as a tangent-space
     * normal by the bump layer when it is a material's "bumpmap" itself; anywhere else its value is 0,
     * as its Evaluate returns (its slopes inside another bump texture are not modelled: warned).
     */
    private void normalMap(TextureDesc t, Node n, int depth) {
        if (normalMapRoot && depth == 0) {
            imagemap(t, n);
        } else {
            warnings.add(new SceneWarning(t.loc(), "normalmap texture \"" + t.name() + "\" is supported only as a"
                    + " material's \"bumpmap\" itself; elsewhere it is 0 (LuxRender's value outside bump mapping)"));
            for (Param q : t.params().all()) {
                q.markUsed(); // said once above, not once per parameter
            }
        }
    }

    /**
     * pbrt-v3 ImageTexture: texels of 8-bit PNG/TGA files go through the exact sRGB decoding ("bool
     * gamma", default true for .png and .tga only), then times "scale"; rows are flipped so that t = 0
     * is the image's bottom; a float texture is the luminance. LuxRender (textures/imagemap.cpp): texels
     * to the power "gamma" (default 1) times "gain", a float texture is the "channel" (default the
     * mean of R, G, B). Lookups are bilinear at full resolution (no MIP-map).
     */
    private void imagemap(TextureDesc t, Node n) {
        ParamSet ps = t.params();
        n.type = TextureLayout.IMAGEMAP;
        mapping2d(t, n);
        if (t.file() == null) {
            throw new Unsupported(t.loc(), "imagemap texture \"" + t.name() + "\" names no \"filename\"");
        }
        String wrap = ps.getString("wrap", "repeat");
        n.params[TextureLayout.WRAP] = switch (wrap) {
            case "repeat" -> TextureLayout.WRAP_REPEAT;
            case "black" -> TextureLayout.WRAP_BLACK;
            case "clamp" -> TextureLayout.WRAP_CLAMP;
            case "white" -> TextureLayout.WRAP_WHITE;
            default -> throw new Unsupported(ps.get("wrap").loc(), "imagemap wrap \"" + wrap
                    + "\" is not known (known: black, clamp, repeat, white)");
        };
        String lower = t.file().name().toLowerCase(Locale.ROOT);
        boolean srgb = false;
        float power = 1;
        float scale;
        if (dialect == Dialect.PBRT) {
            scale = (float) ps.getFloat("scale", 1);
            srgb = ps.getBool("gamma", lower.endsWith(".png") || lower.endsWith(".tga"));
            ps.get("maxanisotropy");
            if (!ps.getBool("trilinear", false)) {
                warnings.add(new SceneWarning(t.loc(), "imagemap \"" + t.name() + "\": EWA filtering is not supported;"
                        + " bilinear lookups at full resolution are used"));
            }
        } else {
            scale = (float) ps.getFloat("gain", 1);
            power = (float) ps.getFloat("gamma", 1);
            String filter = ps.getString("filtertype", "bilinear");
            if (!filter.equals("bilinear")) {
                warnings.add(new SceneWarning(ps.get("filtertype").loc(), "imagemap \"" + t.name() + "\": filtertype \""
                        + filter + "\" is not supported; bilinear lookups are used"));
            }
        }
        String channel = dialect == Dialect.PBRT ? "luminance" : ps.getString("channel", "mean");
        if (!isFloat(t) || t.textureClass().equals("normalmap")) {
            // A LuxRender normalmap is a float texture whose colour is the normal (textures/imagemap.cpp).
            channel = "rgb";
        }
        n.params[TextureLayout.IMAGE] = images.index(t, srgb, power, scale, channel);
    }

    /**
     * pbrt-v3 IdentityMapping3D(tex2world), which it applies as world-to-texture: p_tex = CTM p.
     * LuxRender (core/texture.cpp TextureMapping3D::Create) does the same for "coordinates" "global",
     * then right-multiplies Scale(1 / "scale"), RotateX/Y/Z("rotate", degrees) and Translate(-"translate").
     */
    private void mapping3d(TextureDesc t, Node n) {
        Transform x = t.objectToWorld();
        ParamSet ps = t.params();
        if (dialect == Dialect.LUXRENDER) {
            String coords = ps.getString("coordinates", "global");
            if (!coords.equals("global")) {
                throw new Unsupported(ps.get("coordinates").loc(), "3D texture coordinates \"" + coords
                        + "\" are not supported (supported: global)");
            }
            float[] sc = vector(ps, "scale", new float[] {1, 1, 1});
            float[] rot = vector(ps, "rotate", new float[] {0, 0, 0});
            float[] tr = vector(ps, "translate", new float[] {0, 0, 0});
            x = x.compose(Transform.scale(1 / sc[0], 1 / sc[1], 1 / sc[2]))
                    .compose(Transform.rotate(rot[0], 1, 0, 0)).compose(Transform.rotate(rot[1], 0, 1, 0))
                    .compose(Transform.rotate(rot[2], 0, 0, 1)).compose(Transform.translate(-tr[0], -tr[1], -tr[2]));
        }
        putXform(x, n);
    }

    /** A "vector" parameter, or def when absent or of another type (marble's "scale" is a float). */
    private static float[] vector(ParamSet ps, String name, float[] def) {
        for (Param p : ps.all()) {
            if (p.name().equals(name) && p.type() == org.luxnet.scene.desc.ParamType.VECTOR && p.size() == 3) {
                return ps.getVectors(name);
            }
        }
        return def;
    }

    private static void putXform(Transform x, Node n) {
        double[] m = x.toRowMajor();
        for (int i = 0; i < 12; i++) {
            n.params[TextureLayout.XFORM + i] = (float) m[i];
        }
    }

    private void mapping2d(TextureDesc t, Node n) {
        ParamSet ps = t.params();
        String kind = ps.getString("mapping", "uv");
        n.params[TextureLayout.SU] = (float) ps.getFloat("uscale", 1);
        n.params[TextureLayout.SV] = (float) ps.getFloat("vscale", 1);
        n.params[TextureLayout.DU] = (float) ps.getFloat("udelta", 0);
        n.params[TextureLayout.DV] = (float) ps.getFloat("vdelta", 0);
        switch (kind) {
            case "uv":
                n.params[TextureLayout.MAPPING] = TextureLayout.MAP_UV;
                break;
            case "spherical":
                n.params[TextureLayout.MAPPING] = TextureLayout.MAP_SPHERICAL;
                putXform(t.objectToWorld().inverse(), n);
                break;
            case "cylindrical":
                n.params[TextureLayout.MAPPING] = TextureLayout.MAP_CYLINDRICAL;
                putXform(t.objectToWorld().inverse(), n);
                break;
            case "planar":
                n.params[TextureLayout.MAPPING] = TextureLayout.MAP_PLANAR;
                float[] vs = ps.has("v1") ? ps.getVectors("v1") : new float[] {1, 0, 0};
                float[] vt = ps.has("v2") ? ps.getVectors("v2") : new float[] {0, 1, 0};
                System.arraycopy(vs, 0, n.params, TextureLayout.VS, 3);
                System.arraycopy(vt, 0, n.params, TextureLayout.VT, 3);
                break;
            default:
                throw new Unsupported(ps.get("mapping").loc(), "texture mapping \"" + kind
                        + "\" is not known (known: cylindrical, planar, spherical, uv)");
        }
    }
}
