package org.luxnet.scene.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ShapeDesc;

/**
 * pbrt-v3's alpha masks on triangle meshes (shapes/triangle.cpp CreateTriangleMeshShape, shapes/plymesh.cpp
 * CreatePLYMesh; api.cpp MakeShapes hands the float textures to these two only): "texture alpha" names a
 * float texture, else "float alpha" 0 stands for a constant-0 texture (any other value, 1 by default, for
 * none); "shadowalpha" likewise. A hit whose alpha evaluates to exactly 0 is ignored by every ray, one whose
 * shadowalpha does by shadow rays only (Triangle::Intersect and IntersectP). Each distinct pair of masks
 * becomes one row of {@link CompiledScene#alphaMasks}, shared by the meshes that use it. LuxRender 1.x has no
 * shape alpha (it cuts with mix and null materials): its shapes never get a mask.
 */
final class AlphaMasks {
    private final TextureCompiler textures;
    private final List<SceneWarning> warnings;
    private final boolean pbrt;
    private final IntList rows = new IntList();
    private final Map<String, Integer> byKey = new HashMap<>();
    private final Map<String, int[]> programs = new HashMap<>();

    AlphaMasks(Dialect dialect, TextureCompiler textures, List<SceneWarning> warnings) {
        this.pbrt = dialect == Dialect.PBRT;
        this.textures = textures;
        this.warnings = warnings;
    }

    /** The mask row of shape {@code s} (reading its "alpha" and "shadowalpha"), or -1 when it has none. */
    int of(ShapeDesc s) {
        if (!pbrt || !(s.type().equals("trianglemesh") || s.type().equals("plymesh"))) {
            return -1;
        }
        ParamSet ps = s.params();
        int[] alpha = mask(ps, "alpha");
        int[] shadow = mask(ps, "shadowalpha");
        if (alpha == null && shadow == null) {
            return -1;
        }
        int a0 = alpha == null ? -1 : alpha[0], a1 = alpha == null ? -1 : alpha[1];
        int s0 = shadow == null ? -1 : shadow[0], s1 = shadow == null ? -1 : shadow[1];
        String key = a0 + " " + a1 + " " + s0 + " " + s1;
        Integer row = byKey.get(key);
        if (row == null) {
            row = rows.size() / CompiledScene.ALPHA_STRIDE;
            rows.add(a0);
            rows.add(a1);
            rows.add(s0);
            rows.add(s1);
            byKey.put(key, row);
        }
        return row;
    }

    /** {start, root} of the program of mask parameter {@code name}, or null for none (after a warning if it is wrong). */
    private int[] mask(ParamSet ps, String name) {
        String ref = ps.getTexture(name);
        if (ref != null) {
            String type = textures.valueTypeOf(ref);
            if (type != null && !type.equals("float")) {
                warnings.add(new SceneWarning(ps.get(name).loc(), "\"" + name + "\" names texture \"" + ref
                        + "\", which is not a float texture; the shape has no " + name + " mask"));
                return null;
            }
            String key = "texture " + ref;
            if (!programs.containsKey(key)) {
                Param p = ps.get(name);
                programs.put(key, textures.program(p));
            }
            return programs.get(key);
        }
        if (ps.has(name) && ps.getFloat(name, 1) == 0) {
            return programs.computeIfAbsent("zero", k -> textures.constant(0f));
        }
        return null;
    }

    /** The rows ({@link CompiledScene#ALPHA_STRIDE} ints each), empty when no shape has a mask. */
    int[] table() {
        return rows.toArray();
    }

    /** Nodes in the longest mask program (0 without masks): the kernel's extra texture registers. */
    static int longest(int[] table) {
        int n = 0;
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] >= 0) {
                n = Math.max(n, table[i + 1] - table[i] + 1);
            }
        }
        return n;
    }
}
