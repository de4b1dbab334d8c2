package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * LuxRender 1.x's glossycoating (materials/glossy2.cpp: GlossyCoating, a SchlickBSDF coat over the BSDF
 * of its "basematerial"), which LuxBlend writes for its material type and its "Use Coating" panel:
 * until the coat is rendered it renders as its base, with one warning naming what is left out; without
 * a named base (LuxRender's CreateMaterial fails then) it stays grey matte.
 */
class GlossyCoatingTest {
    private static final String SHAPES = "Shape \"sphere\"\nWorldEnd\n";

    private static int sphereMaterial(CompiledScene s) {
        return s.sphereMaterial[0];
    }

    @Test
    void aCoatedMaterialRendersAsItsBase() {
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n"
                + "MakeNamedMaterial \"wood_base\" \"string type\" [\"matte\"] \"color Kd\" [0.6 0.3 0.1]\n"
                + "MakeNamedMaterial \"wood\" \"string type\" [\"glossycoating\"] \"string basematerial\" [\"wood_base\"]"
                + " \"bool multibounce\" [\"false\"] \"color Ks\" [0.04 0.04 0.04] \"float index\" [0]"
                + " \"float uroughness\" [0.1] \"float vroughness\" [0.1]\n"
                + "NamedMaterial \"wood\"\n" + SHAPES);
        CompiledScene s = cr.scene();
        int m = sphereMaterial(s);
        assertEquals(MaterialLayout.MATTE, s.matType[m]);
        assertEquals(0.6f, s.matParams[m * MaterialLayout.STRIDE + MaterialLayout.KD], 0f);
        assertEquals(0.3f, s.matParams[m * MaterialLayout.STRIDE + MaterialLayout.KD + 1], 0f);
        assertEquals(0.1f, s.matParams[m * MaterialLayout.STRIDE + MaterialLayout.KD + 2], 0f);
        assertEquals(1, cr.warnings().size(), cr.warnings().toString());
        assertTrue(SceneCompilerTest.warned(cr, "scene.lxs:6", "glossycoating: its coat (Ks, index, Ka, d, uroughness,"
                + " vroughness, multibounce) is not rendered; the material renders as its basematerial \"wood_base\""),
                cr.warnings().toString());
    }

    @Test
    void aGlass2BaseGetsTheShapesVolumesAsAMixComponentDoes() {
        // LuxRender's GlossyCoating hands basemat the intersection (its interior and exterior volumes).
        String volume = "MakeNamedVolume \"v\" \"clear\" \"float fresnel\" [1.5] \"color absorption\" [0.1 0.2 0.3]\n"
                + "MakeNamedMaterial \"g\" \"string type\" [\"glass2\"]\n";
        CompiledRender coated = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n" + volume
                + "MakeNamedMaterial \"c\" \"string type\" [\"glossycoating\"] \"string basematerial\" [\"g\"]\n"
                + "Interior \"v\"\nNamedMaterial \"c\"\n" + SHAPES);
        CompiledRender plain = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n" + volume
                + "Interior \"v\"\nNamedMaterial \"g\"\n" + SHAPES);
        int mc = sphereMaterial(coated.scene()), mp = sphereMaterial(plain.scene());
        assertEquals(plain.scene().matType[mp], coated.scene().matType[mc]);
        float in = coated.scene().matParams[mc * MaterialLayout.STRIDE + MaterialLayout.VOL_IN];
        assertTrue(in > 0, "the base has the shape's Interior");
        for (int k = 0; k < MaterialLayout.STRIDE; k++) {
            assertEquals(plain.scene().matParams[mp * MaterialLayout.STRIDE + k],
                    coated.scene().matParams[mc * MaterialLayout.STRIDE + k], "slot " + k);
        }
        assertTrue(coated.warnings().stream().noneMatch(w -> w.message().contains("index 1")), coated.warnings().toString());
    }

    @Test
    void withoutANamedBaseItIsGreyMatte() {
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n"
                + "Material \"glossycoating\" \"string basematerial\" [\"nothing\"]\n" + SHAPES);
        int m = sphereMaterial(cr.scene());
        assertEquals(MaterialLayout.MATTE, cr.scene().matType[m]);
        assertEquals(0.5f, cr.scene().matParams[m * MaterialLayout.STRIDE + MaterialLayout.KD], 0f);
        assertTrue(SceneCompilerTest.warned(cr, "scene.lxs:5", "without a named \"basematerial\""),
                cr.warnings().toString());
    }

    @Test
    void aCoatThatIsItsOwnBaseIsAnError() {
        org.luxnet.scene.SceneException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.luxnet.scene.SceneException.class, () -> SceneCompilerTest.compile(SceneCompilerTest.HEAD
                        + "LightSource \"point\"\n"
                        + "MakeNamedMaterial \"c\" \"string type\" [\"glossycoating\"] \"string basematerial\" [\"c\"]\n"
                        + "NamedMaterial \"c\"\n" + SHAPES));
        assertTrue(e.getMessage().contains("contains itself through its basematerial"), e.getMessage());
    }
}
