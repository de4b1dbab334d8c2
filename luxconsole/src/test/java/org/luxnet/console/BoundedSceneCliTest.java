package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenes that would exhaust memory or time, or that cannot be rendered, end with exit code 2 and
 * their place before any rendering; a huge maxdepth is capped and the render finishes.
 */
class BoundedSceneCliTest {
    @TempDir
    Path tmp;

    private static final String HEAD = "Camera \"perspective\"\nFilm \"fleximage\" \"integer xresolution\" [8] "
            + "\"integer yresolution\" [8]\nWorldBegin\nLightSource \"point\"\n";

    private ConsoleRun render(String text) throws Exception {
        Path f = tmp.resolve("scene.lxs");
        Files.writeString(f, text);
        return ConsoleRun.run("--halt-spp", "1", "-t", "1", "--gpu", "off", "-o", tmp.resolve("out").toString(), f.toString());
    }

    private static void assertSceneError(ConsoleRun r, String where, String what) {
        assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains(where), "error names " + where + ":\n" + r.err());
        assertTrue(r.err().contains(what), "error says " + what + ":\n" + r.err());
    }

    @Test
    void filmTooLargeForMemoryIsRefusedWithItsSize() throws Exception {
        assertSceneError(render("Film \"fleximage\" \"integer xresolution\" [16384] \"integer yresolution\" [16384]\n"
                + "WorldBegin\nShape \"sphere\"\nWorldEnd\n"), "scene.lxs:1:1", "film 16384x16384 needs about 64.0 GiB");
    }

    @Test
    void singularTransformIsExit2AtItsLine() throws Exception {
        assertSceneError(render(HEAD + "AttributeBegin\nScale 0 0 0\nShape \"sphere\"\nAttributeEnd\nWorldEnd\n"),
                "scene.lxs:6:1", "Scale gives a singular transform");
    }

    @Test
    void nanVertexInABinaryPlyIsExit2() throws Exception {
        String header = "ply\nformat binary_little_endian 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                + "property float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n";
        ByteBuffer b = ByteBuffer.allocate(header.length() + 36 + 13).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        for (float v : new float[] {0, 0, 0, 1, 0, 0, 0, Float.POSITIVE_INFINITY, 0}) {
            b.putFloat(v);
        }
        b.put((byte) 3).putInt(0).putInt(1).putInt(2);
        Files.write(tmp.resolve("mesh.ply"), b.array());
        assertSceneError(render(HEAD + "Shape \"plymesh\" \"string filename\" \"mesh.ply\"\nWorldEnd\n"), "scene.lxs:5:1",
                "vertex 2 of PLY file 'mesh.ply' is not a finite position");
    }

    @Test
    void cameraInsideAClosedMirrorWithUnboundedMaxdepthFinishes() {
        // A perfect mirror never absorbs and roulette is off: only the depth cap ends a path.
        String scene = "SurfaceIntegrator \"path\" \"integer maxdepth\" [2147483647] \"string rrstrategy\" \"none\"\n" + HEAD
                + "Material \"mirror\" \"color Kr\" [1 1 1]\nReverseOrientation\nShape \"sphere\" \"float radius\" [10]\nWorldEnd\n";
        ConsoleRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> render(scene));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("scene.lxs:1: warning: maxdepth 2147483647 is capped at 1024"), r.err());
    }
}
