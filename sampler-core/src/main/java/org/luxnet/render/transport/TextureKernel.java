package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_U;
import static org.luxnet.scene.compiled.MaterialLayout.ALPHA_V;
import static org.luxnet.scene.compiled.MaterialLayout.BUMP;
import static org.luxnet.scene.compiled.MaterialLayout.REMAP;
import static org.luxnet.scene.compiled.MaterialLayout.STRIDE;
import static org.luxnet.scene.compiled.TextureLayout.AAMODE;
import static org.luxnet.scene.compiled.TextureLayout.ADD;
import static org.luxnet.scene.compiled.TextureLayout.BAND;
import static org.luxnet.scene.compiled.TextureLayout.BAND_HI;
import static org.luxnet.scene.compiled.TextureLayout.BAND_LO;
import static org.luxnet.scene.compiled.TextureLayout.BILERP;
import static org.luxnet.scene.compiled.TextureLayout.BLENDER;
import static org.luxnet.scene.compiled.TextureLayout.BRICK;
import static org.luxnet.scene.compiled.TextureLayout.BR_WIDTH;
import static org.luxnet.scene.compiled.TextureLayout.BR_HEIGHT;
import static org.luxnet.scene.compiled.TextureLayout.BR_DEPTH;
import static org.luxnet.scene.compiled.TextureLayout.BR_MORTAR;
import static org.luxnet.scene.compiled.TextureLayout.BR_RUN;
import static org.luxnet.scene.compiled.TextureLayout.BR_BOND;
import static org.luxnet.scene.compiled.TextureLayout.BR_OFFSET_X;
import static org.luxnet.scene.compiled.TextureLayout.BR_OFFSET_Y;
import static org.luxnet.scene.compiled.TextureLayout.BR_PROPORTION;
import static org.luxnet.scene.compiled.TextureLayout.BRICK_AT;
import static org.luxnet.scene.compiled.TextureLayout.MM_WEIGHT;
import static org.luxnet.scene.compiled.TextureLayout.MULTIMIX;
import static org.luxnet.scene.compiled.TextureLayout.UVMASK;
import static org.luxnet.scene.compiled.TextureLayout.CHECKER2D;
import static org.luxnet.scene.compiled.TextureLayout.CHECKER3D;
import static org.luxnet.scene.compiled.TextureLayout.CHILDREN;
import static org.luxnet.scene.compiled.TextureLayout.COLORDEPTH;
import static org.luxnet.scene.compiled.TextureLayout.DEPTH;
import static org.luxnet.scene.compiled.TextureLayout.DOTS;
import static org.luxnet.scene.compiled.TextureLayout.FBM;
import static org.luxnet.scene.compiled.TextureLayout.CHANNEL;
import static org.luxnet.scene.compiled.TextureLayout.HARLEQUIN;
import static org.luxnet.scene.compiled.TextureLayout.HITPOINTALPHA;
import static org.luxnet.scene.compiled.TextureLayout.HITPOINTCOLOR;
import static org.luxnet.scene.compiled.TextureLayout.HITPOINTGREY;
import static org.luxnet.scene.compiled.TextureLayout.IMAGEMAP;
import static org.luxnet.scene.compiled.TextureLayout.MAP3D_GLOBALNORMAL;
import static org.luxnet.scene.compiled.TextureLayout.MAP3D_LOCAL;
import static org.luxnet.scene.compiled.TextureLayout.MAP3D_LOCALNORMAL;
import static org.luxnet.scene.compiled.TextureLayout.MAP3D_UV;
import static org.luxnet.scene.compiled.TextureLayout.MAP_CYLINDRICAL;
import static org.luxnet.scene.compiled.TextureLayout.MAP_PLANAR;
import static org.luxnet.scene.compiled.TextureLayout.MAP_UV;
import static org.luxnet.scene.compiled.TextureLayout.MAP_SPHERICAL;
import static org.luxnet.scene.compiled.TextureLayout.MARBLE;
import static org.luxnet.scene.compiled.TextureLayout.MARBLE_LUX;
import static org.luxnet.scene.compiled.TextureLayout.MIX;
import static org.luxnet.scene.compiled.TextureLayout.SCALE;
import static org.luxnet.scene.compiled.TextureLayout.SUBTRACT;
import static org.luxnet.scene.compiled.TextureLayout.UV;
import static org.luxnet.scene.compiled.TextureLayout.WINDY;
import static org.luxnet.scene.compiled.TextureLayout.DENSITYGRID;
import static org.luxnet.scene.compiled.TextureLayout.EXPONENTIAL;
import static org.luxnet.scene.compiled.TextureLayout.WRINKLED;
import static org.luxnet.scene.compiled.TextureLayout.NODE_STRIDE;

import static org.luxnet.scene.compiled.CompiledScene.INST_O2W;
import static org.luxnet.scene.compiled.CompiledScene.INST_STRIDE;
import static org.luxnet.scene.compiled.CompiledScene.LOCAL_STRIDE;

import org.luxnet.scene.compiled.CompiledScene;

/**
 * The layer under the BSDFs (between the warps and {@link BsdfKernel}): the material parameters at a hit. {@link #shadeMaterial}
 * copies the material's constant parameters to the work item's {@link #shade} row and, for a
 * textured material, evaluates each slot's texture program (see {@link
 * org.luxnet.scene.compiled.TextureLayout}) at the hit's surface (u, v) and world point. The BSDF
 * layer reads {@link #shade} only. Programs run front to back over value registers, so there is no
 * recursion.
 */
abstract class TextureKernel extends IrawanKernel {
    private static final float TWO_PI = (float) (2 * Math.PI);
    /**
     * LuxRender's harlequin palette size (HARLEQUIN_TEXTURE_PALETTE_SIZE). LuxRender indexes it by the
     * primitive's memory address, which no other run reproduces; here by the primitive's index.
     */
    private static final int HARLEQUIN_PALETTE = 31;

    int[] matType = new int[1];
    /** Per material slot: first node of its program, or -1 for the constant. */
    int[] matTexStart = new int[STRIDE];
    /** Per material slot: values the program writes (3 or 1). */
    int[] matTexWidth = new int[STRIDE];
    /** Per material: 1 when some slot is textured. */
    int[] matTextured = new int[1];
    int[] texType = new int[1];
    int[] texChild = new int[CHILDREN];
    int[] matTexRoot = new int[STRIDE];
    float[] texParams = new float[NODE_STRIDE];
    /**
     * Material parameters as the BSDFs read them: every material's constant row ({@code mat * STRIDE},
     * copied from the scene's table once), then from {@link #shadeBase} one row per work item for
     * textured materials. {@link #shadeAt} says which row a work item's hit uses, so an untextured hit
     * copies nothing.
     */
    float[] shade = new float[STRIDE];
    /** Where the per-work-item rows of {@link #shade} begin. */
    int shadeBase = 0;
    /** Per work item: the offset in {@link #shade} of the parameters of its current hit. */
    int[] shadeAt = new int[1];
    /** LuxRender vertex colours (see CompiledScene#triColour): per triangle its first float, or -1. */
    int[] triColour = new int[1];
    /** 12 floats per coloured triangle: rgb at v0, v1, v2, alpha at v0, v1, v2. */
    float[] triColourData = new float[12];
    /** 1 when some triangle has vertex colours; without, {@link #triColour} is a placeholder. */
    int hasVertexColours = 0;
    /** LuxRender "local" texture coordinates: per primitive its object space in {@link #localXform}, or -1. */
    int[] primLocal = new int[1];
    /** {@link CompiledScene#LOCAL_STRIDE} floats per object space: world-to-object, object-to-world (3x4 each). */
    float[] localXform = new float[1];
    /** Triangles and spheres: the primitives whose normal and object space {@link #coordinates3d} knows. */
    int surfacePrims = 0;

    /** Host side: binds the material and texture tables; after setupGeometry (it needs the capacity). */
    void setupMaterials(CompiledScene s) {
        matType = KernelArrays.ints(s.matType);
        matTexStart = KernelArrays.ints(s.matTexStart);
        matTexWidth = KernelArrays.ints(s.matTexWidth);
        matTextured = KernelArrays.ints(s.matTextured);
        texType = KernelArrays.ints(s.texType);
        texChild = KernelArrays.ints(s.texChild);
        matTexRoot = KernelArrays.ints(s.matTexRoot);
        texParams = KernelArrays.floats(s.texParams);
        setupVertexColours(s);
        primLocal = KernelArrays.ints(s.primLocal);
        localXform = KernelArrays.floats(s.localXform);
        surfacePrims = s.triangleCount + s.sphereCount;
        setupImages(s);
        setupNoise();
        setupBlender(s);
        shadeBase = s.matParams.length;
        shade = new float[shadeBase + STRIDE * capacity];
        System.arraycopy(s.matParams, 0, shade, 0, shadeBase);
        shadeAt = new int[capacity];
        // Registers for the longest program only (untextured scenes: one), not MAX_NODES per work item.
        int regs = 1;
        for (int k = 0; k < s.matTexStart.length; k++) {
            if (s.matTexStart[k] >= 0) {
                regs = Math.max(regs, s.matTexRoot[k] - s.matTexStart[k] + 1);
            }
        }
        // The alpha masks' programs (TraceKernel#intersect, #occluded) run in registers of their own after these, so a
        // shadow or camera ray's test never overwrites a material's values.
        alphaRegBase = regs;
        int alphaRegs = 0;
        for (int k = 0; k < s.alphaMasks.length; k += 2) {
            if (s.alphaMasks[k] >= 0) {
                alphaRegs = Math.max(alphaRegs, s.alphaMasks[k + 1] - s.alphaMasks[k] + 1);
            }
        }
        texRegs = new float[3 * (regs + alphaRegs) * capacity];
    }

    /** Host side: binds the vertex colours (placeholders when the scene has none). */
    void setupVertexColours(CompiledScene s) {
        hasVertexColours = s.triColour.length > 0 ? 1 : 0;
        triColour = KernelArrays.ints(s.triColour);
        triColourData = KernelArrays.floats(s.triColourData);
    }

    /**
     * LuxRender's hit point textures (textures/hitpointcolor.h) at the work item's hit on {@code prim}:
     * Mesh*Triangle::GetShadingInformation interpolates the triangle's vertex colours and alphas by its
     * barycentrics (b0 at v0, b1 = HIT_U at v1, b2 = HIT_V at v2), and gives colour 1 and alpha 1 where
     * the mesh has none, as Primitive::GetShadingInformation does for every other shape. Writes
     * hitpointcolor's rgb, hitpointalpha's alpha or hitpointgrey's channel (its luminance RGBColor::Y()
     * for a channel other than 0, 1, 2) to registers {@code reg..reg+2}.
     */
    void hitPointLookup(int gid, int prim, int type, float channel, int reg) {
        float r = 1f, g = 1f, b = 1f, a = 1f;
        if (hasVertexColours != 0 && prim >= 0 && prim < triangleCount) {
            int at = triColour[prim];
            if (at >= 0) {
                float b1 = scratch[Scratch.HIT_U * capacity + gid], b2 = scratch[Scratch.HIT_V * capacity + gid];
                float b0 = 1 - b1 - b2;
                r = b0 * triColourData[at] + b1 * triColourData[at + 3] + b2 * triColourData[at + 6];
                g = b0 * triColourData[at + 1] + b1 * triColourData[at + 4] + b2 * triColourData[at + 7];
                b = b0 * triColourData[at + 2] + b1 * triColourData[at + 5] + b2 * triColourData[at + 8];
                a = b0 * triColourData[at + 9] + b1 * triColourData[at + 10] + b2 * triColourData[at + 11];
            }
        }
        float vr = r, vg = g, vb = b;
        if (type == HITPOINTALPHA) {
            vr = a;
            vg = a;
            vb = a;
        }
        if (type == HITPOINTGREY) {
            float y = 0.212671f * r + 0.715160f * g + 0.072169f * b;
            if (channel == 0f) {
                y = r;
            }
            if (channel == 1f) {
                y = g;
            }
            if (channel == 2f) {
                y = b;
            }
            vr = y;
            vg = y;
            vb = y;
        }
        texRegs[reg * capacity + gid] = vr;
        texRegs[(reg + 1) * capacity + gid] = vg;
        texRegs[(reg + 2) * capacity + gid] = vb;
    }

    /**
     * Points the work item's {@link #shadeAt} at the parameters of material {@code mat} at the hit
     * (prim, point h): the material's constant row, or for a textured material its own row with the
     * textures evaluated there.
     */
    void shadeMaterial(int gid, int prim, int mat, float hx, float hy, float hz) {
        int m = mat * STRIDE;
        shadeAt[gid] = m;
        if (matTextured[mat] != 0) {
            int o = shadeBase + gid * STRIDE;
            shadeAt[gid] = o;
            for (int k = 0; k < STRIDE; k++) {
                shade[o + k] = shade[m + k];
            }
            float su = 0f, sv = 0f;
            if (prim < triangleCount) {
                float b1 = scratch[Scratch.HIT_U * capacity + gid], b2 = scratch[Scratch.HIT_V * capacity + gid];
                float b0 = 1 - b1 - b2;
                int q = 6 * prim;
                su = b0 * texTriUv[q] + b1 * texTriUv[q + 2] + b2 * texTriUv[q + 4];
                sv = b0 * texTriUv[q + 1] + b1 * texTriUv[q + 3] + b2 * texTriUv[q + 5];
            } else if (prim >= curveBase) {
                // pbrt-v3 Curve: (u, v) as its test found them (TraceKernel#intersect).
                su = scratch[Scratch.HIT_U * capacity + gid];
                sv = scratch[Scratch.HIT_V * capacity + gid];
            } else {
                // pbrt-v3 Sphere: u = phi / 2pi, v = 1 - theta / pi in the sphere's object frame.
                int sp = prim - triangleCount;
                float qx = hx - sphereGeom[4 * sp], qy = hy - sphereGeom[4 * sp + 1], qz = hz - sphereGeom[4 * sp + 2];
                int f = 9 * sp;
                float ox = sphereFrame[f] * qx + sphereFrame[f + 1] * qy + sphereFrame[f + 2] * qz;
                float oy = sphereFrame[f + 3] * qx + sphereFrame[f + 4] * qy + sphereFrame[f + 5] * qz;
                float oz = sphereFrame[f + 6] * qx + sphereFrame[f + 7] * qy + sphereFrame[f + 8] * qz;
                float phi = atan2(oy, ox);
                if (phi < 0) {
                    phi += TWO_PI;
                }
                su = phi / TWO_PI;
                float cz = oz / sqrt(ox * ox + oy * oy + oz * oz);
                sv = 1f - acos(min(1f, max(-1f, cz))) * INV_PI;
            }
            scratch[Scratch.SURF_U * capacity + gid] = su;
            scratch[Scratch.SURF_V * capacity + gid] = sv;
            for (int k = 0; k < STRIDE; k++) {
                int start = matTexStart[m + k];
                // The bump program runs in BumpKernel, at the hit and at offset points.
                if (start >= 0 && k != BUMP) {
                    int r = evalProgram(gid, prim, start, matTexRoot[m + k], 0, 1, su, sv, hx, hy, hz);
                    int reg = (r - start) * 3;
                    if (matTexWidth[m + k] == 3) {
                        shade[o + k] = max(0f, texRegs[reg * capacity + gid]);
                        shade[o + k + 1] = max(0f, texRegs[(reg + 1) * capacity + gid]);
                        shade[o + k + 2] = max(0f, texRegs[(reg + 2) * capacity + gid]);
                    } else {
                        float val = texRegs[reg * capacity + gid];
                        if ((k == ALPHA_U || k == ALPHA_V) && shade[o + REMAP] != 0) {
                            // pbrt-v3 TrowbridgeReitzDistribution::RoughnessToAlpha.
                            float x = log(max(val, 1e-3f));
                            val = 1.62142f + 0.819955f * x + 0.1734f * x * x + 0.0171201f * x * x * x
                                    + 0.000640711f * x * x * x * x;
                        }
                        if (k == ALPHA_U || k == ALPHA_V) {
                            val = max(1e-4f, val);
                        }
                        shade[o + k] = val;
                    }
                }
            }
        }
    }

    /**
     * Component c of the point that LuxRender's 3D "coordinates" {@code kind} (a MAP3D_ constant other
     * than global) give the texture's mapping at the hit on {@code prim} (world point p, surface (su,
     * sv)); core/texture.cpp: UVMapping3D (u, v, 0); LocalMapping3D p in the space of
     * dg.handle->GetLocalToWorld (the shape's, or an instance's times its object's: {@link #primLocal}
     * after the instance's world-to-object); the normal mappings dg.nn, the unit shading normal,
     * LocalNormalMapping3D's by that space's inverse transpose (object-to-world transposed), not
     * renormalized. The 3D footprint needs nothing: LuxRender 1.x's textures take FBm(P, 0, 0) and its
     * scenes carry no ray differentials here (CameraKernel#footprint).
     */
    float coordinates3d(int gid, int prim, int kind, int c, float su, float sv, float px, float py, float pz) {
        float x = su, y = sv, z = 0f;
        boolean surface = prim >= 0 && prim < surfacePrims;
        if (kind != MAP3D_UV && !surface) {
            // No triangle or sphere (a caller off any shape, another kind of primitive): the world point.
            x = px;
            y = py;
            z = pz;
        }
        if (kind != MAP3D_UV && surface) {
            boolean normal = kind == MAP3D_GLOBALNORMAL || kind == MAP3D_LOCALNORMAL;
            x = px;
            y = py;
            z = pz;
            if (kind == MAP3D_GLOBALNORMAL) {
                // World space: only the component asked for.
                x = shadingNormalAt(gid, prim, c, px, py, pz);
                y = x;
                z = x;
            }
            if (kind == MAP3D_LOCALNORMAL) {
                x = shadingNormalAt(gid, prim, 0, px, py, pz);
                y = shadingNormalAt(gid, prim, 1, px, py, pz);
                z = shadingNormalAt(gid, prim, 2, px, py, pz);
            }
            if (kind == MAP3D_LOCAL || kind == MAP3D_LOCALNORMAL) {
                int inst = (int) scratch[Scratch.HIT_INST * capacity + gid];
                if (inst >= 0) {
                    // Into the instance's object space: a point by world-to-object, a normal by object-to-world transposed.
                    int w = inst * INST_STRIDE;
                    float ox = instXform[w] * x + instXform[w + 1] * y + instXform[w + 2] * z + instXform[w + 3];
                    float oy = instXform[w + 4] * x + instXform[w + 5] * y + instXform[w + 6] * z + instXform[w + 7];
                    float oz = instXform[w + 8] * x + instXform[w + 9] * y + instXform[w + 10] * z + instXform[w + 11];
                    if (normal) {
                        int t = w + INST_O2W;
                        ox = instXform[t] * x + instXform[t + 4] * y + instXform[t + 8] * z;
                        oy = instXform[t + 1] * x + instXform[t + 5] * y + instXform[t + 9] * z;
                        oz = instXform[t + 2] * x + instXform[t + 6] * y + instXform[t + 10] * z;
                    }
                    x = ox;
                    y = oy;
                    z = oz;
                }
                int f = primLocal[prim];
                if (f >= 0) {
                    // Into the shape's own space (world shapes; an object of one quadric, see CompiledScene#primLocal).
                    int w = f * LOCAL_STRIDE;
                    float ox = localXform[w] * x + localXform[w + 1] * y + localXform[w + 2] * z + localXform[w + 3];
                    float oy = localXform[w + 4] * x + localXform[w + 5] * y + localXform[w + 6] * z + localXform[w + 7];
                    float oz = localXform[w + 8] * x + localXform[w + 9] * y + localXform[w + 10] * z + localXform[w + 11];
                    if (normal) {
                        ox = localXform[w + 12] * x + localXform[w + 16] * y + localXform[w + 20] * z;
                        oy = localXform[w + 13] * x + localXform[w + 17] * y + localXform[w + 21] * z;
                        oz = localXform[w + 14] * x + localXform[w + 18] * y + localXform[w + 22] * z;
                    }
                    x = ox;
                    y = oy;
                    z = oz;
                }
            }
        }
        return c == 0 ? x : c == 1 ? y : z;
    }

    /**
     * Component c of the unit world-space shading normal of {@code prim} at world point p, as the path
     * tracer's hit has it: a triangle's vertex normals interpolated at p's barycentrics (its geometric
     * normal without them), through its instance; a sphere's outward normal (inward when flipped).
     * From p, not the hit, so that a bump map's shifted points see LuxRender's shifted normal
     * (Texture::GetDuv: Normalize(nn + du dndu), which this equals on spheres and flat triangles and
     * matches to first order on smooth ones).
     */
    float shadingNormalAt(int gid, int prim, int c, float px, float py, float pz) {
        float nx = 0f, ny = 0f, nz = 0f;
        if (prim < triangleCount) {
            int inst = (int) scratch[Scratch.HIT_INST * capacity + gid];
            float qx = px, qy = py, qz = pz;
            if (inst >= 0) {
                int w = inst * INST_STRIDE;
                qx = instXform[w] * px + instXform[w + 1] * py + instXform[w + 2] * pz + instXform[w + 3];
                qy = instXform[w + 4] * px + instXform[w + 5] * py + instXform[w + 6] * pz + instXform[w + 7];
                qz = instXform[w + 8] * px + instXform[w + 9] * py + instXform[w + 10] * pz + instXform[w + 11];
            }
            int o = prim * 9;
            nx = triNg[3 * prim];
            ny = triNg[3 * prim + 1];
            nz = triNg[3 * prim + 2];
            if (triHasNs[prim] != 0) {
                // Barycentrics (b1, b2) of q on the edges e1, e2 from v0.
                float dx = qx - triGeom[o], dy = qy - triGeom[o + 1], dz = qz - triGeom[o + 2];
                float ax = triGeom[o + 3], ay = triGeom[o + 4], az = triGeom[o + 5];
                float bx = triGeom[o + 6], by = triGeom[o + 7], bz = triGeom[o + 8];
                float d00 = ax * ax + ay * ay + az * az, d01 = ax * bx + ay * by + az * bz, d11 = bx * bx + by * by + bz * bz;
                float d20 = dx * ax + dy * ay + dz * az, d21 = dx * bx + dy * by + dz * bz;
                float inv = 1f / (d00 * d11 - d01 * d01);
                float b1 = (d11 * d20 - d01 * d21) * inv, b2 = (d00 * d21 - d01 * d20) * inv, b0 = 1f - b1 - b2;
                float sx = b0 * triNs[o] + b1 * triNs[o + 3] + b2 * triNs[o + 6];
                float sy = b0 * triNs[o + 1] + b1 * triNs[o + 4] + b2 * triNs[o + 7];
                float sz = b0 * triNs[o + 2] + b1 * triNs[o + 5] + b2 * triNs[o + 8];
                float len = sqrt(sx * sx + sy * sy + sz * sz);
                if (len > 0) {
                    nx = sx / len;
                    ny = sy / len;
                    nz = sz / len;
                }
            }
            if (inst >= 0) {
                // A normal to world space: world-to-object transposed, renormalized.
                int w = inst * INST_STRIDE;
                float gx = instXform[w] * nx + instXform[w + 4] * ny + instXform[w + 8] * nz;
                float gy = instXform[w + 1] * nx + instXform[w + 5] * ny + instXform[w + 9] * nz;
                float gz = instXform[w + 2] * nx + instXform[w + 6] * ny + instXform[w + 10] * nz;
                float gl = 1f / sqrt(gx * gx + gy * gy + gz * gz);
                nx = gx * gl;
                ny = gy * gl;
                nz = gz * gl;
            }
        } else {
            int sp = prim - triangleCount;
            float qx = px - sphereGeom[4 * sp], qy = py - sphereGeom[4 * sp + 1], qz = pz - sphereGeom[4 * sp + 2];
            float f = 1f / sqrt(qx * qx + qy * qy + qz * qz);
            if (sphereFlip[sp] != 0) {
                f = -f;
            }
            nx = qx * f;
            ny = qy * f;
            nz = qz * f;
        }
        return c == 0 ? nx : c == 1 ? ny : nz;
    }

    /**
     * Coordinate {@code which} (0 s, 1 t) of the spherical or cylindrical mapping (pbrt-v3
     * SphericalMapping2D::sphere, CylindricalMapping2D::cylinder) of texture-space point q: the hit's
     * own (s, t) in {@link #evalProgram}, and the finite differences of its footprint.
     */
    float mappedCoordinate(int kind, int which, float qx, float qy, float qz) {
        float s = 0f, t = 0f;
        if (kind == MAP_SPHERICAL) {
            float len = sqrt(qx * qx + qy * qy + qz * qz);
            float phi = atan2(qy, qx);
            if (phi < 0) {
                phi += TWO_PI;
            }
            s = acos(min(1f, max(-1f, qz / len))) * INV_PI;
            t = phi / TWO_PI;
        } else {
            s = (PI + atan2(qy, qx)) / TWO_PI;
            t = qz;
        }
        return which == 0 ? s : t;
    }

    /**
     * Runs nodes start..root at surface point (su, sv) and world point p, node i into register {@code base + i -
     * start} (the materials' programs from 0, the alpha masks' from {@link #alphaRegBase}); returns
     * root. With {@code footprint} 0 the nodes see a zero footprint (pbrt-v3's alpha test evaluates its texture
     * without differentials) instead of the hit's. One method for both, called from every path at its own
     * depth: Aparapi orders the OpenCL functions by call depth (see SampleKernel).
     */
    @Override
    int evalProgram(int gid, int prim, int start, int root, int base, int footprint, float su, float sv, float px,
                    float py, float pz) {
        // The point the program began with; px, py, pz are the point its nodes see (see BRICK_AT).
        float npx = px, npy = py, npz = pz;
        for (int i = start; i <= root; i++) {
            int n = i * NODE_STRIDE;
            int c = i * CHILDREN;
            int type = texType[i];
            // Children's values (registers), zero when absent.
            float ar = 0f, ag = 0f, ab = 0f, br = 0f, bg = 0f, bb = 0f, amount = 0f;
            if (texChild[c] >= 0) {
                int q = (texChild[c] + base) * 3;
                ar = texRegs[q * capacity + gid];
                ag = texRegs[(q + 1) * capacity + gid];
                ab = texRegs[(q + 2) * capacity + gid];
            }
            if (texChild[c + 1] >= 0) {
                int q = (texChild[c + 1] + base) * 3;
                br = texRegs[q * capacity + gid];
                bg = texRegs[(q + 1) * capacity + gid];
                bb = texRegs[(q + 2) * capacity + gid];
            }
            if (texChild[c + 2] >= 0) {
                amount = texRegs[(texChild[c + 2] + base) * 3 * capacity + gid];
            }
            if (type == BRICK && texChild[c + 3] >= 0) {
                // After a brick's "brickmodtex" nodes: back to the point its BRICK_AT node replaced.
                int q3 = (texChild[c + 3] + base) * 3;
                px = texRegs[q3 * capacity + gid];
                py = texRegs[(q3 + 1) * capacity + gid];
                pz = texRegs[(q3 + 2) * capacity + gid];
            }
            int kind = (int) texParams[n + 12];
            // LuxRender's 3D "coordinates" other than global: the point the 3D mapping takes.
            float cx3 = px, cy3 = py, cz3 = pz;
            if (kind >= MAP3D_LOCAL) {
                // The normal mappings take the normal at the point the program began with (a brick's
                // "brickmodtex" moves only dg.p: brick.h keeps dg.nn).
                float mx = px, my = py, mz = pz;
                if (kind == MAP3D_GLOBALNORMAL || kind == MAP3D_LOCALNORMAL) {
                    mx = npx;
                    my = npy;
                    mz = npz;
                }
                cx3 = coordinates3d(gid, prim, kind, 0, su, sv, mx, my, mz);
                cy3 = coordinates3d(gid, prim, kind, 1, su, sv, mx, my, mz);
                cz3 = coordinates3d(gid, prim, kind, 2, su, sv, mx, my, mz);
            }
            // Texture-space point (3D textures and the spherical/cylindrical mappings).
            float qx = texParams[n] * cx3 + texParams[n + 1] * cy3 + texParams[n + 2] * cz3 + texParams[n + 3];
            float qy = texParams[n + 4] * cx3 + texParams[n + 5] * cy3 + texParams[n + 6] * cz3 + texParams[n + 7];
            float qz = texParams[n + 8] * cx3 + texParams[n + 9] * cy3 + texParams[n + 10] * cz3 + texParams[n + 11];
            // 2D mapping (pbrt-v3 core/texture.cpp).
            float s = texParams[n + 13] * su + texParams[n + 15];
            float t = texParams[n + 14] * sv + texParams[n + 16];
            if (kind == MAP_SPHERICAL || kind == MAP_CYLINDRICAL) {
                s = mappedCoordinate(kind, 0, qx, qy, qz);
                t = mappedCoordinate(kind, 1, qx, qy, qz);
            }
            if (kind == MAP_PLANAR) {
                s = texParams[n + 15] + px * texParams[n + 17] + py * texParams[n + 18] + pz * texParams[n + 19];
                t = texParams[n + 16] + px * texParams[n + 20] + py * texParams[n + 21] + pz * texParams[n + 22];
            }
            // The footprint in (s, t), as pbrt-v3's Mapping2D::Map computes it: UVMapping2D scales (u, v)'s,
            // PlanarMapping2D projects dpdx, dpdy on its axes, SphericalMapping2D and CylindricalMapping2D take
            // finite differences of the mapping at p + delta dpdx (delta 0.1 and 0.01).
            float dsdx = 0f, dtdx = 0f, dsdy = 0f, dtdy = 0f;
            if (kind == MAP_UV && footprint != 0) {
                dsdx = texParams[n + 13] * scratch[Scratch.DUDX * capacity + gid];
                dtdx = texParams[n + 14] * scratch[Scratch.DVDX * capacity + gid];
                dsdy = texParams[n + 13] * scratch[Scratch.DUDY * capacity + gid];
                dtdy = texParams[n + 14] * scratch[Scratch.DVDY * capacity + gid];
            }
            if (kind != MAP_UV && footprint != 0) {
                float ax = scratch[Scratch.DPDX_X * capacity + gid], ay = scratch[Scratch.DPDX_Y * capacity + gid];
                float az = scratch[Scratch.DPDX_Z * capacity + gid];
                float bx = scratch[Scratch.DPDY_X * capacity + gid], by = scratch[Scratch.DPDY_Y * capacity + gid];
                float bz = scratch[Scratch.DPDY_Z * capacity + gid];
                if (kind == MAP_PLANAR) {
                    dsdx = ax * texParams[n + 17] + ay * texParams[n + 18] + az * texParams[n + 19];
                    dtdx = ax * texParams[n + 20] + ay * texParams[n + 21] + az * texParams[n + 22];
                    dsdy = bx * texParams[n + 17] + by * texParams[n + 18] + bz * texParams[n + 19];
                    dtdy = bx * texParams[n + 20] + by * texParams[n + 21] + bz * texParams[n + 22];
                }
                if (kind == MAP_SPHERICAL || kind == MAP_CYLINDRICAL) {
                    float delta = kind == MAP_SPHERICAL ? 0.1f : 0.01f;
                    // The offsets in texture space (the linear part of the mapping's transform).
                    float tax = delta * (texParams[n] * ax + texParams[n + 1] * ay + texParams[n + 2] * az);
                    float tay = delta * (texParams[n + 4] * ax + texParams[n + 5] * ay + texParams[n + 6] * az);
                    float taz = delta * (texParams[n + 8] * ax + texParams[n + 9] * ay + texParams[n + 10] * az);
                    float tbx = delta * (texParams[n] * bx + texParams[n + 1] * by + texParams[n + 2] * bz);
                    float tby = delta * (texParams[n + 4] * bx + texParams[n + 5] * by + texParams[n + 6] * bz);
                    float tbz = delta * (texParams[n + 8] * bx + texParams[n + 9] * by + texParams[n + 10] * bz);
                    dsdx = (mappedCoordinate(kind, 0, qx + tax, qy + tay, qz + taz) - s) / delta;
                    dtdx = (mappedCoordinate(kind, 1, qx + tax, qy + tay, qz + taz) - t) / delta;
                    dsdy = (mappedCoordinate(kind, 0, qx + tbx, qy + tby, qz + tbz) - s) / delta;
                    dtdy = (mappedCoordinate(kind, 1, qx + tbx, qy + tby, qz + tbz) - t) / delta;
                    // pbrt-v3's fix for the mapping's seam, applied to the second coordinate of both mappings.
                    if (dtdx > 0.5f) {
                        dtdx = 1f - dtdx;
                    } else if (dtdx < -0.5f) {
                        dtdx = -(dtdx + 1f);
                    }
                    if (dtdy > 0.5f) {
                        dtdy = 1f - dtdy;
                    } else if (dtdy < -0.5f) {
                        dtdy = -(dtdy + 1f);
                    }
                }
            }
            float vr = texParams[n + 23], vg = texParams[n + 24], vb = texParams[n + 25];
            if (type == SCALE) {
                vr = ar * br;
                vg = ag * bg;
                vb = ab * bb;
            }
            if (type == MIX) {
                vr = (1 - amount) * ar + amount * br;
                vg = (1 - amount) * ag + amount * bg;
                vb = (1 - amount) * ab + amount * bb;
            }
            boolean pickFirst = true;
            if (type == CHECKER2D) {
                pickFirst = (((int) floor(s) + (int) floor(t)) & 1) == 0;
            }
            if (type == CHECKER3D) {
                pickFirst = (((int) floor(qx) + (int) floor(qy) + (int) floor(qz)) & 1) == 0;
            }
            if (type == UV) {
                vr = s - floor(s);
                vg = t - floor(t);
                vb = 0f;
            }
            if (type == BILERP) {
                // Bilerp: children v00, v01, v10 (as b), v11.
                float w00 = (1 - s) * (1 - t), w01 = (1 - s) * t, w10 = s * (1 - t), w11 = s * t;
                int q2 = (texChild[c + 2] + base) * 3, q3 = (texChild[c + 3] + base) * 3;
                vr = w00 * ar + w01 * br + w10 * texRegs[q2 * capacity + gid] + w11 * texRegs[q3 * capacity + gid];
                vg = w00 * ag + w01 * bg + w10 * texRegs[(q2 + 1) * capacity + gid]
                        + w11 * texRegs[(q3 + 1) * capacity + gid];
                vb = w00 * ab + w01 * bb + w10 * texRegs[(q2 + 2) * capacity + gid]
                        + w11 * texRegs[(q3 + 2) * capacity + gid];
            }
            if (type == DOTS) {
                // pbrt-v3 DotsTexture: one dot per cell where the cell's noise is positive.
                float sCell = floor(s + 0.5f), tCell = floor(t + 0.5f);
                pickFirst = false;
                if (noiseSum(sCell + 0.5f, tCell + 0.5f, 0.5f, 1f, 1, 0, 0f) > 0) {
                    float radius = 0.35f, maxShift = 0.5f - radius;
                    float sCenter = sCell + maxShift * noiseSum(sCell + 1.5f, tCell + 2.8f, 0.5f, 1f, 1, 0, 0f);
                    float tCenter = tCell + maxShift * noiseSum(sCell + 4.5f, tCell + 9.8f, 0.5f, 1f, 1, 0, 0f);
                    float ds = s - sCenter, dt = t - tCenter;
                    pickFirst = ds * ds + dt * dt < radius * radius;
                }
            }
            if (type == CHECKER2D || type == CHECKER3D || type == DOTS) {
                vr = br;
                vg = bg;
                vb = bb;
                if (pickFirst) {
                    vr = ar;
                    vg = ag;
                    vb = ab;
                }
            }
            if (type == CHECKER2D && texParams[n + AAMODE] != 0) {
                // pbrt-v3 Checkerboard2DTexture "closedform": box-filter the cells the footprint covers.
                float fs = max(abs(dsdx), abs(dsdy)), ft = max(abs(dtdx), abs(dtdy));
                if (floor(s - fs) != floor(s + fs) || floor(t - ft) != floor(t + ft)) {
                    float sint = oddCellFraction(s, fs), tint = oddCellFraction(t, ft);
                    float area2 = sint + tint - 2 * sint * tint;
                    if (fs > 1 || ft > 1) {
                        area2 = 0.5f;
                    }
                    vr = (1 - area2) * ar + area2 * br;
                    vg = (1 - area2) * ag + area2 * bg;
                    vb = (1 - area2) * ab + area2 * bb;
                }
            }
            // pbrt-v3 IdentityMapping3D: the footprint in texture space, for the noise textures' octave clamp.
            float len2 = 0f;
            if ((type == FBM || type == WRINKLED || type == WINDY || type == MARBLE) && footprint != 0) {
                float nax = scratch[Scratch.DPDX_X * capacity + gid], nay = scratch[Scratch.DPDX_Y * capacity + gid];
                float naz = scratch[Scratch.DPDX_Z * capacity + gid];
                float nbx = scratch[Scratch.DPDY_X * capacity + gid], nby = scratch[Scratch.DPDY_Y * capacity + gid];
                float nbz = scratch[Scratch.DPDY_Z * capacity + gid];
                float ntax = texParams[n] * nax + texParams[n + 1] * nay + texParams[n + 2] * naz;
                float ntay = texParams[n + 4] * nax + texParams[n + 5] * nay + texParams[n + 6] * naz;
                float ntaz = texParams[n + 8] * nax + texParams[n + 9] * nay + texParams[n + 10] * naz;
                float ntbx = texParams[n] * nbx + texParams[n + 1] * nby + texParams[n + 2] * nbz;
                float ntby = texParams[n + 4] * nbx + texParams[n + 5] * nby + texParams[n + 6] * nbz;
                float ntbz = texParams[n + 8] * nbx + texParams[n + 9] * nby + texParams[n + 10] * nbz;
                len2 = max(ntax * ntax + ntay * ntay + ntaz * ntaz, ntbx * ntbx + ntby * ntby + ntbz * ntbz);
            }
            int octaves = (int) texParams[n + 26];
            float omega = texParams[n + 27];
            if (type == FBM || type == WRINKLED) {
                float f = noiseSum(qx, qy, qz, omega, octaves, type - FBM, len2);
                vr = f;
                vg = f;
                vb = f;
            }
            if (type == WINDY) {
                float wind = noiseSum(0.1f * qx, 0.1f * qy, 0.1f * qz, 0.5f, 3, 0, 0.01f * len2);
                float f = abs(wind) * noiseSum(qx, qy, qz, 0.5f, 6, 0, len2);
                vr = f;
                vg = f;
                vb = f;
            }
            if (type == MARBLE) {
                float sc = texParams[n + 28];
                float mx = qx * sc, my = qy * sc, mz = qz * sc;
                // LuxRender passes FBm zero differentials (every octave); pbrt-v3 the scaled footprint.
                float lux = texParams[n + MARBLE_LUX];
                float mlen2 = sc * sc * len2;
                if (lux != 0) {
                    mlen2 = 0f;
                }
                float marble = my + texParams[n + 29] * noiseSum(mx, my, mz, omega, octaves, 0, mlen2);
                float tm = 0.5f + 0.5f * sin(marble);
                // pbrt-v3's spline index is min(1, floor(6 t)), so the curve is c[0..3] or c[1..4] and u runs
                // to 6 (quirk kept). LuxRender's is floor(6 t) over all nine colours, u in [0, 1); at t = 1 it
                // reads past the table with weight 0, its value c[6], which equals first 5, u 1 (c[8] = c[6]).
                float first = min(1f, floor(tm * 6));
                if (lux != 0) {
                    first = min(5f, floor(tm * 6));
                }
                float u = tm * 6 - first;
                vr = marbleSpline(u, first, 0.58f, 0.5f, 0.6f, 0.2f);
                vg = marbleSpline(u, first, 0.58f, 0.5f, 0.59f, 0.2f);
                vb = marbleSpline(u, first, 0.6f, 0.5f, 0.58f, 0.33f);
            }
            if (type == IMAGEMAP) {
                int ireg = (i - start + base) * 3;
                imageLookup(gid, ireg, (int) texParams[n + 23], (int) texParams[n + 24], (int) texParams[n + 25],
                        texParams[n + 26], s, t, dsdx, dtdx, dsdy, dtdy);
                vr = texRegs[ireg * capacity + gid];
                vg = texRegs[(ireg + 1) * capacity + gid];
                vb = texRegs[(ireg + 2) * capacity + gid];
            }
            if (type == BAND) {
                // LuxRender BandTexture::Evaluate, one segment: the earlier segments' value below lo.
                float lo = texParams[n + BAND_LO], hi = texParams[n + BAND_HI];
                int q3 = (texChild[c + 3] + base) * 3;
                vr = texRegs[q3 * capacity + gid];
                vg = texRegs[(q3 + 1) * capacity + gid];
                vb = texRegs[(q3 + 2) * capacity + gid];
                if (amount >= hi) {
                    vr = br;
                    vg = bg;
                    vb = bb;
                } else if (amount >= lo) {
                    float f = (amount - lo) / (hi - lo);
                    vr = (1 - f) * ar + f * br;
                    vg = (1 - f) * ag + f * bg;
                    vb = (1 - f) * ab + f * bb;
                }
            }
            if (type == COLORDEPTH) {
                // LuxRender ColorDepthTexture::Evaluate: ln(clamp(Kt, 1e-9, 1)) / -depth.
                float d = texParams[n + DEPTH];
                vr = -log(min(1f, max(1e-9f, ar))) / d;
                vg = -log(min(1f, max(1e-9f, ag))) / d;
                vb = -log(min(1f, max(1e-9f, ab))) / d;
            }
            if (type == HARLEQUIN) {
                // LuxRender HarlequinTexture: palette entry i = radical inverses of 3 i + 1 in bases 2, 3, 5.
                int entry = 3 * (prim % HARLEQUIN_PALETTE) + 1;
                vr = radicalInverse(entry, 2);
                vg = radicalInverse(entry, 3);
                vb = radicalInverse(entry, 5);
            }
            if (type == HITPOINTCOLOR || type == HITPOINTALPHA || type == HITPOINTGREY) {
                int hreg = (i - start + base) * 3;
                hitPointLookup(gid, prim, type, texParams[n + CHANNEL], hreg);
                vr = texRegs[hreg * capacity + gid];
                vg = texRegs[(hreg + 1) * capacity + gid];
                vb = texRegs[(hreg + 2) * capacity + gid];
            }
            if (type == DENSITYGRID || type == EXPONENTIAL) {
                float f = volumeTexture(n, type, qx, qy, qz);
                vr = f;
                vg = f;
                vb = f;
            }
            if (type == ADD) {
                vr = ar + br;
                vg = ag + bg;
                vb = ab + bb;
            }
            if (type == SUBTRACT) {
                vr = ar - br;
                vg = ag - bg;
                vb = ab - bb;
            }
            if (type == BLENDER) {
                // LuxRender BlenderTexture3D::Evaluate: Lerp(GetF(P), tex1, tex2).
                float f = blenderValue(texParams[n + 17], texParams[n + 18], texParams[n + 19], texParams[n + 20],
                        texParams[n + 21], texParams[n + 22], texParams[n + 23], texParams[n + 24], texParams[n + 25],
                        texParams[n + 26], texParams[n + 27], texParams[n + 28], texParams[n + 29], texParams[n + 30],
                        texParams[n + 31], qx, qy, qz);
                vr = (1 - f) * ar + f * br;
                vg = (1 - f) * ag + f * bg;
                vb = (1 - f) * ab + f * bb;
            }
            if (type == BRICK_AT) {
                // brick.h: "brickmodtex" sees dgb.p = the brick's index; this register keeps the hit point.
                int breg = (i - start + base) * 3;
                brick(gid, breg, texParams[n + BR_WIDTH], texParams[n + BR_HEIGHT], texParams[n + BR_DEPTH],
                        texParams[n + BR_MORTAR], texParams[n + BR_RUN], texParams[n + BR_BOND], texParams[n + BR_OFFSET_X],
                        texParams[n + BR_OFFSET_Y], texParams[n + BR_PROPORTION], qx, qy, qz);
                vr = px;
                vg = py;
                vb = pz;
                px = texRegs[breg * capacity + gid];
                py = texRegs[(breg + 1) * capacity + gid];
                pz = texRegs[(breg + 2) * capacity + gid];
            }
            if (type == BRICK) {
                // BrickTexture3D::Evaluate: bricktex x brickmodtex in a brick, mortartex in the mortar.
                float mr = 1f, mg = 1f, mb = 1f;
                if (texChild[c + 2] >= 0) {
                    int q2 = (texChild[c + 2] + base) * 3;
                    mr = texRegs[q2 * capacity + gid];
                    mg = texRegs[(q2 + 1) * capacity + gid];
                    mb = texRegs[(q2 + 2) * capacity + gid];
                }
                vr = br;
                vg = bg;
                vb = bb;
                float inside = brick(gid, -1, texParams[n + BR_WIDTH], texParams[n + BR_HEIGHT], texParams[n + BR_DEPTH],
                        texParams[n + BR_MORTAR], texParams[n + BR_RUN], texParams[n + BR_BOND], texParams[n + BR_OFFSET_X],
                        texParams[n + BR_OFFSET_Y], texParams[n + BR_PROPORTION], qx, qy, qz);
                if (inside != 0f) {
                    vr = ar * mr;
                    vg = ag * mg;
                    vb = ab * mb;
                }
            }
            if (type == MULTIMIX) {
                // MultiMixTexture::Evaluate, one term: the earlier terms plus weight x tex_i.
                float wt = texParams[n + MM_WEIGHT];
                vr = br + wt * ar;
                vg = bg + wt * ag;
                vb = bb + wt * ab;
            }
            if (type == UVMASK) {
                // UVMaskTexture::Evaluate: outertex outside [0, 1]^2 of the mapped (s, t).
                vr = ar;
                vg = ag;
                vb = ab;
                if (s < 0f || s > 1f || t < 0f || t > 1f) {
                    vr = br;
                    vg = bg;
                    vb = bb;
                }
            }
            int reg = (i - start + base) * 3;
            texRegs[reg * capacity + gid] = vr;
            texRegs[(reg + 1) * capacity + gid] = vg;
            texRegs[(reg + 2) * capacity + gid] = vb;
        }
        return root;
    }

    /**
     * One channel of marble: 1.5 x the cubic Bezier through c[first..first+3] at u (de Casteljau), over
     * the nine-colour table both pbrt-v3 and LuxRender use: c[3] = b, c[4] = c, c[7] = d, the rest a.
     */
    private float marbleSpline(float u, float first, float a, float b, float c, float d) {
        int f = (int) first;
        float c0 = marbleColour(f, a, b, c, d), c1 = marbleColour(f + 1, a, b, c, d);
        float c2 = marbleColour(f + 2, a, b, c, d), c3 = marbleColour(f + 3, a, b, c, d);
        float s0 = (1 - u) * c0 + u * c1, s1 = (1 - u) * c1 + u * c2, s2 = (1 - u) * c2 + u * c3;
        s0 = (1 - u) * s0 + u * s1;
        s1 = (1 - u) * s1 + u * s2;
        return 1.5f * ((1 - u) * s0 + u * s1);
    }

    /** Entry i of one channel of marble's colour table (see {@link #marbleSpline}). */
    private float marbleColour(int i, float a, float b, float c, float d) {
        float v = a;
        if (i == 3) {
            v = b;
        }
        if (i == 4) {
            v = c;
        }
        if (i == 7) {
            v = d;
        }
        return v;
    }

    /**
     * LuxRender's 3D float textures for volumes at texture-space point (qx, qy, qz) of node {@code n}:
     * densitygrid (textures/densitygrid.h DensityGridTexture::Evaluate) or exponential
     * (textures/exponential.h ExponentialTexture::Evaluate); see {@link
     * org.luxnet.scene.compiled.TextureLayout#DENSITYGRID}.
     */
    float volumeTexture(int n, int type, float qx, float qy, float qz) {
        float f = 0f;
        if (type == EXPONENTIAL) {
            float d = (qx - texParams[n + 23]) * texParams[n + 26] + (qy - texParams[n + 24]) * texParams[n + 27]
                    + (qz - texParams[n + 25]) * texParams[n + 28];
            f = min(1f, max(0f, exp(-texParams[n + 29] * d)));
        } else {
            int wrap = (int) texParams[n + 25];
            int nx = (int) texParams[n + 26], ny = (int) texParams[n + 27], nz = (int) texParams[n + 28];
            boolean outside = qx < 0 || qx >= 1 || qy < 0 || qy >= 1 || qz < 0 || qz >= 1;
            if (wrap == 2) {
                // WRAP_CLAMP: the point clamped to the cube, the cell index to the last.
                qx = min(1f, max(0f, qx));
                qy = min(1f, max(0f, qy));
                qz = min(1f, max(0f, qz));
            }
            float x = qx * nx, y = qy * ny, z = qz * nz;
            float fx = floor(x), fy = floor(y), fz = floor(z);
            int vx = (int) fx, vy = (int) fy, vz = (int) fz;
            x = x - fx;
            y = y - fy;
            z = z - fz;
            if (wrap == 0) {
                // WRAP_REPEAT: the cell index modulo the size (its +1 neighbour is clamped, as LuxRender's D does).
                vx = ((vx % nx) + nx) % nx;
                vy = ((vy % ny) + ny) % ny;
                vz = ((vz % nz) + nz) % nz;
            }
            if (wrap == 2) {
                if (vx > nx - 1) {
                    vx = nx - 1;
                    x = qx * nx - vx;
                }
                if (vy > ny - 1) {
                    vy = ny - 1;
                    y = qy * ny - vy;
                }
                if (vz > nz - 1) {
                    vz = nz - 1;
                    z = qz * nz - vz;
                }
            }
            int base = (int) texParams[n + 23] * 4096 + (int) texParams[n + 24];
            float d00 = (1 - x) * densityAt(base, nx, ny, nz, vx, vy, vz) + x * densityAt(base, nx, ny, nz, vx + 1, vy, vz);
            float d10 = (1 - x) * densityAt(base, nx, ny, nz, vx, vy + 1, vz)
                    + x * densityAt(base, nx, ny, nz, vx + 1, vy + 1, vz);
            float d01 = (1 - x) * densityAt(base, nx, ny, nz, vx, vy, vz + 1)
                    + x * densityAt(base, nx, ny, nz, vx + 1, vy, vz + 1);
            float d11 = (1 - x) * densityAt(base, nx, ny, nz, vx, vy + 1, vz + 1)
                    + x * densityAt(base, nx, ny, nz, vx + 1, vy + 1, vz + 1);
            f = (1 - z) * ((1 - y) * d00 + y * d10) + z * ((1 - y) * d01 + y * d11);
            if (outside && wrap == 1) {
                f = 0f;
            }
            if (outside && wrap == 3) {
                f = 1f;
            }
        }
        return f;
    }

    /** DensityGridTexture::D: value (x, y, z), each index clamped to the grid. */
    float densityAt(int base, int nx, int ny, int nz, int x, int y, int z) {
        int cx = min(nx - 1, max(0, x)), cy = min(ny - 1, max(0, y)), cz = min(nz - 1, max(0, z));
        return texTexels[base + (cz * ny + cy) * nx + cx];
    }
}
