package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * A LuxRender {@code MakeNamedVolume "name" "type" ...}: the volume's name, its type ("clear",
 * "homogeneous", "heterogeneous"), parameters and where it was made. LuxNet reads a volume only for
 * the index of refraction its "fresnel" parameter gives (glass2.cpp takes a surface's Fresnel from
 * the Interior and Exterior volumes); absorption and scattering inside it are not rendered.
 */
public record VolumeDesc(String name, String type, ParamSet params, FileLoc loc) {
}
