package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.desc.InstanceDesc;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.Transform;

/**
 * A LuxRender scene spread over files: the main file includes geometry/objects.lxs, which includes
 * geometry/materials.lxs and reads PLY meshes in all three formats, every path relative to the main
 * file's directory, as luxconsole (which changes into that directory before parsing) reads them.
 */
class LuxRenderSceneTest {
    static final String MAIN = """
            # LuxRender test scene
            LookAt 0 10 100  0 -1 0  0 1 0
            Camera "perspective" "float fov" [30]
            Film "fleximage" "integer xresolution" [200] "integer yresolution" [100] "bool write_png" "true"
            PixelFilter "mitchell" "float B" [0.3333]
            Sampler "metropolis" "float largemutationprob" [0.4]
            SurfaceIntegrator "bidirectional"
            Renderer "sampler"
            WorldBegin
            Include "geometry/objects.lxs"
            AttributeBegin
              LightGroup "default"
              AreaLightSource "area" "color L" [1 1 1] "float power" [100]
              Translate 0 5 0
              Shape "disk" "float radius" [2]
            AttributeEnd
            LightSource "point" "point from" [0 0 0]
            LightGroup "other"
            WorldEnd
            """;
    static final String OBJECTS = """
            Include "geometry/materials.lxs"
            NamedMaterial "Red"
            AttributeBegin
              Translate 1 0 0
              ReverseOrientation
              Shape "sphere" "float radius" [0.5]
              AttributeBegin
                Scale 2 2 2
                NamedMaterial "Blue"
                Shape "plymesh" "string filename" ["geometry/meshes/quad_ascii.ply"] "bool smooth" ["true"]
              AttributeEnd
              Shape "plymesh" "string filename" "geometry/meshes/quad_le.ply"
            AttributeEnd
            ObjectBegin "pair"
              Shape "plymesh" "string filename" ["geometry/meshes/quad_be.ply"]
              Translate 0 0 3
              Shape "sphere" "float radius" [1]
            ObjectEnd
            AttributeBegin
              Translate 10 0 0
              ObjectInstance "pair"
            AttributeEnd
            Translate -10 0 0
            ObjectInstance "pair"
            """;
    static final String MATERIALS = """
            MakeNamedMaterial "Red" "string type" ["matte"] "color Kd" [0.8 0.1 0.1]
            # LuxRender's type defaults to matte
            MakeNamedMaterial "Blue" "color Kd" [0.1 0.1 0.8]
            Texture "checks" "color" "checkerboard" "string mapping" "uv"
            """;

    @TempDir
    static Path dir;
    static SceneDescription scene;
    static RecordingResources recorded;

    @BeforeAll
    static void writeAndParse() throws IOException {
        Files.createDirectories(dir.resolve("geometry/meshes"));
        Files.writeString(dir.resolve("main.lxs"), MAIN);
        Files.writeString(dir.resolve("geometry/objects.lxs"), OBJECTS);
        Files.writeString(dir.resolve("geometry/materials.lxs"), MATERIALS);
        Files.write(dir.resolve("geometry/meshes/quad_ascii.ply"), PlyReaderTest.quad("ascii"));
        Files.write(dir.resolve("geometry/meshes/quad_le.ply"), PlyReaderTest.quad("binary_little_endian"));
        Files.write(dir.resolve("geometry/meshes/quad_be.ply"), PlyReaderTest.quad("binary_big_endian"));
        recorded = new RecordingResources(new FileSystemResources(dir));
        scene = SceneParser.parse("main.lxs", recorded);
    }

    @Test
    void optionsAndDialect() {
        assertEquals(Dialect.LUXRENDER, scene.dialect(), "LuxRender spellings win over \"string type\"");
        assertEquals("fleximage", scene.film().type());
        assertEquals(200, scene.film().params().getInt("xresolution", 0));
        assertTrue(scene.film().params().getBool("write_png", false));
        assertEquals("mitchell", scene.pixelFilter().type());
        assertEquals("metropolis", scene.sampler().type());
        assertEquals("bidirectional", scene.integrator().type());
        double[] eye = new double[3];
        scene.camera().worldToCamera().inverse().applyPoint(0, 0, 0, eye, 0);
        assertArrayEquals(new double[] {0, 10, 100}, eye, 1e-9);
    }

    @Test
    void shapesInOrderWithStateFromNestedBlocksAndIncludes() {
        List<ShapeDesc> s = scene.shapes();
        assertEquals(List.of("sphere", "trianglemesh", "trianglemesh", "disk"), s.stream().map(ShapeDesc::type).toList());
        Transform t1 = Transform.translate(1, 0, 0);
        assertShape(s.get(0), t1, true, "Red", "geometry/objects.lxs", 6);
        assertShape(s.get(1), t1.compose(Transform.scale(2, 2, 2)), true, "Blue", "geometry/objects.lxs", 10);
        assertShape(s.get(2), t1, true, "Red", "geometry/objects.lxs", 12);
        // Instances reference the object, whose shapes keep the CTM and state of the definition.
        List<InstanceDesc> in = scene.instances();
        assertEquals(2, in.size());
        assertSame(in.get(0).object(), in.get(1).object(), "both instances reference one object");
        assertEquals(Transform.translate(10, 0, 0), in.get(0).instanceToWorld());
        assertEquals(Transform.translate(-10, 0, 0), in.get(1).instanceToWorld());
        assertEquals("geometry/objects.lxs", in.get(0).loc().file());
        List<ShapeDesc> o = in.get(0).object().shapes();
        assertEquals(List.of("trianglemesh", "sphere"), o.stream().map(ShapeDesc::type).toList());
        assertShape(o.get(0), Transform.IDENTITY, false, "Red", "geometry/objects.lxs", 15);
        assertShape(o.get(1), Transform.translate(0, 0, 3), false, "Red", "geometry/objects.lxs", 17);
        // The Translate at the end of the included file still applies in the main file.
        Transform tm10 = Transform.translate(-10, 0, 0);
        assertShape(s.get(3), tm10.compose(Transform.translate(0, 5, 0)), false, "Red", "main.lxs", 15);
        for (int i = 0; i < 3; i++) {
            assertNull(s.get(i).areaLight(), "shape " + i);
        }
        assertEquals("area", s.get(3).areaLight().type());
        assertEquals(100, s.get(3).areaLight().params().getFloat("power", 0), 0);
    }

    @Test
    void plyMeshesBecomeTriangleMeshes() {
        List<ShapeDesc> meshes = List.of(scene.shapes().get(1), scene.shapes().get(2),
                scene.instances().get(0).object().shapes().get(0));
        for (ShapeDesc m : meshes) {
            assertArrayEquals(new int[] {0, 1, 2, 0, 2, 3}, m.params().getInts("indices"));
            assertArrayEquals(new float[] {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0}, m.params().getPoints("P"));
            assertArrayEquals(new float[] {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1}, m.params().getNormals("N"));
            assertArrayEquals(new float[] {0, 0, 1, 0, 1, 1, 0, 1}, m.params().getFloats("uv"));
            assertEquals(m.loc(), m.params().get("P").loc(), "generated parameters sit at the Shape statement");
            assertFalse(m.params().has("filename"));
        }
        ShapeDesc ascii = scene.shapes().get(1);
        assertTrue(ascii.params().getBool("smooth", false), "other plymesh parameters are kept");
    }

    @Test
    void namedMaterialsTexturesAndLights() {
        assertEquals("matte", scene.namedMaterials().get("Blue").type());
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.8f}, scene.namedMaterials().get("Blue").params().getRgb("Kd", null));
        assertEquals("geometry/materials.lxs", scene.namedMaterials().get("Red").loc().file());
        assertNotNull(scene.textures().get("checks"));
        assertEquals("checkerboard", scene.textures().get("checks").textureClass());
        assertEquals(1, scene.lights().size());
        assertEquals(Transform.translate(-10, 0, 0), scene.lights().get(0).lightToWorld());
    }

    @Test
    void unsupportedStatementsWarnOncePerKindWithFileAndLine() {
        List<String> w = scene.warnings().stream().map(SceneWarning::toString).toList();
        assertEquals(List.of(
                "main.lxs:8: warning: Renderer is not supported and was ignored (LuxNet always uses its own progressive path tracer)",
                "main.lxs:12: warning: LightGroup is not supported and was ignored (all lights are rendered into one image)"
                        + " (2 times; the first is here)"),
                w);
    }

    @Test
    void recordsExactlyTheFilesTheSceneNeeds() {
        assertEquals(List.of("main.lxs", "geometry/objects.lxs", "geometry/materials.lxs",
                "geometry/meshes/quad_ascii.ply", "geometry/meshes/quad_le.ply", "geometry/meshes/quad_be.ply"),
                List.copyOf(recorded.files().keySet()));
        assertArrayEquals(PlyReaderTest.quad("binary_big_endian"), recorded.files().get("geometry/meshes/quad_be.ply"));
    }

    private static void assertShape(ShapeDesc s, Transform objectToWorld, boolean reversed, String material,
                                    String file, int line) {
        assertArrayEquals(objectToWorld.toRowMajor(), s.objectToWorld().toRowMajor(), 1e-12, s.toString());
        assertEquals(reversed, s.reverseOrientation(), s.type() + " at " + s.loc());
        assertEquals(material, s.material().name(), s.type() + " at " + s.loc());
        assertEquals(file, s.loc().file());
        assertEquals(line, s.loc().line());
    }
}
