package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.CompiledScene.INST_O2W;
import static org.luxnet.scene.compiled.CompiledScene.INST_SCALE;
import static org.luxnet.scene.compiled.CompiledScene.INST_STRIDE;
import static org.luxnet.scene.compiled.LightLayout.MAP;
import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_U;
import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_V;
import static org.luxnet.scene.compiled.LightLayout.STRIDE;
import static org.luxnet.scene.compiled.LightLayout.TWO_SIDED;

import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.compiled.MediumLayout;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * The path tracer, top layer of the light transport: one sample, {@code (pixel, sample index)} of a
 * device's stream: filter offset, camera ray, then a unidirectional path with next-event estimation
 * to one light per vertex (chosen by power) combined with BSDF sampling by multiple importance
 * sampling (power heuristic), Russian roulette, and null surfaces passed through without counting a
 * bounce. In a participating medium a segment may end at a scattering point, which is a vertex like
 * a surface's with the phase function for the BSDF ({@link MediumKernel}); shadow rays then carry the
 * transmittance of the media they cross. It writes the filter weight and radiance to {@link #out};
 * the device adds them to its film.
 *
 * <p>Both devices run this code. A CPU render thread owns one instance with room for one item and
 * calls {@link #renderSample} per pixel. The OpenCL device runs {@link #run} through Aparapi: work
 * items of one launch cover consecutive items of the device's item space {@code pass * pixels +
 * pixel}, starting at ({@link #passBase}, {@link #pixelBase}); items at or beyond {@link
 * #itemCount} (padding up to the work-group size) do nothing.
 */
public final class PathTraceKernel extends MediumKernel {
    /** Output slots per work item in {@link #out}, structure of arrays: weight, r, g, b. */
    public static final int OUT_WEIGHT = 0, OUT_R = 1, OUT_G = 2, OUT_B = 3, OUT_SLOTS = 4;
    /** Floats of scratch memory per work item (one array of this many floats per item of a launch). */
    public static final int SCRATCH_SLOTS = Scratch.SLOTS;
    /**
     * Memory per work item, in 4-byte words, that a scene with motion adds: two interpolated transform
     * rows ({@link TraceKernel#motionRow}) and their instance materials.
     */
    public static final int MOTION_WORDS_PER_ITEM = 2 * org.luxnet.scene.compiled.CompiledScene.INST_STRIDE + 2;
    /** Roulette strategies, as {@link #roulette}. */
    static final int RR_EFFICIENCY = 0, RR_PROBABILITY = 1, RR_NONE = 2;
    /** Null surfaces a path may pass through before it is dropped. */
    private static final int MAX_PASS_THROUGH = 256;

    int maxDepth;
    /**
     * 1 for direct lighting only ({@link PathSettings#directLighting}): a path ends at the first vertex a
     * non-specular bounce reaches, once its emission (MIS-weighted, as the light-sampling half of pbrt's
     * EstimateDirect and LuxRender's SampleLights complement it) is collected; no specular bounce leaves
     * the vertex at depth maxDepth - 1 (pbrt-v3 spawns SpecularReflect/Transmit while depth + 1 < maxDepth).
     */
    int directOnly;
    /** pbrt-v3's Film "maxsampleluminance" ({@link PathSettings#maxSampleLuminance}); infinite for none. */
    float maxSampleLum;
    int roulette;
    int rrStartBounce;
    float rrContinueProb;

    /**
     * 1 for a pbrt-v3 scene: a non-specular BSDF sample on the other side of the geometric surface than
     * the shading frame says follows pbrt-v3's BSDF::Sample_f (BsdfKernel#crossGeometry); 0 for a
     * LuxRender scene, where it ends the path. A scene has one dialect (MaterialCompiler compiles all
     * its materials for it), so one flag covers the materials that both dialects share (matte, mix...).
     */
    int pbrtCrossing;

    int width;
    int pixelCount;
    int passBase;
    int pixelBase;
    int itemCount;

    /** OUT_SLOTS floats per work item, {@code out[slot * capacity + gid]}. */
    float[] out = new float[OUT_SLOTS];

    /**
     * A kernel for one device: the scene, settings and filter of the render, the device's stream, and
     * room for {@code items} work items per launch.
     *
     * @throws IllegalArgumentException for a pixel filter the kernel cannot sample
     */
    public PathTraceKernel(CompiledScene scene, RenderSettings settings, PixelFilter filter, long streamSeed,
                           int items) {
        setupSampler(settings.sampler(), streamSeed);
        setupGeometry(scene, items);
        setupMaterials(scene);
        setupPlainMaterials();
        setupLights(scene);
        setupCamera(scene.camera);
        setupMedia(scene);
        setupFourier(scene);
        // LuxRender 1.x looks its images up without differentials (ImageSpectrumTexture::Evaluate: width 0).
        diffScale = settings.dialect() == org.luxnet.scene.desc.Dialect.LUXRENDER ? 0f
                : settings.haltSpp() > 0 ? (float) (1 / Math.sqrt(settings.haltSpp())) : 1f;
        pbrtCrossing = settings.dialect() == org.luxnet.scene.desc.Dialect.PBRT ? 1 : 0;
        for (int m = 0; m < matTextured.length; m++) {
            if (matTextured[m] != 0 && diffScale > 0) {
                carryDifferentials = 1;
            }
        }
        setupFilter(filter);
        autofocus(scene.camera);
        PathSettings p = settings.path();
        maxDepth = p.maxDepth();
        directOnly = p.directLighting() ? 1 : 0;
        maxSampleLum = p.maxSampleLuminance();
        roulette = p.roulette() == PathSettings.Roulette.EFFICIENCY ? RR_EFFICIENCY
                : p.roulette() == PathSettings.Roulette.PROBABILITY ? RR_PROBABILITY : RR_NONE;
        rrStartBounce = p.rrStartBounce();
        rrContinueProb = p.rrContinueProb();
        width = settings.width();
        pixelCount = settings.width() * settings.height();
        out = new float[OUT_SLOTS * items];
    }

    /** Host side: the next launch renders {@code count} items from ({@code pass}, {@code pixel}). */
    public void setBatch(int pass, int pixel, int count) {
        passBase = pass;
        pixelBase = pixel;
        itemCount = count;
    }

    /** Host side, explicit-transfer mode: copies every input array to the device before the first launch. */
    public void putInputs() {
        put(sobolTables);
        put(triGeom).put(triEps).put(triNg).put(triNs).put(triHasNs).put(triMaterial).put(triLight);
        put(sphereGeom).put(sphereFlip).put(sphereMaterial).put(sphereLight);
        put(curveGeom).put(curveInfo).put(curveSeg);
        put(bvhBounds).put(bvhChildren).put(bvhPrims).put(primNull).put(triAlpha).put(alphaMasks).put(instXform);
        put(instRoot).put(instMaterial).put(motion).put(instMotion);
        put(matType).put(matPlain).put(shade);
        put(matTexStart).put(matTexWidth).put(matTextured).put(matTexRoot);
        put(texType).put(texChild).put(texParams).put(texTexels).put(texImageInfo).put(texTriUv).put(sphereFrame).put(noisePerm);
        put(triColour).put(triColourData).put(primLocal).put(localXform);
        put(lightType).put(lightParams).put(lightPrim).put(lightSelectPdf).put(lightCdf).put(infiniteLights);
        put(envTexels).put(envDist).put(envXform).put(envInfo);
        put(fourierData).put(fourierInfo);
        put(mediaParams).put(mediaGrids).put(c2w).put(filterCdf).put(filterCdfLow).put(filterMean).put(filterProfile);
    }

    /**
     * Host side: how many tracking loops in grid media stopped at {@link MediumKernel#maxTrackingSteps}
     * so far, over all work items (CPU threads and Java thread pool; an OpenCL launch keeps its scratch on
     * the device).
     */
    public long trackingCapHits() {
        long n = 0;
        for (int g = 0; g < capacity; g++) {
            n += (long) scratch[Scratch.MED_CAPPED * capacity + g];
        }
        return n;
    }

    /** Host side: output {@code slot} of work item {@code gid} of the last launch. */
    public float output(int gid, int slot) {
        return out[slot * capacity + gid];
    }

    /** Host side, explicit-transfer mode: copies the outputs of the last launch back from the device. */
    public void getOutputs() {
        get(out);
    }

    /** Work items one launch can hold. */
    public int capacity() {
        return capacity;
    }

    /**
     * Host side, for tests and benchmarks: the primary ray through raster position (fx, fy) with lens
     * numbers (lu, lv), as a sample's camera step computes it: origin to {@code ray[0..2]}, unit
     * direction to {@code ray[3..5]}, and where the array is longer, the distance at which the camera
     * clips the ray to {@code ray[6]} (infinite without clipping), and then the camera's weight of the
     * ray to {@code ray[7]} (pbrt-v3's realistic camera: 0 when vignetted; 1 for other cameras). Raster positions are those of the
     * rendered film: a crop window's first pixel is (0, 0). Uses work item 0's scratch.
     */
    public void cameraRay(float fx, float fy, float lu, float lv, float[] ray) {
        float w = generateRay(0, fx, fy, lu, lv);
        ray[0] = scratch[Scratch.LS_WX * capacity];
        ray[1] = scratch[Scratch.LS_WY * capacity];
        ray[2] = scratch[Scratch.LS_WZ * capacity];
        ray[3] = scratch[Scratch.VEC_X * capacity];
        ray[4] = scratch[Scratch.VEC_Y * capacity];
        ray[5] = scratch[Scratch.VEC_Z * capacity];
        if (ray.length > 6) {
            ray[6] = scratch[Scratch.LS_DIST * capacity];
        }
        if (ray.length > 7) {
            ray[7] = w;
        }
    }

    /**
     * Host side, for tests and benchmarks: the closest primitive along o + t d, 0 < t < tMax, or -1,
     * as a path's intersection step finds it; then {@link #hitDistance} is its t. Uses work item 0's
     * scratch.
     */
    public int closestHit(float ox, float oy, float oz, float dx, float dy, float dz, float tMax) {
        return intersect(0, ox, oy, oz, dx, dy, dz, tMax);
    }

    /** The distance of the last {@link #closestHit} that hit. */
    public float hitDistance() {
        return scratch[Scratch.HIT_T * capacity];
    }

    /** The instance of the last {@link #closestHit} that hit, -1 for world geometry. */
    public int hitInstance() {
        return (int) scratch[Scratch.HIT_INST * capacity];
    }

    /** Host side: true when anything but a null surface blocks o + t d for 0 < t < tMax (a shadow ray). */
    public boolean blocked(float ox, float oy, float oz, float dx, float dy, float dz, float tMax) {
        return occluded(0, ox, oy, oz, dx, dy, dz, tMax);
    }

    @Override
    public void run() {
        int gid = getGlobalId();
        if (gid < itemCount) {
            int q = pixelBase + gid;
            int passOffset = q / pixelCount;
            int pixel = q - passOffset * pixelCount;
            int index = passBase + passOffset;
            renderSample(gid, pixel, index);
        }
    }

    /**
     * Renders sample {@code index} of pixel {@code pixel} (row-major) of this kernel's stream into
     * slot {@code gid} of the outputs: {@link #OUT_WEIGHT} the filter weight, {@link #OUT_R} to
     * {@link #OUT_B} the radiance. Called by {@link #run} on OpenCL, and directly by CPU threads.
     */
    public void renderSample(int gid, int pixel, int index) {
        int y = pixel / width;
        int x = pixel - y * width;
        int ps = pixelSeed(pixel);
        out[OUT_WEIGHT * capacity + gid] = startPath(gid, ps, index, x, y);
        // The camera's ray weight scales the radiance only, as in pbrt-v3's film (AddSample's sampleWeight); a
        // vignetted ray (weight 0) is not traced, as pbrt-v3's integrators skip Li for it.
        float cameraWeight = scratch[Scratch.CAM_WEIGHT * capacity + gid];
        if (cameraWeight > 0) {
            tracePath(gid, ps, index, scratch[Scratch.LS_WX * capacity + gid], scratch[Scratch.LS_WY * capacity + gid],
                    scratch[Scratch.LS_WZ * capacity + gid], scratch[Scratch.VEC_X * capacity + gid],
                    scratch[Scratch.VEC_Y * capacity + gid], scratch[Scratch.VEC_Z * capacity + gid],
                    scratch[Scratch.LS_DIST * capacity + gid]);
        } else {
            out[OUT_R * capacity + gid] = 0f;
            out[OUT_G * capacity + gid] = 0f;
            out[OUT_B * capacity + gid] = 0f;
        }
        // FilmTile::AddSample clamps L's luminance before the camera's weight multiplies it.
        if (maxSampleLum < Float.POSITIVE_INFINITY) {
            clampLuminance(gid);
        }
        if (cameraWeight != 1f) {
            out[OUT_R * capacity + gid] *= cameraWeight;
            out[OUT_G * capacity + gid] *= cameraWeight;
            out[OUT_B * capacity + gid] *= cameraWeight;
        }
    }

    /**
     * pbrt-v3 FilmTile::AddSample: a sample whose luminance y (RGBSpectrum::y's weights) exceeds the film's
     * maxsampleluminance is scaled down to it.
     */
    private void clampLuminance(int gid) {
        float r = out[OUT_R * capacity + gid], g = out[OUT_G * capacity + gid], b = out[OUT_B * capacity + gid];
        float y = 0.212671f * r + 0.715160f * g + 0.072169f * b;
        if (y > maxSampleLum) {
            float k = maxSampleLum / y;
            out[OUT_R * capacity + gid] = r * k;
            out[OUT_G * capacity + gid] = g * k;
            out[OUT_B * capacity + gid] = b * k;
        }
    }

    private float powerHeuristic(float f, float g) {
        float f2 = f * f, g2 = g * g;
        float w = 0f;
        if (f2 == Float.POSITIVE_INFINITY) {
            w = 1f;
        } else if (f2 + g2 > 0) {
            w = f2 / (f2 + g2);
        }
        return w;
    }

    /**
     * The radiance arriving along the camera ray (o, d), d of unit length; the radiance goes to the OUT_R..OUT_B slots. Written
     * as a flat sequence of guarded steps rather than nested if-else chains, which Aparapi's bytecode
     * decompiler cannot always rebuild.
     */
    private void tracePath(int gid, int ps, int index, float rayOx, float rayOy, float rayOz, float rayDx,
                           float rayDy, float rayDz, float cameraClip) {
        float ox = rayOx, oy = rayOy, oz = rayOz, dx = rayDx, dy = rayDy, dz = rayDz;
        float lr = 0, lg = 0, lb = 0;
        float br = 1, bg = 1, bb = 1;
        float etaScale = 1;
        // The medium the path is in (MediumKernel; 0 vacuum): the camera's, then set where it crosses a glass2
        // or null surface that has volumes.
        int medium = cameraMedium;
        boolean specular = false;
        float prevPdf = 0;
        float px = ox, py = oy, pz = oz;
        int bounce = 0;
        // Vertices inside pbrt-v3 subsurface media (MediumKernel#subsurfaceStep): not counted toward maxDepth.
        int inside = 0;
        int passes = 0;
        boolean alive = true;
        // The camera ray ends at the camera's far clipping distance (LuxRender's yon), later rays do not.
        float tMax = cameraClip;
        // The seeds and scrambled indices of the current vertex's two 4D chunks (see vertexSample),
        // drawn again when the bounce changes (not after a null surface, which keeps the vertex's numbers).
        int hashed = 0, seedA = 0, indexA = 0, seedB = 0, indexB = 0;
        int drawnBounce = -1;
        // The ray differential (CameraKernel#rayOffsets): 1 the camera's, 2 carried through specular
        // bounces in the RX/RY slots, 0 none (after a diffuse or glossy bounce, or in untextured scenes).
        int diffs = carryDifferentials;
        while (alive) {
            if (drawnBounce != bounce) {
                drawnBounce = bounce;
                hashed = hashedBounce(bounce);
                seedA = vertexSeed(ps, index, bounce, 0);
                if (hashed == 0) {
                    // Hashed vertices draw all eight numbers from seedA alone.
                    seedB = vertexSeed(ps, index, bounce, 1);
                    indexA = chunkIndex(seedA, index);
                    indexB = chunkIndex(seedB, index);
                }
            }
            int prim = intersect(gid, ox, oy, oz, dx, dy, dz, tMax);
            float t = scratch[Scratch.HIT_T * capacity + gid];
            boolean scattered = false;
            if (medium != 0) {
                // The segment in the medium (MediumKernel): Beer's law, or a free-flight distance that may end in
                // a scattering point before the hit (its numbers hashed per segment, apart from the vertex's own).
                int segment = bounce * 4096 + passes;
                if (mediaParams[medium * MediumLayout.STRIDE + MediumLayout.KIND] >= MediumLayout.GRID) {
                    scattered = sampleGrid(gid, medium, ox, oy, oz, dx, dy, dz, t, prim >= 0, ps, index, segment);
                } else {
                    scattered = sampleSegment(gid, medium, t, prim >= 0, mediumRandom(ps, index, segment, 0),
                            mediumRandom(ps, index, segment, 1));
                }
                br *= scratch[Scratch.MED_R * capacity + gid];
                bg *= scratch[Scratch.MED_G * capacity + gid];
                bb *= scratch[Scratch.MED_B * capacity + gid];
            }
            // Next-event estimation's shadow ray, when a vertex below sends one: the medium it starts in.
            boolean neeLit = false;
            int neeMedium = medium;
            float hx = 0f, hy = 0f, hz = 0f, ngx = 0f, ngy = 0f, ngz = 0f, nsx = 0f, nsy = 0f, nsz = 0f, eps = 0f;
            int mat = 0, light = -1;
            boolean bumped = false;
            if (scattered) {
                // A scattering point inside the medium: no surface, no material (the block below for media).
                float ts = scratch[Scratch.MED_T * capacity + gid];
                hx = ox + ts * dx;
                hy = oy + ts * dy;
                hz = oz + ts * dz;
                prim = -1;
            } else if (prim < 0) {
                // Escaped: environment lights.
                for (int k = 0; k < infiniteCount; k++) {
                    int li = infiniteLights[k];
                    if (lightType[li] == LightLayout.INFINITE || lightType[li] == LightLayout.SUN) {
                        float w = escapeWeight(li, bounce);
                        if (bounce != 0 && !specular) {
                            w = powerHeuristic(prevPdf, pdfInfinite(gid, li, dx, dy, dz));
                        }
                        int o = li * STRIDE;
                        // The sun's radiance only within its cone.
                        float cone = sunCone(li, dx, dy, dz);
                        float er = lightParams[o] * cone, eg = lightParams[o + 1] * cone, eb = lightParams[o + 2] * cone;
                        int mp = (int) lightParams[o + MAP] - 1;
                        if (mp >= 0) {
                            // Environment map: its texel at the ray's direction.
                            envDirection(gid, mp, dx, dy, dz);
                            envLookup(gid, mp, scratch[Scratch.VEC_X * capacity + gid],
                                    scratch[Scratch.VEC_Y * capacity + gid]);
                            er = scratch[Scratch.VEC_X * capacity + gid];
                            eg = scratch[Scratch.VEC_Y * capacity + gid];
                            eb = scratch[Scratch.VEC_Z * capacity + gid];
                        }
                        lr += br * er * w;
                        lg += bg * eg * w;
                        lb += bb * eb * w;
                    }
                }
                alive = false;
            } else if (prim < triangleCount) {
                int o = prim * 9;
                float u = scratch[Scratch.HIT_U * capacity + gid], v = scratch[Scratch.HIT_V * capacity + gid];
                hx = triGeom[o] + u * triGeom[o + 3] + v * triGeom[o + 6];
                hy = triGeom[o + 1] + u * triGeom[o + 4] + v * triGeom[o + 7];
                hz = triGeom[o + 2] + u * triGeom[o + 5] + v * triGeom[o + 8];
                eps = triEps[prim];
                ngx = triNg[3 * prim];
                ngy = triNg[3 * prim + 1];
                ngz = triNg[3 * prim + 2];
                nsx = ngx;
                nsy = ngy;
                nsz = ngz;
                if (triHasNs[prim] != 0) {
                    float w0 = 1 - u - v;
                    float sx = w0 * triNs[o] + u * triNs[o + 3] + v * triNs[o + 6];
                    float sy = w0 * triNs[o + 1] + u * triNs[o + 4] + v * triNs[o + 7];
                    float sz = w0 * triNs[o + 2] + u * triNs[o + 5] + v * triNs[o + 8];
                    float len = sqrt(sx * sx + sy * sy + sz * sz);
                    if (len > 0) {
                        nsx = sx / len;
                        nsy = sy / len;
                        nsz = sz / len;
                    }
                }
                mat = triMaterial[prim];
                light = triLight[prim];
                int inst = (int) scratch[Scratch.HIT_INST * capacity + gid];
                if (inst >= 0) {
                    // Object space to world: points by object-to-world, normals by its inverse transpose.
                    int x = inst * INST_STRIDE;
                    int w = x + INST_O2W;
                    float wx = instXform[w] * hx + instXform[w + 1] * hy + instXform[w + 2] * hz + instXform[w + 3];
                    float wy = instXform[w + 4] * hx + instXform[w + 5] * hy + instXform[w + 6] * hz + instXform[w + 7];
                    float wz = instXform[w + 8] * hx + instXform[w + 9] * hy + instXform[w + 10] * hz + instXform[w + 11];
                    hx = wx;
                    hy = wy;
                    hz = wz;
                    eps = eps * instXform[x + INST_SCALE] + 1e-6f * (abs(wx) + abs(wy) + abs(wz));
                    float gx = instXform[x] * ngx + instXform[x + 4] * ngy + instXform[x + 8] * ngz;
                    float gy = instXform[x + 1] * ngx + instXform[x + 5] * ngy + instXform[x + 9] * ngz;
                    float gz = instXform[x + 2] * ngx + instXform[x + 6] * ngy + instXform[x + 10] * ngz;
                    float gl = 1f / sqrt(gx * gx + gy * gy + gz * gz);
                    ngx = gx * gl;
                    ngy = gy * gl;
                    ngz = gz * gl;
                    float sx = instXform[x] * nsx + instXform[x + 4] * nsy + instXform[x + 8] * nsz;
                    float sy = instXform[x + 1] * nsx + instXform[x + 5] * nsy + instXform[x + 9] * nsz;
                    float sz = instXform[x + 2] * nsx + instXform[x + 6] * nsy + instXform[x + 10] * nsz;
                    float sl = 1f / sqrt(sx * sx + sy * sy + sz * sz);
                    nsx = sx * sl;
                    nsy = sy * sl;
                    nsz = sz * sl;
                    if (instMaterial[inst] >= 0) {
                        mat = instMaterial[inst];
                    }
                }
            } else if (prim >= curveBase) {
                // pbrt-v3 Curve: the point on the ray, the normal and ray offset of CurveKernel, no emission.
                hx = ox + t * dx;
                hy = oy + t * dy;
                hz = oz + t * dz;
                ngx = curveHitNormal(gid, prim, dx, dy, dz, 0);
                ngy = curveHitNormal(gid, prim, dx, dy, dz, 1);
                ngz = curveHitNormal(gid, prim, dx, dy, dz, 2);
                eps = curveHitNormal(gid, prim, dx, dy, dz, 3);
                nsx = ngx;
                nsy = ngy;
                nsz = ngz;
                mat = curveHitMaterial(gid, prim);
            } else {
                int sp = prim - triangleCount;
                float cx = sphereGeom[4 * sp], cy = sphereGeom[4 * sp + 1], cz = sphereGeom[4 * sp + 2];
                float rad = sphereGeom[4 * sp + 3];
                float qx = ox + t * dx - cx, qy = oy + t * dy - cy, qz = oz + t * dz - cz;
                float ql = sqrt(qx * qx + qy * qy + qz * qz);
                float f = 1f / ql;
                if (sphereFlip[sp] != 0) {
                    f = -1f / ql;
                }
                ngx = qx * f;
                ngy = qy * f;
                ngz = qz * f;
                // Re-project onto the surface to shed the error of o + t d.
                float k = rad / ql;
                hx = cx + qx * k;
                hy = cy + qy * k;
                hz = cz + qz * k;
                eps = 1e-6f * (abs(cx) + abs(cy) + abs(cz) + rad);
                nsx = ngx;
                nsy = ngy;
                nsz = ngz;
                mat = sphereMaterial[sp];
                light = sphereLight[sp];
            }
            // The chosen mix component's weight (1 without a mix) and the lobe number left for the BSDF.
            float mixR = 1f, mixG = 1f, mixB = 1f, mixU = 0f, flip = 1f;
            // 1 when the hit's material is a mix (pbrt-v3's MixMaterial holds both materials' BxDFs).
            int mixed = 0;
            float cosGeo = -(dx * ngx + dy * ngy + dz * ngz); // > 0: hit from the front
            if (prim >= 0 && matPlain[mat] != 0) {
                // No texture, mix or bump: the material's constant row as it is (what the steps below give it).
                shadeAt[gid] = mat * MaterialLayout.STRIDE;
                mixU = vertexSample(hashed, seedA, indexA, seedB, indexB, BSDF_LOBE);
            }
            if (prim >= 0 && matPlain[mat] == 0) {
                // The material's parameters here, textures evaluated (TextureKernel) over the footprint.
                footprint(gid, diffs, prim, mat, hx, hy, hz, ngx, ngy, ngz);
                // Mix and doubleside materials choose the material here (LobeKernel), whose parameters are then
                // shaded (TextureKernel).
                if (matType[mat] == MaterialLayout.MIX) {
                    mixed = 1;
                }
                mat = resolveMix(gid, prim, mat, hx, hy, hz, vertexSample(hashed, seedA, indexA, seedB, indexB, BSDF_LOBE),
                        cosGeo);
                mixR = scratch[Scratch.MIX_R * capacity + gid];
                mixG = scratch[Scratch.MIX_G * capacity + gid];
                mixB = scratch[Scratch.MIX_B * capacity + gid];
                mixU = scratch[Scratch.MIX_U * capacity + gid];
                flip = scratch[Scratch.MIX_FLIP * capacity + gid];
                shadeMaterial(gid, prim, mat, hx, hy, hz);
                // Its bump or normal map perturbs the shading normal (BumpKernel).
                bumped = bumpNormal(gid, prim, mat, hx, hy, hz, ngx, ngy, ngz, nsx, nsy, nsz);
                if (bumped) {
                    nsx = scratch[Scratch.VEC_X * capacity + gid];
                    nsy = scratch[Scratch.VEC_Y * capacity + gid];
                    nsz = scratch[Scratch.VEC_Z * capacity + gid];
                }
            }

            // Emission.
            if (alive && light >= 0) {
                int o = light * STRIDE;
                float cosL = cosGeo;
                if (lightParams[o + TWO_SIDED] != 0) {
                    cosL = abs(cosGeo);
                }
                if (cosL > 0) {
                    float w = 1f;
                    if (bounce != 0 && !specular) {
                        // Distance from the last scattering vertex (longer than t after null surfaces).
                        float dist = t;
                        if (passes > 0) {
                            float ex = hx - px, ey = hy - py, ez = hz - pz;
                            dist = sqrt(ex * ex + ey * ey + ez * ez);
                        }
                        w = powerHeuristic(prevPdf, pdfArea(light, px, py, pz, dist, cosL));
                    }
                    float er = lightParams[o], eg = lightParams[o + 1], eb = lightParams[o + 2];
                    if (lightParams[o + MAP] > 0) {
                        // LuxRender's area light with a spherical function (LightKernel.areaDistribution).
                        areaDistribution(gid, o, lightPrim[light], -dx, -dy, -dz);
                        er *= scratch[Scratch.VEC_X * capacity + gid];
                        eg *= scratch[Scratch.VEC_Y * capacity + gid];
                        eb *= scratch[Scratch.VEC_Z * capacity + gid];
                    }
                    lr += br * er * w;
                    lg += bg * eg * w;
                    lb += bb * eb * w;
                }
            }
            if (medium != 0) {
                inside += subsurfaceStep(medium, inside);
            }
            if (pathEnds(bounce, bounce - inside, specular)) {
                alive = false;
            }
            // A doubleside side that LuxRender builds with flipped normals sees its other side (LobeKernel.resolveMix).
            ngx *= flip;
            ngy *= flip;
            ngz *= flip;
            nsx *= flip;
            nsy *= flip;
            nsz *= flip;
            cosGeo *= flip;
            int type = matType[mat];
            // The chosen mix component's weight scales what the surface scatters (1 without a mix).
            br *= mixR;
            bg *= mixG;
            bb *= mixB;

            // Invisible surface: continue straight on from just behind it.
            boolean passThrough = alive && !scattered && type == MaterialLayout.NULL;
            if (passThrough) {
                passes++;
                alive = passes <= MAX_PASS_THROUGH;
                float side = eps;
                if (cosGeo > 0) {
                    side = -eps;
                }
                int no = shadeAt[gid];
                if (shade[no + MaterialLayout.VOL_MEDIA] != 0) {
                    // A null surface bounding volumes: into its Interior when crossed from the front, else its Exterior.
                    int vs = MaterialLayout.VOL_EX;
                    if (cosGeo > 0) {
                        vs = MaterialLayout.VOL_IN;
                    }
                    medium = (int) shade[no + vs];
                }
                ox = hx + ngx * side;
                oy = hy + ngy * side;
                oz = hz + ngz * side;
                tMax = tMax - t;
            }

            if (alive && !passThrough && !scattered) {
                // Shading frame around the shading normal (Duff et al. 2017).
                float sgn = signOf(nsz);
                float fa = -1f / (sgn + nsz);
                float fb = nsx * nsy * fa;
                float sx = 1 + sgn * nsx * nsx * fa, sy = sgn * fb, sz = -sgn * nsx;
                float tx = fb, ty = sgn + nsy * nsy * fa, tz = -nsy;
                // Anisotropic roughness needs the frame along dp/du, as pbrt-v3's and LuxRender's BSDFs build it
                // (BumpKernel.shadingTangent); isotropic materials keep the frame above, which costs nothing more.
                int so = shadeAt[gid];
                if (shade[so + ALPHA_U] != shade[so + ALPHA_V]
                        && shadingTangent(gid, prim, hx, hy, hz, nsx, nsy, nsz, bumped)) {
                    sx = scratch[Scratch.VEC_X * capacity + gid];
                    sy = scratch[Scratch.VEC_Y * capacity + gid];
                    sz = scratch[Scratch.VEC_Z * capacity + gid];
                    tx = nsy * sz - nsz * sy;
                    ty = nsz * sx - nsx * sz;
                    tz = nsx * sy - nsy * sx;
                }
                float wox = -(dx * sx + dy * sy + dz * sz);
                float woy = -(dx * tx + dy * ty + dz * tz);
                float woz = -(dx * nsx + dy * nsy + dz * nsz);

                // Next-event estimation.
                if (hasSmoothLobe(type) && directLight(gid, mat, hx, hy, hz, ngx, ngy, ngz, sx, sy, sz, tx, ty, tz, nsx,
                        nsy, nsz, wox, woy, woz, cosGeo, eps, br, bg, bb,
                        vertexSample(hashed, seedA, indexA, seedB, indexB, LIGHT_SELECT),
                        vertexSample(hashed, seedA, indexA, seedB, indexB, LIGHT_U),
                        vertexSample(hashed, seedA, indexA, seedB, indexB, LIGHT_V))) {
                    // Added below, times the transmittance of the media along the shadow ray.
                    neeLit = true;
                }

                // Sample the BSDF for the next direction.
                alive = sampleBsdf(gid, mat, wox, woy, woz, vertexSample(hashed, seedA, indexA, seedB, indexB, BSDF_U),
                        vertexSample(hashed, seedA, indexA, seedB, indexB, BSDF_V),
                        mixU);
                float bwx = scratch[Scratch.BS_WX * capacity + gid];
                float bwy = scratch[Scratch.BS_WY * capacity + gid];
                float bwz = scratch[Scratch.BS_WZ * capacity + gid];
                boolean bsSpecular = scratch[Scratch.BS_SPECULAR * capacity + gid] != 0;
                float ndx = bwx * sx + bwy * tx + bwz * nsx;
                float ndy = bwx * sy + bwy * ty + bwz * nsy;
                float ndz = bwx * sz + bwy * tz + bwz * nsz;
                float nl = 1f / sqrt(ndx * ndx + ndy * ndy + ndz * ndz);
                ndx *= nl;
                ndy *= nl;
                ndz *= nl;
                float cosGn = ndx * ngx + ndy * ngy + ndz * ngz;
                if (alive && !bsSpecular && !sameSide(cosGn * cosGeo, bwz * woz)) {
                    // The shading normal sent the ray to the other side of the geometry than the sampled lobe's kind.
                    // LuxRender (SingleBSDF/MultiBSDF::SampleF) drops such a sample: a light leak. pbrt-v3's
                    // BSDF::Sample_f keeps it, f as the lobes of the geometric side's kind give it where the BSDF has
                    // several components (BsdfKernel#crossGeometry); the ray then leaves from that side (below).
                    alive = pbrtCrossing != 0 && crossGeometry(gid, mat, mixed, wox, woy, woz, bwx, bwy, bwz,
                            cosGn * cosGeo > 0);
                }
                if (alive) {
                    br *= scratch[Scratch.BS_R * capacity + gid];
                    bg *= scratch[Scratch.BS_G * capacity + gid];
                    bb *= scratch[Scratch.BS_B * capacity + gid];
                    alive = br > 0 || bg > 0 || bb > 0;
                }
                if (alive && specularBeyond(bsSpecular, bounce + 1 - inside)) {
                    alive = false;
                }
                if (alive) {
                    specular = bsSpecular;
                    prevPdf = scratch[Scratch.BS_PDF * capacity + gid];
                    if (bsSpecular && scratch[Scratch.BS_TRANSMISSION * capacity + gid] != 0) {
                        etaScale *= scratch[Scratch.BS_ETA_SCALE * capacity + gid];
                    }
                    if (diffs != 0) {
                        // pbrt-v3 SpecularReflect / SpecularTransmit: the differential follows a specular bounce;
                        // a diffuse or glossy one drops it (never reached in scenes without textures).
                        if (bsSpecular) {
                            specularDifferentials(gid, diffs, prim, hx, hy, hz, ngx, ngy, ngz, nsx, nsy, nsz, dx, dy,
                                    dz, ndx, ndy, ndz, (int) scratch[Scratch.BS_TRANSMISSION * capacity + gid],
                                    scratch[Scratch.BS_ETA_SCALE * capacity + gid]);
                            diffs = 2;
                        } else {
                            diffs = 0;
                        }
                    }
                    // Only the glasses keep media slots (other types use those offsets for their own parameters);
                    // pbrt-v3's rough glass too, whose MediumInterface sides a transmitted ray enters likewise.
                    boolean glass = type == MaterialLayout.GLASS || type == MaterialLayout.ARCH_GLASS
                            || type == MaterialLayout.DISPERSIVE_GLASS || type == MaterialLayout.ROUGH_GLASS;
                    if (glass && scratch[Scratch.BS_TRANSMISSION * capacity + gid] != 0
                            && shade[so + MaterialLayout.VOL_MEDIA] != 0) {
                        // Across a glass2 surface: into its Interior against the geometric normal, else its Exterior.
                        int side = MaterialLayout.VOL_EX;
                        if (cosGn < 0) {
                            side = MaterialLayout.VOL_IN;
                        }
                        medium = (int) shade[so + side];
                    }
                    px = hx;
                    py = hy;
                    pz = hz;
                    // Offset to the geometric side the new direction is on (pbrt-v3 SpawnRay(wi)), also when it
                    // crosses the surface against the shading frame.
                    float side = -eps;
                    if (cosGn > 0) {
                        side = eps;
                    }
                    ox = hx + ngx * side;
                    oy = hy + ngy * side;
                    oz = hz + ngz * side;
                    dx = ndx;
                    dy = ndy;
                    dz = ndz;
                    // Russian roulette.
                    float q = terminationProbability(br, bg, bb, etaScale, bounce);
                    if (q > 0) {
                        alive = !(vertexSample(hashed, seedA, indexA, seedB, indexB, ROULETTE) < q);
                        float k = 1 / (1 - q);
                        br *= k;
                        bg *= k;
                        bb *= k;
                    }
                    bounce++;
                    tMax = Float.POSITIVE_INFINITY;
                }
            }

            if (alive && scattered) {
                // A scattering point (MediumKernel): one light sampled with the phase function as the BSDF, then
                // the next direction from the phase function (pbrt-v3 VolPathIntegrator::Li's medium interaction).
                neeLit = mediumDirectLight(gid, medium, hx, hy, hz, dx, dy, dz, br, bg, bb,
                        vertexSample(hashed, seedA, indexA, seedB, indexB, LIGHT_SELECT),
                        vertexSample(hashed, seedA, indexA, seedB, indexB, LIGHT_U),
                        vertexSample(hashed, seedA, indexA, seedB, indexB, LIGHT_V));
                samplePhase(gid, medium, dx, dy, dz, vertexSample(hashed, seedA, indexA, seedB, indexB, BSDF_U),
                        vertexSample(hashed, seedA, indexA, seedB, indexB, BSDF_V));
                br *= scratch[Scratch.BS_R * capacity + gid];
                bg *= scratch[Scratch.BS_G * capacity + gid];
                bb *= scratch[Scratch.BS_B * capacity + gid];
                alive = br > 0 || bg > 0 || bb > 0;
                specular = false;
                prevPdf = scratch[Scratch.BS_PDF * capacity + gid];
                diffs = 0;
                px = hx;
                py = hy;
                pz = hz;
                ox = hx;
                oy = hy;
                oz = hz;
                dx = scratch[Scratch.BS_WX * capacity + gid];
                dy = scratch[Scratch.BS_WY * capacity + gid];
                dz = scratch[Scratch.BS_WZ * capacity + gid];
                float q = terminationProbability(br, bg, bb, etaScale, bounce);
                if (q > 0) {
                    alive = alive && !(vertexSample(hashed, seedA, indexA, seedB, indexB, ROULETTE) < q);
                    float k = 1 / (1 - q);
                    br *= k;
                    bg *= k;
                    bb *= k;
                }
                bounce++;
                tMax = Float.POSITIVE_INFINITY;
            }

            if (neeLit) {
                // The light a shadow ray brought, times the transmittance of the media it crosses, through the null
                // surfaces it passes (pbrt-v3 VisibilityTester::Tr); 1 in scenes without media.
                float tr0 = 1f, tr1 = 1f, tr2 = 1f;
                if (hasMedia != 0) {
                    shadowTransmittance(gid, neeMedium, scattered, type, hx, hy, hz, ngx, ngy, ngz, eps, ps, index,
                            bounce * 4096 + passes);
                    tr0 = scratch[Scratch.MED_R * capacity + gid];
                    tr1 = scratch[Scratch.MED_G * capacity + gid];
                    tr2 = scratch[Scratch.MED_B * capacity + gid];
                }
                lr += scratch[Scratch.NEE_R * capacity + gid] * tr0;
                lg += scratch[Scratch.NEE_G * capacity + gid] * tr1;
                lb += scratch[Scratch.NEE_B * capacity + gid] * tr2;
            }
        }
        out[OUT_R * capacity + gid] = lr;
        out[OUT_G * capacity + gid] = lg;
        out[OUT_B * capacity + gid] = lb;
    }

    /**
     * The transmittance of the media a shadow ray crosses, per channel, to the MED_R..MED_B slots (pbrt-v3
     * VisibilityTester::Tr): from the vertex (offset off a surface as directLight offsets it, in the medium of the
     * light's side of a rough glass boundary) through every null surface to the light, switching medium at each.
     * Kept out of tracePath: only scenes with media call it, and tracePath's size decides what the JIT inlines.
     */
    private void shadowTransmittance(int gid, int neeMedium, boolean scattered, int type, float hx, float hy, float hz,
                                     float ngx, float ngy, float ngz, float eps, int ps, int index, int segment) {
        float tr0 = 1f, tr1 = 1f, tr2 = 1f;
        float sdx = scratch[Scratch.LS_WX * capacity + gid], sdy = scratch[Scratch.LS_WY * capacity + gid];
        float sdz = scratch[Scratch.LS_WZ * capacity + gid];
        float sx = hx, sy = hy, sz = hz;
        // Where the shadow ray started and ended (directLight and mediumDirectLight).
        float left = scratch[Scratch.LS_DIST * capacity + gid] - scratch[Scratch.LS_MARGIN * capacity + gid];
        int sm = neeMedium;
        if (!scattered) {
            float cosGi = sdx * ngx + sdy * ngy + sdz * ngz;
            int row = shadeAt[gid];
            if (type == MaterialLayout.ROUGH_GLASS && shade[row + MaterialLayout.VOL_MEDIA] != 0) {
                // Light through a rough glass boundary: the shadow ray starts in the medium of the light's side.
                sm = (int) shade[row + MaterialLayout.VOL_EX];
                if (cosGi < 0) {
                    sm = (int) shade[row + MaterialLayout.VOL_IN];
                }
            }
            float side = cosGi > 0 ? eps : -eps;
            sx = hx + ngx * side;
            sy = hy + ngy * side;
            sz = hz + ngz * side;
            left = left - eps * abs(cosGi);
            float lightDist = scratch[Scratch.LS_DIST * capacity + gid];
            if (lightDist < 1e30f) {
                // Aimed from the offset origin at the light's point, as directLight aims its shadow ray.
                float ex = hx + sdx * lightDist - sx, ey = hy + sdy * lightDist - sy, ez = hz + sdz * lightDist - sz;
                float el = sqrt(ex * ex + ey * ey + ez * ez);
                if (el > 0) {
                    sdx = ex / el;
                    sdy = ey / el;
                    sdz = ez / el;
                    left = el - scratch[Scratch.LS_MARGIN * capacity + gid];
                }
            }
        }
        left = left * 0.99999f;
        // The last segment ends at the light: exactly LS_DIST without null surfaces on the way, as
        // Beer's law was applied to a shadow ray before scattering media (glass2 absorption is unchanged).
        float total = scratch[Scratch.LS_DIST * capacity + gid];
        float traveled = 0f;
        int hops = 0;
        boolean going = true;
        while (going) {
            int hp = intersect(gid, sx, sy, sz, sdx, sdy, sdz, left);
            float seg = total - traveled;
            if (hp >= 0) {
                seg = scratch[Scratch.HIT_T * capacity + gid];
            }
            if (sm > 0) {
                int mo = sm * MediumLayout.STRIDE;
                boolean fin = seg < 1e30f;
                if (mediaParams[mo + MediumLayout.KIND] >= MediumLayout.GRID) {
                    // Ratio tracking (MediumKernel#gridShadow), numbers from this shadow ray's own stream.
                    gridShadow(gid, sm, sx, sy, sz, sdx, sdy, sdz, seg, fin, ps, index, segment,
                            SHADOW_STREAM + hops * 2097152);
                    tr0 *= scratch[Scratch.MED_R * capacity + gid];
                    tr1 *= scratch[Scratch.MED_G * capacity + gid];
                    tr2 *= scratch[Scratch.MED_B * capacity + gid];
                } else {
                    tr0 *= transmittance(mediaParams[mo] + mediaParams[mo + MediumLayout.SIGMA_S], seg, fin);
                    tr1 *= transmittance(mediaParams[mo + 1] + mediaParams[mo + MediumLayout.SIGMA_S + 1],
                            seg, fin);
                    tr2 *= transmittance(mediaParams[mo + 2] + mediaParams[mo + MediumLayout.SIGMA_S + 2],
                            seg, fin);
                }
            }
            going = hp >= 0 && hops < MAX_PASS_THROUGH;
            if (going) {
                hops++;
                sm = mediumAcross(gid, hp, sx, sy, sz, sdx, sdy, sdz, seg, sm);
                float step = scratch[Scratch.MED_T * capacity + gid];
                sx += sdx * step;
                sy += sdy * step;
                sz += sdz * step;
                left -= step;
                traveled += step;
                going = sm >= 0 && left > 0;
                if (sm < 0) {
                    tr0 = 0f;
                    tr1 = 0f;
                    tr2 = 0f;
                }
            }
        }
        scratch[Scratch.MED_R * capacity + gid] = tr0;
        scratch[Scratch.MED_G * capacity + gid] = tr1;
        scratch[Scratch.MED_B * capacity + gid] = tr2;
    }

    /**
     * Next-event estimation at hit point h with geometric normal ng, shading frame (s, t, ns) and
     * outgoing direction wo in that frame: samples one light, and when
     * it is visible and the material reflects towards it writes throughput x f x cos x radiance x MIS
     * weight / pdf to the NEE slots and returns true.
     */
    private boolean directLight(int gid, int mat, float hx, float hy, float hz, float ngx, float ngy, float ngz,
                                float sx, float sy, float sz, float tx, float ty, float tz, float nsx, float nsy,
                                float nsz, float wox, float woy, float woz, float cosGeo, float eps, float br, float bg,
                                float bb, float uSelect, float u1, float u2) {
        boolean lit = false;
        if (sampleLight(gid, hx, hy, hz, uSelect, u1, u2)) {
            float wix = scratch[Scratch.LS_WX * capacity + gid], wiy = scratch[Scratch.LS_WY * capacity + gid];
            float wiz = scratch[Scratch.LS_WZ * capacity + gid];
            float lightPdf = scratch[Scratch.LS_PDF * capacity + gid];
            float cosGi = wix * ngx + wiy * ngy + wiz * ngz;
            float lx = wix * sx + wiy * sy + wiz * sz;
            float ly = wix * tx + wiy * ty + wiz * tz;
            float lz = wix * nsx + wiy * nsy + wiz * nsz;
            // Reflection or transmission as the geometric normal sees it must agree with the shading frame. Except where
            // the geometric normal sees reflection and the light is behind a bumped or interpolated shading normal:
            // pbrt-v3's BSDF::f decides by the geometric normal alone, so matte, glossy, plastic and metal still reflect
            // it, with pdf 0 (BxDF::Pdf's SameHemisphere). Matte's f is even in cos(theta_i), so it is evaluated at wi
            // mirrored to wo's side; the others' lobes at wi as it is (BsdfKernel.evalReflectionAcross). Disney, uber,
            // translucent and rough glass take the branch below instead (their transmission lobes' pdf is not 0).
            // LuxRender's materials likewise reflect it by the geometric normal (SingleBSDF::F, MultiBSDF::F: sideTest =
            // Dot(wiW, ng) / Dot(woW, ng) > 0 keeps the BRDFs, drops the BTDFs), but its path integrator asks bsdf->F(sw,
            // wi, wo, true): the light's direction first, reverse so without the |sideTest| factor, and each BxDF::F on the
            // local directions as they are, with the cosine of that first direction (LuxMaterialKernel.evalLuxReversed,
            // per material: glossy's base alone, "back face: no coating"; carpaint's one-sided lobes and base; metal2's,
            // shinymetal's and roughglass's two-sided microfacet reflection; glossy_lossy, velvet, glossytranslucent's
            // BRDF, scatter). LuxRender's matte (Lambertian, Oren-Nayar: even in cos(theta) and |cos| of the light) and
            // mattetranslucent (its Lambertian BRDF Kr / pi) are the matte mirror case above. The pdf is 0: BSDF sampling
            // here never reaches the light there (tracePath drops its direction as a light leak), so the light's sample takes
            // the full weight. (LuxRender's MultiBSDF::Pdf sums the BTDFs' densities there too, which for
            // glossytranslucent, roughglass and mattetranslucent lowers its MIS weight of an area light's sample while
            // its SampleF drops the BTDF's sample by the side test: a loss not copied.)
            // Uber, translucent, rough glass and disney, either way round (the geometric normal seeing reflection or
            // transmission against the shading frame): BSDF::f of the geometric kind's lobes and BSDF::Pdf's density,
            // which their transmission lobes make non-zero (BsdfKernel.evalAcrossKinds).
            int mt = matType[mat];
            boolean geoReflect = cosGi * cosGeo > 0;
            boolean agree = sameSide(cosGi * cosGeo, lz * woz);
            boolean kinds = !agree && transmitsAcross(mt);
            boolean behind = geoReflect && !(lz * woz > 0) && !kinds;
            boolean across = behind && (mt == MaterialLayout.MATTE || mt == MaterialLayout.MATTE_TRANSLUCENT);
            boolean acrossLobes = behind && reflectsAcross(mt);
            boolean luxBehind = behind && luxReflectsBehind(mt);
            if (agree || across || acrossLobes || luxBehind || kinds) {
                if (kinds) {
                    evalAcrossKinds(gid, mat, wox, woy, woz, lx, ly, lz, geoReflect);
                } else if (acrossLobes) {
                    evalReflectionAcross(gid, mat, wox, woy, woz, lx, ly, lz);
                } else if (luxBehind) {
                    evalLuxReversed(gid, mt, wox, woy, woz, lx, ly, lz);
                } else {
                    evalBsdf(gid, mat, wox, woy, woz, lx, ly, across ? -lz : lz);
                }
                if (across || acrossLobes || luxBehind) {
                    scratch[Scratch.BS_PDF * capacity + gid] = 0f;
                }
                float cosWi = abs(lz);
                float fr = scratch[Scratch.BS_R * capacity + gid] * cosWi;
                float fg = scratch[Scratch.BS_G * capacity + gid] * cosWi;
                float fb = scratch[Scratch.BS_B * capacity + gid] * cosWi;
                if ((fr > 0 || fg > 0 || fb > 0) && lightPdf > 0) {
                    float side = cosGi > 0 ? eps : -eps;
                    float ox = hx + ngx * side, oy = hy + ngy * side, oz = hz + ngz * side;
                    float lightDist = scratch[Scratch.LS_DIST * capacity + gid];
                    float margin = scratch[Scratch.LS_MARGIN * capacity + gid];
                    // From the offset origin, stopping short of the light's own surface (see surfaceMargin).
                    float sdx = wix, sdy = wiy, sdz = wiz;
                    float tMax = (lightDist - eps * abs(cosGi) - margin) * 0.99999f;
                    if (lightDist < 1e30f) {
                        // Aimed from the offset origin at the light's point itself (pbrt-v3's SpawnRayTo). Parallel
                        // to wi, the offset ray crosses the plane of a light tilted against the surface up to
                        // eps / cosL nearer, more than the margin at grazing cosL: the light shadowed itself.
                        float ex = hx + wix * lightDist - ox, ey = hy + wiy * lightDist - oy;
                        float ez = hz + wiz * lightDist - oz;
                        float el = sqrt(ex * ex + ey * ey + ez * ez);
                        if (el > 0) {
                            sdx = ex / el;
                            sdy = ey / el;
                            sdz = ez / el;
                            tMax = (el - margin) * 0.99999f;
                        }
                    }
                    if (!occluded(gid, ox, oy, oz, sdx, sdy, sdz, tMax)) {
                        float w = 1f;
                        if (scratch[Scratch.LS_DELTA * capacity + gid] == 0) {
                            w = powerHeuristic(lightPdf, scratch[Scratch.BS_PDF * capacity + gid]);
                        }
                        float k = w / lightPdf;
                        scratch[Scratch.NEE_R * capacity + gid] = br * fr * scratch[Scratch.LS_R * capacity + gid] * k;
                        scratch[Scratch.NEE_G * capacity + gid] = bg * fg * scratch[Scratch.LS_G * capacity + gid] * k;
                        scratch[Scratch.NEE_B * capacity + gid] = bb * fb * scratch[Scratch.LS_B * capacity + gid] * k;
                        lit = true;
                    }
                }
            }
        }
        return lit;
    }

    /**
     * {@code (a > 0) == (b > 0)}: the geometric and the shading normal agree on reflection versus
     * transmission.
     */
    private boolean sameSide(float a, float b) {
        int sa = a > 0 ? 1 : 0;
        int sb = b > 0 ? 1 : 0;
        return sa == sb;
    }

    /** Probability of terminating the path after this bounce (0: it continues for sure). */
    /**
     * The path scatters no more at this vertex (its emission is collected): maxdepth bounces are behind it,
     * or, lighting directly only, a non-specular bounce reached it.
     */
    private boolean pathEnds(int bounce, int depth, boolean specular) {
        return depth >= maxDepth || (directOnly != 0 && bounce > 0 && !specular);
    }

    /** Lighting directly only, a specular bounce to depth {@code depth} is one the integrator does not trace. */
    private boolean specularBeyond(boolean specular, int depth) {
        return directOnly != 0 && specular && depth >= maxDepth;
    }

        private float terminationProbability(float br, float bg, float bb, float etaScale, int bounce) {
        float q = 0f;
        if (bounce >= rrStartBounce && roulette != RR_NONE) {
            if (roulette == RR_EFFICIENCY) {
                // pbrt-v4's rule: continue with probability max(throughput);
                // throughput that is 1 but for float rounding (glass: 1/eta^2 * eta^2) is not played.
                float m = max(br, max(bg, bb)) * etaScale;
                q = 0f;
                if (m < 0.99999f) {
                    q = 1 - m;
                }
            } else {
                q = 1 - rrContinueProb;
            }
        }
        return q;
    }
}
