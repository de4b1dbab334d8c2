package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.PfmIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * Bump and normal maps compute the same samples on every device (TestScenes.assertKernelMatchesCpu:
 * a CPU render thread against the kernel on Aparapi's Java thread pool and on OpenCL, PoCL in CI):
 * pbrt-v3 bumps on a mesh from an image height field, on a mesh with vertex normals (pbrt's unit
 * shading tangents and dn/du), on an instanced mesh and on a sphere from fbm under glossy; LuxRender
 * bumps (world-unit step) and a LuxRender normal map.
 */
class BumpPortTest {
    /** How the kernel is launched. */
    enum Launch {
        JAVA_THREADS, OPENCL
    }

    private static final String HEAD = """
            LookAt 0 3.2 -5  0 0.5 0.6  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            """;

    /** The fbm-bumped sphere and the bumped mesh with vertex normals; %1$s is the colour type, %2$s the sphere's material. */
    private static final String FBM_OBJECTS = """
            Texture "f" "float" "fbm" "integer octaves" [ 3 ]
            Texture "fs" "float" "scale" "texture tex1" "f" "float tex2" [ 0.05 ]
            AttributeBegin
              Translate 0.9 0.6 0.8
              Material %2$s "%1$s Kd" [ 0.3 0.4 0.6 ] "texture bumpmap" "fs"
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Material "matte" "%1$s Kd" [ 0.6 0.5 0.3 ] "texture bumpmap" "fs"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -2 0 1.5 -0.2 0 1.5 -0.2 1.5 2 -2 1.5 2 ]
                "normal N" [ 0.1 0 -1 -0.1 0 -1 -0.1 0.2 -1 0.1 0.2 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            AttributeEnd
            """;

    /** A light far to the left (%s: its statement) and a floor quad (the next material's). */
    private static final String LIGHT_AND_FLOOR = """
            WorldBegin
            AttributeBegin
              %s
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -5 0.3 -1 -5 2 -1 -5 2 1.5 -5 0.3 1.5 ]
            AttributeEnd
            %s
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -4 0 -4 4 0 -4 4 0 4 -4 0 4 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            """;

    static final String PBRT = HEAD + """
            Integrator "path" "integer maxdepth" [ 5 ]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            Film "image" "integer xresolution" [ 40 ] "integer yresolution" [ 30 ]
            """ + LIGHT_AND_FLOOR.formatted("AreaLightSource \"diffuse\" \"rgb L\" [ 8 7 6 ] Material \"matte\" \"rgb Kd\" [ 0 0 0 ]",
            "Texture \"h\" \"float\" \"imagemap\" \"string filename\" \"waves.pfm\" \"bool trilinear\" \"true\""
                    + " \"float scale\" [ 0.02 ] \"float uscale\" [ 3 ]\n"
                    + "Material \"matte\" \"rgb Kd\" [ 0.7 0.7 0.7 ] \"texture bumpmap\" \"h\"")
            + FBM_OBJECTS.formatted("rgb", "\"plastic\"") + """
            ObjectBegin "tile"
              Material "matte" "rgb Kd" [ 0.5 0.6 0.5 ] "texture bumpmap" "h"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 0 0 0 1 0 0 1 1 0 0 1 0 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            ObjectEnd
            AttributeBegin
              Translate -1.2 0.05 -0.3
              Rotate 70 1 0 0
              Scale 0.8 0.6 1
              ObjectInstance "tile"
            AttributeEnd
            WorldEnd
            """;

    static final String LUX = HEAD + """
            Film "fleximage" "integer xresolution" [ 40 ] "integer yresolution" [ 30 ] "bool write_png" [ "false" ]
            Sampler "lowdiscrepancy" "integer pixelsamples" [ 16 ]
            SurfaceIntegrator "path" "integer maxdepth" [ 5 ]
            """ + LIGHT_AND_FLOOR.formatted("AreaLightSource \"area\" \"color L\" [ 8 7 6 ]",
            "Texture \"nm\" \"float\" \"normalmap\" \"string filename\" \"waves-normals.pfm\" \"float uscale\" [ 3 ]"
                    + " \"float vscale\" [ 2 ]\nMaterial \"matte\" \"color Kd\" [ 0.7 0.7 0.7 ] \"texture bumpmap\" \"nm\"")
            + FBM_OBJECTS.formatted("color", "\"glossy\" \"float bumpmapsampledistance\" [ 0.01 ]") + "WorldEnd\n";

    @TempDir
    Path dir;

    private static Device device(Launch launch) {
        Device device = JavaDevice.THREAD_POOL;
        if (launch == Launch.OPENCL) {
            OpenClDeviceInfo d = GpuDevices.list().stream().min(Comparator.comparing(OpenClDeviceInfo::isCpu)).orElse(null);
            assumeTrue(d != null, "no OpenCL device: install pocl-opencl-icd ocl-icd-libopencl1 to run this test");
            device = d.aparapiDevice();
        }
        return device;
    }

    /**
     * Writes a 16x16 height field of waves, h = (1 + sin x sin y) / 2, to waves.pfm, and its normals
     * (-dh/dx, -dh/dy, 1) normalized, as colours (n + 1) / 2, to waves-normals.pfm.
     */
    private void writeMaps() throws IOException {
        int n = 16;
        float[] h = new float[n * n * 3], nm = new float[n * n * 3];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double a = 2 * Math.PI * x / n, b = 2 * Math.PI * y / n;
                double dx = 0.5 * Math.cos(a) * Math.sin(b), dy = 0.5 * Math.sin(a) * Math.cos(b);
                double l = Math.sqrt(dx * dx + dy * dy + 1);
                int o = 3 * (y * n + x);
                for (int c = 0; c < 3; c++) {
                    h[o + c] = (float) (0.5 + 0.5 * Math.sin(a) * Math.sin(b));
                }
                nm[o] = (float) ((1 - dx / l) / 2);
                nm[o + 1] = (float) ((1 - dy / l) / 2);
                nm[o + 2] = (float) ((1 + 1 / l) / 2);
            }
        }
        PfmIO.write(dir.resolve("waves.pfm"), h, n, n);
        PfmIO.write(dir.resolve("waves-normals.pfm"), nm, n, n);
    }

    private CompiledRender compile(String text, int modes) throws IOException {
        writeMaps();
        CompiledRender r = TestScenes.compile(dir, text);
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        int bumped = 0;
        for (int m = 0; m < r.scene().matType.length; m++) {
            bumped |= 1 << (int) r.scene().matParams[m * MaterialLayout.STRIDE + MaterialLayout.BUMP_MODE];
        }
        assertEquals(modes, bumped & ~1, "bump modes in the scene");
        return r;
    }

    private static void lit(CompiledRender r, Film cpu) {
        int pixels = r.settings().width() * r.settings().height();
        assertTrue(cpu.totalContributions() > pixels, "the scene should be mostly lit");
    }

    /**
     * Java threads run the kernel's own float code and must match exactly. OpenCL (PoCL) contracts
     * a * b + c into fma, ulp-level differences that the other agreement tests absorb; a bump's finite
     * difference divides a height difference some 100 to 1000 times smaller than the height (pbrt's du
     * = .0005), and a glossy lobe steepens it further, so a few percent of the pixels differ by 2e-4 to
     * 2e-2 (measured: 13 and 5 of 1200, worst 1.6e-3 and 6e-4).
     */
    private static Film agree(CompiledRender r, long seed, Launch launch, String label) {
        if (launch == Launch.JAVA_THREADS) {
            return TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), seed, 2, 2, device(launch), label);
        }
        return TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), seed, 2, 2, device(launch), label, 0.03, 2e-2);
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void pbrtBumpsSampleForSample(Launch launch) throws IOException {
        CompiledRender r = compile(PBRT, 1 << MaterialLayout.BUMP_PBRT);
        lit(r, agree(r, 91L, launch, "pbrt bumps, " + launch));
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void luxRenderBumpsAndNormalMapsSampleForSample(Launch launch) throws IOException {
        CompiledRender r = compile(LUX, 1 << MaterialLayout.BUMP_LUX | 1 << MaterialLayout.BUMP_NORMAL_MAP);
        lit(r, agree(r, 92L, launch, "LuxRender bumps, " + launch));
    }
}
