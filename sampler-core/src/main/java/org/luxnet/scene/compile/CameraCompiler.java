package org.luxnet.scene.compile;

import java.util.List;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CameraData;
import org.luxnet.scene.desc.CameraDesc;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.Transform;

/**
 * Compiles the camera: pbrt/LuxRender perspective semantics (fov spans the shorter image axis,
 * default screen window from the frame aspect ratio, thin lens).
 */
final class CameraCompiler {
    private CameraCompiler() {
    }

    static CameraData compile(CameraDesc c, String sceneFile, int width, int height, List<SceneWarning> warnings) {
        if (c == null) {
            warnings.add(new SceneWarning(new FileLoc(sceneFile, 1, 1),
                    "the scene has no Camera; a perspective camera at the origin looking down +z is used"));
            c = new CameraDesc("perspective", new ParamSet(), Transform.IDENTITY, FileLoc.NONE);
        }
        ParamSet ps = c.params();
        if (!c.type().equals("perspective")) {
            warnings.add(new SceneWarning(c.loc(), "camera \"" + c.type() + "\" is not supported; perspective used"));
        }
        double fov = ps.getFloat("fov", 90);
        double half = ps.getFloat("halffov", -1);
        if (half > 0) {
            fov = 2 * half;
        }
        if (!(fov > 0 && fov < 180)) {
            throw new SceneException(ps.has("fov") ? ps.get("fov").loc() : c.loc(), "fov must be in (0, 180) degrees, got " + fov);
        }
        double frame = ps.getFloat("frameaspectratio", (double) width / height);
        float[] sw;
        float[] given = ps.getFloats("screenwindow");
        if (given != null) {
            if (given.length != 4) {
                throw new SceneException(ps.get("screenwindow").loc(), "screenwindow needs 4 values (xmin xmax ymin ymax), got "
                        + given.length);
            }
            sw = given;
        } else if (frame > 1) {
            sw = new float[] {(float) -frame, (float) frame, -1, 1};
        } else {
            sw = new float[] {-1, 1, (float) (-1 / frame), (float) (1 / frame)};
        }
        float lens = (float) ps.getFloat("lensradius", 0);
        float focal = (float) ps.getFloat("focaldistance", 1e6);
        if (lens > 0 && !(focal > 0)) {
            throw new SceneException(ps.get("focaldistance").loc(), "focaldistance must be positive with a lens, got " + focal);
        }
        // Clipping planes and shutter times do not change a still image of a static scene.
        ps.get("hither");
        ps.get("yon");
        ps.get("shutteropen");
        ps.get("shutterclose");
        ps.get("shutterdistribution");
        warnings.addAll(ps.unused("Camera \"" + c.type() + "\""));
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
        return new CameraData(m, (float) Math.tan(Math.toRadians(fov / 2)), sw, Math.max(0, lens), focal, width, height);
    }
}
