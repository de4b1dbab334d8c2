package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneFileException;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * pbrt-v3's "fourier" material as compiled: its "bsdffile" resolved against the scene file's directory
 * (pbrt-v3's search directory), one table per file, "bumpmap" bound, no warnings; and every way a .bsdf
 * file can be wrong (identifier, version, flags, channels, bases, truncation anywhere, absurd sizes that
 * must not be allocated, series outside the coefficients, a bad mu grid, NaN values, a non-positive eta)
 * is an error at the scene's file:line naming the file and what is wrong, as is a missing file or a
 * missing "bsdffile". The file's bytes are patched from a valid table written by {@link FourierFiles}.
 */
class FourierMaterialTest {
    @TempDir
    Path dir;

    private Path scene(String material) throws IOException {
        Path f = dir.resolve("scenes/fourier.pbrt");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "Camera \"perspective\"\nWorldBegin\nLightSource \"point\"\n" + material
                + "\nShape \"sphere\"\nWorldEnd\n");
        return f;
    }

    private static byte[] valid() {
        return FourierFiles.write(FourierFiles.random(5, 6, 4, 3, 1.5f));
    }

    @Test
    void fileResolvesAgainstTheSceneDirectoryAndCompilesOncePerFile() throws IOException {
        Files.createDirectories(dir.resolve("scenes/bsdfs"));
        Files.write(dir.resolve("scenes/bsdfs/paint.bsdf"), valid());
        Path f = dir.resolve("scenes/fourier.pbrt");
        Files.writeString(f, """
                Camera "perspective"
                WorldBegin
                LightSource "point"
                Texture "bumps" "float" "checkerboard"
                AttributeBegin
                Material "fourier" "string bsdffile" "bsdfs/paint.bsdf" "texture bumpmap" "bumps"
                Shape "sphere"
                AttributeEnd
                Translate 3 0 0
                Material "fourier" "string bsdffile" "bsdfs/../bsdfs/paint.bsdf"
                Shape "sphere"
                WorldEnd
                """);
        CompiledRender cr = RenderSupport.compile(f);
        assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
        assertEquals(MaterialLayout.FOURIER, cr.scene().matType[0]);
        assertEquals(MaterialLayout.FOURIER, cr.scene().matType[1]);
        int s = MaterialLayout.STRIDE;
        assertEquals(cr.scene().matParams[MaterialLayout.FR_TABLE], cr.scene().matParams[s + MaterialLayout.FR_TABLE]);
        assertNotEquals(-1, cr.scene().matTexStart[MaterialLayout.BUMP], "the bump map is bound");
        assertEquals(-1, cr.scene().matTexStart[s + MaterialLayout.BUMP]);
        // One table: 4 directory entries and 2 per cell; eta first in the values.
        assertEquals(4 + 2 * 36, cr.scene().fourierInfo.length);
        assertEquals(1.5f, cr.scene().fourierData[0]);
    }

    /** A bad-file case: its name, how the valid file is changed, and what the error must say. */
    record Bad(String name, Consumer<ByteBuffer> patch, int length, String says) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Byte offsets in the header. */
    private static final int FLAGS = 8, NMU = 12, NCOEFFS = 16, MMAX = 20, CHANNELS = 24, BASES = 28, ETA = 44;
    /** The valid file: nMu 6, so mu at 64, cdf at 88, (offset, length) pairs at 232. */
    private static final int PAIRS = 64 + 4 * (6 + 36);

    static Bad[] badFiles() {
        int full = valid().length;
        return new Bad[] {
            new Bad("wrong identifier", b -> b.put(0, (byte) 'X'), full, "not a pbrt-v3 tabulated BSDF (it does not begin"
                    + " with \"SCATFUN\")"),
            new Bad("wrong version", b -> b.put(7, (byte) 2), full, "version 2; only version 1 is read"),
            new Bad("empty", b -> { }, 0, "not a pbrt-v3 tabulated BSDF"),
            new Bad("truncated identifier", b -> { }, 7, "truncated in its header"),
            new Bad("truncated header", b -> { }, 40, "truncated: 40 bytes, shorter than its 64-byte header"),
            new Bad("truncated data", b -> { }, full - 4, "truncated: nMu 6 and nCoeffs"),
            new Bad("flags", b -> b.putInt(FLAGS, 3), full, "flags 3"),
            new Bad("two channels", b -> b.putInt(CHANNELS, 2), full, "2 channels; pbrt-v3 reads 1 (luminance) or 3"),
            new Bad("two bases", b -> b.putInt(BASES, 2), full, "2 bases"),
            new Bad("absurd nMu", b -> b.putInt(NMU, 1 << 30), full, "truncated: nMu 1073741824 and nCoeffs"),
            new Bad("negative nMu", b -> b.putInt(NMU, -5), full, "invalid sizes (nMu -5"),
            new Bad("absurd nCoeffs", b -> b.putInt(NCOEFFS, Integer.MAX_VALUE), full, "need 8589935"),
            new Bad("absurd mMax", b -> b.putInt(MMAX, Integer.MAX_VALUE), full, "mMax 2147483647 exceeds its"),
            new Bad("zero eta", b -> b.putFloat(ETA, 0), full, "eta 0.0 is not a positive number"),
            new Bad("mu not increasing", b -> b.putFloat(68, -2), full, "mu grid is not finite and strictly increasing"
                    + " (entry 1: -2.0)"),
            new Bad("NaN cdf", b -> b.putFloat(88, Float.NaN), full, "cdf 0 is NaN"),
            new Bad("series past the end", b -> b.putInt(PAIRS + 8, 1 << 28), full, "series 1 (offset 268435456"),
            new Bad("negative offset", b -> b.putInt(PAIRS, -1), full, "series 0 (offset -1"),
            new Bad("series longer than mMax", b -> b.putInt(PAIRS + 4, 5), full, "length 5) does not fit"),
        };
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFileIsAnErrorAtTheSceneLineNamingTheFile(Bad bad) throws IOException {
        byte[] bytes = valid();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        bad.patch().accept(b);
        Files.createDirectories(dir.resolve("scenes"));
        Path file = dir.resolve("scenes/bad.bsdf");
        Files.write(file, Arrays.copyOf(bytes, bad.length()));
        Path f = scene("Material \"fourier\" \"string bsdffile\" \"bad.bsdf\"");
        SceneException e = assertThrows(SceneException.class, () -> RenderSupport.compile(f));
        String prefix = f + ":4:20: tabulated BSDF file '" + file + "': ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(e.getMessage().contains(bad.says()), e.getMessage());
    }

    @Test
    void missingFileIsAnErrorNamingItWhereResolved() throws IOException {
        Path f = scene("Material \"fourier\" \"string bsdffile\" \"bsdfs/gone.bsdf\"");
        SceneFileException e = assertThrows(SceneFileException.class, () -> RenderSupport.compile(f));
        assertEquals(f + ":4:20: cannot read tabulated BSDF (.bsdf) file 'bsdfs/gone.bsdf' (resolved to "
                + dir.resolve("scenes/bsdfs/gone.bsdf").toAbsolutePath().normalize() + "): no such file", e.getMessage());
    }

    @Test
    void missingParameterIsAnError() throws IOException {
        Path f = scene("Material \"fourier\"");
        SceneException e = assertThrows(SceneException.class, () -> RenderSupport.compile(f));
        assertEquals(f + ":4:1: material \"fourier\" needs \"string bsdffile\" naming its tabulated BSDF (.bsdf) file",
                e.getMessage());
    }

    /**
     * End to end, a sphere of the Lambertian table (reflectance 0.8) under a uniform white environment
     * renders as a matte sphere of Kd 0.8 does: a convex sphere alone sees only the environment, so both
     * are 0.8 L away from grazing angles, where the table's spline (FourierFiles#lambertian) adds at most a
     * few 1e-4. The image means (the sphere fills most of the frame) agree within 0.5% (measured 0.15%: the two
     * materials sample directions differently, so the noise differs) and the centre pixels within 3%.
     */
    @Test
    void lambertianTableRendersAsAMatteSphere() throws IOException {
        Files.createDirectories(dir.resolve("scenes"));
        Files.write(dir.resolve("scenes/lambert.bsdf"), FourierFiles.write(FourierFiles.lambertian(0.8)));
        double[] mean = new double[2], centres = new double[2];
        String[] materials = {"Material \"fourier\" \"string bsdffile\" \"lambert.bsdf\"",
            "Material \"matte\" \"rgb Kd\" [0.8 0.8 0.8]"};
        for (int v = 0; v < 2; v++) {
            Path f = dir.resolve("scenes/sphere" + v + ".pbrt");
            Files.writeString(f, "LookAt 0 0 -3  0 0 0  0 1 0\nCamera \"perspective\" \"float fov\" [40]\n"
                    + "Sampler \"random\" \"integer pixelsamples\" [64]\nIntegrator \"path\" \"integer maxdepth\" [3]\n"
                    + "Film \"image\" \"integer xresolution\" [32] \"integer yresolution\" [32]\nWorldBegin\n"
                    + "LightSource \"infinite\" \"rgb L\" [1 1 1]\n" + materials[v] + "\nShape \"sphere\"\nWorldEnd\n");
            CompiledRender cr = RenderSupport.compile(f);
            assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
            float[] rgb = RenderSupport.render(cr, 64, 2, 9L).toRgb();
            double centre = 0;
            for (int c = 0; c < 3; c++) {
                centre += rgb[(16 * 32 + 16) * 3 + c] / 3;
            }
            centres[v] = centre;
            for (float x : rgb) {
                mean[v] += x / rgb.length;
            }
        }
        assertEquals(centres[1], centres[0], 0.03 * centres[1], "the sphere's centre pixel, fourier vs matte");
        assertEquals(mean[1], mean[0], 0.005 * mean[1], "image means, fourier Lambertian vs matte");
    }
}
