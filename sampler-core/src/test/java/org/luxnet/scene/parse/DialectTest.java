package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.SceneDescription;

/** Dialect detection and the defaults it chooses for options a scene does not write. */
class DialectTest {

    private static Dialect dialect(String text) {
        return MemoryResources.parse(text).dialect();
    }

    @Test
    void pbrtOnlySpellings() {
        assertEquals(Dialect.PBRT, dialect("Integrator \"path\"\n"));
        assertEquals(Dialect.PBRT, dialect("Film \"image\"\n"));
        assertEquals(Dialect.PBRT, dialect("WorldBegin\nAreaLightSource \"diffuse\"\n"));
        assertEquals(Dialect.PBRT, dialect("WorldBegin\nMaterial \"matte\" \"rgb Kd\" [1 1 1]\n"));
        assertEquals(Dialect.PBRT, dialect("WorldBegin\nLightSource \"point\" \"blackbody I\" [3000]\n"));
        assertEquals(Dialect.PBRT, dialect("WorldBegin\nMakeNamedMaterial \"m\" \"string type\" \"matte\"\n"));
        assertEquals(Dialect.PBRT, dialect("WorldBegin\nMakeNamedMedium \"fog\" \"string type\" \"homogeneous\"\n"));
    }

    @Test
    void luxRenderSpellingsAndNeutralScenes() {
        assertEquals(Dialect.LUXRENDER, dialect("SurfaceIntegrator \"path\"\n"));
        assertEquals(Dialect.LUXRENDER, dialect("WorldBegin\nAreaLightSource \"area\" \"color L\" [1 1 1]\n"));
        assertEquals(Dialect.LUXRENDER, dialect("WorldBegin\nShape \"sphere\"\n"), "nothing pbrt-only: LuxRender");
        // LuxRender 0.8+ writes "string type" too; a LuxRender-only statement decides.
        assertEquals(Dialect.LUXRENDER, dialect("Film \"fleximage\"\nWorldBegin\n"
                + "MakeNamedMaterial \"m\" \"string type\" \"matte\"\n"));
        assertEquals(Dialect.PBRT, dialect("SurfaceIntegrator \"path\"\nIntegrator \"path\"\n"), "pbrt-only wins");
    }

    @Test
    void defaultsPerDialect() {
        SceneDescription lux = MemoryResources.parse("WorldBegin\nWorldEnd\n");
        assertEquals("fleximage", lux.film().type());
        assertEquals("lowdiscrepancy", lux.sampler().type());
        assertEquals("path", lux.integrator().type());
        assertEquals("mitchell", lux.pixelFilter().type());
        assertEquals(FileLoc.NONE, lux.film().loc());
        assertNull(lux.camera(), "a missing camera is the compiler's to report");

        SceneDescription pbrt = MemoryResources.parse("Integrator \"bdpt\"\nWorldBegin\nWorldEnd\n");
        assertEquals("image", pbrt.film().type());
        assertEquals("sobol", pbrt.sampler().type());
        assertEquals("bdpt", pbrt.integrator().type());
        assertEquals(new FileLoc("scene.lxs", 1, 1), pbrt.integrator().loc());
        assertEquals("box", pbrt.pixelFilter().type());
    }
}
