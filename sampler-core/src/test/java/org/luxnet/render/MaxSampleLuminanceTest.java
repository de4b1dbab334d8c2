package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.render.RenderSupport.Device;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.compile.CompiledRender;

/**
 * pbrt-v3's Film "maxsampleluminance" (FilmTile::AddSample): a sample brighter than it, by RGBSpectrum::y,
 * is scaled down to it, its colour kept. The camera sits inside an emitting sphere, so every sample is L.
 */
class MaxSampleLuminanceTest {
    @TempDir
    Path tmp;

    private CompiledRender scene(String film) throws IOException {
        Path f = tmp.resolve("msl.pbrt");
        Files.writeString(f, String.join("\n",
                "LookAt 0 0 0  0 0 1  0 1 0",
                "Camera \"perspective\" \"float fov\" [60]",
                "Film \"image\" \"integer xresolution\" [8] \"integer yresolution\" [8] " + film,
                "Sampler \"sobol\" \"integer pixelsamples\" [4]",
                "WorldBegin",
                "AttributeBegin",
                "  ReverseOrientation",
                "  Material \"matte\" \"rgb Kd\" [0 0 0]",
                "  AreaLightSource \"diffuse\" \"rgb L\" [4 2 1]",
                "  Shape \"sphere\" \"float radius\" [10]",
                "AttributeEnd",
                "WorldEnd", ""));
        CompiledRender cr = RenderSupport.compile(f);
        assertTrue(cr.warnings().isEmpty(), "warnings: " + cr.warnings());
        return cr;
    }

    private static void assertEvery(double[] want, float[] rgb, String what) {
        for (int i = 0; i < rgb.length; i++) {
            assertEquals(want[i % 3], rgb[i], 1e-5 * Math.max(1, want[i % 3]), what + " at value " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void aBrighterSampleIsScaledToTheLimit(Device device) throws IOException {
        double y = 0.212671 * 4 + 0.715160 * 2 + 0.072169 * 1;
        assertEvery(new double[] {4 / y, 2 / y, 1 / y},
                RenderSupport.render(scene("\"float maxsampleluminance\" [1]"), 4, device, 1).toRgb(), "limit 1");
        assertEvery(new double[] {4, 2, 1},
                RenderSupport.render(scene("\"float maxsampleluminance\" [10]"), 4, device, 1).toRgb(), "limit 10");
    }

    @Test
    void aLimitThatIsNotPositiveIsASceneError() {
        SceneException e = assertThrows(SceneException.class, () -> scene("\"float maxsampleluminance\" [0]"));
        assertTrue(e.getMessage().contains("msl.pbrt:3") && e.getMessage().contains("maxsampleluminance"),
                e.getMessage());
    }
}
