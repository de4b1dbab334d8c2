package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.scene.compile.CompiledRender;

/**
 * The Blender texture test scene (blender/blender-textures.lxs: LuxRender 1.x's Blender textures as
 * LuxBlend writes them) parses without a warning and renders a textured image: its floor of nested
 * clouds, divided pixel by pixel by the same floor in a constant colour under the same light and
 * samples, varies by more than 15% (relative standard deviation over the bottom rows).
 */
class BlenderTexturesSceneTest {
    @TempDir
    Path dir;

    private static Path scene() throws Exception {
        return Path.of(BlenderTexturesSceneTest.class.getResource("/blender/blender-textures.lxs").toURI());
    }

    @Test
    void sceneParsesAndRendersTextured() throws Exception {
        CompiledRender r = RenderSupport.compile(scene());
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        Path flat = dir.resolve("flat.lxs");
        Files.writeString(flat, Files.readString(scene()).replace("Material \"matte\" \"texture Kd\" [ \"floor\" ]",
                "Material \"matte\" \"color Kd\" [ 0.4 0.35 0.25 ]"));
        float[] textured = floorLuminance(r), plain = floorLuminance(RenderSupport.compile(flat));
        // The ratio of the two renders (same light, same samples) is the floor's albedo up to the light the
        // spheres bounce: flat for a constant colour, varying with the Blender clouds.
        double sum = 0, sum2 = 0;
        for (int i = 0; i < textured.length; i++) {
            double q = textured[i] / plain[i];
            sum += q;
            sum2 += q * q;
        }
        double mean = sum / textured.length, sd = Math.sqrt(Math.max(0, sum2 / textured.length - mean * mean));
        System.out.printf("Blender floor: albedo ratio mean %.3f, relative sd %.3f%n", mean, sd / mean);
        assertTrue(sd / mean > 0.15, "the floor is textured: relative sd of the albedo ratio " + sd / mean);
    }

    /** Luminance of the bottom rows (floor only) at 8 samples per pixel. */
    private static float[] floorLuminance(CompiledRender r) {
        Film film = RenderSupport.render(r, 8, 2, 3L);
        float[] rgb = film.toRgb();
        int w = r.settings().width(), h = r.settings().height();
        float[] lum = new float[6 * w];
        for (int y = h - 6; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                lum[(y - h + 6) * w + x] = (float) (0.2126 * rgb[i] + 0.7152 * rgb[i + 1] + 0.0722 * rgb[i + 2]);
                assertTrue(lum[(y - h + 6) * w + x] > 0, "the floor is lit at pixel " + x + ", " + y);
            }
        }
        return lum;
    }
}
