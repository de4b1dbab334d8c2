package org.luxnet.render.integrator;

import org.luxnet.render.bsdf.Bsdf;
import org.luxnet.render.bsdf.BsdfSample;
import org.luxnet.render.light.LightSampler;
import org.luxnet.render.sampler.Sampler;
import org.luxnet.render.trace.Intersector;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.compiled.MaterialLayout;

/**
 * Unidirectional path tracer: the radiance arriving along one camera ray. Next-event estimation to
 * one light per vertex, chosen by power, combined with BSDF sampling by multiple importance
 * sampling (power heuristic); Russian roulette; null surfaces are passed through without counting
 * a bounce. Knows nothing of threads, films or pixels.
 *
 * <p>One instance per thread: it owns its scratch state and never allocates while tracing.
 */
public final class PathTracer {
    private static final int MAX_PASS_THROUGH = 256;

    private final CompiledScene s;
    private final PathSettings settings;
    private final Intersector isect;
    private final LightSampler lights;
    private final BsdfSample bs = new BsdfSample();
    private final float[] tmp = new float[4];

    /** Radiance of the last traced ray. */
    public float r, g, b;

    public PathTracer(CompiledScene scene, PathSettings settings) {
        this.s = scene;
        this.settings = settings;
        this.isect = new Intersector(scene);
        this.lights = new LightSampler(scene);
    }

    /** Rays traced so far by this tracer (camera, bounce and shadow rays). */
    public long rayCount() {
        return isect.rays;
    }

    /** The intersector this tracer uses (exposed for benchmarks of traversal alone). */
    public Intersector intersector() {
        return isect;
    }

    /**
     * Traces the path starting with ray (o, d), d of unit length, drawing numbers from {@code
     * sampler} (already started for this sample); leaves the radiance in {@link #r}, {@link #g},
     * {@link #b}.
     */
    public void trace(Sampler sampler, float ox, float oy, float oz, float dx, float dy, float dz) {
        final CompiledScene sc = s;
        float lr = 0, lg = 0, lb = 0;
        float br = 1, bg = 1, bb = 1;
        float etaScale = 1;
        boolean specular = false;
        float prevPdf = 0;
        float px = ox, py = oy, pz = oz; // previous vertex, for light densities
        int bounce = 0;
        int passes = 0;
        final int maxDepth = settings.maxDepth();
        while (true) {
            if (!isect.intersect(ox, oy, oz, dx, dy, dz, Float.POSITIVE_INFINITY)) {
                // Escaped: environment lights.
                int[] inf = sc.infiniteLights;
                for (int k = 0; k < inf.length; k++) {
                    int li = inf[k];
                    if (sc.lightType[li] != LightLayout.INFINITE) {
                        continue;
                    }
                    float w = (bounce == 0 || specular) ? 1f : powerHeuristic(prevPdf, lights.pdfInfinite(li));
                    int o = li * LightLayout.STRIDE;
                    lr += br * sc.lightParams[o] * w;
                    lg += bg * sc.lightParams[o + 1] * w;
                    lb += bb * sc.lightParams[o + 2] * w;
                }
                break;
            }
            final int prim = isect.hitPrim;
            final float t = isect.hitT;
            // Hit point, oriented geometric normal, shading normal, material, light.
            float hx, hy, hz, ngx, ngy, ngz, nsx, nsy, nsz, eps;
            int mat, light;
            if (prim < sc.triangleCount) {
                float[] tg = sc.triGeom;
                int o = prim * 9;
                float u = isect.hitU, v = isect.hitV;
                hx = tg[o] + u * tg[o + 3] + v * tg[o + 6];
                hy = tg[o + 1] + u * tg[o + 4] + v * tg[o + 7];
                hz = tg[o + 2] + u * tg[o + 5] + v * tg[o + 8];
                eps = 1e-6f * (Math.abs(tg[o]) + Math.abs(tg[o + 1]) + Math.abs(tg[o + 2]) + Math.abs(tg[o + 3])
                        + Math.abs(tg[o + 4]) + Math.abs(tg[o + 5]) + Math.abs(tg[o + 6]) + Math.abs(tg[o + 7])
                        + Math.abs(tg[o + 8]));
                ngx = sc.triNg[3 * prim];
                ngy = sc.triNg[3 * prim + 1];
                ngz = sc.triNg[3 * prim + 2];
                if (sc.triHasNs[prim] != 0) {
                    float[] n = sc.triNs;
                    float w0 = 1 - u - v;
                    nsx = w0 * n[o] + u * n[o + 3] + v * n[o + 6];
                    nsy = w0 * n[o + 1] + u * n[o + 4] + v * n[o + 7];
                    nsz = w0 * n[o + 2] + u * n[o + 5] + v * n[o + 8];
                    float len = (float) Math.sqrt(nsx * nsx + nsy * nsy + nsz * nsz);
                    if (len > 0) {
                        nsx /= len;
                        nsy /= len;
                        nsz /= len;
                    } else {
                        nsx = ngx;
                        nsy = ngy;
                        nsz = ngz;
                    }
                } else {
                    nsx = ngx;
                    nsy = ngy;
                    nsz = ngz;
                }
                mat = sc.triMaterial[prim];
                light = sc.triLight[prim];
            } else {
                int sp = prim - sc.triangleCount;
                float[] sg = sc.sphereGeom;
                float cx = sg[4 * sp], cy = sg[4 * sp + 1], cz = sg[4 * sp + 2], rad = sg[4 * sp + 3];
                float qx = ox + t * dx - cx, qy = oy + t * dy - cy, qz = oz + t * dz - cz;
                float ql = (float) Math.sqrt(qx * qx + qy * qy + qz * qz);
                float f = sc.sphereFlip[sp] != 0 ? -1f / ql : 1f / ql;
                ngx = qx * f;
                ngy = qy * f;
                ngz = qz * f;
                // Re-project onto the surface to shed the error of o + t d.
                float k = rad / ql;
                hx = cx + qx * k;
                hy = cy + qy * k;
                hz = cz + qz * k;
                eps = 1e-6f * (Math.abs(cx) + Math.abs(cy) + Math.abs(cz) + rad);
                nsx = ngx;
                nsy = ngy;
                nsz = ngz;
                mat = sc.sphereMaterial[sp];
                light = sc.sphereLight[sp];
            }
            float cosGeo = -(dx * ngx + dy * ngy + dz * ngz); // > 0: hit from the front
            // Emission.
            if (light >= 0) {
                int o = light * LightLayout.STRIDE;
                float cosL = sc.lightParams[o + LightLayout.TWO_SIDED] != 0 ? Math.abs(cosGeo) : cosGeo;
                if (cosL > 0) {
                    // The light's density is over the whole segment from the last scattering vertex,
                    // which is longer than t when the ray passed through null surfaces.
                    float w = 1f;
                    if (bounce != 0 && !specular) {
                        float ex = hx - px, ey = hy - py, ez = hz - pz;
                        float dist = passes == 0 ? t : (float) Math.sqrt(ex * ex + ey * ey + ez * ez);
                        w = powerHeuristic(prevPdf, lights.pdfArea(light, px, py, pz, dist, cosL));
                    }
                    lr += br * sc.lightParams[o] * w;
                    lg += bg * sc.lightParams[o + 1] * w;
                    lb += bb * sc.lightParams[o + 2] * w;
                }
            }
            if (bounce >= maxDepth) {
                break;
            }
            final int type = sc.matType[mat];
            if (type == MaterialLayout.NULL) {
                // Invisible surface: continue straight on from just behind it.
                if (++passes > MAX_PASS_THROUGH) {
                    break;
                }
                float side = cosGeo > 0 ? -eps : eps;
                ox = hx + ngx * side;
                oy = hy + ngy * side;
                oz = hz + ngz * side;
                continue;
            }
            // Shading frame around the shading normal (Duff et al. 2017).
            float sign = Math.copySign(1f, nsz);
            float fa = -1f / (sign + nsz);
            float fb = nsx * nsy * fa;
            float sx = 1 + sign * nsx * nsx * fa, sy = sign * fb, sz = -sign * nsx;
            float tx = fb, ty = sign + nsy * nsy * fa, tz = -nsy;
            float wox = -(dx * sx + dy * sy + dz * sz);
            float woy = -(dx * tx + dy * ty + dz * tz);
            float woz = -(dx * nsx + dy * nsy + dz * nsz);
            sampler.startBounce(bounce);

            // Next-event estimation.
            if (Bsdf.hasSmoothLobe(type) && lights.sample(hx, hy, hz, sampler.get(Sampler.LIGHT_SELECT),
                    sampler.get(Sampler.LIGHT_U), sampler.get(Sampler.LIGHT_V))) {
                float wix = lights.wix, wiy = lights.wiy, wiz = lights.wiz;
                float cosGi = wix * ngx + wiy * ngy + wiz * ngz;
                float lx = wix * sx + wiy * sy + wiz * sz;
                float ly = wix * tx + wiy * ty + wiz * tz;
                float lz = wix * nsx + wiy * nsy + wiz * nsz;
                // Reflection or transmission as the geometric normal sees it must agree with the shading frame.
                if ((cosGi * cosGeo > 0) == (lz * woz > 0)) {
                    Bsdf.eval(sc, mat, wox, woy, woz, lx, ly, lz, bs);
                    float cos = Math.abs(lz);
                    float fr = bs.r * cos, fg = bs.g * cos, fb2 = bs.b * cos;
                    if ((fr > 0 || fg > 0 || fb2 > 0) && lights.pdf > 0) {
                        float side = cosGi > 0 ? eps : -eps;
                        float sox = hx + ngx * side, soy = hy + ngy * side, soz = hz + ngz * side;
                        // The offset origin is nearer the light by eps |cos|; stop short of the light's
                        // own surface by its margin, so the light never shadows itself.
                        float tMax = lights.dist == Float.POSITIVE_INFINITY ? Float.POSITIVE_INFINITY
                                : (lights.dist - eps * Math.abs(cosGi) - lights.margin) * 0.99999f;
                        if (!isect.occluded(sox, soy, soz, wix, wiy, wiz, tMax)) {
                            float w = lights.delta ? 1f : powerHeuristic(lights.pdf, bs.pdf);
                            float k = w / lights.pdf;
                            lr += br * fr * lights.lr * k;
                            lg += bg * fg * lights.lg * k;
                            lb += bb * fb2 * lights.lb * k;
                        }
                    }
                }
            }

            // Sample the BSDF for the next direction.
            if (!Bsdf.sample(sc, mat, wox, woy, woz, sampler.get(Sampler.BSDF_U), sampler.get(Sampler.BSDF_V),
                    sampler.get(Sampler.BSDF_LOBE), bs, tmp)) {
                break;
            }
            float ndx = bs.wix * sx + bs.wiy * tx + bs.wiz * nsx;
            float ndy = bs.wix * sy + bs.wiy * ty + bs.wiz * nsy;
            float ndz = bs.wix * sz + bs.wiy * tz + bs.wiz * nsz;
            float nl = (float) (1 / Math.sqrt(ndx * ndx + ndy * ndy + ndz * ndz));
            ndx *= nl;
            ndy *= nl;
            ndz *= nl;
            float cosGn = ndx * ngx + ndy * ngy + ndz * ngz;
            if (!bs.specular && ((cosGn * cosGeo > 0) != (bs.wiz * woz > 0))) {
                // The shading normal sent the ray to the wrong side of the geometry: light leak.
                break;
            }
            br *= bs.r;
            bg *= bs.g;
            bb *= bs.b;
            if (!(br > 0 || bg > 0 || bb > 0)) {
                break;
            }
            specular = bs.specular;
            prevPdf = bs.pdf;
            if (bs.specular && bs.transmission) {
                etaScale *= bs.etaScale;
            }
            px = hx;
            py = hy;
            pz = hz;
            float side = cosGn > 0 ? eps : -eps;
            ox = hx + ngx * side;
            oy = hy + ngy * side;
            oz = hz + ngz * side;
            dx = ndx;
            dy = ndy;
            dz = ndz;

            // Russian roulette.
            if (bounce >= settings.rrStartBounce() && settings.roulette() != PathSettings.Roulette.NONE) {
                float q;
                if (settings.roulette() == PathSettings.Roulette.EFFICIENCY) {
                    // pbrt-v4's rule: continue with probability max(throughput). Throughput that
                    // is 1 but for float rounding (glass: 1/eta^2 * eta^2) must not be played.
                    float m = Math.max(br, Math.max(bg, bb)) * etaScale;
                    q = m < 0.99999f ? 1 - m : 0f;
                } else {
                    q = 1 - settings.rrContinueProb();
                }
                if (q > 0) {
                    if (sampler.get(Sampler.ROULETTE) < q) {
                        break;
                    }
                    float k = 1 / (1 - q);
                    br *= k;
                    bg *= k;
                    bb *= k;
                }
            }
            bounce++;
        }
        r = lr;
        g = lg;
        b = lb;
    }

    private static float powerHeuristic(float f, float g) {
        float f2 = f * f, g2 = g * g;
        if (f2 == Float.POSITIVE_INFINITY) {
            return 1f;
        }
        return f2 + g2 > 0 ? f2 / (f2 + g2) : 0f;
    }
}
