package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * A LuxRender {@code MakeNamedVolume "name" "type" ...} ("clear", "homogeneous", "heterogeneous") or a
 * pbrt-v3 {@code MakeNamedMedium "name" "string type" ...} ({@code dialect} PBRT; its type is that
 * parameter's): the name, type, parameters and where it was made. glass2 takes its index of refraction
 * from its volumes' "fresnel" (glass2.cpp); the compiler turns each into a row of the media table
 * (absorption, scattering, phase function). {@code transform} is the medium's to world: pbrt-v3's CTM at
 * MakeNamedMedium (core/api.cpp pbrtMakeNamedMedium passes curTransform[0] to MakeMedium), which places
 * a grid medium.
 */
public record VolumeDesc(String name, String type, ParamSet params, FileLoc loc, Dialect dialect,
                         Transform transform) {
    /** A LuxRender volume. */
    public VolumeDesc(String name, String type, ParamSet params, FileLoc loc) {
        this(name, type, params, loc, Dialect.LUXRENDER);
    }

    /** A volume without a transform of its own (the identity). */
    public VolumeDesc(String name, String type, ParamSet params, FileLoc loc, Dialect dialect) {
        this(name, type, params, loc, dialect, Transform.IDENTITY);
    }

    /** The parameter that holds the volume's absorption: a clear volume's "absorption", the others' "sigma_a". */
    public String absorptionParam() {
        return type.equals("clear") ? "absorption" : "sigma_a";
    }
}
