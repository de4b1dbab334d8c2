package org.luxnet.render.transport;

import org.luxnet.scene.compile.BvhBuilder;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.desc.AnimatedTransform;

/**
 * Third layer of the light transport: ray queries against the compiled scene's two-level BVH
 * (triangles, spheres and pbrt-v3 curve pieces, {@link CurveKernel})
 * (closest hit, ordered front to back, and any hit for shadow rays, which pass through null
 * surfaces; instances are entered and left within the same loop, see {@link CompiledScene}; hits on
 * triangles whose pbrt-v3 alpha mask is 0 there do not count, see {@link CompiledScene#alphaMasks}), with the
 * traversal stack as a private array declared in the traversing method, as OpenCL requires. Also owns the scratch memory
 * (see {@link Scratch}).
 */
abstract class TraceKernel extends CurveKernel {
    /** Traversal stack entries: room for a top-level path, the instance marker and a bottom-level path. */
    static final int STACK = 2 * BvhBuilder.MAX_DEPTH + 4;
    private static final int INST_STRIDE = CompiledScene.INST_STRIDE;
    private static final int ALPHA_STRIDE = CompiledScene.ALPHA_STRIDE;

    float[] triGeom = new float[1];
    /**
     * Per triangle: the offset that moves a ray origin off it, 1e-6 times the sum of its geometry's
     * magnitudes (vertex and edges), computed once here rather than at every hit.
     */
    float[] triEps = new float[1];
    float[] triNg = new float[1];
    float[] triNs = new float[1];
    int[] triHasNs = new int[1];
    int[] triMaterial = new int[1];
    int[] triLight = new int[1];
    float[] sphereGeom = new float[1];
    int[] sphereFlip = new int[1];
    int[] sphereMaterial = new int[1];
    int[] sphereLight = new int[1];
    float[] bvhBounds = new float[1];
    int[] bvhChildren = new int[1];
    int[] bvhPrims = new int[1];
    /** Per instance: world-to-object, object-to-world, scale ({@link CompiledScene#instXform}). */
    float[] instXform = new float[1];
    /** Per instance: its object's root node. */
    int[] instRoot = new int[1];
    /** Per instance: the material replacing its object's, or -1 ({@link CompiledScene#instMaterial}). */
    int[] instMaterial = new int[1];
    /**
     * Records of the transforms that move during the shutter ({@link AnimatedTransform#RECORD} floats
     * each): the moving instances' ({@link CompiledScene#motion}), then the camera's when it moves.
     */
    float[] motion = new float[1];
    /** Per instance: its record in {@link #motion}, or -1 when it stays put (the only cost of motion to others). */
    int[] instMotion = new int[1];
    /**
     * The first of the {@link #instXform} rows that hold transforms interpolated at a path's time, two
     * per work item: row {@code motionRows + 2 gid} for {@link #intersect} (its hit's row, which
     * {@link Scratch#HIT_INST} then names, with {@link #instMaterial} copied there), {@code + 1} for
     * {@link #occluded} and the camera. The instance count.
     */
    int motionRows;
    /** 1 when something moves: camera rays then draw a time ({@link Scratch#TIME}). */
    int motionOn;
    /** The camera's record in {@link #motion}, or -1 for a still camera. */
    int cameraMotion = -1;
    /** The shutter: a camera ray's time is Lerp(u, shutterOpen, shutterClose). */
    float shutterOpen, shutterClose = 1f;
    /** 1 for LuxRender's gaussian shutter distribution ({@link CameraKernel#shutterTime}). */
    int shutterGaussian;
    int triangleCount;
    /** 1 when the scene has null-material surfaces, which shadow rays pass through. */
    int hasNullSurfaces;
    /**
     * Per primitive: 1 for a null-material surface, 2 (3) for a triangle of a LuxRender doubleside whose front
     * (back) material is null, else 0 (only filled when {@link #hasNullSurfaces} is 1).
     */
    int[] primNull = new int[1];
    /** 1 when some triangle has a pbrt-v3 alpha mask ({@link CompiledScene#triAlpha}). */
    int hasAlphaMasks;
    /** Per triangle: its row in {@link #alphaMasks} or -1 (only filled when {@link #hasAlphaMasks} is 1). */
    int[] triAlpha = new int[1];
    /** {@link CompiledScene#alphaMasks}: per mask the alpha and shadowalpha programs (start, root; -1 none). */
    int[] alphaMasks = new int[CompiledScene.ALPHA_STRIDE];
    /** The first texture register of the alpha masks' programs: after the longest material program's. */
    int alphaRegBase = 0;
    /**
     * Texture value registers: {@code texRegs[(reg * 3 + channel) * capacity + gid]}, as many as the longest
     * material program needs, then as many as the longest alpha mask program (the texture layer sizes them).
     */
    float[] texRegs = new float[3];
    /** 6 floats per triangle: its uv at v0, v1, v2 (CompiledScene#triUv; bound by ImageKernel#setupImages). */
    float[] texTriUv = new float[6];

    /**
     * Traversal stacks (node and entry distance; the shadow-ray traversal uses the first). Private
     * memory on OpenCL, one copy per work item; in Java one copy per kernel instance, so a CPU render
     * thread, which owns its instance, traverses without allocating. Aparapi's Java thread pool runs
     * one instance from several threads and gives each its own arrays (see {@link #clone}).
     */
    @PrivateMemorySpace(STACK)
    int[] stack = new int[STACK];
    @PrivateMemorySpace(STACK)
    float[] stackT = new float[STACK];

    /** Per-work-item scratch, {@link Scratch#SLOTS} slots of {@link #capacity} floats each. */
    float[] scratch = new float[Scratch.SLOTS];
    /** Work items per launch at most. */
    int capacity = 1;

    /** Host side: binds the scene's geometry and sizes the scratch memory for {@code items} work items. */
    void setupGeometry(CompiledScene s, int items) {
        triGeom = KernelArrays.floats(s.triGeom);
        triEps = new float[Math.max(1, s.triangleCount)];
        for (int p = 0; p < s.triangleCount; p++) {
            float sum = 0f;
            for (int k = 0; k < 9; k++) {
                sum += Math.abs(s.triGeom[9 * p + k]);
            }
            triEps[p] = 1e-6f * sum;
        }
        triNg = KernelArrays.floats(s.triNg);
        triNs = KernelArrays.floats(s.triNs);
        triHasNs = KernelArrays.ints(s.triHasNs);
        triMaterial = KernelArrays.ints(s.triMaterial);
        triLight = KernelArrays.ints(s.triLight);
        sphereGeom = KernelArrays.floats(s.sphereGeom);
        sphereFlip = KernelArrays.ints(s.sphereFlip);
        sphereMaterial = KernelArrays.ints(s.sphereMaterial);
        sphereLight = KernelArrays.ints(s.sphereLight);
        bvhBounds = KernelArrays.floats(s.bvhBounds);
        bvhChildren = KernelArrays.ints(s.bvhChildren);
        bvhPrims = KernelArrays.ints(s.bvhPrims);
        instXform = KernelArrays.floats(s.instXform);
        instRoot = KernelArrays.ints(s.instRoot);
        instMaterial = KernelArrays.ints(s.instMaterial);
        setupMotion(s, items);
        triangleCount = s.triangleCount;
        setupCurves(s);
        hasNullSurfaces = s.hasNullSurfaces ? 1 : 0;
        if (s.hasNullSurfaces) {
            primNull = new int[s.primitiveCount()];
            for (int p = 0; p < primNull.length; p++) {
                primNull[p] = s.isNullSurface(p) ? 1 : p < s.triangleCount ? doublesideNull(s, s.triMaterial[p]) : 0;
            }
        } else {
            primNull = new int[1];
        }
        hasAlphaMasks = s.hasAlphaMasks() ? 1 : 0;
        triAlpha = KernelArrays.ints(s.triAlpha);
        alphaMasks = s.alphaMasks.length > 0 ? s.alphaMasks.clone() : new int[] {-1, -1, -1, -1};
        capacity = items;
        scratch = new float[Scratch.SLOTS * items];
    }

    /**
     * Host side: the moving instances' and the camera's records. When anything moves, this kernel gets
     * its own copies of {@link #instXform} and {@link #instMaterial} with the per-work-item rows (a CPU
     * render thread owns its kernel; Aparapi's thread pool gives each work item its own rows).
     */
    private void setupMotion(CompiledScene s, int items) {
        int n = s.instanceCount;
        float[] cam = s.camera != null ? s.camera.motion() : null;
        motionRows = n;
        cameraMotion = -1;
        shutterOpen = s.camera != null ? s.camera.shutterOpen() : 0f;
        shutterClose = s.camera != null ? s.camera.shutterClose() : 1f;
        shutterGaussian = s.camera != null && s.camera.shutterGaussian() ? 1 : 0;
        motionOn = s.motion.length > 0 || cam != null ? 1 : 0;
        instMotion = KernelArrays.ints(s.instMotion);
        if (motionOn == 0) {
            motion = new float[1];
            return;
        }
        motion = java.util.Arrays.copyOf(s.motion, s.motion.length + (cam != null ? cam.length : 0));
        if (cam != null) {
            System.arraycopy(cam, 0, motion, s.motion.length, cam.length);
            cameraMotion = s.motion.length / AnimatedTransform.RECORD;
        }
        instXform = java.util.Arrays.copyOf(s.instXform, (n + 2 * items) * INST_STRIDE);
        instMaterial = java.util.Arrays.copyOf(s.instMaterial, n + 2 * items);
    }

    /**
     * The transform of {@link #motion} record {@code rec} at {@code time}, into the {@link #instXform}
     * row at {@code dst} in a still instance's layout: pbrt-v3 AnimatedTransform::Interpolate in float
     * (translation lerped, rotation slerped, scale lerped, composed T R S; LuxRender's T S R with a
     * diagonal S), the start (end) transform at or before (after) the start (end) time. A record that
     * says invert (LuxRender's camera, which interpolates world-to-camera) gets the interpolated
     * matrix as world-to-object and its inverse as object-to-world. Calls nothing but maths.
     */
    void motionRow(int rec, float time, int dst) {
        int r = rec * AnimatedTransform.RECORD;
        // LuxRender's knots: the segment that holds the time (a motion's records follow each other).
        while (motion[r + AnimatedTransform.REC_NEXT] != 0f && time > motion[r + AnimatedTransform.REC_T1]) {
            r += AnimatedTransform.RECORD;
        }
        float t0 = motion[r], t1 = motion[r + 1];
        float dt = 0f;
        if (t1 > t0) {
            dt = min(max((time - t0) / (t1 - t0), 0f), 1f);
        }
        if (!(t1 > t0) && time > t0) {
            dt = 1f;
        }
        int a = r + AnimatedTransform.REC_START, b = r + AnimatedTransform.REC_END;
        float tx = (1f - dt) * motion[a] + dt * motion[b];
        float ty = (1f - dt) * motion[a + 1] + dt * motion[b + 1];
        float tz = (1f - dt) * motion[a + 2] + dt * motion[b + 2];
        float ax = motion[a + 3], ay = motion[a + 4], az = motion[a + 5], aw = motion[a + 6];
        float bx = motion[b + 3], by = motion[b + 4], bz = motion[b + 5], bw = motion[b + 6];
        float cosT = ax * bx + ay * by + az * bz + aw * bw;
        float qx = (1f - dt) * ax + dt * bx, qy = (1f - dt) * ay + dt * by;
        float qz = (1f - dt) * az + dt * bz, qw = (1f - dt) * aw + dt * bw;
        if (!(cosT > 0.9995f)) {
            // pbrt-v3 Slerp: along the great circle from a towards b's part orthogonal to a.
            float theta = acos(min(max(cosT, -1f), 1f)) * dt;
            float px = bx - ax * cosT, py = by - ay * cosT, pz = bz - az * cosT, pw = bw - aw * cosT;
            float pl = 1f / sqrt(px * px + py * py + pz * pz + pw * pw);
            float c = cos(theta), sn = sin(theta) * pl;
            qx = ax * c + px * sn;
            qy = ay * c + py * sn;
            qz = az * c + pz * sn;
            qw = aw * c + pw * sn;
        }
        float ql = 1f / sqrt(qx * qx + qy * qy + qz * qz + qw * qw);
        qx *= ql;
        qy *= ql;
        qz *= ql;
        qw *= ql;
        float r00 = 1f - 2f * (qy * qy + qz * qz), r01 = 2f * (qx * qy - qz * qw), r02 = 2f * (qx * qz + qy * qw);
        float r10 = 2f * (qx * qy + qz * qw), r11 = 1f - 2f * (qx * qx + qz * qz), r12 = 2f * (qy * qz - qx * qw);
        float r20 = 2f * (qx * qz - qy * qw), r21 = 2f * (qy * qz + qx * qw), r22 = 1f - 2f * (qx * qx + qy * qy);
        a += 7;
        b += 7;
        float s00 = (1f - dt) * motion[a] + dt * motion[b], s01 = (1f - dt) * motion[a + 1] + dt * motion[b + 1];
        float s02 = (1f - dt) * motion[a + 2] + dt * motion[b + 2], s10 = (1f - dt) * motion[a + 3] + dt * motion[b + 3];
        float s11 = (1f - dt) * motion[a + 4] + dt * motion[b + 4], s12 = (1f - dt) * motion[a + 5] + dt * motion[b + 5];
        float s20 = (1f - dt) * motion[a + 6] + dt * motion[b + 6], s21 = (1f - dt) * motion[a + 7] + dt * motion[b + 7];
        float s22 = (1f - dt) * motion[a + 8] + dt * motion[b + 8];
        // pbrt: R S; LuxRender: diag(S) R (its S is diagonal).
        float m00 = r00 * s00 + r01 * s10 + r02 * s20, m01 = r00 * s01 + r01 * s11 + r02 * s21;
        float m02 = r00 * s02 + r01 * s12 + r02 * s22, m10 = r10 * s00 + r11 * s10 + r12 * s20;
        float m11 = r10 * s01 + r11 * s11 + r12 * s21, m12 = r10 * s02 + r11 * s12 + r12 * s22;
        float m20 = r20 * s00 + r21 * s10 + r22 * s20, m21 = r20 * s01 + r21 * s11 + r22 * s21;
        float m22 = r20 * s02 + r21 * s12 + r22 * s22;
        if (motion[r + AnimatedTransform.REC_ORDER] != 0f) {
            m00 = s00 * r00;
            m01 = s00 * r01;
            m02 = s00 * r02;
            m10 = s11 * r10;
            m11 = s11 * r11;
            m12 = s11 * r12;
            m20 = s22 * r20;
            m21 = s22 * r21;
            m22 = s22 * r22;
        }
        // The inverse: adjugate over determinant; translation -M^-1 t.
        float c00 = m11 * m22 - m12 * m21, c01 = m02 * m21 - m01 * m22, c02 = m01 * m12 - m02 * m11;
        float c10 = m12 * m20 - m10 * m22, c11 = m00 * m22 - m02 * m20, c12 = m02 * m10 - m00 * m12;
        float c20 = m10 * m21 - m11 * m20, c21 = m01 * m20 - m00 * m21, c22 = m00 * m11 - m01 * m10;
        float id = 1f / (m00 * c00 + m01 * c10 + m02 * c20);
        c00 *= id;
        c01 *= id;
        c02 *= id;
        c10 *= id;
        c11 *= id;
        c12 *= id;
        c20 *= id;
        c21 *= id;
        c22 *= id;
        float ux = -(c00 * tx + c01 * ty + c02 * tz), uy = -(c10 * tx + c11 * ty + c12 * tz);
        float uz = -(c20 * tx + c21 * ty + c22 * tz);
        int w = dst + CompiledScene.INST_W2O, o = dst + CompiledScene.INST_O2W;
        if (motion[r + AnimatedTransform.REC_INVERT] != 0f) {
            w = dst + CompiledScene.INST_O2W;
            o = dst + CompiledScene.INST_W2O;
        }
        instXform[w] = c00;
        instXform[w + 1] = c01;
        instXform[w + 2] = c02;
        instXform[w + 3] = ux;
        instXform[w + 4] = c10;
        instXform[w + 5] = c11;
        instXform[w + 6] = c12;
        instXform[w + 7] = uy;
        instXform[w + 8] = c20;
        instXform[w + 9] = c21;
        instXform[w + 10] = c22;
        instXform[w + 11] = uz;
        instXform[o] = m00;
        instXform[o + 1] = m01;
        instXform[o + 2] = m02;
        instXform[o + 3] = tx;
        instXform[o + 4] = m10;
        instXform[o + 5] = m11;
        instXform[o + 6] = m12;
        instXform[o + 7] = ty;
        instXform[o + 8] = m20;
        instXform[o + 9] = m21;
        instXform[o + 10] = m22;
        instXform[o + 11] = tz;
        instXform[dst + CompiledScene.INST_SCALE] = sqrt(m00 * m00 + m01 * m01 + m02 * m02 + m10 * m10 + m11 * m11
                + m12 * m12 + m20 * m20 + m21 * m21 + m22 * m22);
    }

    /**
     * Host side: Aparapi's Java thread pool runs a clone of the kernel on each of its threads; each
     * clone gets traversal stacks of its own (the other arrays are inputs or indexed by work item).
     */
    @Override
    public TraceKernel clone() {
        TraceKernel k = (TraceKernel) super.clone();
        k.stack = new int[STACK];
        k.stackT = new float[STACK];
        return k;
    }

    /** 1 with the sign of {@code x}, -0 included (Math.copySign(1, x)). */
    float signOf(float x) {
        float s = 1f;
        if (x < 0f || (x == 0f && 1f / x < 0f)) {
            s = -1f;
        }
        return s;
    }

    private float inv(float d) {
        float v = d;
        if (abs(d) < 1e-20f) {
            v = d < 0 ? -1e-20f : 1e-20f;
        }
        return 1f / v;
    }

    /**
     * The closest primitive along o + t d, 0 < t < tMax, or -1. On a hit leaves t and the
     * barycentrics in {@link Scratch#HIT_T}, {@link Scratch#HIT_U}, {@link Scratch#HIT_V}, and in
     * {@link Scratch#HIT_INST} the instance whose object holds the primitive (-1 for world
     * geometry). An instance child is entered by pushing a marker (-1) that restores the world ray
     * when popped, and continuing at its object's root with the ray in object space (same t).
     */
    int intersect(int gid, float rox, float roy, float roz, float rdx, float rdy, float rdz, float tMax) {
        float ox = rox, oy = roy, oz = roz, dx = rdx, dy = rdy, dz = rdz;
        float idx = inv(dx), idy = inv(dy), idz = inv(dz);
        int nx = idx < 0 ? 3 : 0, ny = idy < 0 ? 4 : 1, nz = idz < 0 ? 5 : 2;
        int fx = 3 - nx, fy = 5 - ny, fz = 7 - nz;
        float oxi = ox * idx, oyi = oy * idy, ozi = oz * idz;
        float tBest = tMax;
        int best = -1;
        int bestInst = -1;
        int inst = -1;
        boolean leaving = false;
        int sp = 0;
        int node = 0;
        boolean going = true;
        while (going) {
            if (node < -1) {
                // Enter instance -2 - node: the ray in its object space, a marker to come back.
                inst = -2 - node;
                stack[sp] = -1;
                stackT[sp] = -1f;
                sp++;
                int x = inst * INST_STRIDE;
                if (instMotion[inst] >= 0) {
                    x = (motionRows + 2 * gid) * INST_STRIDE;
                    motionRow(instMotion[inst], scratch[Scratch.TIME * capacity + gid], x);
                }
                ox = instXform[x] * rox + instXform[x + 1] * roy + instXform[x + 2] * roz + instXform[x + 3];
                oy = instXform[x + 4] * rox + instXform[x + 5] * roy + instXform[x + 6] * roz + instXform[x + 7];
                oz = instXform[x + 8] * rox + instXform[x + 9] * roy + instXform[x + 10] * roz + instXform[x + 11];
                dx = instXform[x] * rdx + instXform[x + 1] * rdy + instXform[x + 2] * rdz;
                dy = instXform[x + 4] * rdx + instXform[x + 5] * rdy + instXform[x + 6] * rdz;
                dz = instXform[x + 8] * rdx + instXform[x + 9] * rdy + instXform[x + 10] * rdz;
                idx = inv(dx);
                idy = inv(dy);
                idz = inv(dz);
                nx = idx < 0 ? 3 : 0;
                ny = idy < 0 ? 4 : 1;
                nz = idz < 0 ? 5 : 2;
                fx = 3 - nx;
                fy = 5 - ny;
                fz = 7 - nz;
                oxi = ox * idx;
                oyi = oy * idy;
                ozi = oz * idz;
                node = instRoot[inst];
            }
            int b = node * 12;
            float l0 = max(max(bvhBounds[b + nx] * idx - oxi, bvhBounds[b + ny] * idy - oyi),
                    max(bvhBounds[b + nz] * idz - ozi, 0f));
            float l1 = min(min(bvhBounds[b + fx] * idx - oxi, bvhBounds[b + fy] * idy - oyi),
                    min(bvhBounds[b + fz] * idz - ozi, tBest));
            float r0 = max(max(bvhBounds[b + 6 + nx] * idx - oxi, bvhBounds[b + 6 + ny] * idy - oyi),
                    max(bvhBounds[b + 6 + nz] * idz - ozi, 0f));
            float r1 = min(min(bvhBounds[b + 6 + fx] * idx - oxi, bvhBounds[b + 6 + fy] * idy - oyi),
                    min(bvhBounds[b + 6 + fz] * idz - ozi, tBest));
            int c = node * 4;
            boolean hitL = l0 <= l1;
            boolean hitR = r0 <= r1;
            int leftRef = bvhChildren[c], leftCount = bvhChildren[c + 1];
            int rightRef = bvhChildren[c + 2], rightCount = bvhChildren[c + 3];
            if (hitL && leftCount > 0) {
                for (int i = leftRef; i < leftRef + leftCount; i++) {
                    int p = bvhPrims[i];
                    float t = p < triangleCount ? triangleT(p, ox, oy, oz, dx, dy, dz)
                            : p < curveBase ? sphereT(p, ox, oy, oz, dx, dy, dz, tBest)
                            : curveLeaf(p, ox, oy, oz, dx, dy, dz, tBest, 0);
                    if (t > 0f && t < tBest) {
                        // pbrt-v3 alpha masks: a hit where the alpha mask is exactly 0 does not count.
                        int row = -1;
                        if (hasAlphaMasks != 0 && p < triangleCount) {
                            row = triAlpha[p];
                        }
                        for (int k = 0; k < 1 && row >= 0; k++) {
                            int a = alphaMasks[row * ALPHA_STRIDE + 2 * k];
                            if (a >= 0) {
                                int r = evalProgram(gid, p, a, alphaMasks[row * ALPHA_STRIDE + 2 * k + 1], alphaRegBase, 0,
                                        alphaCoord(p, ox, oy, oz, dx, dy, dz, 0), alphaCoord(p, ox, oy, oz, dx, dy, dz, 1),
                                        alphaCoord(p, ox, oy, oz, dx, dy, dz, 2), alphaCoord(p, ox, oy, oz, dx, dy, dz, 3),
                                        alphaCoord(p, ox, oy, oz, dx, dy, dz, 4));
                                if (texRegs[(alphaRegBase + r - a) * 3 * capacity + gid] == 0f) {
                                    t = -1f;
                                    row = -1;
                                }
                            }
                        }
                    }
                    if (t > 0f && t < tBest) {
                        tBest = t;
                        best = p;
                        bestInst = inst;
                    }
                }
                hitL = false;
            }
            if (hitR && rightCount > 0) {
                for (int i = rightRef; i < rightRef + rightCount; i++) {
                    int p = bvhPrims[i];
                    float t = p < triangleCount ? triangleT(p, ox, oy, oz, dx, dy, dz)
                            : p < curveBase ? sphereT(p, ox, oy, oz, dx, dy, dz, tBest)
                            : curveLeaf(p, ox, oy, oz, dx, dy, dz, tBest, 0);
                    if (t > 0f && t < tBest) {
                        // pbrt-v3 alpha masks: a hit where the alpha mask is exactly 0 does not count.
                        int row = -1;
                        if (hasAlphaMasks != 0 && p < triangleCount) {
                            row = triAlpha[p];
                        }
                        for (int k = 0; k < 1 && row >= 0; k++) {
                            int a = alphaMasks[row * ALPHA_STRIDE + 2 * k];
                            if (a >= 0) {
                                int r = evalProgram(gid, p, a, alphaMasks[row * ALPHA_STRIDE + 2 * k + 1], alphaRegBase, 0,
                                        alphaCoord(p, ox, oy, oz, dx, dy, dz, 0), alphaCoord(p, ox, oy, oz, dx, dy, dz, 1),
                                        alphaCoord(p, ox, oy, oz, dx, dy, dz, 2), alphaCoord(p, ox, oy, oz, dx, dy, dz, 3),
                                        alphaCoord(p, ox, oy, oz, dx, dy, dz, 4));
                                if (texRegs[(alphaRegBase + r - a) * 3 * capacity + gid] == 0f) {
                                    t = -1f;
                                    row = -1;
                                }
                            }
                        }
                    }
                    if (t > 0f && t < tBest) {
                        tBest = t;
                        best = p;
                        bestInst = inst;
                    }
                }
                hitR = false;
            }
            if (hitL && hitR) {
                if (l0 <= r0) {
                    stack[sp] = rightRef;
                    stackT[sp] = r0;
                    node = leftRef;
                } else {
                    stack[sp] = leftRef;
                    stackT[sp] = l0;
                    node = rightRef;
                }
                sp++;
            } else if (hitL) {
                node = leftRef;
            } else if (hitR) {
                node = rightRef;
            } else {
                // Pop the next node that could still hold something nearer than the best hit;
                // a marker (-1) means the instance is done: back to the world ray.
                boolean popping = true;
                while (popping) {
                    if (sp == 0) {
                        popping = false;
                        going = false;
                    } else {
                        sp--;
                        node = stack[sp];
                        leaving = leaving || node == -1;
                        popping = node == -1 || stackT[sp] > tBest;
                    }
                }
            }
            if (leaving) {
                leaving = false;
                inst = -1;
                ox = rox;
                oy = roy;
                oz = roz;
                dx = rdx;
                dy = rdy;
                dz = rdz;
                idx = inv(dx);
                idy = inv(dy);
                idz = inv(dz);
                nx = idx < 0 ? 3 : 0;
                ny = idy < 0 ? 4 : 1;
                nz = idz < 0 ? 5 : 2;
                fx = 3 - nx;
                fy = 5 - ny;
                fz = 7 - nz;
                oxi = ox * idx;
                oyi = oy * idy;
                ozi = oz * idz;
            }
        }
        if (best >= 0) {
            scratch[Scratch.HIT_T * capacity + gid] = tBest;
            scratch[Scratch.HIT_U * capacity + gid] = 0f;
            scratch[Scratch.HIT_V * capacity + gid] = 0f;
            scratch[Scratch.HIT_INST * capacity + gid] = bestInst;
            float ux = rox, uy = roy, uz = roz, vx = rdx, vy = rdy, vz = rdz;
            if (bestInst >= 0) {
                // The same object-space ray the hit was found with.
                int x = bestInst * INST_STRIDE;
                if (instMotion[bestInst] >= 0) {
                    // A moving instance: its transform at the ray's time in this work item's row, which
                    // the hit names from here on (shading reads the row as a still instance's).
                    int row = motionRows + 2 * gid;
                    x = row * INST_STRIDE;
                    motionRow(instMotion[bestInst], scratch[Scratch.TIME * capacity + gid], x);
                    instMaterial[row] = instMaterial[bestInst];
                    scratch[Scratch.HIT_INST * capacity + gid] = row;
                }
                ux = instXform[x] * rox + instXform[x + 1] * roy + instXform[x + 2] * roz + instXform[x + 3];
                uy = instXform[x + 4] * rox + instXform[x + 5] * roy + instXform[x + 6] * roz + instXform[x + 7];
                uz = instXform[x + 8] * rox + instXform[x + 9] * roy + instXform[x + 10] * roz + instXform[x + 11];
                vx = instXform[x] * rdx + instXform[x + 1] * rdy + instXform[x + 2] * rdz;
                vy = instXform[x + 4] * rdx + instXform[x + 5] * rdy + instXform[x + 6] * rdz;
                vz = instXform[x + 8] * rdx + instXform[x + 9] * rdy + instXform[x + 10] * rdz;
            }
            if (best < triangleCount) {
                triangleUv(gid, best, ux, uy, uz, vx, vy, vz);
            } else if (best >= curveBase) {
                // A curve's (u, v) as pbrt-v3 reports them (CurveKernel), from the same test that found it.
                scratch[Scratch.HIT_U * capacity + gid] = curveLeaf(best, ux, uy, uz, vx, vy, vz, tMax, 1);
                scratch[Scratch.HIT_V * capacity + gid] = curveLeaf(best, ux, uy, uz, vx, vy, vz, tMax, 2);
            }
        }
        return best;
    }

    /** Host side: 2 (3) when material {@code m} is a doubleside whose front (back) material is null, else 0. */
    private static int doublesideNull(CompiledScene s, int m) {
        int k = 0;
        if (s.matType[m] == MaterialLayout.DOUBLESIDE) {
            int row = m * MaterialLayout.STRIDE;
            if (s.matType[(int) s.matParams[row + MaterialLayout.DBL_FRONT]] == MaterialLayout.NULL) {
                k = 2;
            } else if (s.matType[(int) s.matParams[row + MaterialLayout.DBL_BACK]] == MaterialLayout.NULL) {
                k = 3;
            }
        }
        return k;
    }

    /**
     * 1 when primitive {@code p} stops a shadow ray of direction d (in p's object space): 0 for a null
     * surface, and for a doubleside triangle whose null side the ray meets (d . ng < 0: its front).
     */
    int blocks(int p, float dx, float dy, float dz) {
        int k = primNull[p];
        int b = 1;
        if (k == 1) {
            b = 0;
        } else if (k >= 2) {
            float c = triNg[3 * p] * dx + triNg[3 * p + 1] * dy + triNg[3 * p + 2] * dz;
            if ((k == 2 && c < 0) || (k == 3 && c > 0)) {
                b = 0;
            }
        }
        return b;
    }

    /**
     * For pbrt-v3's alpha test of the ray o + t d (in triangle p's object space) at its hit on triangle {@code
     * p}: the hit's surface u ({@code c} 0) or v (1), interpolated from the triangle's uv by the hit's
     * barycentrics as TextureKernel#shadeMaterial does, or component c - 2 of the hit point (2..4), as
     * Triangle::Intersect builds the SurfaceInteraction its alpha texture sees. Calls nothing, so that the
     * traversal loops call the texture layer's {@link #evalProgram} directly: Aparapi orders the OpenCL
     * functions by call depth (see SampleKernel), and a longer path from the traversal to the texture
     * functions than the shading's misorders them.
     */
    float alphaCoord(int p, float ox, float oy, float oz, float dx, float dy, float dz, int c) {
        int o = p * 9;
        float e1x = triGeom[o + 3], e1y = triGeom[o + 4], e1z = triGeom[o + 5];
        float e2x = triGeom[o + 6], e2y = triGeom[o + 7], e2z = triGeom[o + 8];
        float px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
        float inv = 1f / (e1x * px + e1y * py + e1z * pz);
        float tx = ox - triGeom[o], ty = oy - triGeom[o + 1], tz = oz - triGeom[o + 2];
        float qx = ty * e1z - tz * e1y, qy = tz * e1x - tx * e1z, qz = tx * e1y - ty * e1x;
        float b1 = (tx * px + ty * py + tz * pz) * inv, b2 = (dx * qx + dy * qy + dz * qz) * inv;
        float b0 = 1 - b1 - b2;
        int q = 6 * p;
        float v = b0 * texTriUv[q] + b1 * texTriUv[q + 2] + b2 * texTriUv[q + 4];
        if (c == 1) {
            v = b0 * texTriUv[q + 1] + b1 * texTriUv[q + 3] + b2 * texTriUv[q + 5];
        }
        if (c >= 2) {
            int a = c - 2;
            v = triGeom[o + a] + b1 * triGeom[o + 3 + a] + b2 * triGeom[o + 6 + a];
        }
        return v;
    }

    /**
     * The texture layer's program evaluation (TextureKernel#evalProgram), declared here for the alpha tests:
     * runs nodes start..root, node i into register {@code base + i - start}, with a zero footprint when
     * {@code footprint} is 0; returns root.
     */
    abstract int evalProgram(int gid, int prim, int start, int root, int base, int footprint, float su, float sv,
                             float px, float py, float pz);

    /**
     * True when anything but a null surface blocks o + t d for 0 < t < tMax (instances as in {@link
     * #intersect}); work item {@code gid}'s registers evaluate alpha masks on the way.
     */
    boolean occluded(int gid, float rox, float roy, float roz, float rdx, float rdy, float rdz, float tMax) {
        float ox = rox, oy = roy, oz = roz, dx = rdx, dy = rdy, dz = rdz;
        float idx = inv(dx), idy = inv(dy), idz = inv(dz);
        int nx = idx < 0 ? 3 : 0, ny = idy < 0 ? 4 : 1, nz = idz < 0 ? 5 : 2;
        int fx = 3 - nx, fy = 5 - ny, fz = 7 - nz;
        float oxi = ox * idx, oyi = oy * idy, ozi = oz * idz;
        boolean found = false;
        int sp = 0;
        int node = 0;
        boolean going = true;
        while (going) {
            if (node < -1) {
                // Enter instance -2 - node: the ray in its object space, a marker to come back.
                int inst = -2 - node;
                stack[sp] = -1;
                sp++;
                int x = inst * INST_STRIDE;
                if (instMotion[inst] >= 0) {
                    x = (motionRows + 2 * gid + 1) * INST_STRIDE;
                    motionRow(instMotion[inst], scratch[Scratch.TIME * capacity + gid], x);
                }
                ox = instXform[x] * rox + instXform[x + 1] * roy + instXform[x + 2] * roz + instXform[x + 3];
                oy = instXform[x + 4] * rox + instXform[x + 5] * roy + instXform[x + 6] * roz + instXform[x + 7];
                oz = instXform[x + 8] * rox + instXform[x + 9] * roy + instXform[x + 10] * roz + instXform[x + 11];
                dx = instXform[x] * rdx + instXform[x + 1] * rdy + instXform[x + 2] * rdz;
                dy = instXform[x + 4] * rdx + instXform[x + 5] * rdy + instXform[x + 6] * rdz;
                dz = instXform[x + 8] * rdx + instXform[x + 9] * rdy + instXform[x + 10] * rdz;
                idx = inv(dx);
                idy = inv(dy);
                idz = inv(dz);
                nx = idx < 0 ? 3 : 0;
                ny = idy < 0 ? 4 : 1;
                nz = idz < 0 ? 5 : 2;
                fx = 3 - nx;
                fy = 5 - ny;
                fz = 7 - nz;
                oxi = ox * idx;
                oyi = oy * idy;
                ozi = oz * idz;
                node = instRoot[inst];
            }
            int b = node * 12;
            float l0 = max(max(bvhBounds[b + nx] * idx - oxi, bvhBounds[b + ny] * idy - oyi),
                    max(bvhBounds[b + nz] * idz - ozi, 0f));
            float l1 = min(min(bvhBounds[b + fx] * idx - oxi, bvhBounds[b + fy] * idy - oyi),
                    min(bvhBounds[b + fz] * idz - ozi, tMax));
            float r0 = max(max(bvhBounds[b + 6 + nx] * idx - oxi, bvhBounds[b + 6 + ny] * idy - oyi),
                    max(bvhBounds[b + 6 + nz] * idz - ozi, 0f));
            float r1 = min(min(bvhBounds[b + 6 + fx] * idx - oxi, bvhBounds[b + 6 + fy] * idy - oyi),
                    min(bvhBounds[b + 6 + fz] * idz - ozi, tMax));
            int c = node * 4;
            boolean hitL = l0 <= l1;
            boolean hitR = r0 <= r1;
            int leftRef = bvhChildren[c], leftCount = bvhChildren[c + 1];
            int rightRef = bvhChildren[c + 2], rightCount = bvhChildren[c + 3];
            if (hitL && leftCount > 0) {
                for (int i = leftRef; i < leftRef + leftCount && !found; i++) {
                    int p = bvhPrims[i];
                    float t = p < triangleCount ? triangleT(p, ox, oy, oz, dx, dy, dz)
                            : p < curveBase ? sphereT(p, ox, oy, oz, dx, dy, dz, tMax)
                            : curveLeaf(p, ox, oy, oz, dx, dy, dz, tMax, 0);
                    if (t > 0f && t < tMax) {
                        // pbrt-v3 alpha masks: a hit where the alpha or the shadowalpha mask is exactly 0 does not count.
                        int row = -1;
                        if (hasAlphaMasks != 0 && p < triangleCount) {
                            row = triAlpha[p];
                        }
                        for (int k = 0; k < 2 && row >= 0; k++) {
                            int a = alphaMasks[row * ALPHA_STRIDE + 2 * k];
                            if (a >= 0) {
                                int r = evalProgram(gid, p, a, alphaMasks[row * ALPHA_STRIDE + 2 * k + 1], alphaRegBase, 0,
                                        alphaCoord(p, ox, oy, oz, dx, dy, dz, 0), alphaCoord(p, ox, oy, oz, dx, dy, dz, 1),
                                        alphaCoord(p, ox, oy, oz, dx, dy, dz, 2), alphaCoord(p, ox, oy, oz, dx, dy, dz, 3),
                                        alphaCoord(p, ox, oy, oz, dx, dy, dz, 4));
                                if (texRegs[(alphaRegBase + r - a) * 3 * capacity + gid] == 0f) {
                                    t = -1f;
                                    row = -1;
                                }
                            }
                        }
                    }
                    found = t > 0f && t < tMax && (hasNullSurfaces == 0 || blocks(p, dx, dy, dz) != 0);
                }
                hitL = false;
            }
            if (hitR && rightCount > 0 && !found) {
                for (int i = rightRef; i < rightRef + rightCount && !found; i++) {
                    int p = bvhPrims[i];
                    float t = p < triangleCount ? triangleT(p, ox, oy, oz, dx, dy, dz)
                            : p < curveBase ? sphereT(p, ox, oy, oz, dx, dy, dz, tMax)
                            : curveLeaf(p, ox, oy, oz, dx, dy, dz, tMax, 0);
                    if (t > 0f && t < tMax) {
                        // pbrt-v3 alpha masks: a hit where the alpha or the shadowalpha mask is exactly 0 does not count.
                        int row = -1;
                        if (hasAlphaMasks != 0 && p < triangleCount) {
                            row = triAlpha[p];
                        }
                        for (int k = 0; k < 2 && row >= 0; k++) {
                            int a = alphaMasks[row * ALPHA_STRIDE + 2 * k];
                            if (a >= 0) {
                                int r = evalProgram(gid, p, a, alphaMasks[row * ALPHA_STRIDE + 2 * k + 1], alphaRegBase, 0,
                                        alphaCoord(p, ox, oy, oz, dx, dy, dz, 0), alphaCoord(p, ox, oy, oz, dx, dy, dz, 1),
                                        alphaCoord(p, ox, oy, oz, dx, dy, dz, 2), alphaCoord(p, ox, oy, oz, dx, dy, dz, 3),
                                        alphaCoord(p, ox, oy, oz, dx, dy, dz, 4));
                                if (texRegs[(alphaRegBase + r - a) * 3 * capacity + gid] == 0f) {
                                    t = -1f;
                                    row = -1;
                                }
                            }
                        }
                    }
                    found = t > 0f && t < tMax && (hasNullSurfaces == 0 || blocks(p, dx, dy, dz) != 0);
                }
                hitR = false;
            }
            if (found) {
                going = false;
            } else if (hitL && hitR) {
                stack[sp] = rightRef;
                sp++;
                node = leftRef;
            } else if (hitL) {
                node = leftRef;
            } else if (hitR) {
                node = rightRef;
            } else if (sp == 0) {
                going = false;
            } else {
                sp--;
                node = stack[sp];
            }
            // A marker: the instance is done; back to the world ray and on to the next entry.
            boolean leaving = going && node == -1;
            if (leaving) {
                ox = rox;
                oy = roy;
                oz = roz;
                dx = rdx;
                dy = rdy;
                dz = rdz;
                idx = inv(dx);
                idy = inv(dy);
                idz = inv(dz);
                nx = idx < 0 ? 3 : 0;
                ny = idy < 0 ? 4 : 1;
                nz = idz < 0 ? 5 : 2;
                fx = 3 - nx;
                fy = 5 - ny;
                fz = 7 - nz;
                oxi = ox * idx;
                oyi = oy * idy;
                ozi = oz * idz;
                going = sp > 0;
            }
            if (leaving && going) {
                sp--;
                node = stack[sp];
            }
        }
        return found;
    }

    /**
     * Moeller-Trumbore: the ray's t where it crosses the triangle, else -1; the caller keeps only
     * 0 < t < tMax. A ray in the triangle's plane (det 0) gives infinite or NaN barycentrics, which
     * the comparisons reject. Kept under HotSpot's FreqInlineSize (325 bytes of bytecode) so that it
     * inlines into the traversal loops (at 346 bytes it did not, and every triangle test was a call).
     */
    float triangleT(int p, float ox, float oy, float oz, float dx, float dy, float dz) {
        int o = p * 9;
        float e2x = triGeom[o + 6], e2y = triGeom[o + 7], e2z = triGeom[o + 8];
        float px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
        float e1x = triGeom[o + 3], e1y = triGeom[o + 4], e1z = triGeom[o + 5];
        float inv = 1f / (e1x * px + e1y * py + e1z * pz);
        float tx = ox - triGeom[o], ty = oy - triGeom[o + 1], tz = oz - triGeom[o + 2];
        float u = (tx * px + ty * py + tz * pz) * inv;
        if (!(u >= 0 && u <= 1)) {
            return -1f;
        }
        float qx = ty * e1z - tz * e1y, qy = tz * e1x - tx * e1z, qz = tx * e1y - ty * e1x;
        float v = (dx * qx + dy * qy + dz * qz) * inv;
        if (!(v >= 0 && u + v <= 1)) {
            return -1f;
        }
        return (e2x * qx + e2y * qy + e2z * qz) * inv;
    }

    /**
     * Component {@code axis} (0..2) of the world-space unit normal at the last {@link #intersect}'s hit on
     * curve piece {@code prim} (the ray along world d), or with {@code axis} 3 its ray offset: {@link
     * CurveKernel#curveNormal} at the hit's (u, v), in the instance's object space when it is instanced
     * (pbrt-v3's TransformedPrimitive: the ray enters it, the normal leaves by the inverse transpose).
     */
    float curveHitNormal(int gid, int prim, float dx, float dy, float dz, int axis) {
        float cu = scratch[Scratch.HIT_U * capacity + gid], cv = scratch[Scratch.HIT_V * capacity + gid];
        int inst = (int) scratch[Scratch.HIT_INST * capacity + gid];
        int x = max(inst, 0) * INST_STRIDE;
        float ex = dx, ey = dy, ez = dz;
        if (inst >= 0) {
            ex = instXform[x] * dx + instXform[x + 1] * dy + instXform[x + 2] * dz;
            ey = instXform[x + 4] * dx + instXform[x + 5] * dy + instXform[x + 6] * dz;
            ez = instXform[x + 8] * dx + instXform[x + 9] * dy + instXform[x + 10] * dz;
        }
        float nx = curveNormal(prim, cu, cv, ex, ey, ez, 0), ny = curveNormal(prim, cu, cv, ex, ey, ez, 1);
        float nz = curveNormal(prim, cu, cv, ex, ey, ez, 2), off = curveNormal(prim, cu, cv, ex, ey, ez, 3);
        if (inst >= 0) {
            float gx = instXform[x] * nx + instXform[x + 4] * ny + instXform[x + 8] * nz;
            float gy = instXform[x + 1] * nx + instXform[x + 5] * ny + instXform[x + 9] * nz;
            float gz = instXform[x + 2] * nx + instXform[x + 6] * ny + instXform[x + 10] * nz;
            float gl = 1f / sqrt(gx * gx + gy * gy + gz * gz);
            nx = gx * gl;
            ny = gy * gl;
            nz = gz * gl;
            off = off * instXform[x + CompiledScene.INST_SCALE];
        }
        float out = off;
        if (axis == 0) {
            out = nx;
        } else if (axis == 1) {
            out = ny;
        } else if (axis == 2) {
            out = nz;
        }
        return out;
    }

    /** The material at the last {@link #intersect}'s hit on curve piece {@code prim}: its own, or its instance's. */
    int curveHitMaterial(int gid, int prim) {
        int m = curveMaterial(prim);
        int inst = (int) scratch[Scratch.HIT_INST * capacity + gid];
        if (inst >= 0 && instMaterial[max(inst, 0)] >= 0) {
            m = instMaterial[inst];
        }
        return m;
    }

    /** The barycentrics of the hit {@link #triangleT} found, into the hit slots. */
    private void triangleUv(int gid, int p, float ox, float oy, float oz, float dx, float dy, float dz) {
        int o = p * 9;
        float e1x = triGeom[o + 3], e1y = triGeom[o + 4], e1z = triGeom[o + 5];
        float e2x = triGeom[o + 6], e2y = triGeom[o + 7], e2z = triGeom[o + 8];
        float px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
        float inv = 1f / (e1x * px + e1y * py + e1z * pz);
        float tx = ox - triGeom[o], ty = oy - triGeom[o + 1], tz = oz - triGeom[o + 2];
        float qx = ty * e1z - tz * e1y, qy = tz * e1x - tx * e1z, qz = tx * e1y - ty * e1x;
        scratch[Scratch.HIT_U * capacity + gid] = (tx * px + ty * py + tz * pz) * inv;
        scratch[Scratch.HIT_V * capacity + gid] = (dx * qx + dy * qy + dz * qz) * inv;
    }

    /** Ray-sphere, with the numerically stable quadratic (pbrt-v4): t of a hit nearer than tMax, else -1. */
    float sphereT(int p, float ox, float oy, float oz, float dx, float dy, float dz, float tMax) {
        int o = (p - triangleCount) * 4;
        float r = sphereGeom[o + 3];
        float fx = ox - sphereGeom[o], fy = oy - sphereGeom[o + 1], fz = oz - sphereGeom[o + 2];
        float b = fx * dx + fy * dy + fz * dz;
        float lx = fx - b * dx, ly = fy - b * dy, lz = fz - b * dz;
        float disc = r * r - (lx * lx + ly * ly + lz * lz);
        float result = -1f;
        if (!(disc < 0)) {
            float c = fx * fx + fy * fy + fz * fz - r * r;
            // copySign(sqrt(disc), b), -0 included.
            float sb = b < 0f || (b == 0f && 1f / b < 0f) ? -1f : 1f;
            float q = -(b + sb * sqrt(disc));
            float t0 = c / q, t1 = q;
            if (t0 > t1) {
                float tmp = t0;
                t0 = t1;
                t1 = tmp;
            }
            float t = t0 > 0 ? t0 : t1;
            if (t > 0 && t < tMax) {
                result = t;
            }
        }
        return result;
    }
}
