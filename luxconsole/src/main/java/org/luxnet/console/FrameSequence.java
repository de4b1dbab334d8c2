package org.luxnet.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frames of {@code --frames PATTERN RANGE} (LuxBlend exports one .lxs per frame): the scene of
 * frame n is PATTERN with its run of '#' replaced by n, zero-padded to the run's length. Frames
 * render in order, each to its halt; the numbers of finished frames go to a progress file, one a
 * line, so that {@code -r} resumes after the last finished frame.
 */
final class FrameSequence {
    private static final Pattern HASHES = Pattern.compile("#+");
    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");

    private final String pattern;
    private final int first, last;
    private final Path progress;

    private FrameSequence(String pattern, int first, int last, Path progress) {
        this.pattern = pattern;
        this.first = first;
        this.last = last;
        this.progress = progress;
    }

    /**
     * Reads {@code --frames PATTERN RANGE}.
     *
     * @param output -o BASE, or null: the progress file is BASE.frames, else PATTERN.frames
     * @throws CliException (usage) saying what is wrong with the pattern or range
     */
    static FrameSequence parse(List<String> option, String output) {
        String pattern = option.get(0), range = option.get(1);
        Matcher h = HASHES.matcher(pattern);
        if (!h.find() || h.find()) {
            throw new CliException(ExitCode.USAGE, "--frames " + pattern + ": the pattern needs one run of '#' for the "
                    + "frame number (e.g. scene-####.lxs)");
        }
        Matcher r = RANGE.matcher(range.trim());
        if (!r.matches()) {
            throw new CliException(ExitCode.USAGE, "--frames " + pattern + " " + range + ": the range must be N or "
                    + "FIRST-LAST (e.g. 1-100)");
        }
        int first, last;
        try {
            first = Integer.parseInt(r.group(1));
            last = r.group(2) == null ? first : Integer.parseInt(r.group(2));
        } catch (NumberFormatException e) {
            throw new CliException(ExitCode.USAGE, "--frames range " + range + " is too large", e);
        }
        if (last < first) {
            throw new CliException(ExitCode.USAGE, "--frames range " + range + " ends before it starts");
        }
        return new FrameSequence(pattern, first, last, Path.of((output != null ? output : pattern) + ".frames"));
    }

    /** The frame numbers, in order. */
    List<Integer> frames() {
        List<Integer> all = new ArrayList<>();
        for (int f = first; f <= last; f++) {
            all.add(f);
        }
        return all;
    }

    /** {@code text} with its run of '#' replaced by frame {@code n}. */
    String substitute(String text, int n) {
        Matcher h = HASHES.matcher(text);
        if (!h.find()) {
            return text + "-" + n;
        }
        String num = String.format(Locale.ROOT, "%0" + (h.end() - h.start()) + "d", n);
        return text.substring(0, h.start()) + num + text.substring(h.end());
    }

    /** The scene of frame {@code n}. */
    String scene(int n) {
        return substitute(pattern, n);
    }

    /** The output base of frame {@code n} for {@code -o BASE}: BASE-n, padded as the pattern. */
    String output(String base, int n) {
        return base + "-" + substitute(HASHES.matcher(pattern).results().findFirst().orElseThrow().group(), n);
    }

    /** The progress file. */
    Path progress() {
        return progress;
    }

    /** The frames the progress file lists as finished; empty when there is none. */
    TreeSet<Integer> finished() throws IOException {
        TreeSet<Integer> done = new TreeSet<>();
        if (!Files.exists(progress)) {
            return done;
        }
        int line = 0;
        for (String s : Files.readAllLines(progress, StandardCharsets.UTF_8)) {
            line++;
            if (s.isBlank()) {
                continue;
            }
            try {
                done.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw new CliException(ExitCode.IO, progress + ":" + line + ": not a frame number: " + s, e);
            }
        }
        return done;
    }

    /** Starts a new progress file (a render without -r). */
    void reset() throws IOException {
        Files.deleteIfExists(progress);
    }

    /** Records frame {@code n} as finished. */
    void finished(int n) throws IOException {
        Files.writeString(progress, n + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
