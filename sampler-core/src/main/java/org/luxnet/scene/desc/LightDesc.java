package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * A {@code LightSource} statement: type ("point", "spot", "infinite"), parameters, light-to-world
 * transform, the file its {@code "string mapname"} names and the IES file its {@code "string
 * iesname"} names (each null when it names none or the file could not be read).
 */
public record LightDesc(String type, ParamSet params, Transform lightToWorld, FileLoc loc, SceneFile map,
                        SceneFile ies) {
    /** A light that names no file. */
    public LightDesc(String type, ParamSet params, Transform lightToWorld, FileLoc loc) {
        this(type, params, lightToWorld, loc, null, null);
    }

    /** A light with its "mapname" file. */
    public LightDesc(String type, ParamSet params, Transform lightToWorld, FileLoc loc, SceneFile map) {
        this(type, params, lightToWorld, loc, map, null);
    }

    /** This light with {@code file} as the file its "mapname" names. */
    public LightDesc withMap(SceneFile file) {
        return new LightDesc(type, params, lightToWorld, loc, file, ies);
    }

    /** This light with {@code file} as the IES file its "iesname" names. */
    public LightDesc withIes(SceneFile file) {
        return new LightDesc(type, params, lightToWorld, loc, map, file);
    }
}
