package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.aparapi.exception.CompileFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.desc.InstanceDesc;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.parse.SceneParser;

/**
 * Instances shade as the same geometry placed in the world would: the render of {@link
 * TestScenes#INSTANCES} (rotated, non-uniformly scaled and mirrored instances of an object with vertex
 * normals, a tessellated sphere and a null surface) equals the render of the same scene flattened into
 * world-space shapes, sample stream for sample stream; and the kernel runs it in OpenCL.
 */
class InstancingDeviceTest {
    @TempDir
    Path dir;

    private SceneDescription parse() throws IOException {
        Path file = dir.resolve("instances.pbrt");
        Files.writeString(file, TestScenes.INSTANCES);
        return SceneParser.parse(file);
    }

    /** The same scene with every instance's shapes copied into the world, transforms composed. */
    private static SceneDescription flatten(SceneDescription d) {
        List<ShapeDesc> shapes = new ArrayList<>(d.shapes());
        for (InstanceDesc in : d.instances()) {
            for (ShapeDesc s : in.object().shapes()) {
                shapes.add(new ShapeDesc(s.type(), s.params(), in.instanceToWorld().compose(s.objectToWorld()),
                        s.reverseOrientation(), s.material(), s.areaLight(), s.loc()));
            }
        }
        return new SceneDescription(d.file(), d.dialect(), d.camera(), d.film(), d.sampler(), d.integrator(),
                d.pixelFilter(), shapes, d.lights(), d.namedMaterials(), d.textures(), d.warnings());
    }

    @Test
    void instancedRenderEqualsFlattenedRender() throws IOException {
        SceneDescription d = parse();
        assertEquals(5, d.instances().size());
        CompiledRender inst = SceneCompiler.compile(d);
        CompiledRender flat = SceneCompiler.compile(flatten(d));
        assertTrue(inst.scene().triangleCount < flat.scene().triangleCount / 3, "objects are stored once");
        float[] a = RenderSupport.render(inst, 16, 2, 3).toRgb();
        float[] b = RenderSupport.render(flat, 16, 2, 3).toRgb();
        double ratio = RenderSupport.meanRatio(a, b), rmse = RenderSupport.clampedRmse(a, b);
        System.out.printf("instanced vs flattened: mean ratio %.5f, clamped RMSE %.5f%n", ratio, rmse);
        // Same sample streams: only float rounding of the geometry differs, so paths rarely diverge.
        assertEquals(1.0, ratio, 0.003);
        assertTrue(rmse < 0.01, "clamped RMSE " + rmse);
    }

    private static final String LUX_INSTANCE = """
            LookAt 0 0 -5  0 0 0  0 1 0
            Camera "perspective" "float fov" [30]
            Film "fleximage" "integer xresolution" [24] "integer yresolution" [24]
            Sampler "random"
            PixelFilter "box"
            WorldBegin
            LightSource "infinite" "color L" [1 1 1]
            ObjectBegin "quad"
              Material "matte" "color Kd" [0.8 0.8 0.8]
              Shape "trianglemesh" "integer indices" [0 1 2 0 2 3] "point P" [-1 -1 0 1 -1 0 1 1 0 -1 1 0]
            ObjectEnd
            AttributeBegin
              MATERIAL
              ObjectInstance "quad"
            AttributeEnd
            WorldEnd
            """;

    @Test
    void luxRenderInstanceMaterialReplacesTheObjectsAndPbrtKeepsTheObjects() {
        CompiledRender own = TestScenes.compile(dir, LUX_INSTANCE.replace("MATERIAL", ""));
        CompiledRender black = TestScenes.compile(dir, LUX_INSTANCE.replace("MATERIAL", "Material \"matte\" \"color Kd\" [0 0 0]"));
        assertEquals(-1, own.scene().instMaterial[0], "no material at the instance: the object's own");
        int m = black.scene().instMaterial[0];
        assertTrue(m >= 0 && black.scene().matParams[m * org.luxnet.scene.compiled.MaterialLayout.STRIDE] == 0f,
                "LuxRender: the instance's material replaces the object's");
        // A white quad (Kd 0.8) under a uniform sky of 1 against the same quad shaded black.
        double a = mean(RenderSupport.render(own, 4, 1, 1).toRgb()), b = mean(RenderSupport.render(black, 4, 1, 1).toRgb());
        System.out.printf("LuxRender instance material: mean %.4f with the object's, %.4f with the instance's black%n", a, b);
        assertTrue(b >= 0 && b < a - 0.05, "the black instance material darkens the image: " + a + " vs " + b);
        CompiledRender pbrt = TestScenes.compile(dir, TestScenes.INSTANCES.replace("ObjectInstance \"block\"",
                "Material \"matte\" \"rgb Kd\" [0 0 0]\n ObjectInstance \"block\""));
        assertEquals(-1, pbrt.scene().instMaterial[4], "pbrt-v3 keeps the object's materials");
    }

    private static double mean(float[] rgb) {
        double s = 0;
        for (float v : rgb) {
            s += v;
        }
        return s / rgb.length;
    }

    @Test
    void kernelRendersInstancesInOpenCl() throws IOException, CompileFailedException {
        OpenClDeviceInfo device = GpuDevices.list().stream().min(Comparator.comparing(OpenClDeviceInfo::isCpu)).orElse(null);
        assumeTrue(device != null, "no OpenCL device: install pocl-opencl-icd ocl-icd-libopencl1 to run this test");
        CompiledRender r = SceneCompiler.compile(parse());
        int pixels = r.settings().width() * r.settings().height();
        int passes = 8;
        Film gpu = new Film(r.settings().width(), r.settings().height(), r.settings().scaleBits());
        BatchRenderer renderer = new BatchRenderer(device.aparapiDevice(), r.scene(), r.settings(), TestScenes.filter(r),
                41L, pixels);
        try {
            renderer.compile();
            for (int pass = 0; pass < passes; pass++) {
                renderer.launch((long) pass * pixels, pixels);
                assertTrue(renderer.ranInOpenCl(), "the kernel fell back to Java threads on " + device);
                renderer.addSamples(gpu);
            }
        } finally {
            renderer.dispose();
        }
        Film cpu = TestScenes.cpuFilm(r, TestScenes.filter(r), 41L, 0, passes);
        float[] a = gpu.toRgb(), b = cpu.toRgb();
        double ratio = RenderSupport.meanRatio(a, b), rmse = RenderSupport.clampedRmse(a, b);
        System.out.printf("instances, OpenCL vs CPU, same stream: mean ratio %.5f, clamped RMSE %.5f%n", ratio, rmse);
        assertEquals(1.0, ratio, 0.01);
        assertTrue(rmse < 0.02, "clamped RMSE " + rmse);
    }
}
