package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.desc.AreaLightDesc;
import org.luxnet.scene.desc.CameraDesc;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.EntityDesc;
import org.luxnet.scene.desc.InstanceDesc;
import org.luxnet.scene.desc.MaterialDesc;
import org.luxnet.scene.desc.ObjectDesc;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.Transform;

/**
 * The compiled form of instancing: an object's geometry is stored once however many instances place
 * it (compiled-scene arrays sized by the object, not by the instances), area lights inside objects
 * are reported and dropped as pbrt-v3 and LuxRender drop them, and a singular instance transform is a
 * scene error at the instance.
 */
class InstancingCompileTest {
    private static final FileLoc AT = new FileLoc("scene.pbrt", 7, 3);

    /** A grid mesh of {@code 2 n n} triangles in the unit square. */
    private static ShapeDesc grid(int n, AreaLightDesc light) {
        double[] p = new double[3 * (n + 1) * (n + 1)];
        for (int j = 0; j <= n; j++) {
            for (int i = 0; i <= n; i++) {
                int k = 3 * (j * (n + 1) + i);
                p[k] = (double) i / n;
                p[k + 1] = (double) j / n;
                p[k + 2] = 0.01 * Math.sin(i + j);
            }
        }
        double[] idx = new double[6 * n * n];
        int o = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int a = j * (n + 1) + i, b = a + 1, c = a + n + 1, d = c + 1;
                double[] q = {a, b, d, a, d, c};
                System.arraycopy(q, 0, idx, o, 6);
                o += 6;
            }
        }
        ParamSet ps = new ParamSet();
        ps.add(Param.numbers("P", ParamType.POINT, p, AT));
        ps.add(Param.numbers("indices", ParamType.INTEGER, idx, AT));
        return new ShapeDesc("trianglemesh", ps, Transform.IDENTITY, false, MaterialDesc.defaultMatte(), light, AT);
    }

    private static SceneDescription scene(List<ShapeDesc> world, List<InstanceDesc> instances) {
        return new SceneDescription("scene.pbrt", Dialect.PBRT,
                new CameraDesc("perspective", new ParamSet(), Transform.IDENTITY, FileLoc.NONE),
                EntityDesc.absent("image"), EntityDesc.absent("sobol"), EntityDesc.absent("path"), EntityDesc.absent("box"),
                world, List.of(), Map.of(), Map.of(), List.of(), instances);
    }

    @Test
    void tenThousandInstancesOfAHundredThousandTrianglesStoreTheMeshOnce() {
        int n = 224; // 100,352 triangles
        ObjectDesc mesh = new ObjectDesc("mesh", AT, List.of(grid(n, null)));
        Random r = new Random(3);
        List<InstanceDesc> instances = new ArrayList<>();
        int count = 10_000;
        for (int i = 0; i < count; i++) {
            Transform t = Transform.translate(r.nextDouble() * 200, r.nextDouble() * 200, r.nextDouble() * 200)
                    .compose(Transform.rotate(r.nextDouble() * 360, r.nextGaussian(), r.nextGaussian(), 1))
                    .compose(Transform.scale(0.5 + r.nextDouble(), 0.5 + r.nextDouble(), 0.5 + r.nextDouble()));
            instances.add(new InstanceDesc(mesh, t, AT));
        }
        CompiledScene s = SceneCompiler.compile(scene(List.of(), instances)).scene();
        int tris = 2 * n * n;
        assertEquals(count, s.instanceCount);
        assertEquals(1, s.objectCount);
        assertEquals(tris, s.triangleCount, "the mesh is stored once");
        assertEquals(9 * tris, s.triGeom.length);
        assertEquals(9 * tris, s.triNs.length);
        assertEquals(count * CompiledScene.INST_STRIDE, s.instXform.length);
        // Bottom level: at most one node per triangle; top level: one per instance.
        assertTrue(s.bvhNodeCount < tris + count, "BVH nodes " + s.bvhNodeCount);
        assertTrue(s.bvhPrims.length <= tris + count, "BVH prims " + s.bvhPrims.length);
        long bytes = 4L * (s.triGeom.length + s.triNg.length + s.triNs.length + s.triUv.length + s.triMaterial.length
                + s.triLight.length + s.triHasNs.length + s.bvhBounds.length + s.bvhChildren.length + s.bvhPrims.length
                + s.instXform.length + s.instRoot.length);
        long flattened = (long) count * tris * 4L * (9 + 3 + 9 + 6 + 3);
        System.out.printf("%d instances of %d triangles: compiled scene %.1f MB, a flattened copy's triangles alone %.1f GB%n",
                count, tris, bytes / 1e6, flattened / 1e9);
        assertTrue(bytes < 40_000_000L, "compiled scene bytes " + bytes);
        assertTrue(bytes * 1000 < flattened, "far below a flattened copy");
    }

    @Test
    void areaLightInsideAnObjectIsReportedAndDoesNotEmit() {
        AreaLightDesc light = new AreaLightDesc("diffuse", new ParamSet(), AT);
        ObjectDesc lamp = new ObjectDesc("lamp", AT, List.of(grid(2, light)));
        var cr = SceneCompiler.compile(scene(List.of(), List.of(new InstanceDesc(lamp, Transform.translate(0, 1, 0), AT))));
        assertEquals(0, cr.scene().lightCount, "pbrt-v3 and LuxRender add no light for a shape inside an object");
        assertTrue(cr.warnings().stream().anyMatch(w -> w.loc().equals(AT) && w.message().contains("area lights are not supported")),
                () -> "warnings: " + cr.warnings());
        assertEquals(8, cr.scene().triangleCount, "the shape itself is kept");
    }

    @Test
    void singularInstanceTransformIsASceneErrorAtTheInstance() {
        ObjectDesc o = new ObjectDesc("o", AT, List.of(grid(1, null)));
        FileLoc at = new FileLoc("scene.pbrt", 12, 5);
        SceneException e = assertThrows(SceneException.class, () -> SceneCompiler.compile(
                scene(List.of(), List.of(new InstanceDesc(o, Transform.scale(1, 0, 1), at)))));
        assertTrue(e.getMessage().contains("scene.pbrt:12:5") && e.getMessage().contains("singular"), e.getMessage());
    }

    @Test
    void emptyObjectsAndUnplacedObjectsAddNothing() {
        ObjectDesc empty = new ObjectDesc("empty", AT, List.of());
        CompiledScene s = SceneCompiler.compile(scene(List.of(grid(1, null)),
                List.of(new InstanceDesc(empty, Transform.IDENTITY, AT)))).scene();
        assertEquals(0, s.instanceCount);
        assertEquals(2, s.triangleCount);
    }
}
