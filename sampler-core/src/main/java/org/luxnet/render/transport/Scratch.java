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
     * The texture-space footprint at the first hit (ImageKernel#surfaceDifferentials), zero after a
     * bounce. Until that hit the same slots keep the camera sample (raster x, y, lens u, v) that
     * {@link CameraKernel#startPath} drew, from which the ray differentials are generated.
     */
    static final int DUDX = 34, DVDX = 35, DUDY = 36, DVDY = 37;
    static final int CAM_FX = 34, CAM_FY = 35, CAM_LU = 36, CAM_LV = 37;
    /**
     * Mix materials (LobeKernel.resolveMix): the per-channel weight of the chosen leaf material and
     * the lobe sample number left after the choice.
     */
    static final int MIX_R = 40, MIX_G = 41, MIX_B = 42, MIX_U = 43;
    /** Slots per work item. */
    static final int SLOTS = 44;
}
