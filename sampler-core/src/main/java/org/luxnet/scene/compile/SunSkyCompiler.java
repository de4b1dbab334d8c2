package org.luxnet.scene.compile;

import static org.luxnet.scene.compiled.LightLayout.DIR;
import static org.luxnet.scene.compiled.LightLayout.L;
import static org.luxnet.scene.compiled.LightLayout.MAP;
import static org.luxnet.scene.compiled.LightLayout.ONE_MINUS_COS_MAX;
import static org.luxnet.scene.compiled.LightLayout.SIN2_MAX;
import static org.luxnet.scene.compiled.LightLayout.STRIDE;

import java.util.List;
import java.util.function.ObjIntConsumer;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.desc.LightDesc;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.Transform;

/**
 * Compiles LuxRender's {@code "sun"}, {@code "sky"}, {@code "sunsky"}, {@code "sky2"} and {@code
 * "sunsky2"} lights. The skies (Preetham's, {@link LuxSky}, and Hosek-Wilkie's, {@link LuxSky2}) are
 * baked once into a lat-long environment map ({@link BakedSky}), sampled and looked up by the existing
 * environment-map light; the sun ({@link LuxSun}) becomes a {@link LightLayout#SUN}, a small cone of
 * constant radiance that the light transport samples uniformly. {@code "sunsky"} and {@code "sunsky2"}
 * are both, made from the same parameters, as LuxRender's Context::lightSource creates them: the same
 * {@code "sun"} light for both, with {@code "sky"} or {@code "sky2"} (so each keeps its own default
 * {@code sundir}: (0, 0, -1) for the sun, (0, 0, 1) for the skies, as their CreateLight read).
 */
final class SunSkyCompiler {
    private final EnvironmentMaps maps;
    private final List<SceneWarning> warnings;

    SunSkyCompiler(EnvironmentMaps maps, List<SceneWarning> warnings) {
        this.maps = maps;
        this.warnings = warnings;
    }

    /** True for the light types this class compiles. */
    static boolean handles(String type) {
        return type.equals("sun") || type.equals("sky") || type.equals("sunsky") || type.equals("sky2")
                || type.equals("sunsky2");
    }

    /** Compiles {@code d}, handing each light row (STRIDE floats) and its type to {@code add}. */
    void compile(LightDesc d, ObjIntConsumer<float[]> add) {
        ParamSet ps = d.params();
        String statement = "LightSource \"" + d.type() + "\"";
        String type = d.type();
        // core/context.cpp Context::LightSource: "sunsky2" is the "sun" light plus "sky2".
        boolean sun = type.equals("sun") || type.equals("sunsky") || type.equals("sunsky2");
        boolean sky2 = type.equals("sky2") || type.equals("sunsky2");
        boolean sky = !type.equals("sun");
        float[] sunRow = sun ? sun(d, ps, statement) : null;
        float[] skyRow = sky ? sky(d, ps, sky2) : null;
        ps.get("nsamples");
        ps.get("importance"); // LightRenderingHints: the "importance" light strategy's weight, not the image
        warnings.addAll(ps.unused(statement));
        if (sunRow != null) {
            add.accept(sunRow, LightLayout.SUN);
        }
        if (skyRow != null) {
            add.accept(skyRow, LightLayout.INFINITE);
        }
    }

    /** SunLight::CreateLight and its constructor; null (with a warning) when the sun gives no light. */
    private float[] sun(LightDesc d, ParamSet ps, String statement) {
        double gain = ps.getFloat("gain", 1);
        float[] dir = ps.getPoint("sundir", new float[] {0, 0, -1});
        double turbidity = ps.getFloat("turbidity", 2);
        double relSize = ps.getFloat("relsize", 1);
        if (!(relSize > 0)) {
            warnings.add(new SceneWarning(ps.get("relsize").loc(), statement + ": \"relsize\" must be above 0; 1 is used"));
            relSize = 1;
        }
        double[] w = new double[3];
        d.lightToWorld().applyVector(dir[0], dir[1], dir[2], w, 0);
        double len = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
        if (!(len > 0)) {
            warnings.add(new SceneWarning(d.loc(), statement + ": \"sundir\" is zero; the sun is skipped"));
            return null;
        }
        float[] out = new float[STRIDE];
        for (int c = 0; c < 3; c++) {
            out[DIR + c] = (float) (w[c] / len);
        }
        // The sun's zenith angle is taken in world space (sun.cpp: SphericalTheta of the transformed sundir).
        double thetaS = Math.acos(Math.max(-1, Math.min(1, w[2] / len)));
        float[] l = LuxSun.radiance(thetaS, turbidity, gain, relSize);
        if (l == null) {
            warnings.add(new SceneWarning(d.loc(), statement + ": the sun is " + Math.round(Math.toDegrees(thetaS))
                    + " degrees from the zenith, where LuxRender's atmosphere model has no value; the sun is skipped"));
            return null;
        }
        System.arraycopy(l, 0, out, L, 3);
        double sin2 = LuxSun.sin2ThetaMax(relSize);
        if (sin2 == 1) {
            warnings.add(new SceneWarning(ps.get("relsize").loc(), statement + ": \"relsize\" " + relSize
                    + " makes the sun larger than its distance; it is reduced to a hemisphere, as LuxRender does"));
        }
        out[SIN2_MAX] = (float) sin2;
        out[ONE_MINUS_COS_MAX] = (float) LuxSun.oneMinusCosThetaMax(sin2);
        return out;
    }

    /**
     * SkyLight::CreateLight, or Sky2Light::CreateLight when {@code hosek} (gain, nsamples, sundir,
     * turbidity: no Perez constants): the sky baked into an environment map, in the light's own space.
     */
    private float[] sky(LightDesc d, ParamSet ps, boolean hosek) {
        float gain = (float) ps.getFloat("gain", 1);
        float[] dir = ps.getPoint("sundir", new float[] {0, 0, 1});
        double turbidity = ps.getFloat("turbidity", 2);
        double[] abcde = hosek ? null : new double[] {
            ps.getFloat("aconst", ps.getFloat("horizonbrightness", 1)),
            ps.getFloat("bconst", ps.getFloat("horizonsize", 1)),
            ps.getFloat("cconst", ps.getFloat("sunhalobrightness", 1)),
            ps.getFloat("dconst", ps.getFloat("sunhalosize", 1)),
            ps.getFloat("econst", ps.getFloat("backscattering", 1))};
        if (!(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2] > 0)) {
            warnings.add(new SceneWarning(d.loc(), "LightSource \"" + d.type() + "\": \"sundir\" is zero; the sky is skipped"));
            return null;
        }
        Transform l2w = d.lightToWorld();
        if (!l2w.isInvertible()) {
            warnings.add(new SceneWarning(d.loc(), "LightSource \"" + d.type() + "\": its transformation is singular;"
                    + " the sky is not rotated"));
            l2w = Transform.IDENTITY;
        }
        double[] sundir = {dir[0], dir[1], dir[2]};
        if (hosek && !LuxSky2.definedFor(sundir)) {
            warnings.add(new SceneWarning(d.loc(), "LightSource \"" + d.type() + "\": \"sundir\" is "
                    + Math.round(-Math.toDegrees(LuxSky2.elevation(sundir))) + " degrees below the horizon, where"
                    + " LuxRender's sky2 (Hosek-Wilkie) model has no value (its elevation's cube root is NaN); the sky"
                    + " is skipped"));
            return null;
        }
        BakedSky model = hosek ? new LuxSky2(sundir, turbidity) : new LuxSky(sundir, turbidity, abcde);
        float[] out = new float[STRIDE];
        float[] mean = new float[3];
        int index = maps.add(model.bake(BakedSky.MAP_WIDTH, BakedSky.MAP_HEIGHT), new float[] {gain, gain, gain}, l2w, mean);
        System.arraycopy(mean, 0, out, L, 3);
        out[MAP] = index + 1;
        return out;
    }
}
