package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * The {@code Camera} statement: its type ("perspective"), parameters, and the current transform when
 * it was given, which is the world-to-camera transform (pbrt and LuxRender semantics); for pbrt-v3's
 * realistic camera the lens file its {@code "string lensfile"} names, read with the statement so that it
 * ships with the scene (null otherwise). A moving camera has {@code motion}: pbrt-v3 interpolates
 * camera-to-world (its {@link AnimatedTransform} of the inverted CTMs, style PBRT), LuxRender interpolates
 * world-to-camera and inverts the result (Camera::SampleMotion; style LUXRENDER); {@code worldToCamera}
 * is the shutter-open transform.
 */
public record CameraDesc(String type, ParamSet params, Transform worldToCamera, FileLoc loc, VolumeDesc exterior,
                         SceneFile lensFile, AnimatedTransform motion) {
    /** A camera in no volume. */
    public CameraDesc(String type, ParamSet params, Transform worldToCamera, FileLoc loc) {
        this(type, params, worldToCamera, loc, null, null, null);
    }

    /** A still camera without a lens file. */
    public CameraDesc(String type, ParamSet params, Transform worldToCamera, FileLoc loc, VolumeDesc exterior) {
        this(type, params, worldToCamera, loc, exterior, null, null);
    }

    /** A still camera. */
    public CameraDesc(String type, ParamSet params, Transform worldToCamera, FileLoc loc, VolumeDesc exterior,
                      SceneFile lensFile) {
        this(type, params, worldToCamera, loc, exterior, lensFile, null);
    }

    /** A camera without a lens file. */
    public CameraDesc(String type, ParamSet params, Transform worldToCamera, FileLoc loc, VolumeDesc exterior,
                      AnimatedTransform motion) {
        this(type, params, worldToCamera, loc, exterior, null, motion);
    }
}
