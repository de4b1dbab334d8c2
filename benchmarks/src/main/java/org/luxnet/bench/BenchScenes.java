package org.luxnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;

/** Finds and compiles the example scenes benchmarks use, from the repository root or a module directory. */
final class BenchScenes {
    private BenchScenes() {
    }

    static CompiledRender load(String relative) {
        for (Path base : new Path[] {Path.of(""), Path.of("..")}) {
            Path p = base.resolve(relative);
            if (Files.isRegularFile(p)) {
                return SceneCompiler.compile(SceneParser.parse(p));
            }
        }
        throw new IllegalStateException("benchmark scene " + relative + " not found from " + Path.of("").toAbsolutePath()
                + "; run the benchmarks from the repository root");
    }
}
