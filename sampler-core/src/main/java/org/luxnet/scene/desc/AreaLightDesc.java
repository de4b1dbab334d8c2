package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * The {@code AreaLightSource} in effect for a shape: type ("area" in LuxRender, "diffuse" in pbrt),
 * parameters (L, gain, twosided ...), and the files a LuxRender area light's {@code "string
 * mapname"} and {@code "string iesname"} name (null when it names none or they could not be read).
 */
public record AreaLightDesc(String type, ParamSet params, FileLoc loc, SceneFile map, SceneFile ies) {
    /** An area light that names no file. */
    public AreaLightDesc(String type, ParamSet params, FileLoc loc) {
        this(type, params, loc, null, null);
    }
}
