package org.luxnet.render.transport;

/**
 * Slots of the kernel's per-work-item scratch memory. OpenCL kernel helpers can return one value
 * only and Aparapi allows no objects, so helpers that produce several values (a hit, a BSDF sample,
 * a light sample, a warped direction) leave them in a global float array. The array is structure of
 * arrays, {@code scratch[slot * capacity + gid]}, so that neighbouring work items touch neighbouring
 * addresses.
 */
final class Scratch {
    private Scratch() {
    }

    /** Closest hit: distance and barycentrics. */
    static final int HIT_T = 0, HIT_U = 1, HIT_V = 2;
    /** BSDF result: colour (f, or f cos / pdf after sampling), pdf, direction, flags (0/1), eta scale. */
    static final int BS_R = 3, BS_G = 4, BS_B = 5, BS_PDF = 6, BS_WX = 7, BS_WY = 8, BS_WZ = 9;
    static final int BS_SPECULAR = 10, BS_TRANSMISSION = 11, BS_ETA_SCALE = 12;
    /** A warped point or direction (disk, hemisphere, sphere, GGX half vector, barycentrics). */
    static final int VEC_X = 13, VEC_Y = 14, VEC_Z = 15;
    /** Light sample: direction, distance, radiance, pdf, delta flag (0/1), shadow margin. */
    static final int LS_WX = 16, LS_WY = 17, LS_WZ = 18, LS_DIST = 19, LS_R = 20, LS_G = 21, LS_B = 22;
    static final int LS_PDF = 23, LS_DELTA = 24, LS_MARGIN = 28;
    /** Radiance that next-event estimation adds at a vertex, throughput applied. */
    static final int NEE_R = 25, NEE_G = 26, NEE_B = 27;
    /** Closest hit: the instance whose object holds the primitive, -1 for world geometry. */
    static final int HIT_INST = 29;
    /** Surface (u, v) of the hit, written by shadeMaterial for a textured material (the bump layer reads it). */
    static final int SURF_U = 30, SURF_V = 31;
    /**
     * The bumped surface's dp/du (BumpKernel#bumpNormal, when the material has a bump or normal map),
     * along which the shading frame's first axis lies for anisotropic materials (BumpKernel#shadingTangent).
     */
    static final int TAN_X = 32, TAN_Y = 33, TAN_Z = 38;
    /**
     * The texture-space footprint at the current hit (ImageKernel#surfaceDifferentials), zero where
     * the path carries no ray differentials (after a diffuse or glossy bounce).
     */
    static final int DUDX = 34, DVDX = 35, DUDY = 36, DVDY = 37;
    /**
     * The camera sample (raster x, y, lens u, v) that {@link CameraKernel#startPath} drew, from which
     * the camera ray's differentials are generated when a hit first needs them.
     */
    static final int CAM_FX = 62, CAM_FY = 63, CAM_LU = 64, CAM_LV = 65;
    /**
     * Mix materials (LobeKernel.resolveMix): the per-channel weight of the chosen leaf material and
     * the lobe sample number left after the choice.
     */
    static final int MIX_R = 40, MIX_G = 41, MIX_B = 42, MIX_U = 43;
    /**
     * The offsets dpdx, dpdy of the hit point to where the differential rays meet its tangent plane
     * (pbrt-v3 SurfaceInteraction::ComputeDifferentials), read by the non-uv texture mappings.
     */
    static final int DPDX_X = 44, DPDX_Y = 45, DPDX_Z = 46, DPDY_X = 47, DPDY_Y = 48, DPDY_Z = 49;
    /**
     * The ray differential the path carries (pbrt-v3 RayDifferential: the x and y offset rays' origins
     * and directions), from the camera and through specular bounces (CameraKernel#specularDifferentials).
     */
    static final int RX_OX = 50, RX_OY = 51, RX_OZ = 52, RX_DX = 53, RX_DY = 54, RX_DZ = 55;
    static final int RY_OX = 56, RY_OY = 57, RY_OZ = 58, RY_DX = 59, RY_DY = 60, RY_DZ = 61;
    /**
     * A medium segment (MediumKernel#sampleSegment): the throughput factor per channel, and where the
     * segment was scattered, the distance to the scattering point.
     */
    static final int MED_R = 66, MED_G = 67, MED_B = 68, MED_T = 69;
    /**
     * Grid media (MediumKernel#gridTrack): how many tracking loops of this work item stopped at the step
     * cap (summed over its samples, never reset), and the entry and exit distances of the last segment's
     * overlap with the grid's box.
     */
    static final int MED_CAPPED = 70, MED_T0 = 71, MED_T1 = 72;
    /**
     * A doubleside's choice (LobeKernel.resolveMix): -1 where LuxRender builds the chosen material with the
     * normals flipped, else 1.
     */
    static final int MIX_FLIP = 73;
    /**
     * The yarn under a cloth hit (IrawanKernel#clothYarn, LuxRender's WeavePattern::GetYarn): its record's
     * index in the texel pool, the yarn-space (u, v), the noisy umax and the fineness scale.
     */
    static final int CL_YARN = 74, CL_U = 75, CL_V = 76, CL_UMAX = 77, CL_SCALE = 78;
    /** The camera's weight of the sample's ray (pbrt-v3's GenerateRay return value; 1 but for the realistic camera). */
    static final int CAM_WEIGHT = 79;
    /**
     * Fourier BSDFs (FourierKernel): the Catmull-Rom weights of mu_i and mu_o, their first cells, and the
     * pdf a sampling step returns.
     */
    static final int FR_WI = 80, FR_WO = 84, FR_OFF_I = 88, FR_OFF_O = 89, FR_PDF = 90;
    /**
     * The time of the path's camera ray (drawn once per sample and kept for the whole path, shadow
     * rays included, as pbrt-v3 does); written only in scenes where something moves.
     */
    static final int TIME = 91;
    /** Slots per work item. */
    static final int SLOTS = 92;
}
