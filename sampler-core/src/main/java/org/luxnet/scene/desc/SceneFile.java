package org.luxnet.scene.desc;

/**
 * A file a statement names (an environment map), read by the parser through its scene resources so
 * that it travels to render servers with the scene.
 *
 * @param name  the resolved name, for messages and to choose the image reader by extension
 * @param bytes the content; shared, not copied: read-only
 */
public record SceneFile(String name, byte[] bytes) {
}
