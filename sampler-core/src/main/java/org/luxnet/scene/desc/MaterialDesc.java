package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * A material as declared: its type ("matte", "glass", ...; "null" or "none" for an invisible
 * surface), parameters, its name when it came from {@code MakeNamedMaterial} (else null), and where.
 * A LuxRender {@code glass2} also carries the {@code Interior} and {@code Exterior} volumes of the
 * shapes it is on (null when none was in effect), since its index of refraction comes from them.
 * {@code file} is a file the material names, read with the statement so that it travels with the
 * scene (a LuxRender "metal" whose "name" is an .nk file), else null.
 */
public record MaterialDesc(String type, ParamSet params, String name, FileLoc loc, VolumeDesc interior,
                           VolumeDesc exterior, SceneFile file) {
    /** A material with no volumes and no file. */
    public MaterialDesc(String type, ParamSet params, String name, FileLoc loc) {
        this(type, params, name, loc, null, null, null);
    }

    /** This material on a surface between {@code interior} and {@code exterior} (either may be null). */
    public MaterialDesc withVolumes(VolumeDesc in, VolumeDesc ex) {
        return new MaterialDesc(type, params, name, loc, in, ex, file);
    }

    /** This material with the file it names. */
    public MaterialDesc withFile(SceneFile f) {
        return new MaterialDesc(type, params, name, loc, interior, exterior, f);
    }

    /** The material in effect before any Material statement: pbrt and LuxRender default to matte. */
    public static MaterialDesc defaultMatte() {
        return new MaterialDesc("matte", new ParamSet(), null, FileLoc.NONE);
    }
}
