package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luxnet.scene.compile.CompiledRender;

/**
 * Motion blur computes the same samples on every device: a moving camera, a rotating, scaling and
 * translating object instance (and its shadow, whose rays carry the path's time), a moving world
 * shape and a still instance, in pbrt-v3 (ActiveTransform, TransformTimes) and LuxRender
 * (MotionBegin/MotionEnd, MotionInstance) scenes, rendered by a CPU render thread and by the kernel
 * on Aparapi's Java thread pool and on OpenCL (PoCL; skipped, saying why, without a driver).
 */
class MotionBlurPortTest {
    @TempDir
    Path dir;

    static final String PBRT = """
            TransformTimes 0 2
            LookAt 0 3 -8  0 0.5 0  0 1 0
            ActiveTransform EndTime
            Rotate 4 0 1 0
            ActiveTransform All
            Camera "perspective" "float fov" [40] "float shutteropen" [0.2] "float shutterclose" [1.8]
            Film "image" "integer xresolution" [24] "integer yresolution" [20]
            Sampler "sobol" "integer pixelsamples" [4]
            PixelFilter "box"
            Integrator "path" "integer maxdepth" [3]
            WorldBegin
            LightSource "infinite" "rgb L" [0.3 0.3 0.3]
            LightSource "distant" "point from" [1 4 -2] "point to" [0 0 0] "rgb L" [2 2 2]
            Material "matte" "rgb Kd" [0.6 0.6 0.6]
            Shape "trianglemesh" "integer indices" [0 1 2 0 2 3] "point P" [-6 0 -6  6 0 -6  6 0 6  -6 0 6]
            ObjectBegin "block"
              Material "matte" "rgb Kd" [0.8 0.3 0.2]
              Shape "trianglemesh" "integer indices" [0 1 2 0 2 3  4 5 6 4 6 7  0 1 5 0 5 4]
                "point P" [-0.5 0 -0.5  0.5 0 -0.5  0.5 1 -0.5  -0.5 1 -0.5  -0.5 0 0.5  0.5 0 0.5  0.5 1 0.5  -0.5 1 0.5]
              Shape "sphere" "float radius" [0.3]
            ObjectEnd
            AttributeBegin
              Translate -1.5 0.5 0
              ActiveTransform EndTime
              Translate 0.8 0.4 0
              Rotate 70 0.3 1 0.2
              Scale 1.3 0.8 1
              ActiveTransform All
              ObjectInstance "block"
            AttributeEnd
            AttributeBegin
              Translate 1.5 0 0.5
              ObjectInstance "block"
            AttributeEnd
            AttributeBegin
              Material "matte" "rgb Kd" [0.2 0.5 0.8]
              Translate 0 1.8 0
              ActiveTransform EndTime
              Translate 0.5 0 0
              ActiveTransform All
              Shape "sphere" "float radius" [0.5]
            AttributeEnd
            WorldEnd
            """;

    static final String LUX = """
            MotionBegin [0 1]
              LookAt 0 3 -8  0 0.5 0  0 1 0
              LookAt 0.3 3 -8  0 0.5 0  0 1 0
            MotionEnd
            Camera "perspective" "float fov" [40]
            Film "fleximage" "integer xresolution" [24] "integer yresolution" [20]
            Sampler "lowdiscrepancy" "integer pixelsamples" [4]
            PixelFilter "box"
            SurfaceIntegrator "path" "integer maxdepth" [3]
            WorldBegin
            LightSource "infinite" "color L" [0.3 0.3 0.3]
            LightSource "distant" "point from" [1 4 -2] "point to" [0 0 0] "color L" [2 2 2]
            Material "matte" "color Kd" [0.6 0.6 0.6]
            Shape "trianglemesh" "integer indices" [0 1 2 0 2 3] "point P" [-6 0 -6  6 0 -6  6 0 6  -6 0 6]
            ObjectBegin "block"
              Material "matte" "color Kd" [0.8 0.3 0.2]
              Shape "trianglemesh" "integer indices" [0 1 2 0 2 3  4 5 6 4 6 7  0 1 5 0 5 4]
                "point P" [-0.5 0 -0.5  0.5 0 -0.5  0.5 1 -0.5  -0.5 1 -0.5  -0.5 0 0.5  0.5 0 0.5  0.5 1 0.5  -0.5 1 0.5]
            ObjectEnd
            AttributeBegin
              Translate 1.2 0.2 0.3
              Rotate 50 0 1 0
              CoordinateSystem "there"
            AttributeEnd
            AttributeBegin
              Translate -1.5 0.5 0
              MotionInstance "block" 0 1 "there"
            AttributeEnd
            AttributeBegin
              Material "matte" "color Kd" [0.2 0.5 0.8]
              MotionBegin [0 0.4 1]
                Translate 0 1.8 0
                Rotate 40 0 0 1
                Transform [1.2 0 0 0  0 1 0 0  0 0 1 0  0.6 1.8 0 1]
              MotionEnd
              Shape "sphere" "float radius" [0.5]
            AttributeEnd
            WorldEnd
            """;

    @ParameterizedTest
    @CsvSource({"pbrt, JAVA_THREADS", "luxrender, JAVA_THREADS", "luxrender-gaussian, JAVA_THREADS", "pbrt, OPENCL",
            "luxrender, OPENCL", "luxrender-gaussian, OPENCL"})
    void movingSceneSampleForSample(String dialect, String launch) throws Exception {
        String lux = dialect.endsWith("gaussian")
                ? LUX.replace("\"float fov\" [40]", "\"float fov\" [40] \"string shutterdistribution\" \"gaussian\"") : LUX;
        CompiledRender r = TestScenes.compile(dir, dialect.equals("pbrt") ? PBRT : lux);
        assertEquals(dialect.endsWith("gaussian"), r.scene().camera.shutterGaussian());
        assertTrue(r.scene().camera.motion() != null, "the camera moves");
        // pbrt: two moving instances and a still one; LuxRender: a MotionInstance and a shape of three knots.
        assertEquals(dialect.equals("pbrt") ? 2 : 3, r.scene().motion.length / org.luxnet.scene.desc.AnimatedTransform.RECORD,
                "records of the moving instances");
        assertTrue(r.warnings().stream().noneMatch(w -> w.message().contains("not supported")), r.warnings().toString());
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 17L, 3, 2,
                TestScenes.device(TestScenes.Launch.valueOf(launch)), "motion blur, " + dialect + " on " + launch);
    }

    @org.junit.jupiter.api.Test
    void movingScenesLaunchFewerItemsInTheSameMemory() {
        CompiledRender moving = TestScenes.compile(dir, PBRT);
        CompiledRender still = TestScenes.compile(dir, PBRT.replace("ActiveTransform EndTime", "ActiveTransform All"));
        assertTrue(still.scene().motion.length == 0 && still.scene().camera.motion() == null, "nothing moves");
        int cap = GpuDevice.MAX_BATCH;
        assertEquals(cap, GpuDevice.capacityFor(still.scene(), cap));
        int fewer = GpuDevice.capacityFor(moving.scene(), cap);
        long perItem = org.luxnet.render.transport.PathTraceKernel.SCRATCH_SLOTS
                + org.luxnet.render.transport.PathTraceKernel.OUT_SLOTS;
        assertTrue(fewer < cap && fewer % BatchRenderer.LOCAL_SIZE == 0, "capacity " + fewer);
        assertTrue((long) fewer * (perItem + org.luxnet.render.transport.PathTraceKernel.MOTION_WORDS_PER_ITEM)
                <= (long) cap * perItem, "within the memory of the still capacity");
    }

    @org.junit.jupiter.api.Test
    void openClDeviceRendersAMovingSceneAsTheCpuDoes() {
        CompiledRender r = TestScenes.compile(dir, PBRT);
        float[] gpu = org.luxnet.render.RenderSupport.render(r, 8, org.luxnet.render.RenderSupport.Device.OPENCL, 5).toRgb();
        float[] cpu = org.luxnet.render.RenderSupport.render(r, 8, org.luxnet.render.RenderSupport.Device.CPU, 5).toRgb();
        double ratio = org.luxnet.render.RenderSupport.meanRatio(gpu, cpu);
        System.out.printf("moving scene, OpenCL device vs CPU: mean ratio %.5f%n", ratio);
        assertEquals(1.0, ratio, 0.01);
    }
}
