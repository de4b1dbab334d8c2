package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.PfmIO;
import org.luxnet.accumulator.io.FlmContents;
import org.luxnet.accumulator.io.FlmFile;

/**
 * Chunk mode and merge: the chunks of a frame split its S/p exactly, never share a sample with a
 * local render, merge bit for bit in any order and converge to the reference; merge refuses what
 * does not belong together, naming the files.
 */
class ChunkMergeCliTest {
    private static final String BOX = Path.of("..", "examples", "cornell-box.lxs").toString();
    private static final long PIXELS = 256 * 256;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void renderChunks() {
        for (int i = 0; i < 2; i++) {
            chunk(i + "/2", "4", "part-" + i);
            chunk(i + "/2", "3", "odd-" + i);
        }
    }

    private static void chunk(String chunk, String spp, String name) {
        ConsoleRun r = ConsoleRun.run("--chunk", chunk, "--halt-spp", spp, "--write-flm", "-t", "2", "--gpu", "off",
                "-q", "-o", tmp.resolve(name).toString(), BOX);
        assertEquals(0, r.exitCode(), r.toString());
    }

    private static ConsoleRun merge(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "merge";
        System.arraycopy(args, 0, all, 1, args.length);
        return ConsoleRun.run(all);
    }

    private static String f(String name) {
        return tmp.resolve(name).toString();
    }

    private static Film film(String name) throws Exception {
        return FlmFile.read(tmp.resolve(name), 1 << 20).film();
    }

    @Test
    void twoChunksOfTwoPassesMergeInAnyOrderBitForBitToExactlyFourSppNearTheReference() throws Exception {
        assertEquals(2 * PIXELS, film("part-0.flm").totalSamples());
        assertEquals(2 * PIXELS, film("part-1.flm").totalSamples());
        ConsoleRun ab = merge("--write-flm", "-o", f("ab"), f("part-0.flm"), f("part-1.flm"));
        ConsoleRun ba = merge("--write-flm", "-o", f("ba.png"), f("part-1.flm"), f("part-0.flm"));
        assertEquals(0, ab.exitCode(), ab.toString());
        assertEquals(0, ba.exitCode(), ba.toString());
        assertTrue(ab.out().contains("Merged 2 chunk film(s) of 2: 4.00 S/p"), ab.out());
        Film merged = film("ab.flm");
        assertEquals(4 * PIXELS, merged.totalSamples(), "exactly S = 4 S/p");
        assertTrue(merged.contentEquals(film("ba.flm")), "merge(A,B) == merge(B,A)");
        assertArrayEquals(Files.readAllBytes(tmp.resolve("ab.flm")), Files.readAllBytes(tmp.resolve("ba.flm")));
        // The scene asks for PNG and EXR: both written, and identical whatever the order.
        assertArrayEquals(Files.readAllBytes(tmp.resolve("ab.png")), Files.readAllBytes(tmp.resolve("ba.png")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("ab.exr")), Files.readAllBytes(tmp.resolve("ba.exr")));
        Film sum = film("part-0.flm");
        sum.add(film("part-1.flm"));
        assertTrue(sum.contentEquals(merged), "the merge is the exact sum of the chunks");
        float[] img = merged.toRgb(), ref = PfmIO.read(Path.of("..", "examples", "reference", "cornell-box.ref.pfm")).rgb();
        double sa = 0, sb = 0;
        for (int i = 0; i < img.length; i++) {
            sa += img[i];
            sb += ref[i];
        }
        // 4 S/p over 65536 pixels: the mean is within about 1% of the 1024 S/p reference.
        assertEquals(1.0, sa / sb, 0.03, "mean brightness against the reference");
    }

    @Test
    void chunksRenderTheirOwnStreamsNotALocalRendersNorEachOthers() throws Exception {
        ConsoleRun r = ConsoleRun.run("--halt-spp", "2", "--write-flm", "-t", "2", "--gpu", "off", "-q",
                "-o", f("local"), BOX);
        assertEquals(0, r.exitCode(), r.toString());
        Film local = film("local.flm"), a = film("part-0.flm"), b = film("part-1.flm");
        assertEquals(local.totalSamples(), a.totalSamples());
        assertFalse(local.contentEquals(a), "chunk 0 is not node 0's stream");
        assertFalse(a.contentEquals(b), "chunks 0 and 1 differ");
    }

    @Test
    void aHaltThatDoesNotDivideGivesTheFirstChunksOneMorePass() throws Exception {
        assertEquals(2 * PIXELS, film("odd-0.flm").totalSamples());
        assertEquals(PIXELS, film("odd-1.flm").totalSamples());
        ConsoleRun m = merge("-o", f("odd"), f("odd-1.flm"), f("odd-0.flm"));
        assertEquals(0, m.exitCode(), m.toString());
        assertTrue(m.out().contains("3.00 S/p (the chunks' halt: 3 S/p)"), m.out());
    }

    @Test
    void aDuplicateChunkIsRefusedNamingBothFiles() throws Exception {
        Files.copy(tmp.resolve("part-0.flm"), tmp.resolve("copy-0.flm"));
        ConsoleRun m = merge("-o", f("dup"), f("part-0.flm"), f("copy-0.flm"), f("part-1.flm"));
        assertEquals(2, m.exitCode(), m.toString());
        assertTrue(m.err().contains("part-0.flm and " + f("copy-0.flm") + " are both chunk 0/2"), m.err());
        assertFalse(Files.exists(tmp.resolve("dup.png")));
    }

    @Test
    void aMissingChunkIsReportedAndMergedOnlyWithAllowMissing() throws Exception {
        ConsoleRun m = merge("-o", f("half"), f("part-1.flm"));
        assertEquals(2, m.exitCode(), m.toString());
        assertTrue(m.err().contains("chunk(s) [0] of 2 missing"), m.err());
        assertFalse(Files.exists(tmp.resolve("half.png")));
        ConsoleRun allowed = merge("--allow-missing", "-o", f("half"), f("part-1.flm"));
        assertEquals(0, allowed.exitCode(), allowed.toString());
        assertTrue(allowed.err().contains("warning: chunk(s) [0] of 2 missing"), allowed.err());
        assertTrue(allowed.out().contains("2.00 S/p"), allowed.out());
        assertTrue(Files.exists(tmp.resolve("half.png")));
    }

    @Test
    void chunksOfAnotherSceneHaltOrSizeAreRefused() throws Exception {
        FlmContents c = FlmFile.read(tmp.resolve("part-1.flm"), 1 << 20);
        Map<String, String> other = new HashMap<>(c.metadata());
        other.put(ResumeState.SCENE, "0".repeat(64));
        FlmFile.write(tmp.resolve("other-scene.flm"), c.film(), other);
        ConsoleRun scene = merge("-o", f("x"), f("part-0.flm"), f("other-scene.flm"));
        assertEquals(2, scene.exitCode(), scene.toString());
        assertTrue(scene.err().contains("part-0.flm and " + f("other-scene.flm") + " are of different scenes"), scene.err());

        ConsoleRun halt = merge("-o", f("x"), f("part-0.flm"), f("odd-1.flm"));
        assertEquals(2, halt.exitCode(), halt.toString());
        assertTrue(halt.err().contains("split different samples-per-pixel halts"), halt.err());

        FlmFile.write(tmp.resolve("small.flm"), new Film(64, 48, c.film().scaleBits()), c.metadata());
        ConsoleRun size = merge("-o", f("x"), f("part-0.flm"), f("small.flm"));
        assertEquals(2, size.exitCode(), size.toString());
        assertTrue(size.err().contains("films of different sizes (size: 256x256"), size.err());

        ConsoleRun plain = merge("-o", f("x"), f("local-none.flm"));
        assertEquals(3, plain.exitCode(), plain.toString());
        assertFalse(Files.exists(tmp.resolve("x.png")));
    }

    @Test
    void badChunkOptionsAreUsageErrors() {
        assertEquals(2, ConsoleRun.run("--chunk", "2/2", "--halt-spp", "4", "--write-flm", BOX).exitCode());
        assertEquals(2, ConsoleRun.run("--chunk", "x", "--halt-spp", "4", "--write-flm", BOX).exitCode());
        ConsoleRun few = ConsoleRun.run("--chunk", "3/4", "--halt-spp", "2", "--write-flm", "-o", f("few"), BOX);
        assertEquals(2, few.exitCode(), few.toString());
        assertTrue(few.err().contains("chunk 3/4 of 2 S/p has no pass to render"), few.err());
        ConsoleRun time = ConsoleRun.run("--chunk", "0/2", "--halt-time", "1", "--write-flm", "-o", f("t"), BOX);
        assertEquals(2, time.exitCode(), time.toString());
        ConsoleRun noFlm = ConsoleRun.run("--chunk", "0/2", "--halt-spp", "2", "-o", f("n"), BOX);
        assertEquals(2, noFlm.exitCode(), noFlm.toString());
        assertTrue(noFlm.err().contains("add --write-flm"), noFlm.err());
    }
}
