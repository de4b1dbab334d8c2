package org.luxnet.scene.compile;

import java.util.List;
import java.util.Map;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CameraData.Lens;
import org.luxnet.scene.compiled.CameraData.LensDistribution;
import org.luxnet.scene.compiled.CameraData.Projection;
import org.luxnet.scene.desc.CameraDesc;
import org.luxnet.scene.desc.ParamSet;

/**
 * The camera's thin lens, as each renderer reads it. pbrt-v3: {@code lensradius} and {@code
 * focaldistance} on perspective and orthographic cameras. LuxRender 1.x (cameras/perspective.cpp):
 * also {@code autofocus}, {@code blades} (a polygonal aperture), {@code distribution} and {@code
 * power} (how lens samples spread over that polygon; a round aperture ignores them); its
 * orthographic and environment cameras have no lens (orthographic.cpp SampleW places the ray on the
 * film plane, environment.cpp reads the parameters and drops them).
 */
final class LensCompiler {
    /** Beyond this the plane of focus is at infinity for float rays (and squares stay finite). */
    private static final double MAX_FOCAL = 1e6;
    private static final Map<String, LensDistribution> DISTRIBUTIONS = Map.of("uniform", LensDistribution.UNIFORM,
            "exponential", LensDistribution.EXPONENTIAL, "inverse exponential", LensDistribution.INVERSE_EXPONENTIAL,
            "gaussian", LensDistribution.GAUSSIAN, "inverse gaussian", LensDistribution.INVERSE_GAUSSIAN);

    private LensCompiler() {
    }

    static Lens compile(CameraDesc c, Projection projection, boolean lux, List<SceneWarning> warnings) {
        ParamSet ps = c.params();
        double radius = ps.getFloat("lensradius", 0);
        double focal = ps.getFloat("focaldistance", 1e30);
        if (!(radius >= 0) || Double.isInfinite(radius)) {
            throw new SceneException(ps.get("lensradius").loc(), "lensradius must be 0 or more, got " + radius);
        }
        boolean autofocus = lux && projection != Projection.ENVIRONMENT && ps.getBool("autofocus", false);
        int blades = 0, power = 3;
        LensDistribution distribution = LensDistribution.UNIFORM;
        if (lux && projection == Projection.PERSPECTIVE) {
            blades = ps.getInt("blades", 0);
            power = ps.getInt("power", 3);
            String name = ps.getString("distribution", "uniform");
            distribution = DISTRIBUTIONS.get(name);
            if (distribution == null) {
                warnings.add(new SceneWarning(ps.get("distribution").loc(), "lens distribution \"" + name
                        + "\" is unknown; uniform used, as LuxRender does (known: " + String.join(", ",
                        new java.util.TreeSet<>(DISTRIBUTIONS.keySet())) + ")"));
                distribution = LensDistribution.UNIFORM;
            }
            if (blades < 3 && distribution != LensDistribution.UNIFORM) {
                warnings.add(new SceneWarning(ps.get("distribution").loc(), "lens distribution \"" + name
                        + "\" has no effect on a round aperture (\"blades\" below 3), as in LuxRender"));
            }
            if (blades >= 3 && power <= 0 && (distribution == LensDistribution.EXPONENTIAL
                    || distribution == LensDistribution.INVERSE_EXPONENTIAL)) {
                throw new SceneException(ps.get("power").loc(), "power must be positive, got " + power);
            }
        }
        if (lux && projection != Projection.PERSPECTIVE) {
            if (radius > 0 && projection == Projection.ORTHOGRAPHIC) {
                warnings.add(new SceneWarning(ps.get("lensradius").loc(), "LuxRender's orthographic camera has no lens:"
                        + " lensradius is ignored, as LuxRender does"));
            }
            radius = 0;
        }
        if (projection == Projection.ENVIRONMENT || projection == Projection.ENVIRONMENT_PBRT) {
            // Both renderers' environment cameras read the lens parameters and drop them.
            radius = 0;
        }
        if (radius > 0 && !autofocus && !(focal > 0)) {
            throw new SceneException(ps.has("focaldistance") ? ps.get("focaldistance").loc() : c.loc(),
                    "focaldistance must be positive with a lens, got " + focal);
        }
        return new Lens((float) radius, (float) Math.min(focal, MAX_FOCAL), autofocus && radius > 0, blades,
                distribution, power, !lux && projection == Projection.ORTHOGRAPHIC);
    }
}
