package org.luxnet.scene.compile;

import java.util.List;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.RenderSettings;

/** The compiler's result: the scene every sampler reads, how to render it, and what was ignored. */
public record CompiledRender(CompiledScene scene, RenderSettings settings, List<SceneWarning> warnings) {
    public CompiledRender {
        warnings = List.copyOf(warnings);
    }
}
