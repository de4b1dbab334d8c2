package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.io.TempDir;
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

    static final String PBRT = HEAD + """
            Integrator "path" "integer maxdepth" [ 5 ]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            Film "image" "integer xresolution" [ 40 ] "integer yresolution" [ 30 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 8 7 6 ]
              Material "matte" "rgb Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -5 0.3 -1 -5 0.3 1.5 -5 2 1.5 -5 2 -1 ]
            AttributeEnd
            Texture "h" "float" "imagemap" "string filename" "sky.pfm" "bool trilinear" "true" "float scale" [ 0.02 ] "float uscale" [ 3 ]
            Material "matte" "rgb Kd" [ 0.7 0.7 0.7 ] "texture bumpmap" "h"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -4 0 -4 4 0 -4 4 0 4 -4 0 4 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Texture "f" "float" "fbm" "integer octaves" [ 3 ]
            Texture "fs" "float" "scale" "texture tex1" "f" "float tex2" [ 0.05 ]
            AttributeBegin
              Translate 0.9 0.6 0.8
              Material "plastic" "rgb Kd" [ 0.3 0.4 0.6 ] "texture bumpmap" "fs"
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Material "matte" "rgb Kd" [ 0.6 0.5 0.3 ] "texture bumpmap" "fs"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -2 0 1.5 -0.2 0 1.5 -0.2 1.5 2 -2 1.5 2 ]
                "normal N" [ 0.1 0 -1 -0.1 0 -1 -0.1 0.2 -1 0.1 0.2 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            AttributeEnd
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
            WorldBegin
            AttributeBegin
              AreaLightSource "area" "color L" [ 8 7 6 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -5 0.3 -1 -5 0.3 1.5 -5 2 1.5 -5 2 -1 ]
            AttributeEnd
            Texture "nm" "float" "normalmap" "string filename" "sky.pfm" "float uscale" [ 3 ] "float vscale" [ 2 ]
            Material "matte" "color Kd" [ 0.7 0.7 0.7 ] "texture bumpmap" "nm"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -4 0 -4 4 0 -4 4 0 4 -4 0 4 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Texture "f" "float" "fbm" "integer octaves" [ 3 ]
            Texture "fs" "float" "scale" "texture tex1" "f" "float tex2" [ 0.05 ]
            AttributeBegin
              Translate 0.9 0.6 0.8
              Material "glossy" "color Kd" [ 0.3 0.4 0.6 ] "texture bumpmap" "fs" "float bumpmapsampledistance" [ 0.01 ]
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Material "matte" "color Kd" [ 0.6 0.5 0.3 ] "texture bumpmap" "fs"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -2 0 1.5 -0.2 0 1.5 -0.2 1.5 2 -2 1.5 2 ]
                "normal N" [ 0.1 0 -1 -0.1 0 -1 -0.1 0.2 -1 0.1 0.2 -1 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            AttributeEnd
            WorldEnd
            """;

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

    private CompiledRender compile(String text, int modes) {
        TestScenes.writeSkyMap(dir);
        CompiledRender r = TestScenes.compile(dir, text);
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        int bumped = 0;
        for (int m = 0; m < r.scene().matType.length; m++) {
            bumped |= 1 << (int) r.scene().matParams[m * MaterialLayout.STRIDE + MaterialLayout.BUMP_MODE];
        }
        assertEquals(modes, bumped & ~1, "bump modes in the scene");
        return r;
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void pbrtBumpsSampleForSample(Launch launch) {
        CompiledRender r = compile(PBRT, 1 << MaterialLayout.BUMP_PBRT);
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 91L, 2, 2, device(launch), "pbrt bumps, " + launch);
    }

    @ParameterizedTest
    @EnumSource(Launch.class)
    void luxRenderBumpsAndNormalMapsSampleForSample(Launch launch) {
        CompiledRender r = compile(LUX, 1 << MaterialLayout.BUMP_LUX | 1 << MaterialLayout.BUMP_NORMAL_MAP);
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 92L, 2, 2, device(launch), "LuxRender bumps, " + launch);
    }
}
