package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * pbrt-v3's "disney" compiles to its own material (no longer "not supported; rendered as grey
 * matte") with CreateDisneyMaterial's defaults; its one unmodelled part, the DisneyBSSRDF that a
 * non-black "scatterdistance" selects on a non-thin surface, warns once at its line.
 */
class DisneyMaterialTest {
    @TempDir
    Path dir;

    private CompiledRender compile(String materials) throws IOException {
        Path f = dir.resolve("disney.pbrt");
        Files.writeString(f, "Camera \"perspective\"\nWorldBegin\nLightSource \"point\"\n"
                + "Texture \"sd\" \"spectrum\" \"constant\" \"rgb value\" [ 0.1 0.1 0.1 ]\n" + materials + "WorldEnd\n");
        return RenderSupport.compile(f);
    }

    @Test
    void compilesWithPbrtDefaultsAndNoWarning() throws IOException {
        CompiledRender cr = compile("Material \"disney\"\nShape \"sphere\"\n"
                + "Material \"disney\" \"bool thin\" \"true\" \"float roughness\" [ 0.3 ] \"float anisotropic\" [ 0.5 ]\n"
                + "Shape \"sphere\"\n");
        assertEquals(java.util.List.of(), cr.warnings());
        int s = MaterialLayout.STRIDE;
        float[] p = cr.scene().matParams;
        assertEquals(MaterialLayout.DISNEY, cr.scene().matType[0]);
        assertEquals(MaterialLayout.DISNEY, cr.scene().matType[1]);
        float[] defaults = {0.5f, 0.5f, 0.5f};
        for (int c = 0; c < 3; c++) {
            assertEquals(defaults[c], p[MaterialLayout.DS_COLOR + c]);
        }
        assertEquals(0f, p[MaterialLayout.DS_METALLIC]);
        assertEquals(1.5f, p[MaterialLayout.DS_ETA]);
        assertEquals(0.5f, p[MaterialLayout.DS_ROUGHNESS]);
        assertEquals(0.5f, p[MaterialLayout.DS_SHEEN_TINT]);
        assertEquals(1f, p[MaterialLayout.DS_CLEARCOAT_GLOSS]);
        assertEquals(1f, p[MaterialLayout.DS_DIFFTRANS]);
        assertEquals(0f, p[MaterialLayout.DS_THIN]);
        // Isotropic: equal alphas, so the kernel keeps its cheap frame.
        assertEquals(p[MaterialLayout.ALPHA_U], p[MaterialLayout.ALPHA_V]);
        assertEquals(1f, p[s + MaterialLayout.DS_THIN]);
        // disney.cpp: aspect = sqrt(1 - 0.9 anisotropic), alpha_x = r^2 / aspect, alpha_y = r^2 aspect.
        double aspect = Math.sqrt(1 - 0.45);
        assertEquals(0.09 / aspect, p[s + MaterialLayout.ALPHA_U], 1e-6);
        assertEquals(0.09 * aspect, p[s + MaterialLayout.ALPHA_V], 1e-6);
    }

    @Test
    void scatterDistanceWarnsOnceWhereItSelectsTheBssrdf() throws IOException {
        CompiledRender cr = compile("Material \"disney\" \"rgb scatterdistance\" [ 0.5 0.2 0.1 ]\nShape \"sphere\"\n"
                + "Material \"disney\" \"texture scatterdistance\" \"sd\"\nShape \"sphere\"\n"
                + "Material \"disney\" \"bool thin\" \"true\" \"rgb scatterdistance\" [ 0.5 0.2 0.1 ]\nShape \"sphere\"\n"
                + "Material \"disney\" \"rgb scatterdistance\" [ 0 0 0 ]\nShape \"sphere\"\n");
        String file = dir.resolve("disney.pbrt").toString();
        String what = ": warning: disney: \"scatterdistance\" (pbrt-v3's DisneyBSSRDF subsurface scattering) is not"
                + " supported; the diffuse part is rendered as its non-thin DisneyDiffuse lobe";
        // Lines 5 and 7, reported as one warning; the thin surface (line 9) and the black distance (line 11) use
        // no BSSRDF in pbrt-v3.
        assertEquals(java.util.List.of(file + ":5" + what + " (2 times; the first is here)"),
                cr.warnings().stream().map(Object::toString).toList());
        for (int m = 0; m < 4; m++) {
            assertEquals(MaterialLayout.DISNEY, cr.scene().matType[m]);
        }
        assertTrue(cr.warnings().stream().noneMatch(w -> w.toString().contains("grey matte")));
    }
}
