package org.luxnet.scene.compile;

import java.util.List;
import java.util.Map;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CameraData;
import org.luxnet.scene.compiled.CameraData.Projection;
import org.luxnet.scene.compiled.FilmFrame;
import org.luxnet.scene.desc.AnimatedTransform;
import org.luxnet.scene.desc.CameraDesc;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.Transform;

/**
 * Compiles the camera with each renderer's semantics: "perspective" (fov spans screen-window units
 * [-1, 1], by default the shorter image axis), "orthographic" and "environment" (each renderer's
 * latitude-longitude axes); the
 * default screen window from {@code frameaspectratio}; the thin lens (pbrt-v3 cameras/*.cpp,
 * LuxRender cameras/perspective.cpp with autofocus, blades and distribution); LuxRender's hither and
 * yon clipping. An unknown type warns and renders perspective.
 */
final class CameraCompiler {
    private static final Map<String, Projection> TYPES = Map.of("perspective", Projection.PERSPECTIVE,
            "orthographic", Projection.ORTHOGRAPHIC, "environment", Projection.ENVIRONMENT);
    private CameraCompiler() {
    }

    static CameraData compile(CameraDesc c, String sceneFile, FilmFrame frame, Dialect dialect,
                              List<SceneWarning> warnings) {
        if (c == null) {
            warnings.add(new SceneWarning(new FileLoc(sceneFile, 1, 1),
                    "the scene has no Camera; a perspective camera at the origin looking down +z is used"));
            c = new CameraDesc("perspective", new ParamSet(), Transform.IDENTITY, FileLoc.NONE);
        }
        boolean lux = dialect == Dialect.LUXRENDER;
        ParamSet ps = c.params();
        Projection projection = TYPES.get(c.type());
        if (projection == null) {
            warnings.add(new SceneWarning(c.loc(), "camera \"" + c.type() + "\" is not supported; perspective used"
                    + " (supported: environment, orthographic, perspective)"));
            projection = Projection.PERSPECTIVE;
        }
        if (projection == Projection.ENVIRONMENT && !lux) {
            projection = Projection.ENVIRONMENT_PBRT;
        }
        double fov = projection == Projection.PERSPECTIVE ? ps.getFloat("fov", 90) : 90;
        if (projection == Projection.PERSPECTIVE && !lux) {
            // pbrt-v3's "hack for structure synth, which exports half of the full fov".
            double half = ps.getFloat("halffov", -1);
            fov = half > 0 ? 2 * half : fov;
        }
        if (!(fov > 0 && fov < 180)) {
            throw new SceneException(ps.has("fov") ? ps.get("fov").loc() : c.loc(), "fov must be in (0, 180) degrees, got " + fov);
        }
        float[] sw = screenWindow(ps, (double) frame.fullWidth() / frame.fullHeight());
        CameraData.Lens lens = LensCompiler.compile(c, projection, lux, warnings);
        float hither = 0, yon = Float.POSITIVE_INFINITY;
        if (lux) {
            // LuxRender clips camera rays to [hither, yon] along the view axis (Camera::ClampRay).
            hither = (float) Math.max(1e-4, ps.getFloat("hither", 1e-3));
            yon = (float) Math.max(hither, Math.min(ps.getFloat("yon", 1e30), 1e30));
        } else {
            // pbrt-v3 reads neither: its rays start at the lens and are not clipped.
            ps.get("hither");
            ps.get("yon");
        }
        // The shutter: each camera ray's time is Lerp(u, shutteropen, shutterclose) (pbrt-v3 camera.h,
        // LuxRender Camera::GetTime with its uniform distribution), default 0 and 1 in both.
        double open = ps.getFloat("shutteropen", 0), close = ps.getFloat("shutterclose", 1);
        if (close < open) {
            // pbrt-v3: "Shutter close time < shutter open. Swapping them."
            warnings.add(new SceneWarning(ps.get("shutterclose").loc(), "shutterclose " + close + " is before shutteropen "
                    + open + "; they are swapped"));
            double t = open;
            open = close;
            close = t;
        }
        boolean gaussian = false;
        if (lux && ps.has("shutterdistribution")) {
            // LuxRender: "uniform" or "gaussian"; anything else warns and is uniform, as there.
            String dist = ps.getString("shutterdistribution", "uniform");
            gaussian = dist.equals("gaussian");
            if (!dist.equals("uniform") && !gaussian) {
                warnings.add(new SceneWarning(ps.get("shutterdistribution").loc(), "shutterdistribution \"" + dist
                        + "\" is not supported (uniform, gaussian); the shutter is sampled uniformly"));
            }
        } else {
            ps.get("shutterdistribution");
        }
        warnings.addAll(ps.unused("Camera \"" + c.type() + "\""));
        float[] motion = null;
        if (c.motion() != null && c.motion().isAnimated()) {
            motion = new float[c.motion().recordCount() * AnimatedTransform.RECORD];
            // pbrt-v3 interpolates camera-to-world; LuxRender world-to-camera, then inverts it.
            c.motion().record(motion, 0, c.motion().style() == AnimatedTransform.Style.LUXRENDER);
        }
        return new CameraData(projection, cameraToWorld(c), (float) Math.tan(Math.toRadians(fov / 2)), sw, lens, frame,
                hither, yon, motion, (float) open, (float) close, gaussian);
    }

    /** The screen window: given, or the shorter axis of the frame aspect ratio spanning [-1, 1]. */
    private static float[] screenWindow(ParamSet ps, double aspect) {
        double frame = ps.getFloat("frameaspectratio", aspect);
        if (!(frame > 0) || Double.isInfinite(frame)) {
            throw new SceneException(ps.get("frameaspectratio").loc(), "frameaspectratio must be positive, got " + frame);
        }
        float[] given = ps.getFloats("screenwindow");
        if (given != null) {
            if (given.length != 4) {
                throw new SceneException(ps.get("screenwindow").loc(), "screenwindow needs 4 values (xmin xmax ymin ymax), got "
                        + given.length);
            }
            if (given[0] == given[1] || given[2] == given[3]) {
                throw new SceneException(ps.get("screenwindow").loc(), "screenwindow has zero width or height");
            }
            return given.clone();
        }
        return frame > 1 ? new float[] {(float) -frame, (float) frame, -1, 1}
                : new float[] {-1, 1, (float) (-1 / frame), (float) (1 / frame)};
    }

    private static float[] cameraToWorld(CameraDesc c) {
        Transform camToWorld;
        try {
            camToWorld = c.worldToCamera().inverse();
        } catch (IllegalArgumentException e) {
            throw new SceneException(c.loc(), "the camera transform cannot be inverted: " + e.getMessage());
        }
        float[] m = new float[12];
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 4; k++) {
                m[4 * r + k] = (float) camToWorld.get(r, k);
            }
        }
        return m;
    }
}
