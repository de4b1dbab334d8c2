package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.image.ExrIO;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.render.device.GpuDevices;

/**
 * Instancing at the scale of pbrt-v3's buddha-fractal scene: 25,250 {@code ObjectInstance}s of one
 * 89,670-vertex PLY mesh, rendered by luxconsole in its own JVM limited to a 4 GB heap, as the issue
 * asks. The buddha files are not available here, so the test writes an equivalent: a bumpy sheet of
 * 294 x 305 vertices (89,670; 178,144 triangles) placed 101 x 250 times, each instance translated,
 * rotated and scaled. Copying the mesh per instance would need about 25,250 x 178,144 triangles, over
 * 500 GB at LuxNet's 120 bytes of triangle data each; the render fits in 4 GB only if the instances
 * reference one mesh.
 *
 * <p>The camera looks straight down on the lattice, which fills the frame; a distant light from above
 * lights the sheets and the gaps between them show nothing. So in every quarter of the image the share
 * of lit pixels must be the sheets' share of the lattice (1/1.2^2 = 0.694; measured 0.67): missing
 * instances leave more of a quarter dark.
 */
class InstancingScaleProcessTest {
    private static final int NX = 294, NZ = 305; // 89,670 vertices, as the buddha mesh has
    private static final int COLS = 101, ROWS = 250; // 25,250 instances, as buddha-fractal places
    private static final double SPACING = 1.2;
    private static final int W = 80, H = 200;

    @TempDir
    Path tmp;

    @Test
    void buddhaFractalScaleRendersInAFourGigabyteHeap() throws Exception {
        render("off");
    }

    /**
     * The same scene through the OpenCL kernel alone ({@code --gpu only}): the device gets the one mesh
     * and the instance table, not copies. Runs on whatever OpenCL this machine has (PoCL on a CPU here).
     */
    @Test
    void buddhaFractalScaleRendersThroughOpenClToo() throws Exception {
        assumeTrue(!GpuDevices.list().isEmpty(), "no OpenCL device: install pocl-opencl-icd ocl-icd-libopencl1 to run this test");
        String output = render("only");
        assertTrue(output.contains("Using OpenCL ("), output);
    }

    private String render(String gpu) throws Exception {
        int triangles = writeMesh(tmp.resolve("sheet.ply"));
        assertEquals(89_670, NX * NZ);
        Path scene = tmp.resolve("fractal.pbrt");
        writeScene(scene);
        Path base = tmp.resolve("out");
        long start = System.nanoTime();
        int exit;
        String output;
        try (LuxProcess p = LuxProcess.start(tmp, List.of("-Xmx4g"), "--halt-spp", "1", "-t", "2", "--gpu", gpu, "-o",
                base.toString(), scene.toString())) {
            exit = p.awaitExit(Duration.ofMinutes(5));
            output = p.output();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, exit, output);
        RgbImage img = ExrIO.read(tmp.resolve("out.exr"));
        assertEquals(W, img.width());
        assertEquals(H, img.height());
        double[] lit = new double[4];
        float[] rgb = img.rgb();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = 3 * (y * W + x);
                if (rgb[i] + rgb[i + 1] + rgb[i + 2] > 0) {
                    lit[(y < H / 2 ? 0 : 2) + (x < W / 2 ? 0 : 1)]++;
                }
            }
        }
        double sheetShare = 1 / (SPACING * SPACING);
        System.out.printf(Locale.ROOT, "%d instances of a %d-vertex, %d-triangle mesh (a copy per instance: %.0f GB of"
                + " triangles) rendered in a -Xmx4g JVM in %.1f s; lit share per quarter %.3f %.3f %.3f %.3f"
                + " (sheets cover %.3f of the lattice), --gpu %s%n", COLS * ROWS, NX * NZ, triangles,
                (double) COLS * ROWS * triangles * 120 / 1e9, seconds, lit[0] / (W * H / 4.0), lit[1] / (W * H / 4.0),
                lit[2] / (W * H / 4.0), lit[3] / (W * H / 4.0), sheetShare, gpu);
        for (int q = 0; q < 4; q++) {
            double share = lit[q] / (W * H / 4.0);
            assertEquals(sheetShare, share, 0.08, "quarter " + q + " lit share " + share + "\n" + output);
        }
        return output;
    }

    /** A binary PLY sheet of NX x NZ vertices over [-0.5, 0.5]^2 with small bumps; returns its triangle count. */
    private static int writeMesh(Path file) throws IOException {
        int faces = 2 * (NX - 1) * (NZ - 1);
        String header = "ply\nformat binary_little_endian 1.0\nelement vertex " + NX * NZ + "\nproperty float x\n"
                + "property float y\nproperty float z\nelement face " + faces
                + "\nproperty list uchar int vertex_indices\nend_header\n";
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(h.length + 12 * NX * NZ + 13 * faces).order(ByteOrder.LITTLE_ENDIAN);
        b.put(h);
        for (int j = 0; j < NZ; j++) {
            for (int i = 0; i < NX; i++) {
                double u = (double) i / (NX - 1), v = (double) j / (NZ - 1);
                b.putFloat((float) (u - 0.5)).putFloat((float) (0.02 * Math.sin(40 * u) * Math.sin(37 * v)))
                        .putFloat((float) (v - 0.5));
            }
        }
        for (int j = 0; j < NZ - 1; j++) {
            for (int i = 0; i < NX - 1; i++) {
                int a = j * NX + i, c = a + NX;
                b.put((byte) 3).putInt(a).putInt(c).putInt(a + 1);
                b.put((byte) 3).putInt(a + 1).putInt(c).putInt(c + 1);
            }
        }
        Files.write(file, b.array());
        return faces;
    }

    private static void writeScene(Path file) throws IOException {
        double cx = (COLS - 1) * SPACING / 2, cz = (ROWS - 1) * SPACING / 2;
        Random r = new Random(9);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(String.format(Locale.ROOT, "LookAt %.3f 150 %.3f  %.3f 0 %.3f  0 0 1%n", cx, cz, cx, cz));
            w.write("Camera \"perspective\" \"float fov\" [40]\n");
            w.write("Film \"image\" \"integer xresolution\" [" + W + "] \"integer yresolution\" [" + H + "]\n");
            w.write("Sampler \"random\" \"integer pixelsamples\" [1]\nPixelFilter \"box\"\n");
            w.write("Integrator \"path\" \"integer maxdepth\" [1]\nWorldBegin\n");
            w.write("LightSource \"distant\" \"point from\" [0 1 0] \"point to\" [0 0 0] \"rgb L\" [3 3 3]\n");
            w.write("ObjectBegin \"buddha\"\nMaterial \"matte\" \"rgb Kd\" [0.5 0.5 0.5]\n"
                    + "Shape \"plymesh\" \"string filename\" \"sheet.ply\"\nObjectEnd\n");
            for (int row = 0; row < ROWS; row++) {
                for (int col = 0; col < COLS; col++) {
                    w.write(String.format(Locale.ROOT,
                            "AttributeBegin Translate %.3f 0 %.3f Rotate %.1f 0 1 0 Scale %.3f 1 %.3f ObjectInstance \"buddha\""
                                    + " AttributeEnd%n", col * SPACING, row * SPACING, r.nextDouble() * 20 - 10,
                            0.97 + 0.03 * r.nextDouble(), 0.97 + 0.03 * r.nextDouble()));
                }
            }
            w.write("WorldEnd\n");
        }
    }
}
