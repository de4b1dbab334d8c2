package org.luxnet.scene.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.TextureLayout;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.Transform;

/**
 * The object spaces that LuxRender's "local" and "localnormal" 3D texture coordinates map from
 * ({@link CompiledScene#primLocal}, {@link CompiledScene#localXform}). LuxRender's LocalMapping3D
 * (core/texture.cpp) divides the mapping by dg.handle->GetLocalToWorld: for a shape its
 * ObjectToWorld, the CTM at its Shape statement (core/shape.h Shape::GetLocalToWorld; a mesh's
 * triangles ask their mesh), for an instance InstanceToWorld times its object's (core/primitive.h
 * InstancePrimitive::GetLocalToWorld), which is the identity for an aggregate (every accelerator)
 * and the shape's own ObjectToWorld only where the object is one shape LuxRender intersects directly
 * (core/context.cpp ObjectInstance makes an aggregate otherwise). Meshes here are flattened to world
 * (or object) space when compiled, so each shape keeps its transform; the arrays are built only for
 * scenes whose textures use these coordinates.
 */
final class LocalFrames {
    /** LuxRender's shapes that intersect themselves (Shape::CanIntersect), not by refining to triangles. */
    static final Set<String> QUADRICS = Set.of("sphere", "cylinder", "disk", "cone", "paraboloid", "hyperboloid",
            "torus", "lenscomponent");

    private LocalFrames() {
    }

    /** True when some compiled texture node maps from "local" or "localnormal" coordinates. */
    static boolean used(TextureCompiler textures) {
        float[] p = textures.params();
        for (int i = TextureLayout.MAPPING; i < p.length; i += TextureLayout.NODE_STRIDE) {
            if (p[i] == TextureLayout.MAP3D_LOCAL || p[i] == TextureLayout.MAP3D_LOCALNORMAL) {
                return true;
            }
        }
        return false;
    }

    /** Fills b's primLocal and localXform; after {@link GeometryLayout#layout}, whose triangle order it follows. */
    static void layout(GeometryBuilder world, InstanceCompiler inst, CompiledScene.Builder b,
                       List<SceneWarning> warnings) {
        int[] primLocal = new int[b.triangleCount + b.sphereCount];
        java.util.Arrays.fill(primLocal, -1);
        List<float[]> frames = new ArrayList<>();
        // World shapes: each its own space; triangle t is stored at the position of t in the layout order.
        int[] stored = inverse(world.layoutOrder);
        for (int k = 0; k < world.shapes.size(); k++) {
            int f = frame(world.shapes.get(k), frames, warnings);
            int t1 = k + 1 < world.shapeTri.size() ? world.shapeTri.get(k + 1) : world.triangleCount();
            int s1 = k + 1 < world.shapeSph.size() ? world.shapeSph.get(k + 1) : world.sphereCount();
            for (int t = world.shapeTri.get(k); t < t1; t++) {
                primLocal[stored[t]] = f;
            }
            for (int s = world.shapeSph.get(k); s < s1; s++) {
                primLocal[b.triangleCount + s] = f;
            }
        }
        // Objects: their own space (-1), unless one directly intersected shape (then its space within the object).
        int base = b.worldTriangleCount;
        for (GeometryBuilder g : inst.objects) {
            int n = g.triangleCount();
            if (n > 0 && g.shapes.size() == 1 && g.shapeDirect.get(0) != 0) {
                int f = frame(g.shapes.get(0), frames, warnings);
                for (int i = 0; i < n; i++) {
                    primLocal[base + i] = f;
                }
            }
            base += n;
        }
        float[] x = new float[CompiledScene.LOCAL_STRIDE * frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            System.arraycopy(frames.get(i), 0, x, i * CompiledScene.LOCAL_STRIDE, CompiledScene.LOCAL_STRIDE);
        }
        b.primLocal = primLocal;
        b.localXform = x;
    }

    /** A new entry for shape s's space (world-to-object, object-to-world), or -1 (world) if its transform is singular. */
    private static int frame(ShapeDesc s, List<float[]> frames, List<SceneWarning> warnings) {
        Transform o2w = s.objectToWorld();
        if (!o2w.isInvertible()) {
            warnings.add(new SceneWarning(s.loc(), "Shape \"" + s.type() + "\": its transform is singular, so the"
                    + " \"local\" texture coordinates on it are world coordinates"));
            return -1;
        }
        Transform w2o = o2w.inverse();
        float[] e = new float[CompiledScene.LOCAL_STRIDE];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                e[4 * r + c] = (float) w2o.get(r, c);
                e[12 + 4 * r + c] = (float) o2w.get(r, c);
            }
        }
        frames.add(e);
        return frames.size() - 1;
    }

    private static int[] inverse(int[] order) {
        int[] inv = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inv[order[i]] = i;
        }
        return inv;
    }
}
