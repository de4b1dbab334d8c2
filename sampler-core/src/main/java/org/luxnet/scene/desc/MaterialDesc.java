package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * A material as declared: its type ("matte", "glass", ...; "null" or "none" for an invisible
 * surface), parameters, its name when it came from {@code MakeNamedMaterial} (else null), and where.
 * A LuxRender {@code glass2} also carries the {@code Interior} and {@code Exterior} volumes of the
 * shapes it is on (null when none was in effect), since its index of refraction comes from them.
 */
public record MaterialDesc(String type, ParamSet params, String name, FileLoc loc, VolumeDesc interior,
                           VolumeDesc exterior) {
    /** A material with no volumes. */
    public MaterialDesc(String type, ParamSet params, String name, FileLoc loc) {
        this(type, params, name, loc, null, null);
    }

    /** This material on a surface between {@code interior} and {@code exterior} (either may be null). */
    public MaterialDesc withVolumes(VolumeDesc in, VolumeDesc ex) {
        return new MaterialDesc(type, params, name, loc, in, ex);
    }

    /** The material in effect before any Material statement: pbrt and LuxRender default to matte. */
    public static MaterialDesc defaultMatte() {
        return new MaterialDesc("matte", new ParamSet(), null, FileLoc.NONE);
    }
}
