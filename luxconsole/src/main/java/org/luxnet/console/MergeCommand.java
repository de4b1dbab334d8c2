package org.luxnet.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.image.FilmImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code luxconsole merge -o BASE part-*.flm}: adds the films of the chunks of one frame ({@code --chunk
 * I/N --write-flm}) and writes the images their scene asks for. The films hold 64-bit fixed-point
 * sums, so the sum is exact and the same bit for bit in any order. Films of different scenes, seeds,
 * chunkings or resolutions, and a chunk given twice, are refused naming the files (exit 2); a missing
 * chunk is too, unless {@code --allow-missing}.
 */
@Command(name = "merge", sortOptions = false, versionProvider = Version.class,
        description = "Add the FLM films of the chunks of a frame (--chunk I/N --write-flm) exactly and write its images.")
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-v", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    @Option(names = {"-o", "--output"}, paramLabel = "BASE", required = true,
            description = "Output file name without extension: BASE.png and the scene's other images.")
    String output;

    @Option(names = "--allow-missing", description = "Write the images of the chunks given when some are missing (saying which).")
    boolean allowMissing;

    @Option(names = "--write-flm", description = "Also write BASE.flm, the merged film.")
    boolean writeFlm;

    @Option(names = {"-q", "--quiet"}, description = "Hide information; show warnings and errors.")
    boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "FLM", description = "The chunks' films, in any order.")
    List<Path> films = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = quiet ? Silent.writer() : spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Path base = Outputs.base(output);
        Outputs.checkDirectory(base);
        ChunkSet set = new ChunkSet();
        Film sum = null;
        for (Path f : films) {
            ChunkFilm c = ChunkFilm.read(f);
            set.add(c);
            if (sum == null) {
                sum = c.film();
            } else {
                sum.add(c.film());
            }
        }
        List<Integer> missing = set.missing();
        if (!missing.isEmpty()) {
            String what = "chunk(s) " + missing + " of " + set.count() + " missing";
            if (!allowMissing) {
                throw new CliException(ExitCode.USAGE, what + " (merge what there is with --allow-missing)");
            }
            err.println("warning: " + what + ": the image has " + (set.count() - missing.size()) + " of " + set.count()
                    + " chunks");
            err.flush();
        }
        if (sum.saturatedAdds() > 0) {
            err.println("warning: " + sum.saturatedAdds() + " pixel sums saturated while merging");
            err.flush();
        }
        ImagingMetadata im = set.imaging();
        FilmImages images = new FilmImages(base, im.png(), im.exr(), im.pfm(), writeFlm, im.tone().imaging(),
                set::mergedMetadata);
        List<Path> written = images.write(sum, true);
        out.printf(Locale.ROOT, "Merged %d chunk film(s) of %d: %.2f S/p (the chunks' halt: %d S/p)%n", films.size(),
                set.count(), sum.samplesPerPixel(), set.totalSpp());
        for (Path p : written) {
            out.println("Wrote " + p);
        }
        out.flush();
        return ExitCode.OK;
    }
}
