package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * LuxRender's glossycoating (materials/glossy2.cpp GlossyCoating: a SchlickBSDF coating over its
 * basematerial's BSDF) and matte's LuxRender default (matte.cpp: Kd 0.9). Over a matte base the coating is
 * LuxRender's glossy exactly (Glossy2 builds the same SchlickBSDF over Lambertian(Kd)).
 */
class GlossyCoatingTest {
    @TempDir
    Path tmp;

    private static float[] row(CompiledScene s, int m, int slot, int n) {
        float[] v = new float[n];
        System.arraycopy(s.matParams, m * MaterialLayout.STRIDE + slot, v, 0, n);
        return v;
    }

    @Test
    void aCoatingOverMatteIsLuxRendersGlossyWithTheBasesColour() {
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n"
                + "MakeNamedMaterial \"base\" \"string type\" [\"matte\"] \"color Kd\" [0.6 0.3 0.2]\n"
                + "MakeNamedMaterial \"coat\" \"string type\" [\"glossycoating\"] \"string basematerial\" [\"base\"]"
                + " \"color Ks\" [1 1 1] \"float index\" [1.5] \"color Ka\" [0.1 0.2 0.3] \"float d\" [0.4]"
                + " \"float uroughness\" [0.2] \"float vroughness\" [0.05] \"bool multibounce\" [\"true\"]\n"
                + "NamedMaterial \"coat\"\nShape \"sphere\"\nWorldEnd\n");
        CompiledScene s = cr.scene();
        assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
        assertEquals(MaterialLayout.LUX_GLOSSY, s.matType[0]);
        assertArrayEquals(new float[] {0.6f, 0.3f, 0.2f}, row(s, 0, MaterialLayout.LG_KD, 3), 0f);
        float r0 = 0.2f * 0.2f; // ((1.5 - 1) / (1.5 + 1))^2, glossy2.cpp's index
        assertArrayEquals(new float[] {r0, r0, r0}, row(s, 0, MaterialLayout.LG_KS, 3), 1e-7f);
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, row(s, 0, MaterialLayout.LG_KA, 3), 0f);
        assertEquals(0.4f, s.matParams[MaterialLayout.LG_D], 0f);
        assertEquals(0.2f, s.matParams[MaterialLayout.LG_U], 0f);
        assertEquals(0.05f, s.matParams[MaterialLayout.LG_V], 0f);
        assertEquals(1f, s.matParams[MaterialLayout.LG_MULTIBOUNCE], 0f);
    }

    @Test
    void aMatteBaseWithoutKdKeepsMattesDefault() {
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD
                + "MakeNamedMaterial \"base\" \"string type\" [\"matte\"]\n"
                + "MakeNamedMaterial \"coat\" \"string type\" [\"glossycoating\"] \"string basematerial\" [\"base\"]\n"
                + "NamedMaterial \"coat\"\nShape \"sphere\"\nNamedMaterial \"base\"\nShape \"sphere\"\nWorldEnd\n");
        CompiledScene s = cr.scene();
        assertArrayEquals(new float[] {0.9f, 0.9f, 0.9f}, row(s, 0, MaterialLayout.LG_KD, 3), 0f, "the coated base");
        assertEquals(MaterialLayout.MATTE, s.matType[1]);
        assertArrayEquals(new float[] {0.9f, 0.9f, 0.9f}, row(s, 1, MaterialLayout.KD, 3), 0f, "LuxRender matte's Kd");
        CompiledRender pbrt = SceneCompilerTest.compile("Film \"image\"\nCamera \"perspective\"\nWorldBegin\n"
                + "Material \"matte\"\nShape \"sphere\"\nWorldEnd\n");
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, row(pbrt.scene(), 0, MaterialLayout.KD, 3), 0f,
                "pbrt-v3 matte's Kd");
    }

    @Test
    void otherBasesRenderAloneAndAMissingBaseIsGreyMatteWithWarnings() {
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD
                + "MakeNamedMaterial \"gold\" \"string type\" [\"metal\"] \"string name\" [\"gold\"]\n"
                + "MakeNamedMaterial \"coat\" \"string type\" [\"glossycoating\"] \"string basematerial\" [\"gold\"]\n"
                + "MakeNamedMaterial \"lost\" \"string type\" [\"glossycoating\"] \"string basematerial\" [\"nothing\"]\n"
                + "NamedMaterial \"coat\"\nShape \"sphere\"\nNamedMaterial \"lost\"\nShape \"sphere\"\nWorldEnd\n");
        CompiledScene s = cr.scene();
        assertEquals(MaterialLayout.METAL, s.matType[0]);
        assertTrue(SceneCompilerTest.warned(cr, "scene.lxs:5", "over a \"metal\" base"), cr.warnings().toString());
        assertEquals(MaterialLayout.MATTE, s.matType[1]);
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, row(s, 1, MaterialLayout.KD, 3), 0f);
        assertTrue(SceneCompilerTest.warned(cr, "scene.lxs:6", "\"nothing\" is not a named material"),
                cr.warnings().toString());
    }

    /** The coated matte renders the very film the equivalent glossy does (same row, same kernel). */
    @Test
    void aCoatedMatteRendersAsTheEquivalentGlossy() throws IOException {
        String head = String.join("\n",
                "LookAt 0 0 -4  0 0 0  0 1 0",
                "Camera \"perspective\" \"float fov\" [40]",
                "Film \"fleximage\" \"integer xresolution\" [16] \"integer yresolution\" [16] \"bool write_png\" [\"false\"]",
                "WorldBegin",
                "LightSource \"point\" \"point from\" [1 2 -3] \"color L\" [4 4 4]",
                "Texture \"checks\" \"color\" \"checkerboard\" \"color tex1\" [0.8 0.2 0.1] \"color tex2\" [0.1 0.3 0.7]",
                "");
        Path coated = tmp.resolve("coated.lxs");
        Files.writeString(coated, head
                + "MakeNamedMaterial \"base\" \"string type\" [\"matte\"] \"texture Kd\" [\"checks\"]\n"
                + "MakeNamedMaterial \"coat\" \"string type\" [\"glossycoating\"] \"string basematerial\" [\"base\"]"
                + " \"color Ks\" [0.3 0.3 0.3] \"float uroughness\" [0.15] \"float vroughness\" [0.15]\n"
                + "NamedMaterial \"coat\"\nShape \"sphere\"\nWorldEnd\n");
        Path glossy = tmp.resolve("glossy.lxs");
        Files.writeString(glossy, head
                + "Material \"glossy\" \"texture Kd\" [\"checks\"] \"color Ks\" [0.3 0.3 0.3] \"float uroughness\" [0.15]"
                + " \"float vroughness\" [0.15]\nShape \"sphere\"\nWorldEnd\n");
        Film a = RenderSupport.render(RenderSupport.compile(coated), 4, 1, 7);
        Film b = RenderSupport.render(RenderSupport.compile(glossy), 4, 1, 7);
        float[] ra = a.toRgb(), rb = b.toRgb();
        double sum = 0;
        for (float v : ra) {
            sum += v;
        }
        assertTrue(sum > 0.01 * ra.length, "the sphere is lit");
        assertArrayEquals(rb, ra, 0f);
    }

    /** A glass2 base gets the shape's Interior/Exterior, as LuxRender's GlossyCoating hands basemat the intersection. */
    @Test
    void aGlass2BaseGetsTheShapesVolumesAsAMixComponentDoes() {
        String shapes = "Shape \"sphere\"\nWorldEnd\n";
        String volume = "MakeNamedVolume \"v\" \"clear\" \"float fresnel\" [1.5] \"color absorption\" [0.1 0.2 0.3]\n"
                + "MakeNamedMaterial \"g\" \"string type\" [\"glass2\"]\n";
        CompiledRender coated = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n" + volume
                + "MakeNamedMaterial \"c\" \"string type\" [\"glossycoating\"] \"string basematerial\" [\"g\"]\n"
                + "Interior \"v\"\nNamedMaterial \"c\"\n" + shapes);
        CompiledRender plain = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n" + volume
                + "Interior \"v\"\nNamedMaterial \"g\"\n" + shapes);
        int mc = coated.scene().sphereMaterial[0], mp = plain.scene().sphereMaterial[0];
        assertEquals(plain.scene().matType[mp], coated.scene().matType[mc]);
        assertTrue(coated.scene().matParams[mc * MaterialLayout.STRIDE + MaterialLayout.VOL_IN] > 0,
                "the base has the shape's Interior");
        for (int k = 0; k < MaterialLayout.STRIDE; k++) {
            assertEquals(plain.scene().matParams[mp * MaterialLayout.STRIDE + k],
                    coated.scene().matParams[mc * MaterialLayout.STRIDE + k], "slot " + k);
        }
    }

    @Test
    void aCoatThatIsItsOwnBaseIsAnError() {
        org.luxnet.scene.SceneException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.luxnet.scene.SceneException.class, () -> SceneCompilerTest.compile(SceneCompilerTest.HEAD
                        + "LightSource \"point\"\n"
                        + "MakeNamedMaterial \"c\" \"string type\" [\"glossycoating\"] \"string basematerial\" [\"c\"]\n"
                        + "NamedMaterial \"c\"\nShape \"sphere\"\nWorldEnd\n"));
        assertTrue(e.getMessage().contains("contains itself through its basematerial"), e.getMessage());
    }

    /** LuxBlend's "color Sc" on every material (LuxRender's AR compositing colour) passes without a warning. */
    @Test
    void luxBlendsScColourIsAcceptedQuietly() {
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n"
                + "MakeNamedMaterial \"a\" \"string type\" [\"matte\"] \"color Kd\" [0.5 0.5 0.5] \"color Sc\" [0.9 0.9 0.9]\n"
                + "MakeNamedMaterial \"n\" \"string type\" [\"null\"] \"color Sc\" [0.9 0.9 0.9]\n"
                + "NamedMaterial \"a\"\nShape \"sphere\"\nNamedMaterial \"n\"\nShape \"sphere\"\nWorldEnd\n");
        assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
        CompiledRender pbrt = SceneCompilerTest.compile("Film \"image\"\nCamera \"perspective\"\nWorldBegin\n"
                + "LightSource \"point\"\nMaterial \"matte\" \"rgb Sc\" [0.9 0.9 0.9]\nShape \"sphere\"\nWorldEnd\n");
        assertTrue(SceneCompilerTest.warned(pbrt, "scene.lxs:5", "Sc"), pbrt.warnings().toString());
    }
}
