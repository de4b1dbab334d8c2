package org.luxnet.console;

import java.util.Locale;
import org.luxnet.accumulator.progress.HaltConditions;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * When a render stops. Halt options on the command line replace the scene's halt conditions as a
 * whole: {@code --halt-time 10} on a scene with {@code haltspp 64} renders 10 seconds, however many
 * samples that is. Without any, the scene's {@code haltspp} and {@code halttime} apply.
 *
 * @param spp   samples per pixel of the whole film (0: none)
 * @param time  seconds of rendering, a resumed render's earlier time included (0: none)
 * @param noise relative error of the 90th percentile pixel (0: none)
 */
record Halts(int spp, double time, double noise) {
    Halts {
        if (spp < 0 || time < 0 || noise < 0 || Double.isNaN(time) || Double.isNaN(noise)) {
            throw new CliException(ExitCode.USAGE, "halt conditions must not be negative");
        }
    }

    /** The halts for {@code o} and the scene's settings {@code s}. */
    static Halts resolve(RenderOptions o, RenderSettings s) {
        if (o.chunk != null) {
            return new Halts(o.chunk.passes(chunkTotal(o, s)), 0, 0);
        }
        if (o.haltSpp == null && o.haltTime == null && o.haltNoise == null) {
            return new Halts(s.haltSpp(), s.haltTimeSeconds(), 0);
        }
        return new Halts(o.haltSpp != null ? o.haltSpp : 0, o.haltTime != null ? o.haltTime : 0,
                o.haltNoise != null ? o.haltNoise : 0);
    }

    /**
     * The samples per pixel of the whole frame that {@code --chunk} splits: {@code --halt-spp}, else
     * the scene's {@code haltspp}. Time and noise halts would make the chunks' sum inexact: refused.
     */
    static int chunkTotal(RenderOptions o, RenderSettings s) {
        if (o.haltTime != null || o.haltNoise != null) {
            throw new CliException(ExitCode.USAGE, "--chunk renders an exact share of --halt-spp; "
                    + "--halt-time and --halt-noise cannot be split into chunks");
        }
        int total = o.haltSpp != null ? o.haltSpp : s.haltSpp();
        if (total <= 0) {
            throw new CliException(ExitCode.USAGE, "--chunk needs a samples-per-pixel halt to split: give --halt-spp S "
                    + "(the scene has no haltspp)");
        }
        if (o.chunk.passes(total) == 0) {
            throw new CliException(ExitCode.USAGE, o.chunk + " of " + total + " S/p has no pass to render: use at most "
                    + total + " chunks");
        }
        return total;
    }

    /** As the render driver takes them. */
    HaltConditions conditions() {
        return new HaltConditions(spp, Render.seconds(time), noise);
    }

    /** For the start line: ", halt at 64 S/p" or ", no halt condition: ...". */
    String describe() {
        StringBuilder b = new StringBuilder();
        if (spp > 0) {
            b.append(", halt at ").append(spp).append(" S/p");
        }
        if (time > 0) {
            b.append(String.format(Locale.ROOT, ", halt after %s s", time));
        }
        if (noise > 0) {
            b.append(String.format(Locale.ROOT, ", halt at noise %s", noise));
        }
        if (b.length() == 0) {
            b.append(", no halt condition: Ctrl-C stops and writes");
        }
        return b.toString();
    }
}
