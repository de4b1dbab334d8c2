package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * A {@code Texture "name" "color"|"float" "class" params} statement, kept so that materials naming it
 * can be reported precisely (textures are not rendered yet).
 */
public record TextureDesc(String name, String valueType, String textureClass, ParamSet params,
                          Transform objectToWorld, FileLoc loc) {
}
