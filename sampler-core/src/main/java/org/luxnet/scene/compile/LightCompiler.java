package org.luxnet.scene.compile;

import static org.luxnet.scene.compiled.LightLayout.AREA;
import static org.luxnet.scene.compiled.LightLayout.COS_FALLOFF;
import static org.luxnet.scene.compiled.LightLayout.COS_TOTAL;
import static org.luxnet.scene.compiled.LightLayout.DIR;
import static org.luxnet.scene.compiled.LightLayout.L;
import static org.luxnet.scene.compiled.LightLayout.POS;
import static org.luxnet.scene.compiled.LightLayout.STRIDE;
import static org.luxnet.scene.compiled.LightLayout.TWO_SIDED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.desc.AreaLightDesc;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.LightDesc;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.TextureDesc;
import org.luxnet.scene.desc.Transform;

/**
 * Compiles lights: area emitters attached to shapes (one light entry per emitting triangle or
 * sphere), point, spot, infinite (constant or environment-mapped) and distant lights, and the power distribution used to
 * choose among them. Each scene gets its own renderer's semantics ({@link LightEmission}): in a
 * pbrt-v3 scene {@code AreaLightSource "area"} is pbrt's diffuse area light (radiance L times
 * scale, api.cpp MakeAreaLight); in a LuxRender scene it is LuxRender's, normalised to power *
 * efficacy lumens (lights/area.cpp), as are LuxRender point and spot lights that give a power.
 */
final class LightCompiler {
    /** An AreaLightSource in effect for one shape. */
    static final class Emitter {
        float[] l;
        /** Luminance of L before gain, which LuxRender's power normalisation divides by. */
        double baseY;
        boolean twoSided;
        double power, efficacy;
        AreaLightDesc desc;
        /** LuxRender's spherical function: 1 + its map index (0 for none), mean and largest texel. */
        int map;
        double distMean, distMax;
        boolean sphereWarned;
    }

    private final List<SceneWarning> warnings;
    private final LightEmission emission;
    final List<Emitter> emitters = new ArrayList<>();
    private final List<float[]> others = new ArrayList<>(); // STRIDE floats each
    private final List<Integer> otherTypes = new ArrayList<>();
    private final EnvironmentMaps maps = new EnvironmentMaps();
    private final SunSkyCompiler sunSky;

    LightCompiler(Dialect dialect, Map<String, TextureDesc> textures, List<SceneWarning> warnings) {
        this.warnings = warnings;
        this.emission = new LightEmission(dialect, textures, warnings);
        this.sunSky = new SunSkyCompiler(maps, warnings);
    }

    /** Registers the area light of a shape; returns its emitter group. */
    int areaEmitter(AreaLightDesc a) {
        ParamSet ps = a.params();
        Emitter e = new Emitter();
        e.desc = a;
        if (!a.type().equals("area") && !a.type().equals("diffuse")) {
            warnings.add(new SceneWarning(a.loc(), "area light \"" + a.type() + "\" is not supported; treated as \"area\""));
        }
        // pbrt-v3 makes "area" and "diffuse" the same diffuse light; only LuxRender's "area" is normalised.
        boolean pbrtLight = emission.pbrt() || a.type().equals("diffuse");
        LightEmission.Emission em = emission.read(ps, false, pbrtLight, "AreaLightSource \"" + a.type() + "\"");
        e.l = em.scaled();
        e.baseY = luminance(em.base());
        e.twoSided = ps.getBool("twosided", false);
        e.power = pbrtLight ? 0 : ps.getFloat("power", 100);
        e.efficacy = pbrtLight ? 0 : ps.getFloat("efficacy", 17);
        // Light sample counts (pbrt-v3 DiffuseAreaLight "samples"/"nsamples", LuxRender's): noise, not the image.
        ps.get("nsamples");
        ps.get("samples");
        if (!pbrtLight) {
            ps.get("importance"); // LightRenderingHints: the "importance" light strategy's weight, not the image
        }
        if (!pbrtLight) {
            areaDistribution(e, ps, "AreaLightSource \"" + a.type() + "\"");
        }
        warnings.addAll(ps.unused("AreaLightSource \"" + a.type() + "\""));
        emitters.add(e);
        return emitters.size() - 1;
    }

    /**
     * LuxRender's area light with a spherical function (lights/area.cpp, GonioAreaBSDF): radiance
     * towards w is L gain pi f(w) / (Average_f |cos(w, n)|), Average_f being f's integral over the
     * sphere (4 pi times its mean), w in the surface's frame (z the normal, x along dp/du, which for a
     * triangle without "uv" is its first edge); both sides emit, and the power, L gain area pi, is as
     * without the function. Stored as L / (4 mean), the kernel multiplying by f / |cos|.
     */
    private void areaDistribution(Emitter e, ParamSet ps, String statement) {
        if (!ps.has("mapname") && !ps.has("iesname") && !ps.has("flipz")) {
            return;
        }
        RgbImage img = LightDistributions.luxRender(e.desc.map(), e.desc.ies(), ps,
                statement, warnings);
        if (img == null) {
            return;
        }
        double mean = LightDistributions.sphereMeanY(img);
        if (!(mean > 0) || !Double.isFinite(mean)) {
            warnings.add(new SceneWarning(e.desc.loc(), statement + ": its emission distribution is zero everywhere;"
                    + " the light emits nothing"));
            for (int c = 0; c < 3; c++) {
                e.l[c] = 0;
            }
            return;
        }
        e.map = maps.add(img, new float[] {1, 1, 1}, Transform.IDENTITY, new float[3]) + 1;
        e.distMean = mean;
        for (float v : img.rgb()) {
            e.distMax = Math.max(e.distMax, v);
        }
    }

    /** Applies LuxRender's power normalization once the shape's total area is known. */
    void finishArea(int emitter, double area) {
        Emitter e = emitters.get(emitter);
        double y = e.baseY;
        if (e.power > 0 && e.efficacy > 0 && area > 0 && y > 0) {
            double k = e.power * e.efficacy / (area * Math.PI * y);
            if (Double.isFinite(k) && k > 0) {
                for (int c = 0; c < 3; c++) {
                    e.l[c] = (float) (e.l[c] * k);
                }
            }
        }
    }

    /** Compiles a LightSource statement (non-area). */
    void light(LightDesc d) {
        if (!emission.pbrt() && SunSkyCompiler.handles(d.type())) {
            sunSky.compile(d, (row, type) -> {
                others.add(row);
                otherTypes.add(type);
            });
            return;
        }
        ParamSet ps = d.params();
        float[] out = new float[STRIDE];
        String statement = "LightSource \"" + d.type() + "\"";
        double[] tmp = new double[3];
        int type;
        switch (d.type()) {
            case "point": {
                LightEmission.Emission i = emission.read(ps, true, statement);
                float[] from = ps.getPoint("from", new float[] {0, 0, 0});
                d.lightToWorld().applyPoint(from[0], from[1], from[2], tmp, 0);
                double gain = luxPowerGain(ps, i, 4 * Math.PI);
                set3(out, L, i.scaled(), gain);
                setPoint(out, POS, tmp);
                if (!emission.pbrt()) {
                    luxDistribution(d, ps, statement, i, gain, out);
                }
                type = LightLayout.POINT;
                break;
            }
            case "goniometric": {
                if (!emission.pbrt()) {
                    // LuxRender registers "goniometric" as its point light (pointlight.cpp, for old scenes).
                    LightDesc point = new LightDesc("point", ps, d.lightToWorld(), d.loc(), d.map(), d.ies());
                    light(point);
                    return;
                }
                pbrtGoniometric(d, ps, statement, out);
                type = LightLayout.POINT;
                break;
            }
            case "projection": {
                if (emission.pbrt()) {
                    pbrtProjection(d, ps, statement, out);
                } else if (!luxProjection(d, ps, statement, out)) {
                    return;
                }
                type = LightLayout.PROJECTION;
                break;
            }
            case "spot": {
                LightEmission.Emission i = emission.read(ps, true, statement);
                float[] from = ps.getPoint("from", new float[] {0, 0, 0});
                float[] to = ps.getPoint("to", new float[] {0, 0, 1});
                // pbrt-v3 spot.cpp and LuxRender spot.cpp both read "conedeltaangle" (5 degrees by default).
                double cone = ps.getFloat("coneangle", 30);
                double delta = ps.getFloat("conedeltaangle", 5);
                d.lightToWorld().applyPoint(from[0], from[1], from[2], tmp, 0);
                setPoint(out, POS, tmp);
                d.lightToWorld().applyVector(to[0] - from[0], to[1] - from[1], to[2] - from[2], tmp, 0);
                if (!normalize(tmp)) {
                    warnings.add(new SceneWarning(d.loc(), "spot light with \"from\" equal to \"to\" has no direction; skipped"));
                    return;
                }
                setPoint(out, DIR, tmp);
                out[COS_TOTAL] = (float) Math.cos(Math.toRadians(cone));
                out[COS_FALLOFF] = (float) Math.cos(Math.toRadians(cone - delta));
                set3(out, L, i.scaled(), luxPowerGain(ps, i, 2 * Math.PI * (1 - 0.5 * (out[COS_FALLOFF] + out[COS_TOTAL]))));
                type = LightLayout.SPOT;
                break;
            }
            case "infinite":
            case "infinitesample": {
                float[] l = emission.read(ps, false, statement).scaled();
                set3(out, L, l, 1);
                if (d.map() != null) {
                    EnvMapLoader.load(d, ps, statement, emission.pbrt(), maps, warnings, out);
                } else {
                    if (ps.has("mapname")) {
                        ps.get("mapname").markUsed();
                    }
                    if (emission.pbrt()) {
                        EnvMapLoader.constant(d, statement, maps, warnings, out);
                    }
                }
                if (!emission.pbrt()) {
                    ps.getFloat("gamma", 1);
                    ps.getString("mapping", "");
                }
                ps.get("samples");
                ps.get("nsamples");
                type = LightLayout.INFINITE;
                break;
            }
            case "distant": {
                float[] l = emission.read(ps, false, statement).scaled();
                float[] from = ps.getPoint("from", new float[] {0, 0, 0});
                float[] to = ps.getPoint("to", new float[] {0, 0, 1});
                d.lightToWorld().applyVector(to[0] - from[0], to[1] - from[1], to[2] - from[2], tmp, 0);
                if (!normalize(tmp)) {
                    warnings.add(new SceneWarning(d.loc(), "distant light with \"from\" equal to \"to\" has no direction; skipped"));
                    return;
                }
                setPoint(out, DIR, tmp);
                set3(out, L, l, 1);
                type = LightLayout.DISTANT;
                break;
            }
            default:
                warnings.add(new SceneWarning(d.loc(), "light \"" + d.type()
                        + "\" is not supported and was skipped (supported: point, spot, goniometric, projection, infinite,"
                        + " distant, area" + (emission.pbrt() ? "" : ", infinitesample, sun, sky, sunsky, sky2, sunsky2")
                        + ")"));
                return;
        }
        if (!emission.pbrt()) {
            ps.get("importance"); // LightRenderingHints: the "importance" light strategy's weight, not the image
        }
        warnings.addAll(ps.unused(statement));
        others.add(out);
        otherTypes.add(type);
    }

    /**
     * A LuxRender point light's "iesname" / "mapname" distribution ({@link LightDistributions}): the
     * intensity becomes L gain f(w) / avg(f) (pointlight.cpp GonioBSDF), f looked up in the light's
     * frame, so the power stays L gain 4 pi.
     */
    private void luxDistribution(LightDesc d, ParamSet ps, String statement, LightEmission.Emission i, double gain,
                                 float[] out) {
        RgbImage img = LightDistributions.luxRender(d.map(), d.ies(), ps, statement, warnings);
        if (img == null) {
            return;
        }
        double mean = LightDistributions.sphereMeanY(img);
        if (!(mean > 0) || !Double.isFinite(mean)) {
            warnings.add(new SceneWarning(d.loc(), statement + ": its emission distribution is zero everywhere;"
                    + " the light emits nothing"));
            set3(out, L, i.scaled(), 0);
            return;
        }
        set3(out, L, i.scaled(), gain / mean);
        addDistribution(img, frame(d, statement), mean, out);
    }

    /**
     * pbrt-v3's GonioPhotometricLight (lights/goniometric.cpp): intensity I scale times the map at
     * (phi / 2pi, theta / pi) of the direction from the light in its frame with y and z swapped
     * (Scale); at the origin of the light's frame; uniform without a map. Its power (for light
     * selection) is 4 pi I scale times the map's mean (pbrt's lookup at the coarsest level). pbrt-v3's
     * MIPMap first resamples a map whose sides are not powers of two; here every map is looked up at
     * its own resolution, as the environment maps are.
     */
    private void pbrtGoniometric(LightDesc d, ParamSet ps, String statement, float[] out) {
        float[] l = emission.read(ps, true, statement).scaled();
        double[] tmp = new double[3];
        d.lightToWorld().applyPoint(0, 0, 0, tmp, 0);
        setPoint(out, POS, tmp);
        set3(out, L, l, 1);
        RgbImage img = pbrtMap(d, ps, statement);
        if (img != null) {
            // Local direction (x, z, y): the swap folded into the frame, whose inverse is then S * worldToLight.
            Transform swap = Transform.ofRowMajor(1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1);
            addDistribution(img, frame(d, statement).compose(swap), LightDistributions.texelMeanY(img), out);
        }
    }

    /**
     * pbrt-v3's ProjectionLight (lights/projection.cpp): intensity I scale times the map where the
     * direction from the light, in its frame, falls inside the screen window of a perspective
     * projection of field of view "fov" (default 45) along +z: x and y over z times 1 / tan(fov / 2)
     * within [-aspect, aspect] x [-1, 1] (or [-1, 1] x [-1 / aspect, 1 / aspect] for a tall map), mapped
     * to [0,1]^2; zero outside it and behind z = 1e-3 (the near plane). Without a map: I scale inside
     * the frustum of aspect 1.
     */
    private void pbrtProjection(LightDesc d, ParamSet ps, String statement, float[] out) {
        RgbImage img = pbrtMap(d, ps, statement);
        projection(d, ps, statement, img != null ? img : new RgbImage(1, 1, new float[] {1, 1, 1}), out);
    }

    /**
     * What both dialects' projection lights share: position, colour, the frustum of "fov" (default
     * 45) around the image of aspect width / height ([-aspect, aspect] x [-1, 1], or [-1, 1] x
     * [-1 / aspect, 1 / aspect] for a tall one), and the image as the light's distribution. Returns
     * tan(fov / 2).
     */
    private double projection(LightDesc d, ParamSet ps, String statement, RgbImage img, float[] out) {
        float[] l = emission.read(ps, true, statement).scaled();
        double opposite = Math.tan(Math.toRadians(ps.getFloat("fov", 45)) / 2);
        double[] tmp = new double[3];
        d.lightToWorld().applyPoint(0, 0, 0, tmp, 0);
        setPoint(out, POS, tmp);
        set3(out, L, l, 1);
        double aspect = (double) img.width() / img.height();
        out[LightLayout.PROJ_HALF_W] = (float) (aspect > 1 ? aspect : 1);
        out[LightLayout.PROJ_HALF_H] = (float) (aspect > 1 ? 1 : 1 / aspect);
        out[LightLayout.PROJ_INV_TAN] = (float) (1 / opposite);
        addDistribution(img, frame(d, statement), LightDistributions.texelMeanY(img), out);
        return opposite;
    }

    /**
     * LuxRender's ProjectionLight (lights/projection.cpp): L gain (a colour; textures as the other
     * lights take them) times the "mapname" image through the frustum of "fov" (default 45) along +z,
     * as pbrt-v3's, but normalised as a window of area 4 tan^2(fov / 2) / aspect that emits the map:
     * intensity L map / (area cos^3), {@link LightLayout#PROJ_LUX_AREA}. Without an image LuxRender's
     * aspect is 0 / 0 and the light gives NaN, so it is skipped with a warning; false then.
     */
    private boolean luxProjection(LightDesc d, ParamSet ps, String statement, float[] out) {
        RgbImage img = pbrtMap(d, ps, statement);
        if (img == null) {
            warnings.add(new SceneWarning(d.loc(), statement + " needs a readable \"mapname\" image: without one"
                    + " LuxRender's projection light has an aspect of 0 / 0 (projection.cpp); skipped"));
            return false;
        }
        double opposite = projection(d, ps, statement, img, out);
        // projection.cpp's "area = 4.f * opposite * opposite / aspect", for wide images too.
        out[LightLayout.PROJ_LUX_AREA] = (float) (4 * opposite * opposite * img.height() / img.width());
        return true;
    }

    private RgbImage pbrtMap(LightDesc d, ParamSet ps, String statement) {
        if (!ps.has("mapname")) {
            return null;
        }
        ps.get("mapname").markUsed();
        return d.map() == null ? null : LightDistributions.decode(d.map(), ps.get("mapname").loc(), statement, warnings);
    }

    /** The light's frame for its distribution; identity, with a warning, when it is singular. */
    private Transform frame(LightDesc d, String statement) {
        Transform l2w = d.lightToWorld();
        if (!l2w.isInvertible()) {
            warnings.add(new SceneWarning(d.loc(), statement + ": its transformation is singular; its emission"
                    + " distribution is not rotated"));
            return Transform.IDENTITY;
        }
        return l2w;
    }

    private void addDistribution(RgbImage img, Transform frame, double mean, float[] out) {
        int index = maps.add(img, new float[] {1, 1, 1}, frame, new float[3]);
        out[LightLayout.MAP] = index + 1;
        out[LightLayout.DIST_MEAN] = (float) mean;
        float max = 0;
        for (float v : img.rgb()) {
            max = Math.max(max, v);
        }
        out[LightLayout.DIST_MAX] = max;
    }

    /** The environment maps of the scene's infinite lights. */
    EnvironmentMaps maps() {
        return maps;
    }

    /**
     * LuxRender's point and spot lights: gain times power * efficacy / (solid-angle factor * Y) when
     * both are given (lights/point.cpp, spot.cpp; defaults 0, so no normalisation). pbrt: 1.
     */
    private double luxPowerGain(ParamSet ps, LightEmission.Emission c, double solidAngle) {
        if (emission.pbrt()) {
            return 1;
        }
        double k = ps.getFloat("power", 0) * ps.getFloat("efficacy", 0) / (solidAngle * luminance(c.base()));
        return k > 0 && Double.isFinite(k) ? k : 1;
    }

    int otherCount() {
        return others.size();
    }

    float[] otherParams(int i) {
        return others.get(i);
    }

    int otherType(int i) {
        return otherTypes.get(i);
    }

    /** Parameters of an area light entry for one triangle of an emitter group. */
    float[] areaParams(int emitter, float area) {
        return areaParams(emitter, area, false);
    }

    /**
     * Parameters of an area light entry for one primitive of an emitter group. A sphere emits
     * uniformly: the spherical function of a LuxRender area light is applied on triangles only (one
     * warning per emitter).
     */
    float[] areaParams(int emitter, float area, boolean sphere) {
        Emitter e = emitters.get(emitter);
        float[] out = new float[STRIDE];
        out[L] = e.l[0];
        out[L + 1] = e.l[1];
        out[L + 2] = e.l[2];
        out[TWO_SIDED] = e.twoSided ? 1 : 0;
        out[AREA] = area;
        if (e.map > 0 && sphere && !e.sphereWarned) {
            e.sphereWarned = true;
            warnings.add(new SceneWarning(e.desc.loc(), "AreaLightSource \"area\": an emission distribution"
                    + " (\"iesname\", \"mapname\") on a sphere is not supported; the sphere emits uniformly"));
        }
        if (e.map > 0 && !sphere) {
            for (int c = 0; c < 3; c++) {
                out[L + c] = (float) (e.l[c] / (4 * e.distMean));
            }
            out[TWO_SIDED] = 1; // with a function, both sides emit (area.cpp L: no orientation test)
            out[LightLayout.MAP] = e.map;
            out[LightLayout.DIST_MEAN] = (float) e.distMean;
            out[LightLayout.DIST_MAX] = (float) e.distMax;
        }
        return out;
    }

    /** Power of a compiled light, by luminance, for light selection; the scene radius scales lights at infinity. */
    static double power(int type, float[] p, double sceneRadius) {
        double y = luminance(new float[] {p[L], p[L + 1], p[L + 2]});
        switch (type) {
            case LightLayout.AREA_TRIANGLE:
            case LightLayout.AREA_SPHERE:
                if (p[LightLayout.MAP] > 0) {
                    // LuxRender AreaLight::Power with a spherical function: L gain area pi, L = 4 mean L'.
                    return y * p[AREA] * Math.PI * 4 * p[LightLayout.DIST_MEAN];
                }
                return y * p[AREA] * Math.PI * (p[TWO_SIDED] != 0 ? 2 : 1);
            case LightLayout.POINT:
                return 4 * Math.PI * y * (p[LightLayout.MAP] > 0 ? p[LightLayout.DIST_MEAN] : 1);
            case LightLayout.PROJECTION: {
                // pbrt-v3 ProjectionLight::Power: the cone through the screen window's corners.
                double aspect = p[LightLayout.PROJ_HALF_W] / p[LightLayout.PROJ_HALF_H];
                double tanDiag = Math.sqrt(1 + 1 / (aspect * aspect)) / p[LightLayout.PROJ_INV_TAN];
                return 2 * Math.PI * y * (1 - Math.cos(Math.atan(tanDiag))) * p[LightLayout.DIST_MEAN];
            }
            case LightLayout.SPOT:
                return 2 * Math.PI * y * (1 - 0.5 * (p[COS_FALLOFF] + p[COS_TOTAL]));
            case LightLayout.INFINITE:
            case LightLayout.DISTANT:
                return Math.PI * sceneRadius * sceneRadius * y;
            case LightLayout.SUN:
                // The flux through the scene's disc: radiance times the cone's solid angle.
                return Math.PI * sceneRadius * sceneRadius * y * 2 * Math.PI * p[LightLayout.ONE_MINUS_COS_MAX];
            default:
                return 0;
        }
    }

    static double luminance(float[] c) {
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static void set3(float[] out, int off, float[] v, double scale) {
        for (int c = 0; c < 3; c++) {
            out[off + c] = (float) Math.max(0, v[c] * scale);
        }
    }

    private static void setPoint(float[] out, int off, double[] v) {
        out[off] = (float) v[0];
        out[off + 1] = (float) v[1];
        out[off + 2] = (float) v[2];
    }

    private static boolean normalize(double[] v) {
        double l = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        if (!(l > 0)) {
            return false;
        }
        v[0] /= l;
        v[1] /= l;
        v[2] /= l;
        return true;
    }
}
