package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.compile.CompiledRender;

/**
 * LuxRender's "doubleside" (materials/doubleside.cpp, core/reflection/bsdf/doublesidebsdf.cpp): the
 * front material where the ray arrives on the geometric normal's side (Dot(wo, ng) > 0), the back one
 * elsewhere. A flat matte quad under a uniform environment of radiance 1 sees only the environment,
 * so its radiance is its Kd exactly: seen from each side, each side's Kd.
 */
class DoubleSideMaterialTest {
    // The quad's ng = (p1 - p0) x (p2 - p0) is +z: the camera at z = +3 sees its front, at z = -3 its back.
    private static final String HEAD = """
            LookAt 0 0 %s  0 0 0  0 1 0
            Camera "perspective" "float fov" [ 30 ]
            Film "fleximage" "integer xresolution" [ 16 ] "integer yresolution" [ 16 ]
            PixelFilter "box"
            Sampler "sobol" "integer pixelsamples" [ 32 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 4 ]
            WorldBegin
            LightSource "infinite" "color L" [ 1 1 1 ]
            MakeNamedMaterial "red" "string type" [ "matte" ] "color Kd" [ 0.8 0.1 0.1 ]
            MakeNamedMaterial "blue" "string type" [ "matte" ] "color Kd" [ 0.1 0.2 0.9 ]
            MakeNamedMaterial "grey" "string type" [ "matte" ] "color Kd" [ 0.5 0.5 0.5 ]
            """;
    private static final String QUAD = "Shape \"trianglemesh\" \"integer indices\" [ 0 1 2 0 2 3 ]"
            + " \"point P\" [ -2 -2 0 2 -2 0 2 2 0 -2 2 0 ]\n";
    private static final double[] RED = {0.8, 0.1, 0.1}, BLUE = {0.1, 0.2, 0.9};

    @TempDir
    Path dir;

    private CompiledRender compile(String eyeZ, String world) throws IOException {
        Path f = dir.resolve("doubleside" + System.nanoTime() + ".lxs");
        Files.writeString(f, HEAD.formatted(eyeZ) + world + "WorldEnd\n");
        return RenderSupport.compile(f);
    }

    /** Mean RGB of the central 8x8 pixels (all on the quad). */
    private static double[] centre(CompiledRender cr) {
        float[] rgb = RenderSupport.render(cr, 32, 2, 7).toRgb();
        double[] m = new double[3];
        for (int y = 4; y < 12; y++) {
            for (int x = 4; x < 12; x++) {
                for (int c = 0; c < 3; c++) {
                    m[c] += rgb[3 * (y * 16 + x) + c] / 64.0;
                }
            }
        }
        return m;
    }

    private static final String DOUBLE = """
            MakeNamedMaterial "two" "string type" [ "doubleside" ] "string frontnamedmaterial" [ "red" ]
              "string backnamedmaterial" [ "blue" ]
            NamedMaterial "two"
            """;

    @Test
    void eachSideIsItsOwnMaterialExactly() throws IOException {
        for (String eye : List.of("3", "-3")) {
            CompiledRender cr = compile(eye, DOUBLE + QUAD);
            assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
            double[] expected = eye.equals("3") ? RED : BLUE;
            double[] m = centre(cr);
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[c], m[c], 0.01 * expected[c], "eye z " + eye + ", channel " + "RGB".charAt(c));
            }
        }
    }

    @Test
    void aDoublesideInsideAMixKeepsTheMixWeights() throws IOException {
        // mix (LuxRender: amount weights namedmaterial2) of grey and the doubleside: 0.5 grey + 0.5 each side's Kd.
        String world = DOUBLE.replace("NamedMaterial \"two\"\n", "") + """
                Material "mix" "string namedmaterial1" [ "grey" ] "string namedmaterial2" [ "two" ] "float amount" [ 0.5 ]
                """ + QUAD;
        for (String eye : List.of("3", "-3")) {
            CompiledRender cr = compile(eye, world);
            assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
            double[] side = eye.equals("3") ? RED : BLUE;
            double[] m = centre(cr);
            for (int c = 0; c < 3; c++) {
                double expected = 0.5 * 0.5 + 0.5 * side[c];
                assertEquals(expected, m[c], 0.015 * expected, "eye z " + eye + ", channel " + "RGB".charAt(c));
            }
        }
    }

    private CompiledRender sides(String front, String back, String flags) throws IOException {
        return compile("3", """
                MakeNamedMaterial "shiny" "string type" [ "glossy" ] "color Kd" [ 0.3 0.3 0.3 ]
                MakeNamedMaterial "clear" "string type" [ "null" ]
                MakeNamedMaterial "two" "string type" [ "doubleside" ] "string frontnamedmaterial" [ "%s" ]
                  "string backnamedmaterial" [ "%s" ] %s
                NamedMaterial "two"
                """.formatted(front, back, flags) + QUAD);
    }

    /** The whole image, as RGB floats, of {@code world} seen from z = -3 (the quad's back). */
    private float[] fromBehind(String world) throws IOException {
        CompiledRender cr = compile("-3", "LightSource \"point\" \"point from\" [ 1 1 -2 ] \"color L\" [ 3 3 3 ]\n"
                + "MakeNamedMaterial \"paint\" \"string type\" [ \"carpaint\" ] \"string name\" [ \"blue\" ]\n" + world);
        assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
        return RenderSupport.render(cr, 8, 2, 7).toRgb();
    }

    private static double maxDifference(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    /**
     * DoubleSideMaterial::GetBSDF flips the normals of the front material when usefrontforfront is false
     * and of the back one when usefrontforback (the older alwaysfront) is true, the defaults and what
     * LuxBlend writes being true and true: a one-sided carpaint as the back material, seen from behind,
     * is then exactly carpaint seen from its front (the quad wound the other way), and without the flip
     * carpaint seen from its back.
     */
    @Test
    void aFlippedSideSeesItsOtherSide() throws IOException {
        String reversed = QUAD.replace("[ 0 1 2 0 2 3 ]", "[ 0 2 1 0 3 2 ]");
        String two = "MakeNamedMaterial \"two\" \"string type\" [ \"doubleside\" ] \"string frontnamedmaterial\" [ \"red\" ]"
                + " \"string backnamedmaterial\" [ \"paint\" ] %s\nNamedMaterial \"two\"\n";
        float[] paintFront = fromBehind("NamedMaterial \"paint\"\n" + reversed);
        float[] paintBack = fromBehind("NamedMaterial \"paint\"\n" + QUAD);
        assertTrue(maxDifference(paintFront, paintBack) > 0.01, "carpaint differs by side: "
                + maxDifference(paintFront, paintBack));
        String luxBlend = "\"bool usefrontforfront\" [ \"true\" ] \"bool usefrontforback\" [ \"true\" ]";
        assertEquals(0, maxDifference(paintFront, fromBehind(two.formatted(luxBlend) + QUAD)), 1e-6, "flipped");
        assertEquals(0, maxDifference(paintFront, fromBehind(two.formatted("") + QUAD)), 1e-6, "flipped by default");
        assertEquals(0, maxDifference(paintBack, fromBehind(two.formatted("\"bool usefrontforback\" [ \"false\" ]")
                + QUAD)), 1e-6, "not flipped");
        assertEquals(0, maxDifference(paintBack, fromBehind(two.formatted("\"bool alwaysfront\" [ \"false\" ]")
                + QUAD)), 1e-6, "the older doubleside.cpp's name for usefrontforback");
    }

    @Test
    void aNullSideWarnsThatShadowRaysPassOnTrianglesOnly() throws IOException {
        CompiledRender cr = sides("clear", "red", "");
        assertEquals(1, cr.warnings().size(), "warnings: " + cr.warnings());
        assertTrue(cr.warnings().get(0).toString().contains("triangles only"), cr.warnings().toString());
        assertTrue(sides("clear", "clear", "").warnings().isEmpty());
    }

    private static final String SHADOW = """
            LookAt 0 0.6 -4  0 0 0  0 1 0
            Camera "perspective" "float fov" [ 30 ]
            Film "fleximage" "integer xresolution" [ 16 ] "integer yresolution" [ 16 ]
            PixelFilter "box"
            Sampler "sobol" "integer pixelsamples" [ 8 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 1 ]
            WorldBegin
            LightSource "point" "point from" [ 0 3 0 ] "color L" [ 5 5 5 ]
            Material "matte" "color Kd" [ 0.5 0.5 0.5 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -9 0 -9 9 0 -9 9 0 9 -9 0 9 ]
            MakeNamedMaterial "black" "string type" [ "matte" ] "color Kd" [ 0 0 0 ]
            MakeNamedMaterial "clear" "string type" [ "null" ]
            MakeNamedMaterial "two" "string type" [ "doubleside" ] "string frontnamedmaterial" [ "clear" ]
              "string backnamedmaterial" [ "black" ]
            NamedMaterial "two"
            """;

    /**
     * A doubleside whose front (facing down, ng = -y) is null and whose back is black matte, between a floor
     * and a point light above: shadow rays from the floor meet its front and pass (TraceKernel.blocks), so
     * the floor under it is lit as without it; wound to face up, it casts its shadow.
     */
    @Test
    void shadowRaysPassTheNullSideOfATriangle() throws IOException {
        String down = "Shape \"trianglemesh\" \"integer indices\" [ 0 1 2 0 2 3 ] \"point P\" [ -6 1.5 -3 6 1.5 -3 6 1.5 8 -6 1.5 8 ]\n";
        String up = down.replace("[ 0 1 2 0 2 3 ]", "[ 0 2 1 0 3 2 ]");
        double[] open = floor(SHADOW.substring(0, SHADOW.indexOf("MakeNamedMaterial \"black\"")), 0);
        double[] through = floor(SHADOW + down, 1);
        double[] shadowed = floor(SHADOW + up, 1);
        assertTrue(open[0] > 0.05, "the floor is lit: " + open[0]);
        for (int c = 0; c < 3; c++) {
            assertEquals(open[c], through[c], 1e-4 * open[c], "through the null front, channel " + c);
            assertEquals(0, shadowed[c], 0, "behind the black back, channel " + c);
        }
    }

    /** Mean RGB of the rows 9..12 of the central columns (the floor under the quad). */
    private double[] floor(String scene, int warnings) throws IOException {
        Path f = dir.resolve("shadow" + System.nanoTime() + ".lxs");
        Files.writeString(f, scene + "WorldEnd\n");
        CompiledRender cr = RenderSupport.compile(f);
        assertEquals(warnings, cr.warnings().size(), "warnings: " + cr.warnings());
        float[] rgb = RenderSupport.render(cr, 8, 2, 7).toRgb();
        double[] m = new double[3];
        for (int y = 9; y < 13; y++) {
            for (int x = 4; x < 12; x++) {
                for (int c = 0; c < 3; c++) {
                    m[c] += rgb[3 * (y * 16 + x) + c] / 32.0;
                }
            }
        }
        return m;
    }

    @Test
    void anUndefinedSideWarnsAtItsPlaceAndADoublesideOfItselfIsAnError() throws IOException {
        CompiledRender cr = compile("3", """
                MakeNamedMaterial "two" "string type" [ "doubleside" ] "string frontnamedmaterial" [ "red" ]
                  "string backnamedmaterial" [ "nosuch" ]
                NamedMaterial "two"
                """ + QUAD);
        assertEquals(1, cr.warnings().size(), "warnings: " + cr.warnings());
        assertTrue(cr.warnings().get(0).toString().contains("nosuch"), cr.warnings().toString());
        assertTrue(cr.warnings().get(0).toString().contains(".lxs:13:"), cr.warnings().toString());
        SceneException e = assertThrows(SceneException.class, () -> compile("3", """
                MakeNamedMaterial "loop" "string type" [ "doubleside" ] "string frontnamedmaterial" [ "red" ]
                  "string backnamedmaterial" [ "loop" ]
                NamedMaterial "loop"
                """ + QUAD));
        assertTrue(e.getMessage().contains("contains itself"), e.getMessage());
    }
}
