package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.luxnet.render.BehindNormalScene.NS;
import static org.luxnet.render.BehindNormalScene.WO;
import static org.luxnet.render.BehindNormalScene.add;
import static org.luxnet.render.BehindNormalScene.d;
import static org.luxnet.render.BehindNormalScene.dot;
import static org.luxnet.render.BehindNormalScene.frConductor;
import static org.luxnet.render.BehindNormalScene.frDielectric;
import static org.luxnet.render.BehindNormalScene.g;
import static org.luxnet.render.BehindNormalScene.normalize;
import static org.luxnet.render.BehindNormalScene.params;
import static org.luxnet.render.BehindNormalScene.wi;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * A point light on the geometric front of a quad but behind its interpolated shading normal lights
 * glossy (substrate), plastic and metal as pbrt-v3 does: BSDF::f chooses reflection by the geometric
 * normal ({@code reflect = Dot(wiW, ng) * Dot(woW, ng) > 0}) and its reflection lobes are evaluated at
 * wi as it is, below the shading hemisphere (core/reflection.cpp), so the one pixel that an
 * orthographic camera sees through a tiny screen window is f(wo, wi) |wi . ns| I / d^2, computed here
 * independently from pbrt's formulas.
 */
class BehindShadingNormalTest {
    @TempDir
    Path dir;

    private CompiledRender scene(String material) throws IOException {
        return BehindNormalScene.compile(dir, false, material);
    }

    @Test
    void theLightIsOnTheGeometricFrontAndBehindTheShadingNormal() {
        BehindNormalScene.assertLightBehindTheShadingNormal();
    }

    @Test
    void metal() throws IOException {
        CompiledRender cr = scene("Material \"metal\" \"float roughness\" [ 0.3 ] \"bool remaproughness\" \"false\""
                + " \"rgb eta\" [ 0.2 0.9 1.1 ] \"rgb k\" [ 3.9 2.4 2.2 ]");
        float[] p = params(cr, MaterialLayout.METAL);
        double[] f = new double[3];
        double a = p[MaterialLayout.ALPHA_U];
        assertEquals(a, p[MaterialLayout.ALPHA_V], 0, "isotropic");
        double[] wi = wi(), wh = normalize(add(wi, WO));
        for (int c = 0; c < 3; c++) {
            f[c] = d(wh, a) * g(WO, wi, a) * frConductor(Math.abs(dot(wi, wh)), p[MaterialLayout.METAL_ETA + c],
                    p[MaterialLayout.METAL_K + c]) / (4 * Math.abs(dot(wi, NS)) * Math.abs(dot(WO, NS)));
        }
        check(cr, f);
    }

    @Test
    void plastic() throws IOException {
        CompiledRender cr = scene("Material \"plastic\" \"rgb Kd\" [ 0.3 0.5 0.2 ] \"rgb Ks\" [ 0.6 0.5 0.4 ]"
                + " \"float roughness\" [ 0.25 ] \"bool remaproughness\" \"false\"");
        float[] p = params(cr, MaterialLayout.PLASTIC);
        double a = p[MaterialLayout.ALPHA_U];
        double[] wi = wi(), wh = normalize(add(wi, WO));
        double spec = d(wh, a) * g(WO, wi, a) * frDielectric(dot(wi, wh), 1.5, 1)
                / (4 * Math.abs(dot(wi, NS)) * Math.abs(dot(WO, NS)));
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            f[c] = p[MaterialLayout.KD + c] / Math.PI + p[MaterialLayout.KS + c] * spec;
        }
        check(cr, f);
    }

    @Test
    void glossySubstrate() throws IOException {
        CompiledRender cr = scene("Material \"substrate\" \"rgb Kd\" [ 0.4 0.3 0.2 ] \"rgb Ks\" [ 0.1 0.2 0.3 ]"
                + " \"float uroughness\" [ 0.2 ] \"float vroughness\" [ 0.2 ] \"bool remaproughness\" \"false\"");
        float[] p = params(cr, MaterialLayout.GLOSSY);
        double a = p[MaterialLayout.ALPHA_U];
        double[] wi = wi(), wh = normalize(add(wi, WO));
        double ci = Math.abs(dot(wi, NS)), co = Math.abs(dot(WO, NS)), cih = dot(wi, wh);
        double[] f = new double[3];
        for (int c = 0; c < 3; c++) {
            double rd = p[MaterialLayout.KD + c], rs = p[MaterialLayout.KS + c];
            double diffuse = 28 / (23 * Math.PI) * rd * (1 - rs) * (1 - Math.pow(1 - 0.5 * ci, 5))
                    * (1 - Math.pow(1 - 0.5 * co, 5));
            double specular = d(wh, a) / (4 * Math.abs(cih) * Math.max(ci, co)) * (rs + Math.pow(1 - cih, 5) * (1 - rs));
            f[c] = diffuse + specular;
        }
        check(cr, f);
    }

    /** The pixel is f |wi . ns| I / d^2, channel by channel (the light's I as compiled). */
    private static void check(CompiledRender cr, double[] f) {
        double cos = Math.abs(dot(wi(), NS));
        double[] fCos = new double[3];
        for (int c = 0; c < 3; c++) {
            fCos[c] = f[c] * cos;
        }
        BehindNormalScene.assertPixel(cr, fCos);
    }
}
