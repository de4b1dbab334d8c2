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
 * A point light on the geometric front of a quad but behind its interpolated shading normal, as in
 * {@link BehindShadingNormalTest}, lighting LuxRender's own glossy. LuxRender decides reflection by
 * the geometric normal (SchlickBSDF::F, sideTest = Dot(wiW, ng) / Dot(woW, ng) > 0), and its path
 * integrator asks {@code bsdf->F(sw, wi, wo, true)}: the light's direction first, so with it below the
 * shading normal SchlickBSDF::F takes its "back face: no coating" branch and returns the Lambertian
 * base alone, Kd / pi |wi . ns| (Lambertian::F's cosine of its first direction; reverse, so no
 * |sideTest| factor). The one pixel is then Kd / pi |wi . ns| I / d^2, computed here from those
 * formulas; the coating (Ks) must not show.
 */
class LuxBehindShadingNormalTest {
    @TempDir
    Path dir;

    private static final double[] HIT = {0, 0, 2};
    private static final double[] LIGHT = {2, 0, 1.5};
    private static final double[] NS = normalize(new double[] {-1.2, 0, -1});
    private static final double[] WO = {0, 0, -1};

    private CompiledRender scene(String material) throws IOException {
        Path f = Files.createTempFile(dir, "behind", ".lxs");
        Files.writeString(f, """
                Camera "orthographic" "float screenwindow" [ -0.0001 0.0001 -0.0001 0.0001 ]
                Film "fleximage" "integer xresolution" [ 1 ] "integer yresolution" [ 1 ]
                Sampler "random" "integer pixelsamples" [ 4 ]
                SurfaceIntegrator "path" "integer maxdepth" [ 1 ]
                WorldBegin
                LightSource "point" "point from" [ 2 0 1.5 ] "color L" [ 0.8 1 1.2 ]
                %s
                Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 2 1 -1 2 1 1 2 -1 1 2 ]
                  "normal N" [ -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 ]
                WorldEnd
                """.formatted(material));
        CompiledRender cr = RenderSupport.compile(f);
        assertEquals(java.util.List.of(), cr.warnings(), "warnings");
        return cr;
    }

    @Test
    void theLightIsOnTheGeometricFrontAndBehindTheShadingNormal() {
        double[] wi = wi();
        assertTrue(wi[2] < 0 && WO[2] < 0, "wi and wo on the same side of the quad (z = 2)");
        assertTrue(dot(wi, NS) < -0.5 && dot(WO, NS) > 0.5, "but on opposite sides of the shading normal");
    }

    @Test
    void glossyReflectsItsBaseAlone() throws IOException {
        CompiledRender cr = scene("Material \"glossy\" \"color Kd\" [ 0.4 0.3 0.2 ] \"color Ks\" [ 0.3 0.2 0.1 ]"
                + " \"float uroughness\" [ 0.1 ] \"float vroughness\" [ 0.1 ]");
        int m = cr.scene().triMaterial[0];
        assertEquals(MaterialLayout.LUX_GLOSSY, cr.scene().matType[m], "material type");
        double[] kd = {0.4, 0.3, 0.2};
        float[] px = RenderSupport.render(cr, 4, 2, 3).toRgb();
        double[] toLight = sub(LIGHT, HIT);
        double d2 = dot(toLight, toLight);
        double cos = Math.abs(dot(wi(), NS));
        for (int c = 0; c < 3; c++) {
            double expected = kd[c] / Math.PI * cos * cr.scene().lightParams[c] / d2;
            assertTrue(expected > 1e-3, "a visible contribution: " + expected);
            assertEquals(expected, px[c], 2e-3 * expected, "channel " + c);
        }
    }

    private static double[] wi() {
        return normalize(sub(LIGHT, HIT));
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] normalize(double[] a) {
        double l = Math.sqrt(dot(a, a));
        return new double[] {a[0] / l, a[1] / l, a[2] / l};
    }
}
