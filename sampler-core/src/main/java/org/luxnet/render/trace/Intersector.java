package org.luxnet.render.trace;

import org.luxnet.scene.compile.BvhBuilder;
import org.luxnet.scene.compiled.CompiledScene;

/**
 * Ray queries against a compiled scene: closest hit and occlusion. One instance per thread (it owns
 * the traversal stack and the hit record); never allocates. Ray directions must be unit length
 * (sphere tests rely on it). Valid hits have {@code 0 < t < tMax}; callers offset ray origins off
 * surfaces instead of using an epsilon here.
 */
public final class Intersector {
    private final CompiledScene s;
    private final int[] stack = new int[BvhBuilder.MAX_DEPTH + 2];
    private final float[] stackT = new float[BvhBuilder.MAX_DEPTH + 2];

    /** Closest hit found by {@link #intersect}: distance, barycentrics (u, v) or 0, primitive index. */
    public float hitT, hitU, hitV;
    public int hitPrim;
    /** Number of rays traced (closest-hit and shadow), for statistics. */
    public long rays;

    public Intersector(CompiledScene scene) {
        this.s = scene;
    }

    private static float inv(float d) {
        // Avoid 0 * inf = NaN in the slab test for axis-parallel rays.
        if (Math.abs(d) < 1e-20f) {
            d = d < 0 ? -1e-20f : 1e-20f;
        }
        return 1f / d;
    }

    /**
     * Finds the closest surface along o + t d, 0 < t < tMax. On a hit returns true and fills hitT,
     * hitU, hitV and hitPrim.
     */
    public boolean intersect(float ox, float oy, float oz, float dx, float dy, float dz, float tMax) {
        rays++;
        final float[] nb = s.bvhBounds;
        final int[] nc = s.bvhChildren;
        final int[] prims = s.bvhPrims;
        final float idx = inv(dx), idy = inv(dy), idz = inv(dz);
        final int nx = idx < 0 ? 3 : 0, ny = idy < 0 ? 4 : 1, nz = idz < 0 ? 5 : 2;
        final int fx = 3 - nx, fy = 5 - ny, fz = 7 - nz;
        final float oxi = ox * idx, oyi = oy * idy, ozi = oz * idz;
        float tBest = tMax;
        int best = -1;
        float bu = 0, bv = 0;
        int sp = 0;
        int node = 0;
        while (true) {
            int b = node * 12;
            float l0 = Math.max(Math.max(nb[b + nx] * idx - oxi, nb[b + ny] * idy - oyi), Math.max(nb[b + nz] * idz - ozi, 0f));
            float l1 = Math.min(Math.min(nb[b + fx] * idx - oxi, nb[b + fy] * idy - oyi), Math.min(nb[b + fz] * idz - ozi, tBest));
            float r0 = Math.max(Math.max(nb[b + 6 + nx] * idx - oxi, nb[b + 6 + ny] * idy - oyi), Math.max(nb[b + 6 + nz] * idz - ozi, 0f));
            float r1 = Math.min(Math.min(nb[b + 6 + fx] * idx - oxi, nb[b + 6 + fy] * idy - oyi), Math.min(nb[b + 6 + fz] * idz - ozi, tBest));
            int c = node * 4;
            boolean hitL = l0 <= l1, hitR = r0 <= r1;
            int leftRef = nc[c], leftCount = nc[c + 1], rightRef = nc[c + 2], rightCount = nc[c + 3];
            if (hitL && leftCount > 0) {
                for (int i = leftRef, e = leftRef + leftCount; i < e; i++) {
                    int p = prims[i];
                    if (p < s.triangleCount ? triangle(p, ox, oy, oz, dx, dy, dz, tBest) : sphere(p, ox, oy, oz, dx, dy, dz, tBest)) {
                        tBest = hitT;
                        best = p;
                        bu = hitU;
                        bv = hitV;
                    }
                }
                hitL = false;
            }
            if (hitR && rightCount > 0) {
                for (int i = rightRef, e = rightRef + rightCount; i < e; i++) {
                    int p = prims[i];
                    if (p < s.triangleCount ? triangle(p, ox, oy, oz, dx, dy, dz, tBest) : sphere(p, ox, oy, oz, dx, dy, dz, tBest)) {
                        tBest = hitT;
                        best = p;
                        bu = hitU;
                        bv = hitV;
                    }
                }
                hitR = false;
            }
            if (hitL && hitR) {
                if (l0 <= r0) {
                    stack[sp] = rightRef;
                    stackT[sp++] = r0;
                    node = leftRef;
                } else {
                    stack[sp] = leftRef;
                    stackT[sp++] = l0;
                    node = rightRef;
                }
            } else if (hitL) {
                node = leftRef;
            } else if (hitR) {
                node = rightRef;
            } else {
                // Pop the next node that could still hold something nearer than the best hit.
                do {
                    if (sp == 0) {
                        if (best < 0) {
                            return false;
                        }
                        hitT = tBest;
                        hitU = bu;
                        hitV = bv;
                        hitPrim = best;
                        return true;
                    }
                    node = stack[--sp];
                } while (stackT[sp] > tBest);
            }
        }
    }

    /**
     * True when anything blocks o + t d for 0 < t < tMax (shadow rays; stops at the first hit).
     * Null-material surfaces do not block: paths pass through them.
     */
    public boolean occluded(float ox, float oy, float oz, float dx, float dy, float dz, float tMax) {
        rays++;
        final float[] nb = s.bvhBounds;
        final int[] nc = s.bvhChildren;
        final int[] prims = s.bvhPrims;
        final float idx = inv(dx), idy = inv(dy), idz = inv(dz);
        final int nx = idx < 0 ? 3 : 0, ny = idy < 0 ? 4 : 1, nz = idz < 0 ? 5 : 2;
        final int fx = 3 - nx, fy = 5 - ny, fz = 7 - nz;
        final float oxi = ox * idx, oyi = oy * idy, ozi = oz * idz;
        int sp = 0;
        int node = 0;
        while (true) {
            int b = node * 12;
            float l0 = Math.max(Math.max(nb[b + nx] * idx - oxi, nb[b + ny] * idy - oyi), Math.max(nb[b + nz] * idz - ozi, 0f));
            float l1 = Math.min(Math.min(nb[b + fx] * idx - oxi, nb[b + fy] * idy - oyi), Math.min(nb[b + fz] * idz - ozi, tMax));
            float r0 = Math.max(Math.max(nb[b + 6 + nx] * idx - oxi, nb[b + 6 + ny] * idy - oyi), Math.max(nb[b + 6 + nz] * idz - ozi, 0f));
            float r1 = Math.min(Math.min(nb[b + 6 + fx] * idx - oxi, nb[b + 6 + fy] * idy - oyi), Math.min(nb[b + 6 + fz] * idz - ozi, tMax));
            int c = node * 4;
            boolean hitL = l0 <= l1, hitR = r0 <= r1;
            int leftRef = nc[c], leftCount = nc[c + 1], rightRef = nc[c + 2], rightCount = nc[c + 3];
            if (hitL && leftCount > 0) {
                for (int i = leftRef, e = leftRef + leftCount; i < e; i++) {
                    int p = prims[i];
                    if ((p < s.triangleCount ? triangle(p, ox, oy, oz, dx, dy, dz, tMax) : sphere(p, ox, oy, oz, dx, dy, dz, tMax))
                            && !(s.hasNullSurfaces && s.isNullSurface(p))) {
                        return true;
                    }
                }
                hitL = false;
            }
            if (hitR && rightCount > 0) {
                for (int i = rightRef, e = rightRef + rightCount; i < e; i++) {
                    int p = prims[i];
                    if ((p < s.triangleCount ? triangle(p, ox, oy, oz, dx, dy, dz, tMax) : sphere(p, ox, oy, oz, dx, dy, dz, tMax))
                            && !(s.hasNullSurfaces && s.isNullSurface(p))) {
                        return true;
                    }
                }
                hitR = false;
            }
            if (hitL && hitR) {
                stack[sp++] = rightRef;
                node = leftRef;
            } else if (hitL) {
                node = leftRef;
            } else if (hitR) {
                node = rightRef;
            } else {
                if (sp == 0) {
                    return false;
                }
                node = stack[--sp];
            }
        }
    }

    /** Moeller-Trumbore; on a hit nearer than tMax stores t and barycentrics in the hit fields. */
    private boolean triangle(int p, float ox, float oy, float oz, float dx, float dy, float dz, float tMax) {
        final float[] g = s.triGeom;
        int o = p * 9;
        float e1x = g[o + 3], e1y = g[o + 4], e1z = g[o + 5];
        float e2x = g[o + 6], e2y = g[o + 7], e2z = g[o + 8];
        float px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
        float det = e1x * px + e1y * py + e1z * pz;
        if (det == 0) {
            return false;
        }
        float inv = 1f / det;
        float tx = ox - g[o], ty = oy - g[o + 1], tz = oz - g[o + 2];
        float u = (tx * px + ty * py + tz * pz) * inv;
        if (u < 0 || u > 1) {
            return false;
        }
        float qx = ty * e1z - tz * e1y, qy = tz * e1x - tx * e1z, qz = tx * e1y - ty * e1x;
        float v = (dx * qx + dy * qy + dz * qz) * inv;
        if (v < 0 || u + v > 1) {
            return false;
        }
        float t = (e2x * qx + e2y * qy + e2z * qz) * inv;
        if (t > 0 && t < tMax) {
            hitT = t;
            hitU = u;
            hitV = v;
            return true;
        }
        return false;
    }

    /** Ray-sphere with the numerically stable discriminant of Ray Tracing Gems, ch. 7. */
    private boolean sphere(int p, float ox, float oy, float oz, float dx, float dy, float dz, float tMax) {
        final float[] g = s.sphereGeom;
        int o = (p - s.triangleCount) * 4;
        float r = g[o + 3];
        float fx = ox - g[o], fy = oy - g[o + 1], fz = oz - g[o + 2];
        float b = fx * dx + fy * dy + fz * dz;
        float lx = fx - b * dx, ly = fy - b * dy, lz = fz - b * dz;
        float disc = r * r - (lx * lx + ly * ly + lz * lz);
        if (disc < 0) {
            return false;
        }
        float c = fx * fx + fy * fy + fz * fz - r * r;
        float q = -(b + Math.copySign((float) Math.sqrt(disc), b));
        float t0 = c / q, t1 = q;
        if (t0 > t1) {
            float t = t0;
            t0 = t1;
            t1 = t;
        }
        float t = t0 > 0 ? t0 : t1;
        if (t > 0 && t < tMax) {
            hitT = t;
            hitU = 0;
            hitV = 0;
            return true;
        }
        return false;
    }
}
