package org.luxnet.scene.compile;

import java.util.List;
import org.luxnet.render.transport.HostTextures;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.MediumLayout;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.VolumeDesc;

/**
 * Bakes a LuxRender "heterogeneous" volume (volumes/heterogeneous.h HeterogeneousVolume) into a
 * {@link MediumLayout#LUX_GRID} grid. LuxRender evaluates its "sigma_a" (clamped at 0) and "sigma_s"
 * colour textures at points along each ray and integrates them by ray marching in steps of at most
 * "stepsize" (Tau and Scatter: the trapezoid rule over each step, a biased estimate of the optical
 * depth). Here the textures are evaluated once, at compile time, through the kernel's own texture
 * programs ({@link HostTextures}, at the world point with u = v = 0, as LuxRender's DifferentialGeometry
 * for a volume has no surface coordinates), at the centres of the cells of a grid over {@code box} (the
 * bounds of the shapes whose Interior the volume is), ceil(extent / stepsize) cells along each axis,
 * at most {@link #MAX_CELLS} (a warning says when fewer were taken); the kernel then tracks the baked
 * grid exactly (trilinear between cell centres). Where both coefficients are constants the grid is one
 * cell and equals the homogeneous volume of the same coefficients.
 */
final class LuxVolumeGrids {
    private LuxVolumeGrids() {
    }

    /** Cells along one axis at most: 128^3 cells of six floats are 50 MB. */
    static final int MAX_CELLS = 128;
    /** LuxRender's default step: 1 (LuxCore's "steps.size", the same volume's port, defaults to 1 too). */
    static final float DEFAULT_STEP = 1f;

    /**
     * A baked grid: nx x ny x nz samples of {@link MediumLayout#LUX_GRID_VALUES} floats, x fastest, over
     * {@code box} (min xyz, max xyz: the shapes' bounds widened by 1e-4 of their extent on each side, so
     * that the shapes' own surfaces lie inside it).
     */
    record Baked(int nx, int ny, int nz, float[] values, float maxSigmaT, float[] box) {
    }

    /**
     * Bakes volume {@code v} over {@code box} (min xyz, max xyz, world space: its shapes' bounds, which
     * set the cell counts); textures compile through {@code textures} and are evaluated on the host.
     */
    static Baked bake(VolumeDesc v, float[] box, TextureCompiler textures, List<SceneWarning> warnings) {
        ParamSet ps = v.params();
        int[] aProg = program(ps, "sigma_a", textures);
        int[] sProg = program(ps, "sigma_s", textures);
        float[] aConst = constant(ps, "sigma_a");
        float[] sConst = constant(ps, "sigma_s");
        int[] n = {1, 1, 1};
        if (aProg != null || sProg != null) {
            float step = (float) ps.getFloat("stepsize", DEFAULT_STEP);
            if (!(step > 0)) {
                step = DEFAULT_STEP;
            }
            boolean capped = false;
            for (int c = 0; c < 3; c++) {
                double want = Math.ceil((box[3 + c] - box[c]) / step);
                n[c] = (int) Math.max(1, Math.min(MAX_CELLS, want));
                capped |= want > MAX_CELLS;
            }
            if (capped) {
                Param sp = ps.get("stepsize");
                FileLoc at = sp != null ? sp.loc() : v.loc();
                warnings.add(new SceneWarning(at, "volume \"" + v.name() + "\": its textures are baked into a grid of "
                        + n[0] + " x " + n[1] + " x " + n[2] + " cells over its shapes' bounds (at most " + MAX_CELLS
                        + " per axis), coarser than \"stepsize\" " + step + " asks for"));
            }
        }
        box = box.clone();
        for (int c = 0; c < 3; c++) {
            float pad = 1e-4f * Math.max(1e-3f, box[3 + c] - box[c]);
            box[c] -= pad;
            box[3 + c] += pad;
        }
        HostTextures host = aProg != null || sProg != null ? new HostTextures(textures.types(), textures.children(),
                textures.params(), textures.texels(), textures.imageInfo()) : null;
        float[] values = new float[n[0] * n[1] * n[2] * MediumLayout.LUX_GRID_VALUES];
        float[] a = aConst.clone(), s = sConst.clone();
        float max = 0;
        int at = 0;
        for (int k = 0; k < n[2]; k++) {
            for (int j = 0; j < n[1]; j++) {
                for (int i = 0; i < n[0]; i++) {
                    // The cell's centre in world space.
                    float px = box[0] + (box[3] - box[0]) * (i + 0.5f) / n[0];
                    float py = box[1] + (box[4] - box[1]) * (j + 0.5f) / n[1];
                    float pz = box[2] + (box[5] - box[2]) * (k + 0.5f) / n[2];
                    if (aProg != null) {
                        host.evalColour(aProg[0], aProg[1], px, py, pz, a);
                    }
                    if (sProg != null) {
                        host.evalColour(sProg[0], sProg[1], px, py, pz, s);
                    }
                    for (int c = 0; c < 3; c++) {
                        // HeterogeneousVolume::SigmaA clamps at 0; a negative sigma_s would be no coefficient either.
                        float ac = Float.isFinite(a[c]) ? Math.max(0, a[c]) : 0;
                        float sc = Float.isFinite(s[c]) ? Math.max(0, s[c]) : 0;
                        values[at + c] = ac;
                        values[at + 3 + c] = sc;
                        max = Math.max(max, ac + sc);
                    }
                    at += MediumLayout.LUX_GRID_VALUES;
                }
            }
        }
        return new Baked(n[0], n[1], n[2], values, max, box);
    }

    /** The program of a textured colour parameter, or null (a constant, or a texture that warned). */
    private static int[] program(ParamSet ps, String name, TextureCompiler textures) {
        Param p = ps.get(name);
        if (p == null || p.type() != ParamType.TEXTURE) {
            return null;
        }
        return textures.program(p);
    }

    /** A constant colour parameter, 0 when absent or textured (a texture that cannot compile keeps this 0). */
    private static float[] constant(ParamSet ps, String name) {
        Param p = ps.get(name);
        if (p == null || p.type() == ParamType.TEXTURE) {
            return new float[3];
        }
        return ps.getRgb(name, new float[3]);
    }
}
