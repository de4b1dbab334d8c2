package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * The one-pixel scene of {@link BehindShadingNormalTest} (pbrt-v3) and {@link
 * LuxBehindShadingNormalTest} (LuxRender): an orthographic camera looks through a tiny screen window
 * along -z at a quad at z = 2 whose vertex normals lean away from a point light that is on the
 * quad's geometric front, so the light is behind the shading normal. Also the vector arithmetic,
 * Fresnel and Trowbridge-Reitz formulas the tests compute their expected values with.
 */
final class BehindNormalScene {
    static final double[] HIT = {0, 0, 2};
    static final double[] LIGHT = {2, 0, 1.5};
    static final double[] NS = normalize(new double[] {-1.2, 0, -1});
    static final double[] WO = {0, 0, -1};
    /**
     * A light position behind the quad's plane (the geometric normal sees transmission) but in front of
     * the shading normal (which sees reflection).
     */
    static final double[] LIGHT_THROUGH = {-2, 0, 2.5};

    private static final String PBRT = """
            Camera "orthographic" "float screenwindow" [ -0.0001 0.0001 -0.0001 0.0001 ]
            Film "image" "integer xresolution" [ 1 ] "integer yresolution" [ 1 ]
            Sampler "random" "integer pixelsamples" [ 4 ]
            Integrator "path" "integer maxdepth" [ 1 ]
            WorldBegin
            LightSource "point" "point from" [ 2 0 1.5 ] "rgb I" [ 0.8 1 1.2 ]
            """;
    private static final String LUX = """
            Camera "orthographic" "float screenwindow" [ -0.0001 0.0001 -0.0001 0.0001 ]
            Film "fleximage" "integer xresolution" [ 1 ] "integer yresolution" [ 1 ]
            Sampler "random" "integer pixelsamples" [ 4 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 1 ]
            WorldBegin
            LightSource "point" "point from" [ 2 0 1.5 ] "color L" [ 0.8 1 1.2 ]
            """;
    private static final String QUAD = """
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 -1 2 1 -1 2 1 1 2 -1 1 2 ]
              "normal N" [ -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 -1.2 0 -1 ]
            WorldEnd
            """;

    private BehindNormalScene() {
    }

    /** The scene with {@code material} in {@code dir}: a LuxRender {@code .lxs} or a pbrt-v3 {@code .pbrt}. */
    static CompiledRender compile(Path dir, boolean luxRender, String material) throws IOException {
        return compile(dir, luxRender, material, QUAD);
    }

    /**
     * The pbrt-v3 scene with the point light at {@code light} instead of {@link #LIGHT} (e.g. {@link
     * #LIGHT_THROUGH}).
     */
    static CompiledRender compileLitFrom(Path dir, String material, double[] light) throws IOException {
        String from = "\"point from\" [ " + light[0] + " " + light[1] + " " + light[2] + " ]";
        Path f = Files.createTempFile(dir, "behind", ".pbrt");
        Files.writeString(f, PBRT.replace("\"point from\" [ 2 0 1.5 ]", from) + material + "\n" + QUAD);
        CompiledRender cr = RenderSupport.compile(f);
        assertEquals(java.util.List.of(), cr.warnings(), "warnings");
        assertEquals(light[0], cr.scene().lightParams[org.luxnet.scene.compiled.LightLayout.POS], 1e-6, "light moved");
        return cr;
    }

    /** As {@link #compile(Path, boolean, String)} with the quad's vertex normals {@code normal} instead of {@link #NS}'s. */
    static CompiledRender compile(Path dir, boolean luxRender, String material, double[] normal) throws IOException {
        String n = normal[0] + " " + normal[1] + " " + normal[2];
        return compile(dir, luxRender, material, QUAD.replace("-1.2 0 -1", n));
    }

    private static CompiledRender compile(Path dir, boolean luxRender, String material, String quad) throws IOException {
        Path f = Files.createTempFile(dir, "behind", luxRender ? ".lxs" : ".pbrt");
        Files.writeString(f, (luxRender ? LUX : PBRT) + material + "\n" + quad);
        CompiledRender cr = RenderSupport.compile(f);
        assertEquals(java.util.List.of(), cr.warnings(), "warnings");
        return cr;
    }

    /** The light is on the quad's geometric front with the camera, but behind the shading normal. */
    static void assertLightBehindTheShadingNormal() {
        double[] wi = wi();
        assertTrue(wi[2] < 0 && WO[2] < 0, "wi and wo on the same side of the quad (z = 2)");
        assertTrue(dot(wi, NS) < -0.5 && dot(WO, NS) > 0.5, "but on opposite sides of the shading normal");
    }

    /**
     * The rendered pixel is {@code fCos[c]} (the BSDF times the light's cosine, as each renderer
     * counts it) x I / d^2, channel by channel, with the light's I as compiled, to 0.2%.
     */
    static void assertPixel(CompiledRender cr, double[] fCos) {
        assertPixel(cr, fCos, 4, 2e-3);
    }

    /** As {@link #assertPixel(CompiledRender, double[])} over {@code spp} samples, to {@code tolerance} of the value. */
    static void assertPixel(CompiledRender cr, double[] fCos, int spp, double tolerance) {
        assertPixel(cr, fCos, LIGHT, spp, tolerance);
    }

    /** As {@link #assertPixel(CompiledRender, double[], int, double)} with the light at {@code light}. */
    static void assertPixel(CompiledRender cr, double[] fCos, double[] light, int spp, double tolerance) {
        float[] px = RenderSupport.render(cr, spp, 2, 3).toRgb();
        double[] toLight = sub(light, HIT);
        double d2 = dot(toLight, toLight);
        for (int c = 0; c < 3; c++) {
            double expected = fCos[c] * cr.scene().lightParams[c] / d2;
            assertTrue(expected > 1e-3, "a visible contribution: " + expected);
            assertEquals(expected, px[c], tolerance * expected, "channel " + c);
        }
    }

    /** The compiled row of the quad's material, asserting its type. */
    static float[] params(CompiledRender cr, int type) {
        int m = cr.scene().triMaterial[0];
        assertEquals(type, cr.scene().matType[m], "material type");
        float[] p = new float[MaterialLayout.STRIDE];
        System.arraycopy(cr.scene().matParams, m * MaterialLayout.STRIDE, p, 0, p.length);
        return p;
    }

    /** Trowbridge-Reitz D about the shading normal, even in cos(theta_h) as pbrt's (Tan2Theta, Cos4Theta). */
    static double d(double[] wh, double a) {
        double c2 = dot(wh, NS) * dot(wh, NS), t2 = (1 - c2) / c2;
        double e = 1 + t2 / (a * a);
        return 1 / (Math.PI * a * a * c2 * c2 * e * e);
    }

    /** Trowbridge-Reitz Lambda about the shading normal. */
    static double lambda(double[] w, double a) {
        double c2 = dot(w, NS) * dot(w, NS), t2 = (1 - c2) / c2;
        return (Math.sqrt(1 + a * a * t2) - 1) / 2;
    }

    /** Smith's G of Trowbridge-Reitz (pbrt-v3 MicrofacetDistribution::G). */
    static double g(double[] wo, double[] wi, double a) {
        return 1 / (1 + lambda(wo, a) + lambda(wi, a));
    }

    /** pbrt-v3 FrDielectric: a negative cosine means the direction is inside, so the indices swap. */
    static double frDielectric(double c, double etaI, double etaT) {
        if (c < 0) {
            double t = etaI;
            etaI = etaT;
            etaT = t;
            c = -c;
        }
        double st = etaI / etaT * Math.sqrt(Math.max(0, 1 - c * c));
        if (st >= 1) {
            return 1;
        }
        double ct = Math.sqrt(1 - st * st);
        double par = (etaT * c - etaI * ct) / (etaT * c + etaI * ct), perp = (etaI * c - etaT * ct) / (etaI * c + etaT * ct);
        return (par * par + perp * perp) / 2;
    }

    /** Unpolarized conductor Fresnel reflectance at cosine c (pbrt-v3 FrConductor). */
    static double frConductor(double c, double eta, double k) {
        double c2 = c * c, s2 = 1 - c2, eta2 = eta * eta, k2 = k * k;
        double t0 = eta2 - k2 - s2, a2b2 = Math.sqrt(t0 * t0 + 4 * eta2 * k2), t1 = a2b2 + c2;
        double aa = Math.sqrt(0.5 * (a2b2 + t0)), t2 = 2 * c * aa;
        double rs = (t1 - t2) / (t1 + t2);
        double t3 = c2 * a2b2 + s2 * s2, t4 = t2 * s2;
        return 0.5 * (rs * (t3 - t4) / (t3 + t4) + rs);
    }

    /** The unit direction from the hit to the light. */
    static double[] wi() {
        return wi(LIGHT);
    }

    /** The unit direction from the hit to a light at {@code light}. */
    static double[] wi(double[] light) {
        return normalize(sub(light, HIT));
    }

    static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] normalize(double[] a) {
        double l = Math.sqrt(dot(a, a));
        return new double[] {a[0] / l, a[1] / l, a[2] / l};
    }
}
