package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * The {@code Camera} statement: its type ("perspective"), parameters, and the current transform when
 * it was given, which is the world-to-camera transform (pbrt and LuxRender semantics).
 */
public record CameraDesc(String type, ParamSet params, Transform worldToCamera, FileLoc loc, VolumeDesc exterior) {
    /** A camera in no volume. */
    public CameraDesc(String type, ParamSet params, Transform worldToCamera, FileLoc loc) {
        this(type, params, worldToCamera, loc, null);
    }
}
