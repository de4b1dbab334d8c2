package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FlmFile;

/** LuxRender's luxconsole flags (console/commandline.cpp) as luxconsole takes them, in process. */
@Timeout(300)
class LuxRenderFlagsCliTest {
    static final String BOX = LocalRenderCliTest.BOX;

    @TempDir
    Path tmp;

    private Film flm(String name) throws Exception {
        return FlmFile.read(tmp.resolve(name + ".flm"), 1 << 20).film();
    }

    /** A copy of the Cornell box whose Film writes to {@code tmp/<name>}, with {@code extra} before WorldEnd. */
    private Path scene(String name, String extra) throws Exception {
        String text = Files.readString(Path.of(BOX))
                .replace("\"string filename\" [\"cornell-box\"]", "\"string filename\" [\"" + tmp.resolve(name) + "\"]")
                .replace("WorldEnd", extra + "WorldEnd");
        Path p = tmp.resolve(name + ".lxs");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void lowerVIsTheVersionAndUpperVIsVerbose() {
        for (String flag : new String[] {"-v", "--version"}) {
            ConsoleRun v = ConsoleRun.run(flag);
            assertEquals(0, v.exitCode(), v.toString());
            assertTrue(v.out().startsWith("luxconsole "), v.out());
        }
        ConsoleRun help = ConsoleRun.run("-h");
        assertTrue(help.out().contains("-V, --verbose") && help.out().contains("-v, --version"), help.out());
        ConsoleRun r = ConsoleRun.run("-V", "-t", "1", "--halt-spp", "1", "--stats-interval", "0.1", "-o",
                tmp.resolve("v").toString(), BOX);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("  device "), "-V renders, with the per-device lines:\n" + r.out());
        ConsoleRun d = ConsoleRun.run("-d", "-l", "-t", "1", "--halt-spp", "1", "--stats-interval", "0.1", "-o",
                tmp.resolve("d").toString(), BOX);
        assertEquals(0, d.exitCode(), d.toString());
        assertTrue(d.out().contains("  device "), "-d shows the details as -V; -l is accepted:\n" + d.out());
    }

    @Test
    void quietHidesInformationAndVeryQuietHidesWarningsToo() throws Exception {
        Path warned = scene("warned", "LightGroup \"sky\"\n");
        ConsoleRun normal = ConsoleRun.run("-t", "1", "--halt-spp", "1", "--stats-interval", "0.1", warned.toString());
        assertEquals(0, normal.exitCode(), normal.toString());
        assertTrue(normal.out().contains(" S/p ") && normal.err().contains("LightGroup"), normal.toString());
        ConsoleRun quiet = ConsoleRun.run("-q", "-t", "1", "--halt-spp", "1", "--stats-interval", "0.1", warned.toString());
        assertEquals(0, quiet.exitCode(), quiet.toString());
        assertEquals("", quiet.out(), "no statistics, no banner");
        assertTrue(quiet.err().contains("LightGroup"), "warnings still show:\n" + quiet.err());
        assertFalse(quiet.err().contains("wrote "), quiet.err());
        ConsoleRun silent = ConsoleRun.run("-x", "-t", "1", "--halt-spp", "1", warned.toString());
        assertEquals(0, silent.exitCode(), silent.toString());
        assertEquals("", silent.out() + silent.err());
        assertTrue(Files.size(tmp.resolve("warned.png")) > 1000, "it rendered all the same");
        Path broken = tmp.resolve("broken.lxs");
        Files.writeString(broken, "WorldBegin\nNoSuchStatement\n");
        ConsoleRun error = ConsoleRun.run("-x", "--halt-spp", "1", broken.toString());
        assertEquals(ExitCode.USAGE, error.exitCode());
        assertTrue(error.err().contains("broken.lxs:2"), "errors always show: " + error.err());
    }

    @Test
    void fixedSeedIsTheDefaultAndOverrideResumeReadsTheNamedFilm() throws Exception {
        assertEquals(0, ConsoleRun.run("-t", "1", "--halt-spp", "1", "--write-flm", "-o", tmp.resolve("a").toString(),
                BOX).exitCode());
        assertEquals(0, ConsoleRun.run("-f", "-t", "1", "--halt-spp", "1", "--write-flm", "-o",
                tmp.resolve("f").toString(), BOX).exitCode());
        assertTrue(flm("a").contentEquals(flm("f")), "-f: the seed is fixed, as it always is here");
        ConsoleRun r = ConsoleRun.run("-R", tmp.resolve("a.flm").toString(), "-t", "1", "--halt-spp", "2", "-o",
                tmp.resolve("b").toString(), BOX);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("Resuming " + tmp.resolve("a.flm")), r.out());
        assertEquals(2L * 256 * 256, flm("b").totalSamples(), "1 pass from a.flm + 1 more, written to b.flm");
        assertEquals(256L * 256, flm("a").totalSamples(), "the film resumed from is left as it was");
        ConsoleRun missing = ConsoleRun.run("-R", tmp.resolve("nope.flm").toString(), "--halt-spp", "2", "-o",
                tmp.resolve("c").toString(), BOX);
        assertEquals(ExitCode.IO, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("nope.flm"), missing.err());
    }

    @Test
    void severalScenesAndAListFileRenderInTurnAndAFailureIsSkipped() throws Exception {
        Path one = scene("one", ""), two = scene("two", "");
        Path broken = tmp.resolve("broken.lxs");
        Files.writeString(broken, "WorldBegin\nNoSuchStatement\n");
        ConsoleRun r = ConsoleRun.run("-t", "1", "--halt-spp", "1", one.toString(), broken.toString(), two.toString());
        assertEquals(ExitCode.USAGE, r.exitCode(), "the broken scene's exit code:\n" + r);
        assertTrue(r.err().contains("broken.lxs:2"), r.err());
        assertTrue(Files.exists(tmp.resolve("one.png")) && Files.exists(tmp.resolve("two.png")), "both others rendered");
        Files.delete(tmp.resolve("one.png"));
        Files.delete(tmp.resolve("two.png"));
        Path list = tmp.resolve("queue.txt");
        Files.writeString(list, "# tonight\none.lxs\n\n" + two + "\n");
        ConsoleRun queued = ConsoleRun.run("-t", "1", "--halt-spp", "1", "-L", list.toString());
        assertEquals(0, queued.exitCode(), queued.toString());
        assertTrue(Files.exists(tmp.resolve("one.png")) && Files.exists(tmp.resolve("two.png")), queued.toString());
        ConsoleRun oneOutput = ConsoleRun.run("--halt-spp", "1", "-o", tmp.resolve("x").toString(), one.toString(),
                two.toString());
        assertEquals(ExitCode.USAGE, oneOutput.exitCode(), oneOutput.toString());
        assertTrue(oneOutput.err().contains("-o names one film"), oneOutput.err());
        ConsoleRun noList = ConsoleRun.run("-L", tmp.resolve("nolist.txt").toString());
        assertEquals(ExitCode.IO, noList.exitCode(), noList.toString());
    }

    @Test
    void aConfigurationFileGivesOptionsTheCommandLineOverrides() throws Exception {
        Path cfg = tmp.resolve("farm.cfg");
        Files.writeString(cfg, "# LuxRender's luxconsole.cfg syntax\nthreads = 1\nhalt-spp = 1\nwrite-flm\n"
                + "output = " + tmp.resolve("cfg") + "\n");
        ConsoleRun r = ConsoleRun.run("-C", cfg.toString(), BOX);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("1 CPU thread(s)"), r.out());
        assertEquals(256L * 256, flm("cfg").totalSamples());
        ConsoleRun over = ConsoleRun.run("--configfile", cfg.toString(), "--halt-spp", "2", BOX);
        assertEquals(0, over.exitCode(), over.toString());
        assertEquals(2L * 256 * 256, flm("cfg").totalSamples(), "the command line's --halt-spp wins");
        Files.writeString(cfg, "threads = 1\nepsilon-of-doom = 3\n");
        ConsoleRun bad = ConsoleRun.run("-C", cfg.toString(), BOX);
        assertEquals(ExitCode.USAGE, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("farm.cfg:2: unknown option 'epsilon-of-doom'"), bad.err());
        ConsoleRun missing = ConsoleRun.run("-C", tmp.resolve("none.cfg").toString(), BOX);
        assertEquals(ExitCode.IO, missing.exitCode(), missing.toString());
    }

    @Test
    void outputNamedWithItsExtensionAndAMissingDirectory() throws Exception {
        ConsoleRun r = ConsoleRun.run("-t", "1", "--halt-spp", "1", "-o", tmp.resolve("x.png").toString(), BOX);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.exists(tmp.resolve("x.png")) && Files.exists(tmp.resolve("x.exr")), r.toString());
        assertFalse(Files.exists(tmp.resolve("x.png.png")));
        long t0 = System.nanoTime();
        ConsoleRun gone = ConsoleRun.run("-t", "1", "--halt-spp", "64", "-o", tmp.resolve("no/such/dir/x").toString(), BOX);
        assertEquals(ExitCode.IO, gone.exitCode(), gone.toString());
        assertTrue(gone.err().contains("does not exist") && gone.err().contains("dir"), gone.err());
        assertFalse(gone.out().contains("Rendering"), "an error at the start, not after the render:\n" + gone.out());
    }

    @Test
    void haltOptionsReplaceTheScenesAndTheNoiseShowsInTheLine() throws Exception {
        // The scene says haltspp 64; --halt-time alone replaces it.
        ConsoleRun t = ConsoleRun.run("-t", "1", "--halt-time", "1", "--stats-interval", "0.2", "-o",
                tmp.resolve("t").toString(), BOX);
        assertEquals(0, t.exitCode(), t.toString());
        assertTrue(t.out().contains("Done (time)"), t.out());
        assertFalse(t.out().contains("halt at 64 S/p"), t.out());
        ConsoleRun n = ConsoleRun.run("-t", "2", "--halt-noise", "0.5", "--stats-interval", "0.2", "-o",
                tmp.resolve("n").toString(), BOX);
        assertEquals(0, n.exitCode(), n.toString());
        assertTrue(n.out().contains("Done (noise)"), n.out());
        Matcher m = Pattern.compile(" S/p .* - Noise: (\\d\\.\\d{4}) \\(halt at 0\\.5000\\) - Using CPU").matcher(n.out());
        assertTrue(m.find(), "the line shows the noise and its target:\n" + n.out());
    }

    @Test
    void afterResumeTheLineCountsTheWholeFilm() throws Exception {
        Path base = tmp.resolve("r");
        assertEquals(0, ConsoleRun.run("-t", "1", "--halt-spp", "2", "--write-flm", "-o", base.toString(), BOX).exitCode());
        ConsoleRun r = ConsoleRun.run("-r", "-t", "1", "--halt-spp", "3", "--stats-interval", "0.05", "-o",
                base.toString(), BOX);
        assertEquals(0, r.exitCode(), r.toString());
        Matcher m = Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d - 1T: (\\d+\\.\\d\\d) S/p").matcher(r.out());
        int lines = 0;
        while (m.find()) {
            lines++;
            assertTrue(Double.parseDouble(m.group(1)) >= 2.0, "S/p counts the 2 resumed passes: " + m.group());
        }
        assertTrue(lines > 0, r.out());
        assertTrue(r.out().contains("3.00 S/p"), r.out());
    }

    @Test
    void resetServerIsRefusedWithTheReason() {
        ConsoleRun r = ConsoleRun.run("--resetserver", "127.0.0.1:18018");
        assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--resetserver is not supported"), r.err());
    }

    @Test
    void epsilonFlagsAreCheckedAcceptedAndSaidToChangeNothing() throws Exception {
        assertEquals(0, ConsoleRun.run("-t", "1", "--halt-spp", "1", "--write-flm", "-o", tmp.resolve("plain").toString(),
                BOX).exitCode());
        ConsoleRun e = ConsoleRun.run("-e", "0.0001", "--maxepsilon", "0.1", "-t", "1", "--halt-spp", "1", "--write-flm",
                "-o", tmp.resolve("eps").toString(), BOX);
        assertEquals(0, e.exitCode(), e.toString());
        assertTrue(e.err().contains("-e/-E (ray epsilon) change nothing here"), e.err());
        assertTrue(flm("plain").contentEquals(flm("eps")), "the same film, bit for bit, as the warning says");
        ConsoleRun swapped = ConsoleRun.run("-e", "0.1", "-E", "0.001", "--halt-spp", "1", BOX);
        assertEquals(ExitCode.USAGE, swapped.exitCode(), swapped.toString());
        assertTrue(swapped.err().contains("is above -E"), swapped.err());
        ConsoleRun negative = ConsoleRun.run("--minepsilon", "-1", "--halt-spp", "1", BOX);
        assertEquals(ExitCode.USAGE, negative.exitCode(), negative.toString());
        assertTrue(negative.err().contains("positive"), negative.err());
        ConsoleRun silent = ConsoleRun.run("-x", "-E", "0.01", "-t", "1", "--halt-spp", "1", "-o",
                tmp.resolve("quiet").toString(), BOX);
        assertEquals(0, silent.exitCode(), silent.toString());
        assertEquals("", silent.err(), "-x hides the warning");
    }
}
