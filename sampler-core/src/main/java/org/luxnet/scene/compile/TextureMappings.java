package org.luxnet.scene.compile;

import java.util.List;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.TextureLayout;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.TextureDesc;
import org.luxnet.scene.desc.Transform;

/**
 * The texture mappings of a node's parameters (see {@link TextureLayout}): the 3D texture space and
 * the 2D (s, t) mappings, as each dialect defines them. A mapping the renderer lacks throws {@link
 * TextureCompiler.Unsupported} at its place.
 */
final class TextureMappings {
    private TextureMappings() {
    }

    /**
     * pbrt-v3 IdentityMapping3D(tex2world), which it applies as world-to-texture: p_tex = CTM p.
     * LuxRender (core/texture.cpp TextureMapping3D::Create) does the same for "coordinates" "global",
     * then right-multiplies Scale(1 / "scale"), RotateX/Y/Z("rotate", degrees) and Translate(-"translate")
     * (Apply3DTextureMappingOptions). Its other coordinates ({@link #coordinates}) change the point the
     * mapping takes; an unknown name is LuxRender's LOG and "global".
     */
    static void mapping3d(Dialect dialect, TextureDesc t, float[] params, List<SceneWarning> warnings) {
        Transform x = t.objectToWorld();
        ParamSet ps = t.params();
        if (dialect == Dialect.LUXRENDER) {
            float[] sc = vector(ps, "scale", new float[] {1, 1, 1});
            float[] rot = vector(ps, "rotate", new float[] {0, 0, 0});
            float[] tr = vector(ps, "translate", new float[] {0, 0, 0});
            x = x.compose(Transform.scale(1 / sc[0], 1 / sc[1], 1 / sc[2]))
                    .compose(Transform.rotate(rot[0], 1, 0, 0)).compose(Transform.rotate(rot[1], 0, 1, 0))
                    .compose(Transform.rotate(rot[2], 0, 0, 1)).compose(Transform.translate(-tr[0], -tr[1], -tr[2]));
            int coords = coordinates(ps, warnings);
            params[TextureLayout.MAPPING] = coords;
            if (coords == TextureLayout.MAP3D_GLOBALNORMAL || coords == TextureLayout.MAP3D_LOCALNORMAL) {
                if (!x.isInvertible()) {
                    throw new TextureCompiler.Unsupported(t.loc(), "3D texture mapping of texture \"" + t.name()
                            + "\" is singular (a zero \"scale\"?): a normal cannot be mapped by it");
                }
                x = normalTransform(x);
            }
        }
        putXform(x, params);
    }

    /**
     * LuxRender's "coordinates" (core/texture.cpp TextureMapping3D::Create) as a MAP3D_ constant:
     * GlobalMapping3D maps dg.p; LocalMapping3D dg.p by WorldToTexture / dg.handle->GetLocalToWorld (the
     * shape's ObjectToWorld, or in an instance InstanceToWorld times its object's); UVMapping3D (dg.u,
     * dg.v, 0); GlobalNormalMapping3D and LocalNormalMapping3D dg.nn, the shading normal, as a Normal
     * (by the inverse transpose, without translation), in world or that object space.
     */
    private static int coordinates(ParamSet ps, List<SceneWarning> warnings) {
        String coords = ps.getString("coordinates", "global");
        switch (coords) {
            case "global":
                return TextureLayout.MAP3D_GLOBAL;
            case "local":
                return TextureLayout.MAP3D_LOCAL;
            case "uv":
                return TextureLayout.MAP3D_UV;
            case "globalnormal":
                return TextureLayout.MAP3D_GLOBALNORMAL;
            case "localnormal":
                return TextureLayout.MAP3D_LOCALNORMAL;
            default:
                warnings.add(new SceneWarning(ps.get("coordinates").loc(), "3D texture mapping \"" + coords
                        + "\" unknown (known: global, local, uv, globalnormal, localnormal): global, as LuxRender"));
                return TextureLayout.MAP3D_GLOBAL;
        }
    }

    /** The inverse transpose of x's linear part, no translation: how LuxRender's Transform maps a Normal. */
    private static Transform normalTransform(Transform x) {
        Transform inv = x.inverse();
        double[] m = new double[16];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[4 * r + c] = inv.get(c, r);
            }
        }
        m[15] = 1;
        return Transform.ofRowMajor(m);
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

    private static void putXform(Transform x, float[] params) {
        double[] m = x.toRowMajor();
        for (int i = 0; i < 12; i++) {
            params[TextureLayout.XFORM + i] = (float) m[i];
        }
    }

    /** pbrt-v3 core/texture.cpp 2D mappings: uv (scales, deltas), spherical, cylindrical, planar (v1, v2). */
    static void mapping2d(TextureDesc t, float[] params) {
        ParamSet ps = t.params();
        String kind = ps.getString("mapping", "uv");
        params[TextureLayout.SU] = (float) ps.getFloat("uscale", 1);
        params[TextureLayout.SV] = (float) ps.getFloat("vscale", 1);
        params[TextureLayout.DU] = (float) ps.getFloat("udelta", 0);
        params[TextureLayout.DV] = (float) ps.getFloat("vdelta", 0);
        switch (kind) {
            case "uv":
                params[TextureLayout.MAPPING] = TextureLayout.MAP_UV;
                break;
            case "spherical":
                params[TextureLayout.MAPPING] = TextureLayout.MAP_SPHERICAL;
                putXform(t.objectToWorld().inverse(), params);
                break;
            case "cylindrical":
                params[TextureLayout.MAPPING] = TextureLayout.MAP_CYLINDRICAL;
                putXform(t.objectToWorld().inverse(), params);
                break;
            case "planar":
                params[TextureLayout.MAPPING] = TextureLayout.MAP_PLANAR;
                float[] vs = ps.has("v1") ? ps.getVectors("v1") : new float[] {1, 0, 0};
                float[] vt = ps.has("v2") ? ps.getVectors("v2") : new float[] {0, 1, 0};
                System.arraycopy(vs, 0, params, TextureLayout.VS, 3);
                System.arraycopy(vt, 0, params, TextureLayout.VT, 3);
                break;
            default:
                throw new TextureCompiler.Unsupported(ps.get("mapping").loc(), "texture mapping \"" + kind
                        + "\" is not known (known: cylindrical, planar, spherical, uv)");
        }
    }
}
