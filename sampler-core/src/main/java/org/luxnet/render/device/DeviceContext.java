package org.luxnet.render.device;

import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * What a device needs to render its share of a session.
 *
 * @param scene        the compiled scene
 * @param settings     render settings (resolution, sampler, path settings, film scale)
 * @param filter       the pixel filter for filter importance sampling (thread-safe, stateless)
 * @param streamSeed   the device's own sample stream, distinct from every other device and node
 * @param startItem    first work item to render (non-zero when resuming), in the device's own units
 * @param budget       passes the session may still render, shared by all its devices
 */
public record DeviceContext(CompiledScene scene, RenderSettings settings, PixelFilter filter, long streamSeed,
                            long startItem, PassBudget budget) {
}
