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
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.desc.AreaLightDesc;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.LightDesc;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.TextureDesc;

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
        ps.get("nsamples");
        if (!pbrtLight) {
            ps.get("samples");
        }
        if (!pbrtLight) {
            ps.get("importance"); // LightRenderingHints: the "importance" light strategy's weight, not the image
        }
        warnings.addAll(ps.unused("AreaLightSource \"" + a.type() + "\""));
        emitters.add(e);
        return emitters.size() - 1;
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
                set3(out, L, i.scaled(), luxPowerGain(ps, i, 4 * Math.PI));
                setPoint(out, POS, tmp);
                type = LightLayout.POINT;
                break;
            }
            case "spot": {
                LightEmission.Emission i = emission.read(ps, true, statement);
                float[] from = ps.getPoint("from", new float[] {0, 0, 0});
                float[] to = ps.getPoint("to", new float[] {0, 0, 1});
                double cone = ps.getFloat("coneangle", 30), delta = ps.getFloat("conedeltaangle", 5);
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
                } else if (ps.has("mapname")) {
                    ps.get("mapname").markUsed();
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
                        + "\" is not supported and was skipped (supported: point, spot, infinite, distant, area"
                        + (emission.pbrt() ? "" : ", infinitesample, sun, sky, sunsky, sky2, sunsky2") + ")"));
                return;
        }
        if (!emission.pbrt()) {
            ps.get("importance"); // LightRenderingHints: the "importance" light strategy's weight, not the image
        }
        warnings.addAll(ps.unused(statement));
        others.add(out);
        otherTypes.add(type);
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

    /** Parameters of an area light entry for one primitive of an emitter group. */
    float[] areaParams(int emitter, float area) {
        Emitter e = emitters.get(emitter);
        float[] out = new float[STRIDE];
        out[L] = e.l[0];
        out[L + 1] = e.l[1];
        out[L + 2] = e.l[2];
        out[TWO_SIDED] = e.twoSided ? 1 : 0;
        out[AREA] = area;
        return out;
    }

    /** Power of a compiled light, by luminance, for light selection; the scene radius scales lights at infinity. */
    static double power(int type, float[] p, double sceneRadius) {
        double y = luminance(new float[] {p[L], p[L + 1], p[L + 2]});
        switch (type) {
            case LightLayout.AREA_TRIANGLE:
            case LightLayout.AREA_SPHERE:
                return y * p[AREA] * Math.PI * (p[TWO_SIDED] != 0 ? 2 : 1);
            case LightLayout.POINT:
                return 4 * Math.PI * y;
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
