package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * A {@code Texture "name" "color"|"float" "class" params} statement, with the CTM at the statement
 * and, for an image texture, its file as read through the scene's resources (null for other classes).
 */
public record TextureDesc(String name, String valueType, String textureClass, ParamSet params,
                          Transform objectToWorld, FileLoc loc, SceneFile file) {
    /** This texture with its image file. */
    public TextureDesc withFile(SceneFile f) {
        return new TextureDesc(name, valueType, textureClass, params, objectToWorld, loc, f);
    }
}
