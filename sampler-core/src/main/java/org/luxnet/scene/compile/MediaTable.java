package org.luxnet.scene.compile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.PbrtMediumPresets;
import org.luxnet.scene.desc.VolumeDesc;
import org.luxnet.scene.compiled.MediumLayout;

/**
 * The media table ({@link MediumLayout}): one row per volume or medium that a glass2 or null surface,
 * or the camera, refers to, in the order first asked for; row 0 is vacuum, and a volume that neither
 * absorbs nor scatters is vacuum too. When media are not rendered (pbrt-v3's "path" integrator) every
 * volume is vacuum and {@link #ignored} says whether any was asked for.
 */
final class MediaTable {
    private final boolean enabled;
    private final List<SceneWarning> warnings;
    private final IdentityHashMap<VolumeDesc, Integer> ids = new IdentityHashMap<>();
    private final List<float[]> rows = new ArrayList<>();
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
            }
            ids.put(v, id);
        }
        return id;
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

    private float[] row(VolumeDesc v) {
        float[] r = new float[MediumLayout.STRIDE];
        if (v.dialect() == Dialect.PBRT) {
            if (v.type().equals("homogeneous")) {
                pbrtHomogeneous(v, r);
            }
            return r;
        }
        float[] a = constant(v, v.absorptionParam());
        for (int c = 0; c < 3; c++) {
            r[MediumLayout.SIGMA_A + c] = Math.max(0, a[c]);
        }
        if (v.type().equals("homogeneous")) {
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

    private static void scatters(float[] r) {
        boolean any = false;
        for (int c = 0; c < 3; c++) {
            any |= r[MediumLayout.SIGMA_S + c] > 0;
        }
        r[MediumLayout.SCATTERS] = any ? 1 : 0;
    }

    /** A colour parameter of a volume, 0 when absent; a texture warns and gives 0 (textures are not evaluated in volumes). */
    private float[] constant(VolumeDesc v, String name) {
        Param p = v.params().get(name);
        if (p != null && p.type() == ParamType.TEXTURE) {
            warnings.add(new SceneWarning(p.loc(), "volume \"" + v.name() + "\": a textured \"" + name
                    + "\" is not supported; 0 is used"));
            return new float[3];
        }
        return v.params().getRgb(name, new float[] {0, 0, 0});
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
}
