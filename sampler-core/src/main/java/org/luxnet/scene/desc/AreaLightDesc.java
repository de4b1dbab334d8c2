package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * The {@code AreaLightSource} in effect for a shape: type ("area" in LuxRender, "diffuse" in pbrt)
 * and parameters (L, gain, twosided ...).
 */
public record AreaLightDesc(String type, ParamSet params, FileLoc loc) {
}
