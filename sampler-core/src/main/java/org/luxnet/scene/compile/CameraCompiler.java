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
 * yon clipping; pbrt-v3's "realistic" camera (cameras/realistic.cpp: its lens file, "aperturediameter",
 * "focusdistance", "simpleweighting", the film's "diagonal"; see {@link RealisticLens}). An unknown type
 * warns and renders perspective.
 */
final class CameraCompiler {
    private static final Map<String, Projection> TYPES = Map.of("perspective", Projection.PERSPECTIVE,
            "orthographic", Projection.ORTHOGRAPHIC, "environment", Projection.ENVIRONMENT);
    /** pbrt-v3's cameras beyond {@link #TYPES}. */
    private static final Map<String, Projection> PBRT_TYPES = Map.of("realistic", Projection.REALISTIC);
    private CameraCompiler() {
    }

    static CameraData compile(CameraDesc c, String sceneFile, FilmFrame frame, Dialect dialect,
                              List<SceneWarning> warnings) {
        return compile(c, sceneFile, frame, dialect, 35, warnings);
    }

    /** As above; {@code filmDiagonal} is pbrt-v3's Film "diagonal" in millimetres (the realistic camera's film size). */
    static CameraData compile(CameraDesc c, String sceneFile, FilmFrame frame, Dialect dialect, double filmDiagonal,
                              List<SceneWarning> warnings) {
        if (c == null) {
            warnings.add(new SceneWarning(new FileLoc(sceneFile, 1, 1),
                    "the scene has no Camera; a perspective camera at the origin looking down +z is used"));
            c = new CameraDesc("perspective", new ParamSet(), Transform.IDENTITY, FileLoc.NONE);
        }
        boolean lux = dialect == Dialect.LUXRENDER;
        ParamSet ps = c.params();
        Projection projection = TYPES.get(c.type());
        if (projection == null && !lux) {
            projection = PBRT_TYPES.get(c.type());
        }
        if (projection == null) {
            warnings.add(new SceneWarning(c.loc(), "camera \"" + c.type() + "\" is not supported; perspective used"
                    + " (supported: environment, orthographic, perspective" + (lux ? "" : ", realistic") + ")"));
            projection = Projection.PERSPECTIVE;
        }
        if (projection == Projection.ENVIRONMENT && !lux) {
            projection = Projection.ENVIRONMENT_PBRT;
        }
        if (projection == Projection.REALISTIC) {
            return realistic(c, frame, filmDiagonal, warnings);
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
        return new CameraData(projection, cameraToWorld(c), (float) Math.tan(Math.toRadians(fov / 2)), sw, lens, frame,
                hither, yon, motionRecords(c), (float) open, (float) close, gaussian);
    }

    /** A moving camera's kernel records, or null for a still one. */
    private static float[] motionRecords(CameraDesc c) {
        float[] motion = null;
        if (c.motion() != null && c.motion().isAnimated()) {
            motion = new float[c.motion().recordCount() * AnimatedTransform.RECORD];
            // pbrt-v3 interpolates camera-to-world; LuxRender world-to-camera, then inverts it.
            c.motion().record(motion, 0, c.motion().style() == AnimatedTransform.Style.LUXRENDER);
        }
        return motion;
    }

    /**
     * pbrt-v3's realistic camera (CreateRealisticCamera and the RealisticCamera constructor): the lens file
     * the parser read ({@link CameraDesc#lensFile}), the aperture stop set to "aperturediameter", the film
     * focused at "focusdistance" by the thick-lens approximation and the exit pupil bounded, all on the host.
     */
    private static CameraData realistic(CameraDesc c, FilmFrame frame, double filmDiagonal, List<SceneWarning> warnings) {
        ParamSet ps = c.params();
        double open = ps.getFloat("shutteropen", 0), close = ps.getFloat("shutterclose", 1);
        if (close < open) {
            warnings.add(new SceneWarning(ps.has("shutterclose") ? ps.get("shutterclose").loc() : c.loc(), "Shutter close time [" + close
                    + "] < shutter open [" + open + "].  Swapping them."));
            double t = open;
            open = close;
            close = t;
        }
        ps.get("shutterdistribution");
        String name = ps.getString("lensfile", "");
        double aperture = ps.getFloat("aperturediameter", 1.0);
        double focus = ps.getFloat("focusdistance", 10.0);
        boolean simple = ps.getBool("simpleweighting", true);
        if (name.isEmpty() || c.lensFile() == null) {
            throw new SceneException(c.loc(), "realistic camera: no lens description file supplied (\"string lensfile\")");
        }
        FileLoc at = ps.get("lensfile").loc();
        if (!(aperture > 0) || Double.isInfinite(aperture)) {
            throw new SceneException(ps.get("aperturediameter").loc(), "aperturediameter must be positive (mm), got "
                    + aperture);
        }
        if (!(focus > 0) || Double.isInfinite(focus)) {
            throw new SceneException(ps.get("focusdistance").loc(), "focusdistance must be positive, got " + focus);
        }
        if (!(filmDiagonal > 0) || Double.isInfinite(filmDiagonal)) {
            throw new SceneException(c.loc(), "the film's diagonal must be positive (mm), got " + filmDiagonal);
        }
        RealisticLens lens = new RealisticLens(LensFile.parse(c.lensFile(), at), aperture, filmDiagonal, at, warnings);
        RealisticLens.focusAndBound(lens, focus, ps.has("focusdistance") ? ps.get("focusdistance").loc() : c.loc());
        warnings.addAll(ps.unused("Camera \"" + c.type() + "\""));
        // Film::GetPhysicalExtent.
        double aspect = (double) frame.fullHeight() / frame.fullWidth();
        double x = Math.sqrt(lens.diagonal * lens.diagonal / (1 + aspect * aspect));
        float[] elements = new float[lens.elements.length];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = (float) lens.elements[i];
        }
        float[] pupil = new float[lens.pupil.length];
        for (int i = 0; i < pupil.length; i++) {
            pupil[i] = (float) lens.pupil[i];
        }
        CameraData.Realistic r = new CameraData.Realistic(elements, pupil, (float) x, (float) (aspect * x),
                (float) lens.diagonal, simple, (float) (close - open));
        return new CameraData(Projection.REALISTIC, cameraToWorld(c), 1f, new float[] {-1, 1, -1, 1},
                CameraData.Lens.pinhole(), frame, 0, Float.POSITIVE_INFINITY, r, motionRecords(c), (float) open,
                (float) close, false);
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
