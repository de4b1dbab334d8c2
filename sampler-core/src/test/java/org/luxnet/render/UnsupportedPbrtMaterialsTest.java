package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * pbrt-v3's "hair" and "fourier" are not rendered: each says so once, at its line, naming its
 * fallback (matte with the hair's colour; grey matte), and its other parameters raise no further
 * "unused parameter" warnings.
 */
class UnsupportedPbrtMaterialsTest {
    @TempDir
    Path dir;

    @Test
    void hairAndFourierWarnOnceAndRenderAsMatte() throws IOException {
        Path f = dir.resolve("hair.pbrt");
        Files.writeString(f, """
                Camera "perspective"
                WorldBegin
                LightSource "point"
                Material "hair" "rgb color" [ 0.3 0.2 0.1 ] "float beta_m" [ 0.25 ] "float eumelanin" [ 1.3 ]
                Shape "sphere"
                Material "fourier" "string bsdffile" "paint.bsdf"
                Shape "sphere"
                WorldEnd
                """);
        CompiledRender cr = RenderSupport.compile(f);
        assertEquals(2, cr.warnings().size(), cr.warnings().toString());
        assertEquals(f + ":4: warning: material \"hair\" is not supported; rendered as matte with Kd = its \"color\"",
                cr.warnings().get(0).toString());
        assertEquals(f + ":6: warning: material \"fourier\" (tabulated BSDF file) is not supported; rendered as grey"
                + " matte (Kd 0.5)", cr.warnings().get(1).toString());
        int s = MaterialLayout.STRIDE;
        assertEquals(MaterialLayout.MATTE, cr.scene().matType[0]);
        assertEquals(0.2f, cr.scene().matParams[MaterialLayout.KD + 1], 0);
        assertEquals(MaterialLayout.MATTE, cr.scene().matType[1]);
        assertEquals(0.5f, cr.scene().matParams[s + MaterialLayout.KD], 0);
    }
}
