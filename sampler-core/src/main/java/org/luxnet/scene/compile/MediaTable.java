package org.luxnet.scene.compile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.PbrtMediumPresets;
import org.luxnet.scene.desc.Transform;
import org.luxnet.scene.desc.VolumeDesc;
import org.luxnet.scene.compiled.MediumLayout;

/**
 * The media table ({@link MediumLayout}): one row per volume or medium that a glass2 or null surface,
 * or the camera, refers to, in the order first asked for; row 0 is vacuum, and a volume that neither
 * absorbs nor scatters is vacuum too. pbrt-v3 grid media put their densities one after another into
 * {@link #grids}, and LuxRender heterogeneous volumes, once {@link #bakeLuxVolumes} has baked them,
 * their six coefficients per sample. When media are not rendered (pbrt-v3's "path" integrator) every
 * volume is vacuum and {@link #ignored} says whether any was asked for.
 */
final class MediaTable {
    private final boolean enabled;
    private final List<SceneWarning> warnings;
    private final IdentityHashMap<VolumeDesc, Integer> ids = new IdentityHashMap<>();
    private final List<float[]> rows = new ArrayList<>();
    private final List<float[]> grids = new ArrayList<>();
    private long gridValues;
    /** LuxRender heterogeneous volumes waiting for {@link #bakeLuxVolumes}: their row, and the volume. */
    private final List<Object[]> luxPending = new ArrayList<>();
    /** LuxRender clear and homogeneous volumes with a textured coefficient, for {@link #bakeLuxVolumes}: row, volume. */
    private final List<Object[]> luxTextured = new ArrayList<>();
    private VolumeDesc firstIgnored;

    /** A table; {@code enabled} false makes every medium vacuum. */
    MediaTable(boolean enabled, List<SceneWarning> warnings) {
        this.enabled = enabled;
        this.warnings = warnings;
        rows.add(new float[MediumLayout.STRIDE]);
    }

    /** The row of volume {@code v}, 0 (vacuum) for null. */
    int idOf(VolumeDesc v) {
        if (v == null) {
            return 0;
        }
        if (!enabled) {
            if (firstIgnored == null) {
                firstIgnored = v;
            }
            return 0;
        }
        Integer id = ids.get(v);
        if (id == null) {
            float[] row = row(v);
            boolean empty = true;
            for (int c = 0; c < 6; c++) {
                empty &= row[c] == 0;
            }
            id = empty ? 0 : rows.size();
            if (!empty) {
                rows.add(row);
                if (row[MediumLayout.KIND] == MediumLayout.LUX_GRID) {
                    luxPending.add(new Object[] {id, v});
                }
            }
            ids.put(v, id);
        }
        return id;
    }

    /**
     * LuxRender's "emission" volume integrator (integrators/emission.cpp, EmissionIntegrator::Intersect):
     * paths never scatter in a volume and are attenuated by Exp(-Tau), Tau = (sigma_a + sigma_s) times the
     * distance. Folds every LuxRender volume's scattering coefficient into its absorption, in {@code rows}
     * (the media table, row 0 vacuum) and in the baked samples of its grid in {@code grids}.
     */
    static void emissionOnly(float[] rows, float[] grids) {
        for (int o = MediumLayout.STRIDE; o + MediumLayout.STRIDE <= rows.length; o += MediumLayout.STRIDE) {
            int kind = (int) rows[o + MediumLayout.KIND];
            if (rows[o + MediumLayout.SUBSURFACE] != 0 || kind == MediumLayout.GRID) {
                continue; // pbrt-v3's media
            }
            for (int c = 0; c < 3; c++) {
                rows[o + MediumLayout.SIGMA_A + c] += rows[o + MediumLayout.SIGMA_S + c];
                rows[o + MediumLayout.SIGMA_S + c] = 0;
            }
            rows[o + MediumLayout.SCATTERS] = 0;
            if (kind == MediumLayout.LUX_GRID) {
                int at = (int) rows[o + MediumLayout.GRID_OFFSET_HI] * 4096 + (int) rows[o + MediumLayout.GRID_OFFSET_LO];
                int n = (int) rows[o + MediumLayout.GRID_NX] * (int) rows[o + MediumLayout.GRID_NY]
                        * (int) rows[o + MediumLayout.GRID_NZ];
                for (int i = 0; i < n; i++, at += MediumLayout.LUX_GRID_VALUES) {
                    for (int c = 0; c < 3; c++) {
                        grids[at + c] += grids[at + 3 + c];
                        grids[at + 3 + c] = 0;
                    }
                }
            }
        }
    }

    /** The first medium asked for while media are not rendered, or null. */
    VolumeDesc ignored() {
        return firstIgnored;
    }

    /** The table, {@link MediumLayout#STRIDE} floats per row. */
    float[] params() {
        float[] out = new float[rows.size() * MediumLayout.STRIDE];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, out, i * MediumLayout.STRIDE, MediumLayout.STRIDE);
        }
        return out;
    }

    /**
     * A row of its own for the interior of a pbrt-v3 "subsurface" or "kdsubsurface" material
     * ({@link SubsurfaceMaterials}): homogeneous, Henyey-Greenstein {@code g}, flagged {@link
     * MediumLayout#SUBSURFACE}. Made whatever the integrator (pbrt-v3's "path" renders BSSRDFs too);
     * equal rows are shared; 0 (vacuum) when it neither absorbs nor scatters.
     */
    int subsurface(float[] sigmaA, float[] sigmaS, float g) {
        float[] r = new float[MediumLayout.STRIDE];
        boolean empty = true;
        for (int c = 0; c < 3; c++) {
            r[MediumLayout.SIGMA_A + c] = Math.max(0, sigmaA[c]);
            r[MediumLayout.SIGMA_S + c] = Math.max(0, sigmaS[c]);
            r[MediumLayout.PHASE_G + c] = g;
            empty &= r[MediumLayout.SIGMA_A + c] == 0 && r[MediumLayout.SIGMA_S + c] == 0;
        }
        if (empty) {
            return 0;
        }
        r[MediumLayout.PHASE] = MediumLayout.HENYEY_GREENSTEIN;
        r[MediumLayout.SUBSURFACE] = 1;
        scatters(r);
        for (int i = 1; i < rows.size(); i++) {
            if (java.util.Arrays.equals(rows.get(i), r)) {
                return i;
            }
        }
        rows.add(r);
        return rows.size() - 1;
    }

    /** The density grids of the grid media, in the order of their offsets. */
    float[] grids() {
        float[] out = new float[(int) gridValues];
        int at = 0;
        for (float[] g : grids) {
            System.arraycopy(g, 0, out, at, g.length);
            at += g.length;
        }
        return out;
    }

    private float[] row(VolumeDesc v) {
        float[] r = new float[MediumLayout.STRIDE];
        if (v.dialect() == Dialect.PBRT) {
            if (v.type().equals("homogeneous")) {
                pbrtHomogeneous(v, r);
            } else if (v.type().equals("heterogeneous")) {
                pbrtGrid(v, r);
            }
            return r;
        }
        if (v.type().equals("heterogeneous")) {
            luxHeterogeneous(v, r);
            return r;
        }
        boolean homogeneous = v.type().equals("homogeneous");
        if (textured(v, v.absorptionParam()) || homogeneous && textured(v, "sigma_s")) {
            // Its textures are evaluated in bakeLuxVolumes; until then 1 stands for each, so it is no vacuum.
            luxTextured.add(new Object[] {r, v});
        }
        float[] a = constant(v, v.absorptionParam());
        for (int c = 0; c < 3; c++) {
            r[MediumLayout.SIGMA_A + c] = Math.max(0, a[c]);
        }
        if (homogeneous) {
            // volumes/homogeneous.h HomogeneousVolume: sigma_s, and g for VolumeScatterMaterial's SchlickScatter.
            float[] s = constant(v, "sigma_s");
            float[] g = colourOrFloat(v.params(), "g");
            for (int c = 0; c < 3; c++) {
                r[MediumLayout.SIGMA_S + c] = Math.max(0, s[c]);
                float gc = Math.max(-1, Math.min(1, g[c]));
                // k = +-1 (g = +-1) is a delta, whose sampling LuxRender's formula divides by zero for; kept just inside.
                r[MediumLayout.PHASE_G + c] = Math.max(-0.999f, Math.min(0.999f, gc * (1.55f - 0.55f * gc * gc)));
            }
            r[MediumLayout.PHASE] = MediumLayout.SCHLICK;
        }
        scatters(r);
        return r;
    }

    /** core/api.cpp MakeMedium "homogeneous": defaults, preset, then sigma_a and sigma_s given, times scale. */
    private void pbrtHomogeneous(VolumeDesc v, float[] r) {
        ParamSet ps = v.params();
        float[] sa = {0.0011f, 0.0024f, 0.014f};
        float[] ss = {2.55f, 3.21f, 3.77f};
        float[][] preset = PbrtMediumPresets.find(ps.getString("preset", ""));
        if (preset != null) {
            sa = preset[0];
            ss = preset[1];
        }
        sa = ps.getRgb("sigma_a", sa);
        ss = ps.getRgb("sigma_s", ss);
        float scale = (float) ps.getFloat("scale", 1);
        float g = (float) ps.getFloat("g", 0);
        if (g <= -1 || g >= 1) {
            warnings.add(new SceneWarning(ps.get("g").loc(), "MakeNamedMedium \"" + v.name() + "\": g " + g
                    + " is outside (-1, 1); clamped to " + Math.max(-0.999f, Math.min(0.999f, g))));
            g = Math.max(-0.999f, Math.min(0.999f, g));
        }
        for (int c = 0; c < 3; c++) {
            r[MediumLayout.SIGMA_A + c] = Math.max(0, sa[c] * scale);
            r[MediumLayout.SIGMA_S + c] = Math.max(0, ss[c] * scale);
            r[MediumLayout.PHASE_G + c] = g;
        }
        r[MediumLayout.PHASE] = MediumLayout.HENYEY_GREENSTEIN;
        scatters(r);
    }

    /**
     * core/api.cpp MakeMedium "heterogeneous": the coefficients as for "homogeneous", then the grid
     * (media/grid.h GridDensityMedium): "density" nx * ny * nz floats (x fastest), placed in the box
     * [p0, p1] of the medium's space, the CTM at MakeNamedMedium taking it to world space. The parser
     * checked the sizes (VolumeStatements). sigma_t must be the same in every channel; pbrt-v3 says so
     * and samples by the first channel's, as here (the parser warned). A grid whose densities are all 0
     * or below, or whose first channel's sigma_t is 0, is vacuum, as pbrt-v3's infinite steps make it.
     */
    private void pbrtGrid(VolumeDesc v, float[] r) {
        pbrtHomogeneous(v, r);
        ParamSet ps = v.params();
        float[] density = ps.getFloats("density");
        int nx = ps.getInt("nx", 1), ny = ps.getInt("ny", 1), nz = ps.getInt("nz", 1);
        float[] p0 = ps.getPoint("p0", new float[] {0, 0, 0});
        float[] p1 = ps.getPoint("p1", new float[] {1, 1, 1});
        float max = 0;
        for (float d : density) {
            max = Math.max(max, d);
        }
        float sigmaT = r[MediumLayout.SIGMA_A] + r[MediumLayout.SIGMA_S];
        if (!(max > 0) || !(sigmaT > 0)) {
            java.util.Arrays.fill(r, 0);
            return;
        }
        if (gridValues + density.length > MediumLayout.MAX_GRID_VALUES) {
            throw new SceneException(ps.get("density").loc(), "MakeNamedMedium \"" + v.name() + "\": the scene's"
                    + " grid media would hold " + (gridValues + density.length) + " density values together, more than"
                    + " the " + MediumLayout.MAX_GRID_VALUES + " (512^3) LuxNet keeps in memory");
        }
        long offset = gridValues;
        grids.add(density);
        gridValues += density.length;
        Transform dataToWorld = v.transform().compose(Transform.translate(p0[0], p0[1], p0[2]))
                .compose(Transform.scale(p1[0] - p0[0], p1[1] - p0[1], p1[2] - p0[2]));
        double[] w = dataToWorld.inverse().toRowMajor();
        for (int i = 0; i < 12; i++) {
            r[MediumLayout.GRID_XFORM + i] = (float) w[i];
        }
        r[MediumLayout.KIND] = MediumLayout.GRID;
        r[MediumLayout.GRID_OFFSET_HI] = offset >> 12;
        r[MediumLayout.GRID_OFFSET_LO] = offset & 4095;
        r[MediumLayout.GRID_NX] = nx;
        r[MediumLayout.GRID_NY] = ny;
        r[MediumLayout.GRID_NZ] = nz;
        r[MediumLayout.GRID_INV_MAX_DENSITY] = 1 / max;
        r[MediumLayout.GRID_INV_MAJORANT] = 1 / (max * sigmaT);
    }

    private static void scatters(float[] r) {
        boolean any = false;
        for (int c = 0; c < 3; c++) {
            any |= r[MediumLayout.SIGMA_S + c] > 0;
        }
        r[MediumLayout.SCATTERS] = any ? 1 : 0;
    }

    private static boolean textured(VolumeDesc v, String name) {
        Param p = v.params().get(name);
        return p != null && p.type() == ParamType.TEXTURE;
    }

    /** A colour parameter of a volume, 0 when absent; 1 for a texture, which bakeLuxVolumes evaluates. */
    private float[] constant(VolumeDesc v, String name) {
        if (textured(v, name)) {
            return new float[] {1, 1, 1};
        }
        return v.params().getRgb(name, new float[] {0, 0, 0});
    }

    /**
     * The textured coefficients of LuxRender's clear and homogeneous volumes (volumes/clear.h,
     * homogeneous.h: "absorption", "sigma_a", "sigma_s" are colour textures). A texture with the same
     * value everywhere (constant, colordepth, blackbody ..., and scale, mix, add, subtract of those) is
     * that value; one that varies over space warns and gives 0, as before.
     */
    private void foldLuxTextures(TextureCompiler textures) {
        for (Object[] t : luxTextured) {
            float[] r = (float[]) t[0];
            VolumeDesc v = (VolumeDesc) t[1];
            String[] names = v.type().equals("homogeneous") ? new String[] {v.absorptionParam(), "sigma_s"}
                : new String[] {v.absorptionParam()};
            int[] at = {MediumLayout.SIGMA_A, MediumLayout.SIGMA_S};
            for (int k = 0; k < names.length; k++) {
                Param p = v.params().get(names[k]);
                if (p == null || p.type() != ParamType.TEXTURE) {
                    continue;
                }
                float[] c = textures.spaceConstantColour(p);
                if (c == null) {
                    warnings.add(new SceneWarning(p.loc(), "volume \"" + v.name() + "\": its \"" + names[k] + "\" texture"
                            + " varies over space, which is not supported; 0 is used"));
                    c = new float[3];
                }
                for (int i = 0; i < 3; i++) {
                    r[at[k] + i] = Float.isFinite(c[i]) ? Math.max(0, c[i]) : 0;
                }
            }
            scatters(r);
        }
        luxTextured.clear();
    }

    /** LuxRender's g: a colour, or a float taken as that grey (0 when absent or textured). */
    private float[] colourOrFloat(ParamSet ps, String name) {
        Param p = ps.get(name);
        if (p == null) {
            return new float[3];
        }
        if (p.type() == ParamType.FLOAT) {
            float g = (float) ps.getFloat(name, 0);
            return new float[] {g, g, g};
        }
        if (p.type() == ParamType.TEXTURE) {
            warnings.add(new SceneWarning(p.loc(), "volume: a textured \"" + name + "\" is not supported; 0 is used"));
            return new float[3];
        }
        return ps.getRgb(name, new float[] {0, 0, 0});
    }

    /**
     * A LuxRender "heterogeneous" volume's row before its grid is baked ({@link #bakeLuxVolumes}):
     * {@link MediumLayout#LUX_GRID}, the Schlick phase of its "g" as for "homogeneous", and placeholder
     * coefficients that keep the row from reading as vacuum.
     */
    private void luxHeterogeneous(VolumeDesc v, float[] r) {
        float[] g = colourOrFloat(v.params(), "g");
        for (int c = 0; c < 3; c++) {
            float gc = Math.max(-1, Math.min(1, g[c]));
            r[MediumLayout.PHASE_G + c] = Math.max(-0.999f, Math.min(0.999f, gc * (1.55f - 0.55f * gc * gc)));
            r[MediumLayout.SIGMA_A + c] = 1;
            r[MediumLayout.SIGMA_S + c] = 1;
        }
        r[MediumLayout.PHASE] = MediumLayout.SCHLICK;
        r[MediumLayout.SCATTERS] = 1;
        r[MediumLayout.KIND] = MediumLayout.LUX_GRID;
    }

    /**
     * Bakes the LuxRender heterogeneous volumes asked for ({@link LuxVolumeGrids}) over the bounds of
     * the world-space triangles and spheres whose material has the volume as Interior (glass2 and null
     * surfaces: the only ones a path enters it through), or, where there are none (the volume is the
     * camera's, or only in instances), over the scene's bounds, with a warning. Call after the geometry
     * is laid out in {@code b} and before {@link #params} and {@link #grids}.
     */
    void bakeLuxVolumes(org.luxnet.scene.compiled.CompiledScene.Builder b, TextureCompiler textures) {
        foldLuxTextures(textures);
        for (Object[] pending : luxPending) {
            int id = (Integer) pending[0];
            VolumeDesc v = (VolumeDesc) pending[1];
            float[] box = interiorBounds(b, id);
            if (box == null) {
                box = b.sceneBounds.clone();
                warnings.add(new SceneWarning(v.loc(), "volume \"" + v.name() + "\" is the Interior of no glass2 or null"
                        + " shape outside object instances (mix and layered materials count as neither): its textures"
                        + " are baked over the whole scene's bounds"));
            }
            LuxVolumeGrids.Baked g = LuxVolumeGrids.bake(v, box, textures, warnings);
            box = g.box();
            float[] r = rows.get(id);
            if (gridValues + g.values().length > MediumLayout.MAX_GRID_VALUES) {
                throw new SceneException(v.loc(), "volume \"" + v.name() + "\": the scene's grids would hold "
                        + (gridValues + g.values().length) + " values together, more than the "
                        + MediumLayout.MAX_GRID_VALUES + " LuxNet keeps in memory");
            }
            long offset = gridValues;
            grids.add(g.values());
            gridValues += g.values().length;
            for (int c = 0; c < 3; c++) {
                r[MediumLayout.SIGMA_A + c] = 0;
                r[MediumLayout.SIGMA_S + c] = 0;
            }
            // The row's SIGMA_A / SIGMA_S: the sample of the largest sigma_t (documentation only; see LUX_GRID).
            int best = 0;
            float bestT = -1;
            float[] vals = g.values();
            for (int i = 0; i < vals.length; i += MediumLayout.LUX_GRID_VALUES) {
                float t = vals[i] + vals[i + 1] + vals[i + 2] + vals[i + 3] + vals[i + 4] + vals[i + 5];
                if (t > bestT) {
                    bestT = t;
                    best = i;
                }
            }
            for (int c = 0; c < 3; c++) {
                r[MediumLayout.SIGMA_A + c] = vals[best + c];
                r[MediumLayout.SIGMA_S + c] = vals[best + 3 + c];
            }
            // World to the box's unit cube.
            float[] x = new float[12];
            for (int c = 0; c < 3; c++) {
                float inv = 1 / (box[3 + c] - box[c]);
                x[4 * c + c] = inv;
                x[4 * c + 3] = -box[c] * inv;
            }
            System.arraycopy(x, 0, r, MediumLayout.GRID_XFORM, 12);
            r[MediumLayout.GRID_OFFSET_HI] = offset >> 12;
            r[MediumLayout.GRID_OFFSET_LO] = offset & 4095;
            r[MediumLayout.GRID_NX] = g.nx();
            r[MediumLayout.GRID_NY] = g.ny();
            r[MediumLayout.GRID_NZ] = g.nz();
            // A grid with nothing in it: a majorant of 1 whose every collision is null (never scatters).
            r[MediumLayout.GRID_INV_MAJORANT] = g.maxSigmaT() > 0 ? 1 / g.maxSigmaT() : 1;
            r[MediumLayout.GRID_INV_MAX_DENSITY] = 1;
            boolean any = false;
            for (int i = 3; i < vals.length; i += MediumLayout.LUX_GRID_VALUES) {
                any |= vals[i] > 0 || vals[i + 1] > 0 || vals[i + 2] > 0;
            }
            r[MediumLayout.SCATTERS] = any ? 1 : 0;
        }
        luxPending.clear();
    }

    /** Min xyz, max xyz of the world-space primitives whose material's Interior is medium {@code id}; null if none. */
    private static float[] interiorBounds(org.luxnet.scene.compiled.CompiledScene.Builder b, int id) {
        float[] box = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        boolean found = false;
        int stride = org.luxnet.scene.compiled.MaterialLayout.STRIDE;
        for (int t = 0; t < b.worldTriangleCount; t++) {
            if (interiorIs(b, b.triMaterial[t], id, stride)) {
                found = true;
                for (int k = 0; k < 3; k++) {
                    for (int c = 0; c < 3; c++) {
                        float p = b.triGeom[9 * t + c] + (k == 0 ? 0 : b.triGeom[9 * t + 3 * k + c]);
                        box[c] = Math.min(box[c], p);
                        box[3 + c] = Math.max(box[3 + c], p);
                    }
                }
            }
        }
        for (int sp = 0; sp < b.sphereCount; sp++) {
            if (interiorIs(b, b.sphereMaterial[sp], id, stride)) {
                found = true;
                float rad = b.sphereGeom[4 * sp + 3];
                for (int c = 0; c < 3; c++) {
                    box[c] = Math.min(box[c], b.sphereGeom[4 * sp + c] - rad);
                    box[3 + c] = Math.max(box[3 + c], b.sphereGeom[4 * sp + c] + rad);
                }
            }
        }
        return found ? box : null;
    }

    private static boolean interiorIs(org.luxnet.scene.compiled.CompiledScene.Builder b, int mat, int id, int stride) {
        int row = mat * stride;
        return mat >= 0 && row + stride <= b.matParams.length
                && b.matParams[row + org.luxnet.scene.compiled.MaterialLayout.VOL_MEDIA] != 0
                && (int) b.matParams[row + org.luxnet.scene.compiled.MaterialLayout.VOL_IN] == id;
    }
}
