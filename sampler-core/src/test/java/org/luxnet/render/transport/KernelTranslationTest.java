package org.luxnet.render.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.internal.model.ClassModel;
import com.aparapi.internal.writer.KernelWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.luxnet.render.RenderSupport;
import org.luxnet.scene.compile.CompiledRender;

/**
 * The path-tracing kernel translates to valid OpenCL C. Needs no OpenCL driver: Aparapi's translator
 * rejects what OpenCL cannot run (break, recursion, objects, array parameters) with an exception,
 * which at run time would otherwise become a silent fallback to Java threads; and the check below
 * catches the one known way its output is invalid C (a function used before it is defined).
 */
class KernelTranslationTest {
    private static final Pattern DEFINITION = Pattern.compile("^[A-Za-z_][\\w ]*?\\b(\\w+)\\((?:This \\*this)?[^)]*\\)\\{",
            Pattern.MULTILINE);
    private static final Pattern CALL = Pattern.compile("\\b(\\w+__\\w+)\\(");

    private static String translate() throws Exception {
        CompiledRender r = RenderSupport.compile(RenderSupport.examples().resolve("reference/cornell-box.pbrt"));
        PathTraceKernel kernel = RenderSupport.transport(r);
        return KernelWriter.writeToString(ClassModel.createClassModel(kernel.getClass()).getEntrypoint("run", kernel));
    }

    @Test
    void kernelTranslatesToOpenClC() throws Exception {
        String source = translate();
        assertTrue(source.contains("__kernel void run("), "no entry point in:\n" + source);
        // Every layer's work is in the program: traversal, materials, lights, camera, sampler.
        for (String helper : new String[] {"intersect", "occluded", "sampleBsdf", "evalBsdf", "sampleLight", "pdfArea",
                "generateRay", "filterOffset", "vertexSample", "chunkDim", "tracePath", "sampleSunLight", "sunCone", "coneDirection",
                "bumpNormal", "evalProgram", "evalLobes", "sampleLobes", "resolveMix", "evalDisney", "sampleDisney", "evalHair", "sampleHair", "hairDemux",
                "evalFourier", "sampleFourier", "frSampleMu", "frSamplePhi"}) {
            assertTrue(source.contains("__" + helper + "("), helper + " missing from the OpenCL program");
        }
        assertFalse(source.contains("double"), "the kernel must compute in float only");
        // OpenCL C reserves its type names: a Java local called "half" (FourierKernel's first draft) broke the build.
        Matcher reserved = Pattern.compile("\\b(?:int|float|char|short|long|uint|bool) (half|bool|uint|uchar|ushort|ulong|"
                + "image2d_t|sampler_t|event_t|vector)\\b").matcher(source);
        assertFalse(reserved.find(), () -> "an OpenCL C type name used as an identifier: " + reserved.group());
        // A static final that is no compile-time constant (a Math.sqrt or Math.log of constants) is not inlined: its
        // bare name reaches OpenCL C undeclared and the program does not build (found by HairKernel's first draft).
        Matcher caps = Pattern.compile("\\b[A-Z][A-Z0-9_]{3,}\\b").matcher(source);
        while (caps.find()) {
            assertEquals("INFINITY", caps.group(), "an undeclared constant in the OpenCL program");
        }
    }

    /**
     * Aparapi orders the OpenCL functions with a heuristic that can place a function before one it
     * calls; OpenCL C then fails to build, which the kernel must not do on any device.
     */
    @Test
    void everyFunctionIsDefinedBeforeItsCallers() throws Exception {
        String source = translate();
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Matcher m = DEFINITION.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
            starts.add(m.start());
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            order.put(names.get(i), i);
        }
        assertTrue(order.size() > 40, "expected the kernel's helper functions, found " + names);
        List<String> forward = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String body = source.substring(starts.get(i), i + 1 < names.size() ? starts.get(i + 1) : source.length());
            Matcher c = CALL.matcher(body);
            while (c.find()) {
                Integer callee = order.get(c.group(1));
                if (callee != null && callee > i) {
                    forward.add(names.get(i) + " -> " + c.group(1));
                }
            }
        }
        assertEquals(List.of(), forward, "functions called before their definition");
    }
}
