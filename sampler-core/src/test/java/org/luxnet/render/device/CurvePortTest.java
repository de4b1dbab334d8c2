package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;

/**
 * pbrt-v3 curves render: a flat curve in front of an emitter hides exactly its area (analytic
 * coverage), a pbrt-v3 scene of a few hundred b-spline hairs renders, and curves of every type (flat,
 * cylinder, ribbon, degree 2, reversed, textured through their (u, v), anisotropic along dpdu) compute
 * the same samples on a CPU thread, on Aparapi's Java thread pool and on OpenCL (PoCL in CI).
 */
class CurvePortTest {
    @TempDir
    Path dir;

    /**
     * An orthographic camera looking down -z at a two-sided emitter (L = 1) filling its view [-1, 1]^2,
     * and a black flat curve in front from x = -0.8 to 0.8, widths 0.2 and 0.4: a trapezoid of area 0.48.
     */
    private static final String COVER = """
            LookAt 0 0 5  0 0 0  0 1 0
            Camera "orthographic"
            Sampler "sobol" "integer pixelsamples" [ 64 ]
            PixelFilter "box"
            Integrator "path" "integer maxdepth" [ 1 ]
            Film "image" "integer xresolution" [ 32 ] "integer yresolution" [ 32 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 1 1 1 ] "bool twosided" "true"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -2 -2 -1  2 -2 -1  2 2 -1  -2 2 -1 ]
            AttributeEnd
            Material "matte" "rgb Kd" [ 0 0 0 ]
            Shape "curve" "point P" [ -0.8 0.1 0  -0.2666667 0.1 0  0.2666667 0.1 0  0.8 0.1 0 ] "float width0" [ 0.2 ]
              "float width1" [ 0.4 ] "string type" "%s"
            WorldEnd
            """;

    @Test
    void aFlatCurveHidesExactlyItsAreaOfAnEmitter() {
        for (String type : new String[] {"flat", "cylinder"}) {
            CompiledRender r = TestScenes.compile(dir, COVER.formatted(type));
            assertEquals(List.of(), r.warnings());
            Film film = TestScenes.cpuFilm(r, TestScenes.filter(r), 5, 0, 64);
            float[] rgb = film.toRgb();
            double sum = 0;
            for (int i = 0; i < rgb.length; i += 3) {
                sum += rgb[i];
            }
            double mean = sum / (rgb.length / 3);
            // Visible emitter: 4 - 0.48 of the view's area 4.
            assertEquals(1 - 0.48 / 4, mean, 2e-3, type + ": mean radiance over the view");
        }
    }

    /** A pbrt-v3 scene of 300 b-spline hairs (cylinders, 2 segments each) over a floor, lit by a quad and the sky. */
    static String hairScene(int hairs) {
        Random r = new Random(3);
        StringBuilder b = new StringBuilder("""
                LookAt 0 1.2 4  0 0.5 0  0 1 0
                Camera "perspective" "float fov" [ 35 ]
                Sampler "sobol" "integer pixelsamples" [ 4 ]
                Integrator "path" "integer maxdepth" [ 4 ]
                Film "image" "integer xresolution" [ 40 ] "integer yresolution" [ 30 ]
                WorldBegin
                LightSource "infinite" "rgb L" [ 0.3 0.3 0.35 ]
                AttributeBegin
                  AreaLightSource "diffuse" "rgb L" [ 6 6 5 ]
                  Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 3 -1  1 3 -1  1 3 1  -1 3 1 ]
                AttributeEnd
                Material "matte" "rgb Kd" [ 0.5 0.5 0.5 ]
                Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -3 0 -3  3 0 -3  3 0 3  -3 0 3 ]
                Material "plastic" "rgb Kd" [ 0.4 0.25 0.1 ] "rgb Ks" [ 0.3 0.3 0.3 ] "float roughness" [ 0.05 ]
                """);
        for (int i = 0; i < hairs; i++) {
            double x = r.nextDouble() * 1.6 - 0.8, z = r.nextDouble() * 1.6 - 0.8;
            b.append("Shape \"curve\" \"string type\" \"cylinder\" \"string basis\" \"bspline\" \"float width0\" [0.02]")
                    .append(" \"float width1\" [0.004] \"point P\" [");
            for (int k = 0; k < 5; k++) {
                double h = k * 0.3;
                b.append(String.format(Locale.ROOT, " %.5f %.5f %.5f", x + 0.15 * Math.sin(h * 3 + i), h,
                        z + 0.15 * Math.cos(h * 2 + i)));
            }
            b.append(" ]\n");
        }
        return b.append("WorldEnd\n").toString();
    }

    @Test
    void aSceneOfThreeHundredHairsRenders() {
        CompiledRender r = TestScenes.compile(dir, hairScene(300));
        assertEquals(List.of(), r.warnings());
        assertEquals(300 * 2, r.scene().curveInfo.length / 4, "2 Bezier segments per hair");
        assertTrue(r.scene().curveCount >= 300 * 2 * 8, "2^3 Curves per segment at least");
        Film with = TestScenes.cpuFilm(r, TestScenes.filter(r), 1, 0, 4);
        CompiledRender bare = TestScenes.compile(dir, hairScene(0));
        Film without = TestScenes.cpuFilm(bare, TestScenes.filter(bare), 1, 0, 4);
        float[] a = with.toRgb(), b = without.toRgb();
        int changed = 0;
        for (int i = 0; i < a.length; i += 3) {
            assertTrue(Float.isFinite(a[i]) && Float.isFinite(a[i + 1]) && Float.isFinite(a[i + 2]), "pixel " + i / 3);
            if (Math.abs(a[i] - b[i]) > 0.02 * (b[i] + 0.01)) {
                changed++;
            }
        }
        // The hairs stand in a block of about a fifth of the view.
        assertTrue(changed > a.length / 3 / 10, "pixels the hairs change: " + changed);
    }

    /** Every curve type and what its hits feed: (u, v) to a texture, dpdu to an anisotropic lobe. */
    private static final String TYPES = """
            LookAt 0 0.8 4  0 0.5 0  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            Sampler "sobol" "integer pixelsamples" [ 8 ]
            Integrator "path" "integer maxdepth" [ 4 ]
            Film "image" "integer xresolution" [ 40 ] "integer yresolution" [ 30 ]
            WorldBegin
            LightSource "distant" "point from" [ 1 2 3 ] "point to" [ 0 0 0 ] "rgb L" [ 2 2 2 ]
            LightSource "infinite" "rgb L" [ 0.2 0.2 0.25 ]
            Material "matte" "rgb Kd" [ 0.5 0.5 0.5 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -3 0 -3  3 0 -3  3 0 3  -3 0 3 ]
            Texture "check" "spectrum" "checkerboard" "float uscale" [ 8 ] "float vscale" [ 2 ]
              "rgb tex1" [ 0.9 0.1 0.1 ] "rgb tex2" [ 0.1 0.1 0.9 ]
            Material "matte" "texture Kd" "check"
            Shape "curve" "string type" "flat" "point P" [ -1.5 0.2 0  -0.5 1.4 0  0.5 -0.2 0  1.5 1 0 ] "float width0" [ 0.3 ]
              "float width1" [ 0.1 ]
            Shape "curve" "string type" "cylinder" "point P" [ -1.5 1.2 0.3  -0.5 0.4 0.5  0.5 1.6 0.2  1.5 0.6 0.4 ]
              "float width" [ 0.2 ]
            Material "metal" "float uroughness" [ 0.02 ] "float vroughness" [ 0.3 ]
            Shape "curve" "string type" "ribbon" "integer degree" [ 2 ] "point P" [ -1.2 0.1 0.8  0 0.9 0.8  1.2 0.1 0.8 ]
              "normal N" [ 0 0 1  0 1 1 ] "float width" [ 0.25 ]
            AttributeBegin
              ReverseOrientation
              Material "plastic" "rgb Kd" [ 0.2 0.5 0.2 ] "rgb Ks" [ 0.3 0.3 0.3 ]
              Shape "curve" "string type" "cylinder" "string basis" "bspline" "point P" [ -1 0.3 -0.5  -0.5 1 -0.5  0 0.3 -0.4  0.5 1 -0.4  1 0.3 -0.5 ]
                "float width" [ 0.15 ]
            AttributeEnd
            ObjectBegin "tuft"
              Material "matte" "rgb Kd" [ 0.8 0.7 0.2 ]
              Shape "curve" "string type" "cylinder" "point P" [ 0 0 0  0.1 0.3 0  -0.1 0.6 0  0 0.9 0 ] "float width0" [ 0.08 ]
                "float width1" [ 0.02 ]
            ObjectEnd
            AttributeBegin
              Translate -0.7 0 0.9
              Scale 1 1.3 0.6
              ObjectInstance "tuft"
            AttributeEnd
            AttributeBegin
              Translate 0.7 0 0.9
              Rotate 30 0 0 1
              ObjectInstance "tuft"
            AttributeEnd
            WorldEnd
            """;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void everyCurveTypeSampleForSample(Launch launch) {
        CompiledRender r = TestScenes.compile(dir, TYPES);
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).message().startsWith("textures on curves are evaluated without a (u, v) footprint"));
        Film cpu = TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 41L, 1, 2, TestScenes.device(launch),
                "curves, " + launch);
        assertTrue(cpu.totalContributions() > 1000, "the scene is lit");
    }
}
