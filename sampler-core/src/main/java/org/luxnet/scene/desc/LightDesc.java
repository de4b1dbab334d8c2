package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/** A {@code LightSource} statement: type ("point", "spot", "infinite"), parameters, light-to-world transform. */
public record LightDesc(String type, ParamSet params, Transform lightToWorld, FileLoc loc) {
}
