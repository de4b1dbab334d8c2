package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * A material as declared: its type ("matte", "glass", ...; "null" or "none" for an invisible
 * surface), parameters, its name when it came from {@code MakeNamedMaterial} (else null), and where.
 */
public record MaterialDesc(String type, ParamSet params, String name, FileLoc loc) {
    /** The material in effect before any Material statement: pbrt and LuxRender default to matte. */
    public static MaterialDesc defaultMatte() {
        return new MaterialDesc("matte", new ParamSet(), null, FileLoc.NONE);
    }
}
