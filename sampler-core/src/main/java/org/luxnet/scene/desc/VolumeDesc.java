package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * A LuxRender {@code MakeNamedVolume "name" "type" ...}: the volume's name, its type ("clear",
 * "homogeneous", "heterogeneous"), parameters and where it was made. LuxNet reads a volume only for
 * the index of refraction its "fresnel" parameter gives (glass2.cpp takes a surface's Fresnel from
 * the Interior and Exterior volumes); absorption and scattering inside it are not rendered.
 */
public record VolumeDesc(String name, String type, ParamSet params, FileLoc loc) {
    /** The parameter that holds the volume's absorption: a clear volume's "absorption", the others' "sigma_a". */
    public String absorptionParam() {
        return type.equals("clear") ? "absorption" : "sigma_a";
    }

    /**
     * Absorption per unit distance, RGB, at least 0 (clearvolume.h SigmaA without its fresnel's own
     * 4 pi k / lambda); 0 when the parameter is absent or a texture (which the compiler warns about).
     */
    public float[] absorption() {
        for (Param p : params.all()) {
            if (p.name().equals(absorptionParam()) && p.type() == ParamType.TEXTURE) {
                return new float[3];
            }
        }
        float[] a = params.getRgb(absorptionParam(), new float[] {0, 0, 0});
        return new float[] {Math.max(0, a[0]), Math.max(0, a[1]), Math.max(0, a[2])};
    }
}
