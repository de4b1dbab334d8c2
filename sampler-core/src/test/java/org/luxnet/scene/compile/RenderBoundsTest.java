package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/** Any scene's work and memory are bounded: films too large for the heap are refused, maxdepth is capped. */
class RenderBoundsTest {
    private static final String SCENE = "Camera \"perspective\"\nSurfaceIntegrator \"path\" \"integer maxdepth\" [%d]\n"
            + "Film \"fleximage\" \"integer xresolution\" [%d] \"integer yresolution\" [%d]\n"
            + "WorldBegin\nLightSource \"point\"\nShape \"sphere\"\nWorldEnd\n";

    @Test
    void filmEstimateIsFourFilmsOfSevenLongsPlusReadOut() {
        assertEquals(256L * 16384 * 16384, FilmMemory.estimate(16384, 16384));
        assertEquals(64L << 30, FilmMemory.estimate(16384, 16384), "64 GiB");
    }

    @Test
    void filmLargerThanTheHeapIsRefusedWithItsSize() {
        FileLoc at = new FileLoc("big.lxs", 3, 1);
        SceneException e = assertThrows(SceneException.class, () -> FilmMemory.check(16384, 16384, 8L << 30, at));
        String m = e.getMessage();
        assertTrue(m.startsWith("big.lxs:3:1") && m.contains("16384x16384") && m.contains("64.0 GiB")
                && m.contains("8.0 GiB"), m);
        FilmMemory.check(4096, 4096, 8L << 30, at); // 4 GiB fits in 8
    }

    @Test
    void sixteenKSquaredIsRefusedByTheCompilerBeforeAnyAllocation() {
        // 64 GiB is more than any test JVM's heap.
        assertTrue(Runtime.getRuntime().maxMemory() < (64L << 30));
        SceneException e = assertThrows(SceneException.class,
                () -> SceneCompilerTest.compile(String.format(SCENE, 5, 16384, 16384)));
        assertTrue(e.getMessage().contains("scene.lxs:3:1") && e.getMessage().contains("16384x16384"), e.getMessage());
    }

    @Test
    void maxDepthIsCappedWithAWarning() {
        CompiledRender cr = SceneCompilerTest.compile(String.format(SCENE, Integer.MAX_VALUE, 8, 8));
        assertEquals(SettingsCompiler.MAX_DEPTH, cr.settings().path().maxDepth());
        assertTrue(SceneCompilerTest.warned(cr, "scene.lxs:2", "maxdepth 2147483647 is capped at 1024"),
                cr.warnings().toString());
        CompiledRender ok = SceneCompilerTest.compile(String.format(SCENE, 1024, 8, 8));
        assertEquals(1024, ok.settings().path().maxDepth());
        assertTrue(ok.warnings().stream().noneMatch(w -> w.message().contains("maxdepth")), ok.warnings().toString());
    }
}
