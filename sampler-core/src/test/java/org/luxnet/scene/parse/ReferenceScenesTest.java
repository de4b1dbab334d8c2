package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.desc.CameraDesc;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.Transform;

/** The two reference scenes of examples/reference parse unmodified, with the right content. */
class ReferenceScenesTest {
    private static final Path DIR = Path.of("..", "examples", "reference");
    private static final List<String> WALLS = List.of("Floor", "Ceiling", "BackWall", "RightWall", "LeftWall");

    @Test
    void cornellBox() {
        SceneDescription s = SceneParser.parse(DIR.resolve("cornell-box.pbrt"));
        assertCommonSetup(s, 4096);
        assertEquals(8, s.shapes().size());
        List<String> materials = s.shapes().stream().map(sh -> sh.material().name()).toList();
        assertEquals(List.of("Floor", "Ceiling", "BackWall", "RightWall", "LeftWall", "ShortBox", "TallBox", "Light"),
                materials);
        for (ShapeDesc sh : s.shapes()) {
            assertEquals("trianglemesh", sh.type());
            assertEquals(Transform.IDENTITY, sh.objectToWorld());
        }
        ShapeDesc shortBox = s.shapes().get(5);
        assertEquals(24, shortBox.params().getPoints("P").length / 3);
        assertEquals(36, shortBox.params().getInts("indices").length);
        assertEquals(29, shortBox.loc().line());
        assertLightOnlyOnLast(s, 35);
    }

    @Test
    void cornellSpheres() {
        SceneDescription s = SceneParser.parse(DIR.resolve("cornell-spheres.pbrt"));
        assertCommonSetup(s, 2048);
        assertEquals(8, s.shapes().size());
        for (int i = 0; i < WALLS.size(); i++) {
            assertEquals(WALLS.get(i), s.shapes().get(i).material().name());
            assertEquals("trianglemesh", s.shapes().get(i).type());
        }
        ShapeDesc mirror = s.shapes().get(5);
        assertEquals("sphere", mirror.type());
        assertEquals(0.33, mirror.params().getFloat("radius", 0), 1e-12);
        assertEquals("mirror", mirror.material().type());
        assertNull(mirror.material().name());
        assertArrayEquals(new float[] {0.999f, 0.999f, 0.999f}, mirror.material().params().getRgb("Kr", null));
        assertEquals(Transform.translate(-0.42, 0.33, -0.28), mirror.objectToWorld());
        assertEquals(32, mirror.loc().line());

        ShapeDesc glass = s.shapes().get(6);
        assertEquals("sphere", glass.type());
        assertEquals("glass", glass.material().type());
        assertEquals(1.5, glass.material().params().getFloat("index", 0), 0);
        assertEquals(Transform.translate(0.42, 0.33, 0.32), glass.objectToWorld());

        ShapeDesc light = s.shapes().get(7);
        assertEquals("Light", light.material().name());
        // AttributeEnd restored the identity transform after each sphere.
        assertEquals(Transform.IDENTITY, light.objectToWorld());
        assertLightOnlyOnLast(s, 42);
    }

    private static void assertCommonSetup(SceneDescription s, int pixelSamples) {
        assertEquals(Dialect.PBRT, s.dialect());
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
        assertEquals("image", s.film().type());
        assertEquals(256, s.film().params().getInt("xresolution", 0));
        assertEquals(256, s.film().params().getInt("yresolution", 0));
        assertEquals("sobol", s.sampler().type());
        assertEquals(pixelSamples, s.sampler().params().getInt("pixelsamples", 0));
        assertEquals("path", s.integrator().type());
        assertEquals(65, s.integrator().params().getInt("maxdepth", 0));
        assertEquals("box", s.pixelFilter().type());
        assertEquals(0.5, s.pixelFilter().params().getFloat("xwidth", 0), 0);
        assertEquals(Set.of("LeftWall", "RightWall", "Floor", "Ceiling", "BackWall", "ShortBox", "TallBox", "Light"),
                s.namedMaterials().keySet());
        assertEquals("matte", s.namedMaterials().get("LeftWall").type());
        assertArrayEquals(new float[] {0.63f, 0.065f, 0.05f}, s.namedMaterials().get("LeftWall").params().getRgb("Kd", null));
        // The "type" parameter was consumed by the parser, so the compiler will not call it unused.
        assertTrue(s.namedMaterials().get("LeftWall").params().unused("MakeNamedMaterial").stream()
                .noneMatch(w -> w.message().contains("type")));

        CameraDesc cam = s.camera();
        assertNotNull(cam);
        assertEquals("perspective", cam.type());
        assertEquals(19.5, cam.params().getFloat("fov", 0), 0);
        assertEquals(8, cam.loc().line());
        // Transform [1 -0 -0 -0  -0 1 -0 -0  -0 -0 -1 -0  -0 -1 6.8 1] is column-major: y -= 1, z = 6.8 - z.
        double[] expected = {1, 0, 0, 0, 0, 1, 0, -1, 0, 0, -1, 6.8, 0, 0, 0, 1};
        assertArrayEquals(expected, cam.worldToCamera().toRowMajor(), 1e-12);
        double[] eye = new double[3];
        cam.worldToCamera().inverse().applyPoint(0, 0, 0, eye, 0);
        assertArrayEquals(new double[] {0, 1, 6.8}, eye, 1e-12);
    }

    private static void assertLightOnlyOnLast(SceneDescription s, int lightLine) {
        List<ShapeDesc> shapes = s.shapes();
        for (int i = 0; i < shapes.size() - 1; i++) {
            assertNull(shapes.get(i).areaLight(), "shape " + i);
        }
        ShapeDesc light = shapes.get(shapes.size() - 1);
        assertNotNull(light.areaLight());
        assertEquals("diffuse", light.areaLight().type());
        assertArrayEquals(new float[] {17, 12, 4}, light.areaLight().params().getRgb("L", null));
        assertEquals(lightLine, light.loc().line());
        assertEquals(3, light.loc().column());
        assertTrue(s.lights().isEmpty());
    }
}
