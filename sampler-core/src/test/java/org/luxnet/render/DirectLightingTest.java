package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport.Device;
import org.luxnet.scene.compile.CompiledRender;

/**
 * The direct lighting integrators (pbrt-v3's directlighting and whitted, LuxRender's directlighting), in
 * closed form: a furnace lights once (Le + albedo Le, no interreflection), and an emitting mirror
 * enclosure counts its specular bounces as each renderer's maxdepth says (pbrt-v3 directlighting.cpp
 * spawns specular rays while depth + 1 < maxdepth, LuxRender's directlighting.cpp while rayDepth <
 * maxdepth), on the CPU and on OpenCL.
 */
class DirectLightingTest {
    @TempDir
    Path tmp;

    private CompiledRender scene(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        CompiledRender cr = RenderSupport.compile(f);
        assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
        assertTrue(cr.settings().path().directLighting(), "direct lighting");
        return cr;
    }

    private static String luxEnclosure(String integrator, String material) {
        return String.join("\n",
                "LookAt 0 0 0  0 0 1  0 1 0",
                "Camera \"perspective\" \"float fov\" [60]",
                "Film \"fleximage\" \"integer xresolution\" [16] \"integer yresolution\" [16] \"bool write_png\" [\"false\"]",
                "PixelFilter \"box\"",
                "Sampler \"lowdiscrepancy\"",
                "SurfaceIntegrator " + integrator,
                "WorldBegin",
                "AttributeBegin",
                "  ReverseOrientation",
                "  Material " + material,
                "  AreaLightSource \"area\" \"color L\" [1 1 1] \"float power\" [0]",
                "  Shape \"sphere\" \"float radius\" [10]",
                "AttributeEnd",
                "WorldEnd", "");
    }

    private static String pbrtEnclosure(String integrator, String material) {
        return String.join("\n",
                "LookAt 0 0 0  0 0 1  0 1 0",
                "Camera \"perspective\" \"float fov\" [60]",
                "Film \"image\" \"integer xresolution\" [16] \"integer yresolution\" [16]",
                "PixelFilter \"box\"",
                "Sampler \"sobol\" \"integer pixelsamples\" [64]",
                "Integrator " + integrator,
                "WorldBegin",
                "AttributeBegin",
                "  ReverseOrientation",
                "  Material " + material,
                "  AreaLightSource \"diffuse\" \"rgb L\" [1 1 1]",
                "  Shape \"sphere\" \"float radius\" [10]",
                "AttributeEnd",
                "WorldEnd", "");
    }

    private static double mean(Film film) {
        float[] rgb = film.toRgb();
        double s = 0;
        for (float v : rgb) {
            s += v;
        }
        return s / rgb.length;
    }

    /** Every pixel's value, each channel: a specular chain has no noise. */
    private static void assertEvery(double want, Film film, double tol, String what) {
        float[] rgb = film.toRgb();
        for (int i = 0; i < rgb.length; i++) {
            assertEquals(want, rgb[i], tol, what + " at value " + i);
        }
    }

    /** A diffuse furnace of albedo 0.5 emitting 1: direct lighting sees 1 + 0.5, not the path tracer's 2. */
    @ParameterizedTest
    @EnumSource(Device.class)
    void aFurnaceIsLitOnce(Device device) throws IOException {
        CompiledRender lux = scene("furnace.lxs", luxEnclosure("\"directlighting\"", "\"matte\" \"color Kd\" [0.5 0.5 0.5]"));
        assertEquals(1.5, mean(RenderSupport.render(lux, 64, device, 3)), 0.015, "LuxRender directlighting");
        CompiledRender pbrt = scene("furnace.pbrt", pbrtEnclosure("\"directlighting\" \"string strategy\" \"one\"",
                "\"matte\" \"rgb Kd\" [0.5 0.5 0.5]"));
        assertEquals(1.5, mean(RenderSupport.render(pbrt, 64, device, 4)), 0.015, "pbrt-v3 directlighting");
    }

    /**
     * An emitting mirror enclosure (Kr 0.5): the camera sees 1 + 0.5 + 0.25 + ... over the vertices the
     * integrator lights. pbrt-v3 maxdepth 3 lights depths 0, 1, 2 (1.75); LuxRender maxdepth 2 lights
     * rayDepth 0, 1, 2 (1.75) and maxdepth 3 one more (1.875); whitted as pbrt's directlighting.
     */
    @ParameterizedTest
    @EnumSource(Device.class)
    void specularBouncesStopAtEachRenderersMaxdepth(Device device) throws IOException {
        String luxMirror = "\"mirror\" \"color Kr\" [0.5 0.5 0.5]";
        String pbrtMirror = "\"mirror\" \"rgb Kr\" [0.5 0.5 0.5]";
        assertEvery(1.75, RenderSupport.render(scene("m3.pbrt", pbrtEnclosure(
                "\"directlighting\" \"integer maxdepth\" [3]", pbrtMirror)), 4, device, 1), 1e-4, "pbrt maxdepth 3");
        assertEvery(1.75, RenderSupport.render(scene("w3.pbrt", pbrtEnclosure(
                "\"whitted\" \"integer maxdepth\" [3]", pbrtMirror)), 4, device, 1), 1e-4, "pbrt whitted maxdepth 3");
        assertEvery(1.75, RenderSupport.render(scene("m2.lxs", luxEnclosure(
                "\"directlighting\" \"integer maxdepth\" [2]", luxMirror)), 4, device, 1), 1e-4, "LuxRender maxdepth 2");
        assertEvery(1.875, RenderSupport.render(scene("m3.lxs", luxEnclosure(
                "\"directlighting\" \"integer maxdepth\" [3]", luxMirror)), 4, device, 1), 1e-4, "LuxRender maxdepth 3");
    }

    /** The path integrator at pbrt-v3 maxdepth 3 collects emission at depth 3 too: 1.875, one term more. */
    @Test
    void thePathIntegratorCountsOneVertexMore() throws IOException {
        Path f = tmp.resolve("path.pbrt");
        Files.writeString(f, pbrtEnclosure("\"path\" \"integer maxdepth\" [3]", "\"mirror\" \"rgb Kr\" [0.5 0.5 0.5]"));
        CompiledRender cr = RenderSupport.compile(f);
        assertTrue(!cr.settings().path().directLighting());
        assertEvery(1.875, RenderSupport.render(cr, 4, 1, 1), 1e-4, "pbrt path maxdepth 3");
    }
}
