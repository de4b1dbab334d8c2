package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * The {@code Camera} statement: its type ("perspective"), parameters, and the current transform when
 * it was given, which is the world-to-camera transform (pbrt and LuxRender semantics), and for pbrt-v3's
 * realistic camera the lens file its {@code "string lensfile"} names, read with the statement so that it
 * ships with the scene (null otherwise).
 */
public record CameraDesc(String type, ParamSet params, Transform worldToCamera, FileLoc loc, VolumeDesc exterior,
                         SceneFile lensFile) {
    /** A camera in no volume. */
    public CameraDesc(String type, ParamSet params, Transform worldToCamera, FileLoc loc) {
        this(type, params, worldToCamera, loc, null, null);
    }

    /** A camera without a lens file. */
    public CameraDesc(String type, ParamSet params, Transform worldToCamera, FileLoc loc, VolumeDesc exterior) {
        this(type, params, worldToCamera, loc, exterior, null);
    }
}
