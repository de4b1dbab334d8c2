package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.PfmIO;
import org.luxnet.scene.compile.CompiledRender;

/**
 * Closed-form checks of the environment-map light in both dialects: where the map is seen, which
 * texel a direction sees (pbrt-v3's convention), a constant map lights a diffuse sphere exactly as a
 * constant infinite light does, and each dialect's colour rules (pbrt-v3: L times scale, 8-bit values
 * as they are; LuxRender: texels raised to "gamma", times L times "gain", for "infinite" and
 * "infinitesample" alike).
 */
class EnvMapLightTest {
    @TempDir
    Path dir;

    private static final String PBRT_HEAD = """
            LookAt 0 0 0  %s  0 1 0
            Camera "perspective" "float fov" [ %s ]
            Sampler "sobol" "integer pixelsamples" [ 4 ]
            PixelFilter "box" "float xwidth" [ 0.5 ] "float ywidth" [ 0.5 ]
            Film "image" "integer xresolution" [ %d ] "integer yresolution" [ %d ]
            WorldBegin
            """;

    private CompiledRender scene(String text) throws IOException {
        Path file = Files.createTempFile(dir, "scene", text.contains("SurfaceIntegrator") ? ".lxs" : ".pbrt");
        Files.writeString(file, text);
        return RenderSupport.compile(file);
    }

    private static float[] mean(float[] rgb, int from, int to) {
        double[] m = new double[3];
        for (int i = from; i < to; i++) {
            for (int c = 0; c < 3; c++) {
                m[c] += rgb[3 * i + c];
            }
        }
        return new float[] {(float) (m[0] / (to - from)), (float) (m[1] / (to - from)), (float) (m[2] / (to - from))};
    }

    /** World direction of the centre of texel (i, j) of a w x h map under {@code Rotate -90 1 0 0}. */
    private static String texelDirection(int i, int j, int w, int h) {
        double theta = Math.PI * (j + 0.5) / h, phi = 2 * Math.PI * (i + 0.5) / w;
        double lx = Math.sin(theta) * Math.cos(phi), ly = Math.sin(theta) * Math.sin(phi), lz = Math.cos(theta);
        return lx + " " + lz + " " + -ly;
    }

    @Test
    void eachDirectionSeesItsTexelInPbrtV3Convention() throws IOException {
        int w = 8, h = 4;
        float[] map = new float[w * h * 3];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                map[3 * (j * w + i)] = 0.05f + i / 8f;
                map[3 * (j * w + i) + 1] = 0.05f + j / 4f;
                map[3 * (j * w + i) + 2] = 0.5f;
            }
        }
        PfmIO.write(dir.resolve("grid.pfm"), map, w, h);
        int[][] texels = {{1, 0}, {2, 1}, {6, 2}, {5, 3}, {7, 1}};
        for (int[] t : texels) {
            CompiledRender cr = scene(String.format(PBRT_HEAD, texelDirection(t[0], t[1], w, h), "0.5", 2, 2) + """
                    AttributeBegin
                      Rotate -90 1 0 0
                      LightSource "infinite" "string mapname" [ "grid.pfm" ]
                    AttributeEnd
                    WorldEnd
                    """);
            float[] rgb = RenderSupport.render(cr, 1, 1, 1).toRgb();
            float[] m = mean(rgb, 0, 4);
            int o = 3 * (t[1] * w + t[0]);
            for (int c = 0; c < 3; c++) {
                assertEquals(map[o + c], m[c], 0.005, "texel (" + t[0] + ", " + t[1] + ") channel " + c);
            }
        }
    }

    @Test
    void constantMapLightsLikeTheConstantLight() throws IOException {
        float[] l = {0.5f, 0.6f, 0.7f};
        float[] map = new float[8 * 4 * 3];
        for (int i = 0; i < map.length; i++) {
            map[i] = l[i % 3];
        }
        PfmIO.write(dir.resolve("flat.pfm"), map, 8, 4);
        String body = """
                Material "matte" "rgb Kd" [ 0.8 0.8 0.8 ]
                Translate 0 0 4
                Shape "sphere" "float radius" [ 1 ]
                WorldEnd
                """;
        String head = String.format(PBRT_HEAD, "0 0 1", "40", 32, 32).replace("[ 4 ]", "[ 64 ]");
        Film mapped = RenderSupport.render(scene(head + "LightSource \"infinite\" \"string mapname\" [ \"flat.pfm\" ]"
                + " \"rgb L\" [ 1 1 1 ]\n" + body), 64, 2, 1);
        Film constant = RenderSupport.render(scene(head + "LightSource \"infinite\" \"rgb L\" [ 0.5 0.6 0.7 ]\n" + body),
                64, 2, 1);
        float[] a = mapped.toRgb(), b = constant.toRgb();
        // Corner pixels see the map: exactly L. The centre 8x8 pixels see the sphere: albedo x L.
        for (int c = 0; c < 3; c++) {
            assertEquals(l[c], a[c], 1e-5, "background channel " + c);
            assertEquals(l[c], b[c], 1e-5, "background channel " + c + ", constant light");
        }
        double[] sa = new double[3], sb = new double[3];
        for (int y = 12; y < 20; y++) {
            for (int x = 12; x < 20; x++) {
                for (int c = 0; c < 3; c++) {
                    sa[c] += a[3 * (y * 32 + x) + c] / 64;
                    sb[c] += b[3 * (y * 32 + x) + c] / 64;
                }
            }
        }
        System.out.printf("diffuse sphere in a constant map: %.4f %.4f %.4f, constant light: %.4f %.4f %.4f,"
                + " closed form %.4f %.4f %.4f%n", sa[0], sa[1], sa[2], sb[0], sb[1], sb[2], 0.8 * l[0], 0.8 * l[1], 0.8 * l[2]);
        for (int c = 0; c < 3; c++) {
            assertEquals(0.8 * l[c], sa[c], 0.01 * l[c], "sphere channel " + c + " with the map");
            assertEquals(0.8 * l[c], sb[c], 0.01 * l[c], "sphere channel " + c + " with the constant light");
        }
    }

    @Test
    void pbrtScalesTheMapAndTakesEightBitValuesAsTheyAre() throws IOException {
        writePng(dir.resolve("grey.png"), 128);
        CompiledRender cr = scene(String.format(PBRT_HEAD, "0 0 1", "30", 2, 2) + """
                LightSource "infinite" "string mapname" [ "grey.png" ] "rgb L" [ 2 1 0.5 ] "rgb scale" [ 1.5 1.5 1.5 ]
                WorldEnd
                """);
        float[] m = mean(RenderSupport.render(cr, 1, 1, 1).toRgb(), 0, 4);
        // pbrt-v3's ReadImagePNG gives v / 255; no sRGB curve (InfiniteAreaLight applies none either).
        double v = 128 / 255.0;
        assertEquals(3 * v, m[0], 1e-4);
        assertEquals(1.5 * v, m[1], 1e-4);
        assertEquals(0.75 * v, m[2], 1e-4);
    }

    @Test
    void luxRenderAppliesGammaAndGainForBothInfiniteLights() throws IOException {
        writePng(dir.resolve("grey.png"), 128);
        for (String type : new String[] {"infinite", "infinitesample"}) {
            CompiledRender cr = scene("""
                    LookAt 0 0 0  0 0 1  0 1 0
                    Camera "perspective" "float fov" [30]
                    Film "fleximage" "integer xresolution" [2] "integer yresolution" [2]
                    PixelFilter "box"
                    Sampler "lowdiscrepancy" "integer pixelsamples" [4]
                    SurfaceIntegrator "path"
                    WorldBegin
                    LightSource "%s" "string mapname" ["grey.png"] "color L" [1 0.5 0.25] "float gain" [2]
                        "float gamma" [2.2]
                    WorldEnd
                    """.formatted(type));
            assertTrue(cr.warnings().isEmpty(), type + ": " + cr.warnings());
            float[] m = mean(RenderSupport.render(cr, 1, 1, 1).toRgb(), 0, 4);
            double v = Math.pow(128 / 255.0, 2.2);
            assertEquals(2 * v, m[0], 1e-4, type);
            assertEquals(v, m[1], 1e-4, type);
            assertEquals(0.5 * v, m[2], 1e-4, type);
        }
    }

    @Test
    void unknownLuxRenderMappingIsReportedAtItsPlace() throws IOException {
        writePng(dir.resolve("grey.png"), 128);
        CompiledRender cr = scene("""
                LookAt 0 0 0  0 0 1  0 1 0
                Camera "perspective"
                Film "fleximage" "integer xresolution" [2] "integer yresolution" [2]
                SurfaceIntegrator "path"
                WorldBegin
                LightSource "infinite" "string mapname" ["grey.png"]
                    "string mapping" ["cubic"]
                WorldEnd
                """);
        assertEquals(1, cr.warnings().size(), cr.warnings().toString());
        String w = cr.warnings().get(0).toString();
        assertTrue(w.contains(":7:") && w.contains("mapping \"cubic\""), w);
    }

    private static void writePng(Path p, int grey) throws IOException {
        BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                img.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        ImageIO.write(img, "png", p.toFile());
    }
}
