package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.CompiledScene.INST_O2W;
import static org.luxnet.scene.compiled.CompiledScene.INST_STRIDE;
import static org.luxnet.scene.compiled.MaterialLayout.BUMP;
import static org.luxnet.scene.compiled.MaterialLayout.BUMP_DELTA;
import static org.luxnet.scene.compiled.MaterialLayout.BUMP_MODE;
import static org.luxnet.scene.compiled.MaterialLayout.BUMP_NONE;
import static org.luxnet.scene.compiled.MaterialLayout.BUMP_NORMAL_MAP;
import static org.luxnet.scene.compiled.MaterialLayout.BUMP_PBRT;
import static org.luxnet.scene.compiled.MaterialLayout.STRIDE;

/**
 * The layer between the textures and the BSDFs: bump and normal mapping. {@link #bumpNormal} builds
 * the surface's partial derivatives dp/du, dp/dv (and dn/du, dn/dv) at the hit as pbrt-v3's shapes
 * do, evaluates the material's {@link org.luxnet.scene.compiled.MaterialLayout#BUMP} texture program
 * (TextureKernel.evalProgram) at the hit and at points shifted along u and v, and leaves the
 * perturbed shading normal in the VEC slots of {@link Scratch}. Three rules, one code path:
 * <ul>
 * <li>pbrt-v3 (core/material.cpp Material::Bump): steps du = .5 (|dudx| + |dudy|) in u over the
 * hit's texture footprint (the DUDX..DVDY slots {@link CameraKernel#footprint} leaves), dv likewise,
 * each .0005 where the footprint gives 0 (no ray differentials: after a diffuse or glossy bounce, or
 * LuxRender scenes). dp/du' = dp/du + (d(u + du) - d) / du n +
 * d dn/du; the normal is turned to the geometric normal's side (SetShadingGeometry, not
 * authoritative).</li>
 * <li>LuxRender 1.x (core/material.cpp Material::Bump with Texture::GetDuv's generic finite
 * difference): the step is "bumpmapsampledistance" in world units, uu = delta / |dp/du|;
 * dp/du' = dp/du + (d(u + uu) - d) / uu n, no dn/du term; the normal stays on the side of the
 * unperturbed shading normal.</li>
 * <li>LuxRender normalmap (textures/imagemap.cpp NormalMapTexture::GetDuv): the colour c is the
 * tangent-space normal 2c - 1 in the frame (tangent, bitangent, n), normalized, where the tangent and
 * bitangent are dp/du and dp/dv themselves, not normalized (core/geometry/raydifferential.cpp), or
 * on meshes with normals the unit shading tangents; its slopes are du = dp/du . (-n' / (n . n')),
 * dv likewise, then LuxRender's Bump as above.</li>
 * </ul>
 * Triangles with vertex normals use each renderer's shading tangents around the shading normal.
 */
abstract class BumpKernel extends TextureKernel {
    private static final float TWO_PI_B = (float) (2 * Math.PI);

    /** The height (first channel) of the program start..root at surface point (su, sv) and world point p. */
    private float bumpHeight(int gid, int prim, int start, int root, float su, float sv, float px, float py, float pz) {
        int r = evalProgram(gid, prim, start, root, 0, 1, su, sv, px, py, pz);
        return texRegs[(r - start) * 3 * capacity + gid];
    }

    /**
     * Component c of (x, y, z) in world space for instance {@code inst}: a vector (kind 0) by its
     * object-to-world matrix, a normal (kind 1) by the inverse transpose; unchanged for world geometry.
     */
    private float toWorld(int inst, int kind, int c, float x, float y, float z) {
        float out = c == 0 ? x : c == 1 ? y : z;
        if (inst >= 0) {
            int w = inst * INST_STRIDE + INST_O2W + 4 * c;
            out = instXform[w] * x + instXform[w + 1] * y + instXform[w + 2] * z;
            if (kind == 1) {
                w = inst * INST_STRIDE + c;
                out = instXform[w] * x + instXform[w + 4] * y + instXform[w + 8] * z;
            }
        }
        return out;
    }

    /**
     * The shading normal of material {@code mat} at the hit (prim, point h, geometric normal ng,
     * shading normal ns, all in world space) after its bump or normal map, written to VEC_X..VEC_Z;
     * false, writing nothing, when the material has none. Needs {@link #shadeMaterial} to have run
     * (it leaves the hit's (u, v) in SURF_U, SURF_V).
     */
    boolean bumpNormal(int gid, int prim, int mat, float hx, float hy, float hz, float ngx, float ngy, float ngz,
                       float nsx, float nsy, float nsz) {
        int m = mat * STRIDE;
        int mode = (int) shade[m + BUMP_MODE];
        int start = matTexStart[m + BUMP];
        // Curves take no bump map (the compiler warns): their dpdv depends on the ray.
        boolean bumped = mode != BUMP_NONE && start >= 0 && prim < curveBase;
        if (bumped) {
            int root = matTexRoot[m + BUMP];
            boolean pbrt = mode == BUMP_PBRT;
            float su = scratch[Scratch.SURF_U * capacity + gid], sv = scratch[Scratch.SURF_V * capacity + gid];
            // Partial derivatives of the point (dpdu, dpdv) and of the normal (dndu, dndv), world space.
            float ux = 0f, uy = 0f, uz = 0f, vx = 0f, vy = 0f, vz = 0f;
            float nux = 0f, nuy = 0f, nuz = 0f, nvx = 0f, nvy = 0f, nvz = 0f;
            // LuxRender's normal-map tangent and bitangent as multiples of dpdu, dpdv (DifferentialGeometry: dpdu, dpdv).
            float tanU = 1f, tanV = 1f;
            if (prim < triangleCount) {
                // pbrt-v3 Triangle::Intersect: solve [uv0 - uv2, uv1 - uv2] for dpdu, dpdv (vertex i = v0 + edges).
                int o = prim * 9;
                int q = 6 * prim;
                float du02 = texTriUv[q] - texTriUv[q + 4], dv02 = texTriUv[q + 1] - texTriUv[q + 5];
                float du12 = texTriUv[q + 2] - texTriUv[q + 4], dv12 = texTriUv[q + 3] - texTriUv[q + 5];
                float det = du02 * dv12 - dv02 * du12;
                float ax = -triGeom[o + 6], ay = -triGeom[o + 7], az = -triGeom[o + 8]; // p0 - p2
                float bx = triGeom[o + 3] - triGeom[o + 6], by = triGeom[o + 4] - triGeom[o + 7];
                float bz = triGeom[o + 5] - triGeom[o + 8]; // p1 - p2
                if (abs(det) < 1e-8f) {
                    // Degenerate uv: pbrt's CoordinateSystem around the geometric normal.
                    float gx = triNg[3 * prim], gy = triNg[3 * prim + 1], gz = triNg[3 * prim + 2];
                    if (abs(gx) > abs(gy)) {
                        float l = 1f / sqrt(gx * gx + gz * gz);
                        ux = -gz * l;
                        uz = gx * l;
                    } else {
                        float l = 1f / sqrt(gy * gy + gz * gz);
                        uy = gz * l;
                        uz = -gy * l;
                    }
                    vx = gy * uz - gz * uy;
                    vy = gz * ux - gx * uz;
                    vz = gx * uy - gy * ux;
                } else {
                    float inv = 1f / det;
                    float ka = dv12 * inv, kb = -dv02 * inv, kc = -du12 * inv, kd = du02 * inv;
                    ux = ka * ax + kb * bx;
                    uy = ka * ay + kb * by;
                    uz = ka * az + kb * bz;
                    vx = kc * ax + kd * bx;
                    vy = kc * ay + kd * by;
                    vz = kc * az + kd * bz;
                    if (triHasNs[prim] != 0 && pbrt) {
                        // dndu, dndv from the vertex normals, the same solve (only pbrt's Bump uses them).
                        float mx = triNs[o] - triNs[o + 6], my = triNs[o + 1] - triNs[o + 7];
                        float mz = triNs[o + 2] - triNs[o + 8];
                        float px = triNs[o + 3] - triNs[o + 6], py = triNs[o + 4] - triNs[o + 7];
                        float pz = triNs[o + 5] - triNs[o + 8];
                        nux = ka * mx + kb * px;
                        nuy = ka * my + kb * py;
                        nuz = ka * mz + kb * pz;
                        nvx = kc * mx + kd * px;
                        nvy = kc * my + kd * py;
                        nvz = kc * mz + kd * pz;
                    }
                }
                // Instanced triangles: to world space (vectors by object-to-world, normals by its inverse transpose).
                int inst = (int) scratch[Scratch.HIT_INST * capacity + gid];
                float wux = toWorld(inst, 0, 0, ux, uy, uz), wuy = toWorld(inst, 0, 1, ux, uy, uz);
                float wvx = toWorld(inst, 0, 0, vx, vy, vz), wvy = toWorld(inst, 0, 1, vx, vy, vz);
                float wnux = toWorld(inst, 1, 0, nux, nuy, nuz), wnuy = toWorld(inst, 1, 1, nux, nuy, nuz);
                float wnvx = toWorld(inst, 1, 0, nvx, nvy, nvz), wnvy = toWorld(inst, 1, 1, nvx, nvy, nvz);
                uz = toWorld(inst, 0, 2, ux, uy, uz);
                vz = toWorld(inst, 0, 2, vx, vy, vz);
                nuz = toWorld(inst, 1, 2, nux, nuy, nuz);
                nvz = toWorld(inst, 1, 2, nvx, nvy, nvz);
                ux = wux;
                uy = wuy;
                vx = wvx;
                vy = wvy;
                nux = wnux;
                nuy = wnuy;
                nvx = wnvx;
                nvy = wnvy;
                if (triHasNs[prim] != 0) {
                    // Shading tangents around ns from t = cross(dpdu, ns) normalized. pbrt-v3 Triangle::Intersect:
                    // ts = t, ss = cross(ts, ns), unit length (both point along -u, -v). LuxRender
                    // MeshBaryTriangle::GetShadingGeometry: ts = -t turned along dpdv, ss = cross(-t, ns), scaled by
                    // |dpdu|, |dpdv|; its normal-map tangent space is (ss, ts) unit with bitangent sign -1 (btsign from
                    // Dot(ts, ns), which is 0).
                    float lu = sqrt(ux * ux + uy * uy + uz * uz), lv = sqrt(vx * vx + vy * vy + vz * vz);
                    float tx = uy * nsz - uz * nsy, ty = uz * nsx - ux * nsz, tz = ux * nsy - uy * nsx;
                    float tl = sqrt(tx * tx + ty * ty + tz * tz);
                    if (tl > 0) {
                        float ks = pbrt ? 1f : -lu, kt = 1f;
                        if (!pbrt) {
                            kt = vx * tx + vy * ty + vz * tz < 0 ? -lv : lv;
                            tanU = 1f / lu;
                            tanV = -1f / lv;
                        }
                        tx /= tl;
                        ty /= tl;
                        tz /= tl;
                        ux = (ty * nsz - tz * nsy) * ks;
                        uy = (tz * nsx - tx * nsz) * ks;
                        uz = (tx * nsy - ty * nsx) * ks;
                        vx = tx * kt;
                        vy = ty * kt;
                        vz = tz * kt;
                    }
                }
            } else {
                // pbrt-v3 Sphere: phi = 2 pi u, theta = pi (1 - v) in the object frame (sphereFrame: world to object rows).
                int sp = prim - triangleCount;
                float r = sphereGeom[4 * sp + 3];
                float phi = TWO_PI_B * su, theta = PI * (1f - sv);
                float sinT = sin(theta), cosT = cos(theta), cosP = cos(phi), sinP = sin(phi);
                float ox = r * sinT * cosP, oy = r * sinT * sinP, oz = r * cosT;
                // dpdu = phiMax (-y, x, 0); dpdv = (thetaMax - thetaMin) (z cos phi, z sin phi, -r sin theta), thetaMax - thetaMin = -pi.
                float aox = -TWO_PI_B * oy, aoy = TWO_PI_B * ox;
                float box = -PI * oz * cosP, boy = -PI * oz * sinP, boz = PI * r * sinT;
                int f = 9 * sp;
                ux = sphereFrame[f] * aox + sphereFrame[f + 3] * aoy;
                uy = sphereFrame[f + 1] * aox + sphereFrame[f + 4] * aoy;
                uz = sphereFrame[f + 2] * aox + sphereFrame[f + 5] * aoy;
                vx = sphereFrame[f] * box + sphereFrame[f + 3] * boy + sphereFrame[f + 6] * boz;
                vy = sphereFrame[f + 1] * box + sphereFrame[f + 4] * boy + sphereFrame[f + 7] * boz;
                vz = sphereFrame[f + 2] * box + sphereFrame[f + 5] * boy + sphereFrame[f + 8] * boz;
                // Weingarten for a sphere: dndu = dpdu / r, dndv = dpdv / r.
                float ir = 1f / r;
                nux = ux * ir;
                nuy = uy * ir;
                nuz = uz * ir;
                nvx = vx * ir;
                nvy = vy * ir;
                nvz = vz * ir;
            }

            // Slopes of the height along u and v (LuxRender's GetDuv), and the displacement d at the hit.
            float delta = shade[m + BUMP_DELTA];
            float slopeU = 0f, slopeV = 0f, d = 0f;
            if (mode == BUMP_NORMAL_MAP) {
                int rr = evalProgram(gid, prim, start, root, 0, 1, su, sv, hx, hy, hz);
                int reg = (rr - start) * 3;
                float cx = 2 * texRegs[reg * capacity + gid] - 1, cy = 2 * texRegs[(reg + 1) * capacity + gid] - 1;
                float cz = 2 * texRegs[(reg + 2) * capacity + gid] - 1;
                float wx = cx * ux * tanU + cy * vx * tanV + cz * nsx;
                float wy = cx * uy * tanU + cy * vy * tanV + cz * nsy;
                float wz = cx * uz * tanU + cy * vz * tanV + cz * nsz;
                float k = -1f / (wx * nsx + wy * nsy + wz * nsz); // the normalization cancels here
                slopeU = (ux * wx + uy * wy + uz * wz) * k;
                slopeV = (vx * wx + vy * wy + vz * wz) * k;
            } else {
                d = bumpHeight(gid, prim, start, root, su, sv, hx, hy, hz);
                // pbrt-v3: du = .5 (|dudx| + |dudy|) over the hit's footprint (CameraKernel.footprint, already run
                // for this bumped, hence textured, material), .0005 (delta) where that is zero; dv likewise.
                float stepU = 0.5f * (abs(scratch[Scratch.DUDX * capacity + gid]) + abs(scratch[Scratch.DUDY * capacity + gid]));
                float stepV = 0.5f * (abs(scratch[Scratch.DVDX * capacity + gid]) + abs(scratch[Scratch.DVDY * capacity + gid]));
                if (stepU == 0) {
                    stepU = delta;
                }
                if (stepV == 0) {
                    stepV = delta;
                }
                if (!pbrt) {
                    // LuxRender 1.x (Texture::GetDuv): "bumpmapsampledistance" in world units, whatever the footprint.
                    stepU = delta / sqrt(ux * ux + uy * uy + uz * uz);
                    stepV = delta / sqrt(vx * vx + vy * vy + vz * vz);
                }
                float dU = bumpHeight(gid, prim, start, root, su + stepU, sv, hx + stepU * ux, hy + stepU * uy, hz + stepU * uz);
                float dV = bumpHeight(gid, prim, start, root, su, sv + stepV, hx + stepV * vx, hy + stepV * vy, hz + stepV * vz);
                slopeU = (dU - d) / stepU;
                slopeV = (dV - d) / stepV;
            }
            if (!pbrt) {
                d = 0f; // LuxRender drops the d dn/du term ("creates artefacts")
            }
            // Displaced partials and their normal.
            float pux = ux + slopeU * nsx + d * nux, puy = uy + slopeU * nsy + d * nuy, puz = uz + slopeU * nsz + d * nuz;
            float pvx = vx + slopeV * nsx + d * nvx, pvy = vy + slopeV * nsy + d * nvy, pvz = vz + slopeV * nsz + d * nvz;
            float bx = puy * pvz - puz * pvy, by = puz * pvx - pux * pvz, bz = pux * pvy - puy * pvx;
            float bl = sqrt(bx * bx + by * by + bz * bz);
            if (bl > 0) {
                // pbrt: to the geometric normal's side; LuxRender: to the unperturbed shading normal's.
                float side = pbrt ? bx * ngx + by * ngy + bz * ngz : bx * nsx + by * nsy + bz * nsz;
                float k = side < 0 ? -1f / bl : 1f / bl;
                bx *= k;
                by *= k;
                bz *= k;
            } else {
                bx = nsx;
                by = nsy;
                bz = nsz;
            }
            scratch[Scratch.VEC_X * capacity + gid] = bx;
            scratch[Scratch.VEC_Y * capacity + gid] = by;
            scratch[Scratch.VEC_Z * capacity + gid] = bz;
            // The displaced dp/du, the shading frame's s (pbrt-v3: shading.dpdu after Bump; LuxRender: dgs.dpdu).
            scratch[Scratch.TAN_X * capacity + gid] = pux;
            scratch[Scratch.TAN_Y * capacity + gid] = puy;
            scratch[Scratch.TAN_Z * capacity + gid] = puz;
        }
        return bumped;
    }

    /**
     * The shading frame's first axis at the hit (prim, point h, unit shading normal ns, world space):
     * the surface's dp/du made perpendicular to ns and normalized, written to VEC_X..VEC_Z; false,
     * writing nothing, where that is degenerate (the caller then keeps any frame around ns). pbrt-v3's
     * BSDF takes ss = Normalize(shading.dpdu), ts = Cross(ns, ss) (core/reflection.h), and LuxRender's
     * BSDF sn = Normalize(dgs.dpdu), tn = Cross(nn, sn): anisotropic roughness (uroughness along s,
     * vroughness along t) follows the surface's u direction. dp/du is, as pbrt-v3's shapes give it:
     * triangles, from the (u, v) of the vertices (pbrt's (0, 0), (1, 0), (1, 1) where the mesh has none;
     * Triangle::Intersect), or for degenerate (u, v) CoordinateSystem around the geometric normal; with
     * vertex normals ss = Cross(Cross(ns, dpdu), ns) normalized, which is the same axis; spheres,
     * phiMax (-y, x, 0) in the sphere's object frame (Sphere::Intersect, x nudged to 1e-5 r at a pole);
     * curves, the Bezier's derivative at the hit's u (Curve::Intersect's dpdu); disks and the other
     * tessellated shapes are triangles with pbrt's (u, v). {@code bumped}: the
     * material's bump map ran ({@link #bumpNormal}), whose displaced dp/du is used instead.
     */
    boolean shadingTangent(int gid, int prim, float hx, float hy, float hz, float nsx, float nsy, float nsz,
                           boolean bumped) {
        float ux = 0f, uy = 0f, uz = 0f;
        if (bumped) {
            ux = scratch[Scratch.TAN_X * capacity + gid];
            uy = scratch[Scratch.TAN_Y * capacity + gid];
            uz = scratch[Scratch.TAN_Z * capacity + gid];
        } else if (prim < triangleCount) {
            int o = prim * 9;
            int q = 6 * prim;
            float du02 = texTriUv[q] - texTriUv[q + 4], dv02 = texTriUv[q + 1] - texTriUv[q + 5];
            float du12 = texTriUv[q + 2] - texTriUv[q + 4], dv12 = texTriUv[q + 3] - texTriUv[q + 5];
            float det = du02 * dv12 - dv02 * du12;
            if (abs(det) < 1e-8f) {
                // Degenerate uv: pbrt's CoordinateSystem around the geometric normal (object space).
                float gx = triNg[3 * prim], gy = triNg[3 * prim + 1], gz = triNg[3 * prim + 2];
                if (abs(gx) > abs(gy)) {
                    ux = -gz;
                    uz = gx;
                } else {
                    uy = gz;
                    uz = -gy;
                }
            } else {
                // dpdu = (dv12 (p0 - p2) - dv02 (p1 - p2)) / det; triGeom holds p0, p1 - p0, p2 - p0. Only its
                // direction matters here, and its sign not at all (the microfacet distributions are even in s and t).
                float ka = dv12, kb = -dv02;
                if (det < 0) {
                    ka = -ka;
                    kb = -kb;
                }
                float ax = -triGeom[o + 6], ay = -triGeom[o + 7], az = -triGeom[o + 8];
                float bx = triGeom[o + 3] - triGeom[o + 6], by = triGeom[o + 4] - triGeom[o + 7];
                float bz = triGeom[o + 5] - triGeom[o + 8];
                ux = ka * ax + kb * bx;
                uy = ka * ay + kb * by;
                uz = ka * az + kb * bz;
            }
            int inst = (int) scratch[Scratch.HIT_INST * capacity + gid];
            float wx = toWorld(inst, 0, 0, ux, uy, uz), wy = toWorld(inst, 0, 1, ux, uy, uz);
            uz = toWorld(inst, 0, 2, ux, uy, uz);
            ux = wx;
            uy = wy;
        } else if (prim >= curveBase) {
            // pbrt-v3 Curve: dpdu = the Bezier's derivative at the hit's u (CurveKernel#curveDpdu), to world space.
            float cu = scratch[Scratch.HIT_U * capacity + gid];
            int inst = (int) scratch[Scratch.HIT_INST * capacity + gid];
            float ax = curveTangent(prim, cu, 0), ay = curveTangent(prim, cu, 1), az = curveTangent(prim, cu, 2);
            ux = toWorld(inst, 0, 0, ax, ay, az);
            uy = toWorld(inst, 0, 1, ax, ay, az);
            uz = toWorld(inst, 0, 2, ax, ay, az);
        } else {
            int sp = prim - triangleCount;
            float qx = hx - sphereGeom[4 * sp], qy = hy - sphereGeom[4 * sp + 1], qz = hz - sphereGeom[4 * sp + 2];
            int f = 9 * sp;
            float ox = sphereFrame[f] * qx + sphereFrame[f + 1] * qy + sphereFrame[f + 2] * qz;
            float oy = sphereFrame[f + 3] * qx + sphereFrame[f + 4] * qy + sphereFrame[f + 5] * qz;
            if (ox == 0f && oy == 0f) {
                ox = 1e-5f * sphereGeom[4 * sp + 3];
            }
            // (-y, x, 0) to world: the transpose of the world-to-object rows.
            ux = -sphereFrame[f] * oy + sphereFrame[f + 3] * ox;
            uy = -sphereFrame[f + 1] * oy + sphereFrame[f + 4] * ox;
            uz = -sphereFrame[f + 2] * oy + sphereFrame[f + 5] * ox;
        }
        float k = ux * nsx + uy * nsy + uz * nsz;
        ux -= k * nsx;
        uy -= k * nsy;
        uz -= k * nsz;
        float l = sqrt(ux * ux + uy * uy + uz * uz);
        boolean ok = l > 1e-12f;
        if (ok) {
            scratch[Scratch.VEC_X * capacity + gid] = ux / l;
            scratch[Scratch.VEC_Y * capacity + gid] = uy / l;
            scratch[Scratch.VEC_Z * capacity + gid] = uz / l;
        }
        return ok;
    }
}
