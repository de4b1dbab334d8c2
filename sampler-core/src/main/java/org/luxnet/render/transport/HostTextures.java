package org.luxnet.render.transport;

/**
 * The texture programs evaluated on the host, outside a render: the compiler's entry to {@link
 * TextureKernel#evalProgram} (the same code the kernel runs, not a copy) for what LuxRender computes
 * at scene build time, such as a mesh's displacement map (shapes/loopsubdiv.cpp,
 * ApplyDisplacementMap). One work item, no ray footprint (LuxRender builds those
 * DifferentialGeometry with zero differentials), primitive 0. Not thread safe.
 */
public final class HostTextures extends TextureKernel {
    /**
     * Binds the texture tables as {@code TextureCompiler} leaves them (see {@link
     * org.luxnet.scene.compiled.TextureLayout}); the arrays are shared, not copied.
     */
    public HostTextures(int[] types, int[] children, float[] params, float[] texels, int[] imageInfo) {
        texType = KernelArrays.ints(types);
        texChild = KernelArrays.ints(children);
        texParams = KernelArrays.floats(params);
        texTexels = KernelArrays.floats(texels);
        texImageInfo = KernelArrays.ints(imageInfo);
        setupNoise();
        capacity = 1;
        scratch = new float[Scratch.SLOTS];
    }

    /** The normal the "globalnormal" and "localnormal" 3D coordinates take (LuxRender's dg.nn), world space. */
    private float nx = 0f, ny = 0f, nz = 1f;

    /** Sets the normal of the next {@link #evalFloat} (a displaced vertex's, which LuxRender's dg.nn holds). */
    public void normal(float x, float y, float z) {
        nx = x;
        ny = y;
        nz = z;
    }

    /**
     * LuxRender's 3D "coordinates" on the host: (u, v, 0), the set {@link #normal} (the texture's own
     * inverse-transpose mapping follows), or the point as given, for "local" too (there is no shape
     * hit; the caller's point is already in the space it builds the shape in).
     */
    @Override
    float coordinates3d(int gid, int prim, int kind, int c, float su, float sv, float px, float py, float pz) {
        float x = px, y = py, z = pz;
        if (kind == org.luxnet.scene.compiled.TextureLayout.MAP3D_UV) {
            x = su;
            y = sv;
            z = 0f;
        }
        if (kind == org.luxnet.scene.compiled.TextureLayout.MAP3D_GLOBALNORMAL
                || kind == org.luxnet.scene.compiled.TextureLayout.MAP3D_LOCALNORMAL) {
            x = nx;
            y = ny;
            z = nz;
        }
        return c == 0 ? x : c == 1 ? y : z;
    }

    /**
     * The first channel of program {@code start..root} (a float texture's value) at surface (u, v)
     * and world point p.
     */
    public float evalFloat(int start, int root, float u, float v, float px, float py, float pz) {
        int regs = 3 * (root - start + 1);
        if (texRegs.length < regs) {
            texRegs = new float[regs];
        }
        int r = evalProgram(0, 0, start, root, 0, 1, u, v, px, py, pz);
        return texRegs[(r - start) * 3];
    }

    /** The colour of program {@code start..root} at world point p (u, v 0), into out[0..2]. */
    public void evalColour(int start, int root, float px, float py, float pz, float[] out) {
        int regs = 3 * (root - start + 1);
        if (texRegs.length < regs) {
            texRegs = new float[regs];
        }
        int r = (evalProgram(0, 0, start, root, 0, 1, 0f, 0f, px, py, pz) - start) * 3;
        out[0] = texRegs[r];
        out[1] = texRegs[r + 1];
        out[2] = texRegs[r + 2];
    }

    /**
     * Cloth's specularNormalization (materials/cloth.cpp, the Cloth constructor) for the cloth pattern table at
     * texel-pool index {@code table} of this instance's texels, repeated (repeatU, repeatV): {@code n} samples of
     * two cosine-distributed directions and a uniform surface (u, v), each term Irawan::evalSpecular times the
     * fineness scale (IrawanKernel, the kernel's own code); n over their sum, 0 when the sum is not positive.
     * {@code random} gives the uniform numbers, in the order the constructor draws them (wi, wo, then u, v).
     */
    public float clothNormalization(int table, float repeatU, float repeatV, int n,
                                    java.util.function.DoubleSupplier random) {
        bindBlenderTables();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            cosineHemisphere(0, (float) random.getAsDouble(), (float) random.getAsDouble());
            float ix = scratch[Scratch.VEC_X], iy = scratch[Scratch.VEC_Y], iz = scratch[Scratch.VEC_Z];
            cosineHemisphere(0, (float) random.getAsDouble(), (float) random.getAsDouble());
            float ox = scratch[Scratch.VEC_X], oy = scratch[Scratch.VEC_Y], oz = scratch[Scratch.VEC_Z];
            clothYarn(0, table, (float) random.getAsDouble(), (float) random.getAsDouble(), repeatU, repeatV);
            sum += irawanSpecular(0, table, ox, oy, oz, ix, iy, iz) * scratch[Scratch.CL_SCALE];
        }
        return sum > 0 ? (float) (n / sum) : 0f;
    }

    @Override
    public void run() {
        // Never launched: the host calls evalFloat directly.
    }

    /** The three channels of program {@code start..root} at surface (u, v) and world point p, into {@code rgb}. */
    public void evalRgb(int start, int root, float u, float v, float px, float py, float pz, float[] rgb) {
        int regs = 3 * (root - start + 1);
        if (texRegs.length < regs) {
            texRegs = new float[regs];
        }
        int r = evalProgram(0, 0, start, root, 0, 1, u, v, px, py, pz);
        for (int c = 0; c < 3; c++) {
            rgb[c] = texRegs[(r - start) * 3 + c];
        }
    }
}
