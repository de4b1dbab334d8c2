package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.LensFile;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.compiled.CameraData;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.desc.SceneFile;

/**
 * pbrt-v3's realistic camera's lens file: read as ReadFloatFile reads it (comments, any whitespace),
 * resolved against the scene file and read with the Camera statement, so that it is among the files
 * shipped to render servers (and a server, holding only the shipped files, compiles the same camera);
 * and every bad lens file is a scene error naming the statement's place and the lens file's line.
 */
class RealisticLensFileTest {
    private static byte[] dgauss() throws IOException {
        try (InputStream in = RealisticLensFileTest.class.getResourceAsStream("/lenses/dgauss.50mm.dat")) {
            return in.readAllBytes();
        }
    }

    private static String scene(String lensFile) {
        return """
                LookAt 0 0 -3  0 0 0  0 1 0
                Camera "realistic" "string lensfile" "%s"
                    "float aperturediameter" 6 "float focusdistance" 3
                Film "image" "integer xresolution" 32 "integer yresolution" 24
                WorldBegin
                LightSource "point" "rgb I" [1 1 1]
                Shape "sphere" "float radius" 0.5
                WorldEnd
                """.formatted(lensFile);
    }

    @Test
    void pbrtsLensDataParses() throws IOException {
        double[] v = LensFile.parse(new SceneFile("dgauss.50mm.dat", dgauss()), org.luxnet.scene.FileLoc.NONE);
        assertEquals(44, v.length);
        assertArrayEquals(new double[] {29.475, 3.76, 1.67, 25.2}, java.util.Arrays.copyOf(v, 4));
        assertArrayEquals(new double[] {0, 4.5, 0, 17.1}, java.util.Arrays.copyOfRange(v, 20, 24));
        assertArrayEquals(new double[] {-39.73, 0, 1, 20}, java.util.Arrays.copyOfRange(v, 40, 44));
        // Spaces, tabs, CRLF, comments after values, exponents, and a last number without a newline after it.
        byte[] odd = "# r t n a\r\n 1.5e1\t2 1.5 +10 # first\r\n0 .5 0 8\r\n-20 1e-1 1 10".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(new double[] {15, 2, 1.5, 10, 0, 0.5, 0, 8, -20, 0.1, 1, 10},
                LensFile.parse(new SceneFile("odd.dat", odd), org.luxnet.scene.FileLoc.NONE));
    }

    @Test
    void theLensFileResolvesAgainstTheSceneAndShipsWithIt() throws IOException {
        byte[] lens = dgauss();
        MemoryResources files = new MemoryResources()
                .add("scenes/lens.pbrt", scene("../lenses/dgauss.50mm.dat"))
                .add("lenses/dgauss.50mm.dat", lens);
        RecordingResources recorded = new RecordingResources(files);
        SceneDescription d = SceneParser.parse("scenes/lens.pbrt", recorded);
        assertEquals("lenses/dgauss.50mm.dat", d.camera().lensFile().name());
        assertTrue(recorded.files().containsKey("lenses/dgauss.50mm.dat"), "shipped: " + recorded.files().keySet());
        assertArrayEquals(lens, recorded.files().get("lenses/dgauss.50mm.dat"));
        CompiledRender local = SceneCompiler.compile(d);
        assertTrue(local.warnings().isEmpty(), local.warnings().toString());
        // A render server has the shipped files only.
        MemoryResources server = new MemoryResources();
        for (Map.Entry<String, byte[]> e : recorded.files().entrySet()) {
            server.add(e.getKey(), e.getValue());
        }
        CameraData.Realistic there = SceneCompiler.compile(SceneParser.parse("scenes/lens.pbrt", server)).scene().camera
                .realistic();
        CameraData.Realistic here = local.scene().camera.realistic();
        assertArrayEquals(here.elements(), there.elements());
        assertArrayEquals(here.pupilBounds(), there.pupilBounds());
    }

    private static SceneException badLens(String content) {
        MemoryResources files = new MemoryResources().add("scene.pbrt", scene("bad.dat")).add("bad.dat", content);
        return assertThrows(SceneException.class, () -> SceneCompiler.compile(SceneParser.parse("scene.pbrt", files)));
    }

    @Test
    void badLensFilesAreSceneErrorsAtTheStatement() {
        // The "string lensfile" parameter is on line 2 of the scene.
        String at = "scene.pbrt:2:";
        SceneException e = badLens("29.475 3.76 1.67 25.2\n84.83 0.12 1\n");
        assertTrue(e.getMessage().startsWith(at) && e.getMessage().contains("'bad.dat'")
                && e.getMessage().contains("multiple-of-four") && e.getMessage().contains("read 7"), e.getMessage());
        e = badLens("29.475 3.76 1.67 25.2\n84.83 0.12 one 25.2\n");
        assertTrue(e.getMessage().startsWith(at) && e.getMessage().contains("line 2")
                && e.getMessage().contains("\"one\" is not a number"), e.getMessage());
        e = badLens("1.5.5 3 1.5 10\n");
        assertTrue(e.getMessage().startsWith(at) && e.getMessage().contains("\"1.5.5\""), e.getMessage());
        e = badLens("20 1 1.5 10\n".repeat(LensFile.MAX_ELEMENTS + 1));
        assertTrue(e.getMessage().startsWith(at) && e.getMessage().contains("more than " + LensFile.MAX_ELEMENTS),
                e.getMessage());
        e = badLens("20 1 1.5 10\n".repeat(100000));
        assertTrue(e.getMessage().startsWith(at) && e.getMessage().contains("more than " + LensFile.MAX_ELEMENTS),
                e.getMessage());
        e = badLens("# only a comment\n\n");
        assertTrue(e.getMessage().startsWith(at) && e.getMessage().contains("no lens elements"), e.getMessage());
        e = badLens("20 -1 1.5 10\n");
        assertTrue(e.getMessage().startsWith(at) && e.getMessage().contains("thickness"), e.getMessage());
        e = badLens("20 1 1.5 0\n");
        assertTrue(e.getMessage().startsWith(at) && e.getMessage().contains("aperture"), e.getMessage());
        e = badLens("20 1 1.5 1e999\n");
        assertTrue(e.getMessage().startsWith(at) && e.getMessage().contains("out of range"), e.getMessage());
        // A lens that does not focus light at all (a flat glass plate): no thick-lens approximation.
        e = badLens("1e9 5 1.5 20\n0 1 0 10\n-1e9 5 1 20\n");
        assertTrue(e.getMessage().startsWith("scene.pbrt:"), e.getMessage());
    }

    @Test
    void aMissingLensFileIsASceneErrorAtTheStatement() {
        MemoryResources files = new MemoryResources().add("scene.pbrt", scene("nowhere/lens.dat"));
        SceneException e = assertThrows(SceneException.class, () -> SceneParser.parse("scene.pbrt", files));
        assertTrue(e.getMessage().startsWith("scene.pbrt:2:") && e.getMessage().contains("nowhere/lens.dat"),
                e.getMessage());
        // And none named at all.
        MemoryResources none = new MemoryResources().add("scene.pbrt", scene("x").replace("\"string lensfile\" \"x\"", ""));
        e = assertThrows(SceneException.class, () -> SceneCompiler.compile(SceneParser.parse("scene.pbrt", none)));
        assertTrue(e.getMessage().startsWith("scene.pbrt:2:") && e.getMessage().contains("lensfile"), e.getMessage());
    }
}
