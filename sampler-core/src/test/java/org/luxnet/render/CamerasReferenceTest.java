package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.scene.compile.CompiledRender;

/**
 * pbrt-v3's cameras against pbrt-v3's own images (features/README.md, 256x192 at 1024 spp):
 * cameras.pbrt is a perspective camera with a thin lens (fov 40 on the shorter axis, lensradius
 * 0.15, focaldistance 7.14493, the green sphere in focus and the rest blurred), cameras-ortho.pbrt
 * an orthographic camera with screenwindow [-4 4 -3 3] seen from above-left. A wrong fov, screen
 * window, lens or projection moves every edge of the tiled floor, which the clamped RMSE sees.
 *
 * <p>Rendered at 64 spp; tolerances from pbrt-v3 itself at 64 spp against the reference (README:
 * clamped RMSE 0.0090 for cameras, 0.0062 for cameras-ortho), with room for our independent noise.
 */
class CamerasReferenceTest {
    private static final Path DIR = Path.of("src", "test", "resources", "features");

    @ParameterizedTest
    @CsvSource({"cameras, 0.012", "cameras-ortho, 0.0085"})
    void matchesPbrtV3Reference(String scene, double maxRmse) throws Exception {
        CompiledRender cr = RenderSupport.compile(DIR.resolve(scene + ".pbrt"));
        int spp = 64;
        float[] img = RenderSupport.render(cr, spp, 2, 1).toRgb();
        RgbImage ref = RenderSupport.readPfm(DIR.resolve(scene + ".ref.pfm"));
        assertEquals(ref.rgb().length, img.length, "same size as the reference");
        double ratio = RenderSupport.meanRatio(img, ref.rgb());
        double rmse = RenderSupport.clampedRmse(img, ref.rgb());
        System.out.printf("%s at %d spp: mean ratio %.4f, clamped RMSE %.4f%n", scene, spp, ratio, rmse);
        assertEquals(1.0, ratio, 0.01, "mean brightness against pbrt-v3");
        assertTrue(rmse < maxRmse, "clamped RMSE " + rmse + " against pbrt-v3 (limit " + maxRmse + ")");
    }

    /**
     * A crop window renders only its part of the frame, at the crop's size: cameras-ortho.pbrt with
     * cropwindow [0.25 0.75 0.3 0.8] is a 128x96 film whose pixels match pbrt-v3's full image from
     * column ceil(64) = 64 and row ceil(57.6) = 58 on.
     */
    @Test
    void cropWindowMatchesItsPartOfTheReference(@TempDir Path dir) throws Exception {
        String text = Files.readString(DIR.resolve("cameras-ortho.pbrt")).replace("\"integer yresolution\" [ 192 ]",
                "\"integer yresolution\" [ 192 ] \"float cropwindow\" [ 0.25 0.75 0.3 0.8 ]");
        Path scene = dir.resolve("crop.pbrt");
        Files.writeString(scene, text);
        CompiledRender cr = RenderSupport.compile(scene);
        int w = cr.settings().width(), h = cr.settings().height();
        assertEquals(128, w);
        assertEquals(96, h);
        float[] img = RenderSupport.render(cr, 64, 2, 1).toRgb();
        float[] full = RenderSupport.readPfm(DIR.resolve("cameras-ortho.ref.pfm")).rgb();
        float[] ref = new float[img.length];
        for (int y = 0; y < h; y++) {
            System.arraycopy(full, 3 * ((y + 58) * 256 + 64), ref, 3 * y * w, 3 * w);
        }
        double ratio = RenderSupport.meanRatio(img, ref);
        double rmse = RenderSupport.clampedRmse(img, ref);
        System.out.printf("cameras-ortho cropped at 64 spp: mean ratio %.4f, clamped RMSE %.4f%n", ratio, rmse);
        assertEquals(1.0, ratio, 0.01, "mean brightness against pbrt-v3's pixels of the crop");
        assertTrue(rmse < 0.0095, "clamped RMSE " + rmse + " against pbrt-v3's pixels of the crop");
    }
}
