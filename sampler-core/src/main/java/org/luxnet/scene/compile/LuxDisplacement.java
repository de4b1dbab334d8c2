package org.luxnet.scene.compile;

import org.luxnet.render.transport.HostTextures;
import org.luxnet.scene.desc.Param;

/**
 * LuxRender's displacement map on a loop-subdivided mesh (shapes/loopsubdiv.cpp, LoopSubdiv::Refine
 * and ApplyDisplacementMap), applied at compile time as LuxRender applies it at scene build time.
 *
 * <p>At the limit surface LuxRender computes each vertex's normal n = Normalize(Cross(T, S))
 * (GenerateNormals: the same tangents as {@link LoopSubdivision}'s, crossed the other way, so n
 * points to the side the triangles wind counter-clockwise about), then evaluates the float texture
 * once per face around the vertex, at a DifferentialGeometry of the vertex's point and normal and
 * that face's corner (u, v) ((0, 0) when the mesh has no uv: SDVertex's default), and moves the
 * vertex by n (sum * dmscale / faces + dmoffset). The texture runs through the kernel's own program
 * ({@link HostTextures}), so every texture the renderer has can displace.
 */
final class LuxDisplacement {
    private final TextureCompiler textures;

    LuxDisplacement(TextureCompiler textures) {
        this.textures = textures;
    }

    /**
     * The program (start, root) of the float texture {@code p} names, or null (the compiler has warned).
     * "local" 3D coordinates in it warn: LuxRender's displacement DifferentialGeometry has no shape
     * (shapes/loopsubdiv.cpp ApplyDisplacementMap passes a NULL handle, which LocalMapping3D would
     * dereference); here they take the point as given.
     */
    int[] program(Param p) {
        int[] prog = textures.program(p);
        if (prog != null) {
            textures.warnLocal(prog, p, "a displacement map has no shape to be local to in LuxRender"
                    + " (loopsubdiv.cpp ApplyDisplacementMap: a NULL handle); the point is used as given");
        }
        return prog;
    }

    /** The texture tables as they are now (a program compiled before this call is in them). */
    HostTextures host() {
        return new HostTextures(textures.types(), textures.children(), textures.params(), textures.texels(),
                textures.imageInfo());
    }

    /** ApplyDisplacementMap with program {@code prog}, "float dmscale" and "float dmoffset". */
    LoopSubdivision.Displace loop(int[] prog, float scale, float offset) {
        HostTextures h = host();
        return (m, cornerUv, width) -> {
            float[] pos = m.positions(), nrm = m.normals();
            int[] idx = m.indices();
            int nv = pos.length / 3;
            float[] sum = new float[nv];
            int[] faces = new int[nv];
            for (int c = 0; c < idx.length; c++) {
                int v = idx[c];
                float u = cornerUv == null ? 0f : cornerUv[width * c], w = cornerUv == null ? 0f : cornerUv[width * c + 1];
                // LuxRender's dg.nn there, for "globalnormal" and "localnormal" coordinates: -(the stored normal), unit.
                double nl = Math.sqrt(nrm[3 * v] * nrm[3 * v] + nrm[3 * v + 1] * nrm[3 * v + 1] + nrm[3 * v + 2] * nrm[3 * v + 2]);
                if (nl > 0) {
                    h.normal((float) (-nrm[3 * v] / nl), (float) (-nrm[3 * v + 1] / nl), (float) (-nrm[3 * v + 2] / nl));
                }
                sum[v] += h.evalFloat(prog[0], prog[1], u, w, pos[3 * v], pos[3 * v + 1], pos[3 * v + 2]);
                faces[v]++;
            }
            double[] out = new double[3 * nv];
            for (int v = 0; v < nv; v++) {
                // LuxRender's n is -(S x T), normalized; a degenerate one (NaN there) moves nothing here.
                double nx = nrm[3 * v], ny = nrm[3 * v + 1], nz = nrm[3 * v + 2];
                double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
                float dl = faces[v] == 0 ? 0f : sum[v] * scale / faces[v] + offset;
                double k = len > 0 ? -dl / len : 0;
                out[3 * v] = pos[3 * v] + k * nx;
                out[3 * v + 1] = pos[3 * v + 1] + k * ny;
                out[3 * v + 2] = pos[3 * v + 2] + k * nz;
            }
            return out;
        };
    }
}
