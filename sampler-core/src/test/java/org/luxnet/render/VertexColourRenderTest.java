package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport.Device;
import org.luxnet.render.transport.PathTraceKernel;
import org.luxnet.scene.compile.CompiledRender;

/**
 * A matte quad whose Kd is LuxRender's hitpointcolor, in a constant environment of radiance 0.8: a
 * plane sees only the environment over its front hemisphere, so its radiance is 0.8 Kd(x, y). The
 * vertex colours make Kd linear over the quad, ((x + 1) / 2, 0.5, (1 - y) / 2) on [-1, 1]^2 (each
 * triangle interpolates a linear function exactly), so each pixel wholly on the quad has the mean of
 * 0.8 Kd over its footprint. Rendered on each device (CPU threads, OpenCL).
 */
class VertexColourRenderTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Device.class)
    void vertexColouredMatteInAConstantEnvironment(Device device) throws Exception {
        String scene = String.join("\n",
                "LookAt 0 0 -6  0 0 0  0 1 0",
                "Camera \"perspective\" \"float fov\" [30]",
                "Film \"fleximage\" \"integer xresolution\" [32] \"integer yresolution\" [32] \"bool write_png\" [\"false\"]",
                "PixelFilter \"box\"",
                "SurfaceIntegrator \"path\" \"integer maxdepth\" [8]",
                "WorldBegin",
                "LightSource \"infinite\" \"color L\" [0.8 0.8 0.8]",
                "Texture \"vc\" \"color\" \"hitpointcolor\"",
                "Material \"matte\" \"texture Kd\" \"vc\"",
                "Shape \"trianglemesh\" \"integer indices\" [0 1 2 0 2 3] \"point P\" [-1 -1 0  1 -1 0  1 1 0  -1 1 0]",
                "  \"float C\" [0 0.5 1  1 0.5 1  1 0.5 0  0 0.5 0]",
                "WorldEnd", "");
        Path f = tmp.resolve("vcolor.lxs");
        Files.writeString(f, scene);
        CompiledRender cr = RenderSupport.compile(f);
        assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
        Film film = RenderSupport.render(cr, 64, device, 13);
        float[] rgb = film.toRgb();
        PathTraceKernel cam = RenderSupport.transport(cr);
        int w = film.width(), h = film.height();
        float[] ray = new float[6];
        // Sums of rendered and expected values over the quad's pixels, overall and per half (left/right, top/bottom).
        double[][] got = new double[3][3], want = new double[3][3];
        int inside = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = 0, sy = 0;
                boolean all = true;
                int k = 4;
                for (int j = 0; j < k; j++) {
                    for (int i = 0; i < k; i++) {
                        cam.cameraRay(x + (i + 0.5f) / k, y + (j + 0.5f) / k, 0.5f, 0.5f, ray);
                        double t = -ray[2] / ray[5];
                        double px = ray[0] + t * ray[3], py = ray[1] + t * ray[4];
                        all &= Math.abs(px) < 0.97 && Math.abs(py) < 0.97;
                        sx += px;
                        sy += py;
                    }
                }
                if (!all) {
                    continue;
                }
                inside++;
                double mx = sx / (k * k), my = sy / (k * k);
                double[] expected = {0.8 * (mx + 1) / 2, 0.8 * 0.5, 0.8 * (1 - my) / 2};
                int p = y * w + x;
                for (int c = 0; c < 3; c++) {
                    int half = c == 0 ? (mx < 0 ? 1 : 2) : c == 2 ? (my < 0 ? 1 : 2) : 1;
                    got[c][0] += rgb[3 * p + c];
                    want[c][0] += expected[c];
                    got[c][half] += rgb[3 * p + c];
                    want[c][half] += expected[c];
                }
            }
        }
        assertTrue(inside > w * h / 4, "pixels wholly on the quad: " + inside);
        StringBuilder report = new StringBuilder(device + ": " + inside + " pixels, rendered / closed form");
        for (int c = 0; c < 3; c++) {
            for (int part = 0; part < 3; part++) {
                if (want[c][part] > 0) {
                    report.append(String.format(" c%d.%d %.4f", c, part, got[c][part] / want[c][part]));
                }
            }
        }
        System.out.println(report);
        for (int c = 0; c < 3; c++) {
            for (int part = 0; part < 3; part++) {
                if (want[c][part] > 0) {
                    assertEquals(1, got[c][part] / want[c][part], 0.01, "channel " + c + ", part " + part + ": rendered "
                            + got[c][part] + " against " + want[c][part]);
                }
            }
        }
    }
}
