package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * A {@code LightSource} statement: type ("point", "spot", "infinite"), parameters, light-to-world
 * transform, and the file its {@code "string mapname"} names (null when it names none).
 */
public record LightDesc(String type, ParamSet params, Transform lightToWorld, FileLoc loc, SceneFile map) {
    /** A light that names no file. */
    public LightDesc(String type, ParamSet params, Transform lightToWorld, FileLoc loc) {
        this(type, params, lightToWorld, loc, null);
    }

    /** This light with {@code file} as the file its "mapname" names. */
    public LightDesc withMap(SceneFile file) {
        return new LightDesc(type, params, lightToWorld, loc, file);
    }
}
