package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad scene ends with exit code 2 and a message naming the file and line; a file the
 * scene needs that cannot be read (the scene itself, an Include) ends with exit code 3 naming it. A
 * missing mesh or image is a warning, as in pbrt-v3 and LuxRender.
 */
class BadSceneCliTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "Camera \"perspective\"\nFilm \"fleximage\" \"integer xresolution\" [8] "
            + "\"integer yresolution\" [8]\nWorldBegin\n";

    private ConsoleRun renderScene(String text) throws Exception {
        Path f = tmp.resolve("bad.lxs");
        Files.writeString(f, text);
        return ConsoleRun.run("--halt-spp", "1", "-o", tmp.resolve("out").toString(), f.toString());
    }

    private static void assertSceneError(ConsoleRun r, String where, String what) {
        assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains(where), "error names " + where + ":\n" + r.err());
        assertTrue(r.err().toLowerCase().contains(what.toLowerCase()), "error says " + what + ":\n" + r.err());
    }

    @Test
    void unknownStatement() throws Exception {
        assertSceneError(renderScene(HEAD + "Shpe \"sphere\"\nWorldEnd\n"), "bad.lxs:4:1", "Shpe");
    }

    @Test
    void missingBracket() throws Exception {
        assertSceneError(renderScene(HEAD + "Shape \"sphere\" \"float radius\" [1\nWorldEnd\n"), "bad.lxs:", "]");
    }

    @Test
    void wrongParameterType() throws Exception {
        assertSceneError(renderScene(HEAD + "Shape \"sphere\" \"float radius\" [\"big\"]\nWorldEnd\n"), "bad.lxs:4:", "radius");
    }

    @Test
    void parameterOfTheWrongDeclaredType() throws Exception {
        assertSceneError(renderScene(HEAD + "Shape \"sphere\" \"string radius\" [\"1\"]\nWorldEnd\n"), "bad.lxs:4:", "radius");
    }

    @Test
    void missingInclude() throws Exception {
        ConsoleRun r = renderScene(HEAD + "Include \"parts/walls.lxs\"\nWorldEnd\n");
        assertEquals(ExitCode.IO, r.exitCode(), r.toString());
        assertTrue(r.err().contains("bad.lxs:4:1: cannot read Include file 'parts/walls.lxs'"), r.err());
        assertTrue(r.err().contains(tmp.resolve("parts/walls.lxs").toAbsolutePath().normalize().toString()), r.err());
    }

    @Test
    void deviceIncludeIsRefusedNotRead() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");
        ConsoleRun r = renderScene(HEAD + "Include \"/dev/zero\"\nWorldEnd\n");
        assertEquals(ExitCode.IO, r.exitCode(), r.toString());
        assertTrue(r.err().contains("bad.lxs:4:1: cannot read Include file '/dev/zero'"), r.err());
        assertTrue(r.err().contains("not a regular file"), r.err());
    }

    /** As pbrt-v3 and LuxRender do, a PLY file that is not there is a warning and no shape; the render goes on. */
    @Test
    void missingPlyWarnsNamingTheFileAndRendersWithoutIt() throws Exception {
        ConsoleRun r = renderScene(HEAD + "Shape \"plymesh\" \"string filename\" [\"meshes/gone.ply\"]\nWorldEnd\n");
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
        assertTrue(r.err().contains("bad.lxs:4:") && r.err().contains("warning") && r.err().contains("'meshes/gone.ply'")
                && r.err().contains("skipped"), r.err());
        assertTrue(r.err().contains(tmp.resolve("meshes/gone.ply").toAbsolutePath().normalize().toString()), r.err());
        assertTrue(Files.exists(tmp.resolve("out.png")), "the render was written");
    }

    /** An image texture that is not there is a constant, as pbrt-v3's and LuxRender's one-texel map, with a warning. */
    @Test
    void missingImageTextureWarnsNamingTheFileAndRenders() throws Exception {
        ConsoleRun r = renderScene(HEAD + "Texture \"wood\" \"color\" \"imagemap\" \"string filename\" [\"maps/gone.png\"]\n"
                + "Material \"matte\" \"texture Kd\" \"wood\"\nShape \"sphere\"\nWorldEnd\n");
        assertEquals(ExitCode.OK, r.exitCode(), r.toString());
        assertTrue(r.err().contains("bad.lxs:4:") && r.err().contains("'maps/gone.png'") && r.err().contains("constant"),
                r.err());
        assertTrue(Files.exists(tmp.resolve("out.png")), "the render was written");
    }

    @Test
    void truncatedPly() throws Exception {
        String header = "ply\nformat binary_little_endian 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                + "property float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n";
        byte[] h = header.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] data = new byte[h.length + 20]; // 36 bytes of vertices needed; cut short
        System.arraycopy(h, 0, data, 0, h.length);
        Files.write(tmp.resolve("mesh.ply"), data);
        assertSceneError(renderScene(HEAD + "Shape \"plymesh\" \"string filename\" [\"mesh.ply\"]\nWorldEnd\n"),
                "mesh.ply", "bad.lxs:4");
    }

    @Test
    void meshIndexOutOfRange() throws Exception {
        assertSceneError(renderScene(HEAD + "Shape \"trianglemesh\" \"integer indices\" [0 1 5] "
                + "\"point P\" [0 0 0 1 0 0 0 1 0]\nWorldEnd\n"), "bad.lxs:4", "out of range");
    }

    @Test
    void missingSceneFile() {
        ConsoleRun r = ConsoleRun.run("--halt-spp", "1", tmp.resolve("nope.lxs").toString());
        assertEquals(ExitCode.IO, r.exitCode(), r.toString());
        assertTrue(r.err().contains("cannot read scene file '" + tmp.resolve("nope.lxs") + "'"), r.err());
        assertTrue(r.err().contains("no such file") && !r.err().contains(":0:0"), r.err());
    }

    @Test
    void a101TimesRepeatedWarningIsPrintedOnceWithItsCount() throws Exception {
        // LuxRender's fullcornell printed 101 identical bump-map lines; luxconsole prints one.
        StringBuilder scene = new StringBuilder(HEAD + "LightSource \"point\" \"point from\" [0 0 -1]\n");
        for (int i = 0; i < 101; i++) {
            scene.append("MakeNamedMaterial \"m").append(i).append("\" \"string type\" \"glossy\" \"texture bumpmap\" \"bump\"\n")
                    .append("NamedMaterial \"m").append(i).append("\"\nShape \"sphere\" \"float radius\" [0.1]\n");
        }
        ConsoleRun r = renderScene(scene.append("WorldEnd\n").toString());
        assertEquals(0, r.exitCode(), r.toString());
        long lines = r.err().lines().filter(l -> l.contains("bumpmap")).count();
        assertEquals(1, lines, r.err());
        assertTrue(r.err().contains("bad.lxs:5: warning: ") && r.err().contains("(101 times; the first is here)"), r.err());
    }

    @Test
    void unsupportedStatementIsAWarningWithItsLineAndTheRenderGoesOn() throws Exception {
        ConsoleRun r = renderScene(HEAD + "LightGroup \"sky\"\nLightSource \"point\" \"point from\" [0 0 -1]\n"
                + "Shape \"sphere\" \"float radius\" [1]\nWorldEnd\n");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("bad.lxs:4: warning"), r.err());
        assertTrue(r.err().contains("LightGroup"), r.err());
    }

    /** A pbrt-v3 "fourier" material's .bsdf file cut short: exit code 2, the scene's line and the file named. */
    @Test
    void truncatedBsdfFile() throws Exception {
        byte[] whole = NetworkCliTest.greyBsdf();
        Files.write(tmp.resolve("cut.bsdf"), java.util.Arrays.copyOf(whole, whole.length - 8));
        Path f = tmp.resolve("bad.pbrt");
        Files.writeString(f, "Camera \"perspective\"\nFilm \"image\" \"integer xresolution\" [8] \"integer yresolution\" [8]\n"
                + "WorldBegin\nMaterial \"fourier\" \"string bsdffile\" \"cut.bsdf\"\nShape \"sphere\"\nWorldEnd\n");
        ConsoleRun r = ConsoleRun.run("--halt-spp", "1", "-o", tmp.resolve("out").toString(), f.toString());
        assertSceneError(r, "bad.pbrt:4:", "tabulated BSDF file '" + tmp.resolve("cut.bsdf") + "': truncated");
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), "no stack trace:\n" + r.err());
    }

    /** A .bsdf file that is not there: exit code 3 naming it where it was looked for. */
    @Test
    void missingBsdfFile() throws Exception {
        Path f = tmp.resolve("bad.pbrt");
        Files.writeString(f, "Camera \"perspective\"\nWorldBegin\nMaterial \"fourier\" \"string bsdffile\" \"bsdfs/gone.bsdf\"\n"
                + "Shape \"sphere\"\nWorldEnd\n");
        ConsoleRun r = ConsoleRun.run("--halt-spp", "1", "-o", tmp.resolve("out").toString(), f.toString());
        assertEquals(ExitCode.IO, r.exitCode(), r.toString());
        assertTrue(r.err().contains("bad.pbrt:3:20: cannot read tabulated BSDF (.bsdf) file 'bsdfs/gone.bsdf'"), r.err());
        assertTrue(r.err().contains(tmp.resolve("bsdfs/gone.bsdf").toAbsolutePath().normalize().toString()), r.err());
    }
}
