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
 * pbrt-v3's "fourier" is not rendered: it says so once, at its line, naming its fallback (grey
 * matte), and its other parameters raise no further "unused parameter" warnings ("hair" is rendered:
 * HairMaterialTest; "subsurface" and "kdsubsurface": SubsurfaceMaterialTest).
 */
class UnsupportedPbrtMaterialsTest {
    @TempDir
    Path dir;

    @Test
    void fourierWarnsOnceAndRendersAsMatte() throws IOException {
        Path f = dir.resolve("fourier.pbrt");
        Files.writeString(f, """
                Camera "perspective"
                WorldBegin
                LightSource "point"
                Material "fourier" "string bsdffile" "paint.bsdf"
                Shape "sphere"
                WorldEnd
                """);
        CompiledRender cr = RenderSupport.compile(f);
        assertEquals(1, cr.warnings().size(), cr.warnings().toString());
        assertEquals(f + ":4: warning: material \"fourier\" (tabulated BSDF file) is not supported; rendered as grey"
                + " matte (Kd 0.5)", cr.warnings().get(0).toString());
        assertEquals(MaterialLayout.MATTE, cr.scene().matType[0]);
        assertEquals(0.5f, cr.scene().matParams[MaterialLayout.KD], 0);
    }
}
