package org.luxnet.scene.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.MaterialDesc;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.VolumeDesc;
import org.luxnet.scene.compiled.MediumLayout;

/**
 * Named volumes and media. LuxRender: {@code MakeNamedVolume "name" "clear"|"homogeneous"|"heterogeneous"
 * ...}, and {@code Interior "name"} / {@code Exterior "name"}, which set the volumes inside and outside
 * the shapes that follow (graphics state, restored by AttributeEnd; "" sets none), and {@code
 * VolumeIntegrator}. A volume's "fresnel" (a float, default 1.5, or a fresnel texture) gives glass2 its
 * index of refraction, the interior's over the exterior's (materials/glass2.cpp); a clear volume's
 * "absorption" and a homogeneous one's "sigma_a", "sigma_s" and "g" make its row of the media table
 * (MediumKernel renders absorption and scattering); a heterogeneous volume's "sigma_a" and "sigma_s"
 * (colour textures, such as a scale of a densitygrid, textures/densitygrid.h), "g" and "stepsize"
 * (volumes/heterogeneous.h, which ray-marches them) are baked into a grid by the compiler
 * (LuxVolumeGrids) and tracked exactly. pbrt-v3:
 * {@code MakeNamedMedium} ("homogeneous", and "heterogeneous": grid media, which MediumKernel tracks)
 * and {@code MediumInterface "inside" "outside"}, kept in the same graphics state. A path changes medium only where it is transmitted through a glass2 (pbrt:
 * glass) surface or passes a null (pbrt: "", "none", "interface") one (LuxRender: through any shape with
 * volumes), and starts in the camera's (the Exterior, or pbrt's outside medium, in effect at the Camera
 * statement); shapes of other materials with an absorbing or scattering volume warn once.
 */
final class VolumeStatements {
    private VolumeStatements() {
    }

    static void register(Map<String, StatementHandler> table) {
        table.put("MakeNamedVolume", VolumeStatements::makeNamedVolume);
        table.put("Interior", (st, kw) -> st.gs.interior = lookup(st, kw));
        table.put("Exterior", (st, kw) -> st.gs.exterior = lookup(st, kw));
        table.put("VolumeIntegrator", VolumeStatements::volumeIntegrator);
        table.put("MakeNamedMedium", VolumeStatements::makeNamedMedium);
        table.put("MediumInterface", VolumeStatements::mediumInterface);
    }

    /**
     * LuxRender's {@code VolumeIntegrator}: LuxNet's paths scatter in homogeneous volumes as the path
     * integrator does with "multi" (integrators/multi.cpp MultiScattering::Intersect hands it the
     * volume's scattering point as a path vertex), LuxBlend's default. With "emission"
     * (integrators/emission.cpp EmissionIntegrator::Intersect: a surface hit only, L *= Exp(-Tau)) paths
     * never scatter in volumes and are attenuated by sigma_a + sigma_s: the compiler folds scattering into
     * absorption. Any other is rendered as "multi", with a warning.
     */
    private static void volumeIntegrator(ParseState st, Token kw) {
        st.dialect.luxRender();
        String type = StatementArgs.string(st.tokens(), kw, "the volume integrator type");
        ParamSet ps = ParamReader.read(st);
        ps.get("stepsize");
        st.volumeIntegrator = type;
        if (!type.equals("multi") && !type.equals("emission")) {
            st.warn(kw.loc(), "VolumeIntegrator \"" + type + "\" is not supported: volumes are rendered as with \"multi\""
                    + " (paths scatter in homogeneous volumes)");
        }
        for (SceneWarning w : ps.unused("VolumeIntegrator \"" + type + "\"")) {
            st.warn(w.loc(), w.message());
        }
    }

    /**
     * pbrt-v3's {@code MakeNamedMedium "name" "string type" "homogeneous" ...} (core/api.cpp
     * MakeMedium): "rgb sigma_a" (0.0011 0.0024 0.014), "rgb sigma_s" (2.55 3.21 3.77), "float scale"
     * (1), "float g" (0), "string preset" (core/medium.cpp GetMediumScatteringProperties; an unknown
     * one warns and keeps the defaults). Type "heterogeneous" (media/grid.h GridDensityMedium) adds
     * "float density" (nx * ny * nz values, required), "integer nx", "ny", "nz" (1) and "point p0" (0 0
     * 0), "p1" (1 1 1), the grid's box in the medium's space, which the CTM here takes to world space
     * (kept with the medium). Sizes below 1 are an error at their parameter, a density count other than
     * nx * ny * nz at "density", a grid of more than {@link MediumLayout#MAX_GRID_VALUES} values at the
     * largest size, p1 equal to p0 in a coordinate at "p1"; sigma_a + sigma_s not the same in every
     * channel warns (pbrt-v3 says so and uses the first channel's). Other types warn and are left out
     * (vacuum).
     */
    private static void makeNamedMedium(ParseState st, Token kw) {
        st.dialect.pbrt();
        String name = StatementArgs.string(st.tokens(), kw, "the medium's name");
        ParamSet ps = ParamReader.read(st);
        String type = ps.getString("type", "");
        org.luxnet.scene.desc.Transform transform = org.luxnet.scene.desc.Transform.IDENTITY;
        if (type.equals("homogeneous") || type.equals("heterogeneous")) {
            String preset = ps.getString("preset", "");
            if (!preset.isEmpty() && org.luxnet.scene.desc.PbrtMediumPresets.find(preset) == null) {
                st.warn(ps.get("preset").loc(), "MakeNamedMedium \"" + name + "\": preset \"" + preset
                        + "\" is not known; the default sigma_a and sigma_s are used (as pbrt-v3 does)");
            }
            for (String p : new String[] {"sigma_a", "sigma_s", "scale", "g"}) {
                ps.get(p);
            }
            if (type.equals("heterogeneous")) {
                checkGrid(st, kw, name, ps);
                transform = st.ctm(kw);
                if (!transform.isInvertible()) {
                    throw new SceneException(kw.loc(), "MakeNamedMedium \"" + name + "\": the current transform"
                            + " cannot be inverted, so the grid cannot be placed");
                }
            }
        } else {
            st.warn(kw.loc(), "MakeNamedMedium \"" + name + "\": medium type \"" + type + "\" is not supported"
                    + " (LuxNet renders \"homogeneous\" and \"heterogeneous\" media); shapes and the camera in it"
                    + " are in vacuum");
            for (Param p : ps.all()) {
                ps.get(p.name());
            }
        }
        for (SceneWarning w : ps.unused("MakeNamedMedium \"" + type + "\"")) {
            st.warn(w.loc(), w.message());
        }
        st.volumes.put(name, new VolumeDesc(name, type, ps, kw.loc(), org.luxnet.scene.desc.Dialect.PBRT, transform));
    }

    /** The checks of a grid medium's parameters (see {@link #makeNamedMedium}). */
    private static void checkGrid(ParseState st, Token kw, String name, ParamSet ps) {
        String what = "MakeNamedMedium \"" + name + "\": ";
        long count = 1;
        Param largest = null;
        int largestSize = 0;
        for (String axis : new String[] {"nx", "ny", "nz"}) {
            int n = ps.getInt(axis, 1);
            Param p = ps.get(axis);
            if (n < 1) {
                throw new SceneException(p.loc(), what + "\"" + axis + "\" is " + n + "; a grid has at least 1 sample"
                        + " along each axis");
            }
            if (p != null && n > largestSize) {
                largest = p;
                largestSize = n;
            }
            count *= n;
        }
        Param density = ps.get("density");
        if (count > MediumLayout.MAX_GRID_VALUES) {
            throw new SceneException(largest.loc(), what + "a grid of nx * ny * nz = " + count + " values is more"
                    + " than the " + MediumLayout.MAX_GRID_VALUES + " (512^3) LuxNet keeps in memory");
        }
        if (density == null) {
            throw new SceneException(kw.loc(), what + "a \"heterogeneous\" medium needs \"float density\" values"
                    + " (nx * ny * nz = " + count + " of them)");
        }
        float[] d = ps.getFloats("density");
        if (d.length != count) {
            throw new SceneException(density.loc(), what + "\"density\" has " + d.length + " values; nx * ny * nz = "
                    + count);
        }
        float[] p0 = ps.getPoint("p0", new float[] {0, 0, 0});
        float[] p1 = ps.getPoint("p1", new float[] {1, 1, 1});
        for (int c = 0; c < 3; c++) {
            if (!(p1[c] != p0[c]) || !Float.isFinite(p1[c] - p0[c])) {
                Param at = ps.get("p1") != null ? ps.get("p1") : ps.get("p0");
                throw new SceneException(at.loc(), what + "the grid's box from p0 to p1 is flat (or not finite) in"
                        + " coordinate " + "xyz".charAt(c));
            }
        }
        float[] sa = ps.getRgb("sigma_a", new float[] {0.0011f, 0.0024f, 0.014f});
        float[] ss = ps.getRgb("sigma_s", new float[] {2.55f, 3.21f, 3.77f});
        float[][] preset = org.luxnet.scene.desc.PbrtMediumPresets.find(ps.getString("preset", ""));
        if (preset != null) {
            sa = ps.getRgb("sigma_a", preset[0]);
            ss = ps.getRgb("sigma_s", preset[1]);
        }
        float t0 = sa[0] + ss[0];
        if (t0 != sa[1] + ss[1] || t0 != sa[2] + ss[2]) {
            st.warn(kw.loc(), what + "sigma_a + sigma_s (" + t0 + ", " + (sa[1] + ss[1]) + ", " + (sa[2] + ss[2])
                    + ") differs between channels; a \"heterogeneous\" medium needs one extinction, and the first"
                    + " channel's is used for all (as pbrt-v3 does)");
        }
    }

    /**
     * pbrt-v3's {@code MediumInterface "inside" "outside"} (one name: both sides): graphics state for
     * the shapes that follow, and the camera's medium is the "outside" one in effect at its Camera
     * statement. "" is vacuum; a name no MakeNamedMedium made before is an error.
     */
    private static void mediumInterface(ParseState st, Token kw) {
        st.dialect.pbrt();
        Token first = st.tokens().peek();
        String inside = StatementArgs.string(st.tokens(), kw, "the inside medium's name");
        Token second = st.tokens().peek();
        String outside = inside;
        if (second.is(Token.Kind.STRING)) {
            outside = StatementArgs.string(st.tokens(), kw, "the outside medium's name");
        } else {
            second = first;
        }
        st.gs.interior = medium(st, kw, first, inside);
        st.gs.exterior = medium(st, kw, second, outside);
    }

    private static VolumeDesc medium(ParseState st, Token kw, Token at, String name) {
        if (name.isEmpty()) {
            return null;
        }
        VolumeDesc v = st.volumes.get(name);
        if (v == null) {
            List<String> known = new ArrayList<>(st.volumes.keySet());
            Collections.sort(known);
            throw new SceneException(at.loc(), kw.text() + " \"" + name + "\" names no medium made by MakeNamedMedium"
                    + " before it" + (known.isEmpty() ? "" : " (made: \"" + String.join("\", \"", known) + "\")"));
        }
        return v;
    }

    private static void makeNamedVolume(ParseState st, Token kw) {
        st.dialect.luxRender();
        String name = StatementArgs.string(st.tokens(), kw, "the volume's name");
        String type = StatementArgs.string(st.tokens(), kw, "the volume type (\"clear\", \"homogeneous\", ...)");
        ParamSet ps = ParamReader.read(st);
        VolumeDesc v = new VolumeDesc(name, type, ps, kw.loc());
        switch (type) {
            case "clear" -> ps.get("absorption");
            case "homogeneous" -> {
                // volumes/homogeneous.h: sigma_a, sigma_s and g (colours, texturable; the compiler reads constants).
                for (String p : new String[] {"sigma_a", "sigma_s", "g"}) {
                    ps.get(p);
                }
            }
            case "heterogeneous" -> {
                // volumes/heterogeneous.h: sigma_a, sigma_s (colour textures evaluated in space), g, stepsize;
                // the compiler bakes them into a grid (LuxVolumeGrids). It has no emission (Lve is 0) and no "density".
                for (String p : new String[] {"sigma_a", "sigma_s", "g", "stepsize"}) {
                    ps.get(p);
                }
            }
            default -> st.warn(kw.loc(), "MakeNamedVolume type \"" + type + "\" is not known (LuxRender has clear,"
                    + " homogeneous, heterogeneous); only its \"fresnel\" (default 1.5) is used, as glass2's index");
        }
        ps.get("fresnel");
        for (String p : new String[] {"p0", "p1", "nx", "ny", "nz", "stepsize"}) {
            ps.get(p);
        }
        for (SceneWarning w : ps.unused("MakeNamedVolume \"" + type + "\"")) {
            st.warn(w.loc(), w.message());
        }
        st.volumes.put(name, v);
    }

    /** A colour parameter other than black (a texture counts as not black). */
    private static boolean nonBlack(ParamSet ps, String name) {
        Param p = ps.get(name);
        if (p == null) {
            return false;
        }
        if (p.type() == ParamType.TEXTURE) {
            return true;
        }
        float[] c = ps.getRgb(name, new float[] {0, 0, 0});
        return c[0] != 0 || c[1] != 0 || c[2] != 0;
    }

    private static VolumeDesc lookup(ParseState st, Token kw) {
        st.dialect.luxRender();
        String name = StatementArgs.string(st.tokens(), kw, "the name of a volume");
        if (name.isEmpty()) {
            return null;
        }
        VolumeDesc v = st.volumes.get(name);
        if (v == null) {
            List<String> known = new ArrayList<>(st.volumes.keySet());
            Collections.sort(known);
            st.warn(kw.loc(), kw.text() + " \"" + name + "\" names no volume made by MakeNamedVolume before it"
                    + (known.isEmpty() ? "" : " (made: \"" + String.join("\", \"", known) + "\")") + "; none is used");
        }
        return v;
    }

    /**
     * The material a shape is given: a glass2, or a mix or layered material (whose components may be
     * glass2: the compiler passes the volumes on to them, as LuxRender passes the intersection's), with
     * the Interior and Exterior in effect (one description per combination, shared by the shapes that
     * have it); any other material as it is.
     */
    static MaterialDesc inVolumes(ParseState st, MaterialDesc m, Token kw) {
        boolean pbrtMedia = isPbrt(st.gs.interior) || isPbrt(st.gs.exterior);
        if (pbrtMedia && m != null && usesMedia(m.type())) {
            return st.materialsInVolumes.computeIfAbsent(Arrays.asList(m, st.gs.interior, st.gs.exterior),
                    k -> m.withVolumes(st.gs.interior, st.gs.exterior));
        }
        if (pbrtMedia && m != null && transmits(m.type()) && st.gs.interior != st.gs.exterior) {
            // Opaque shapes between two media reflect into the medium the path came from, as pbrt-v3's do.
            st.warnOnce(kw, "shapes of material \"" + m.type() + "\" between two media (MediumInterface): LuxNet"
                    + " changes a path's medium only across glass and medium-boundary (\"\", \"none\", \"interface\")"
                    + " surfaces, so light they transmit stays in the medium it came from");
        } else if (m != null && !usesVolumes(m.type()) && (absorbs(st.gs.interior) || absorbs(st.gs.exterior))) {
            st.warn(kw.loc(), "shapes of material \"" + m.type() + "\" with an absorbing or scattering Interior or"
                    + " Exterior volume:"
                    + " LuxNet changes a path's medium only across glass2 and null surfaces, so they do not");
        }
        if (m == null || !usesVolumes(m.type()) || (st.gs.interior == null && st.gs.exterior == null)) {
            return m;
        }
        return st.materialsInVolumes.computeIfAbsent(Arrays.asList(m, st.gs.interior, st.gs.exterior),
                k -> m.withVolumes(st.gs.interior, st.gs.exterior));
    }

    /** The material types whose BSDF may depend on the shape's volumes. */
    static boolean usesVolumes(String type) {
        return type.equals("glass2") || type.equals("null") || type.equals("mix") || type.equals("layered")
                || type.equals("glossycoating");
    }

    /**
     * pbrt-v3's: glass (refracting into the inside medium), the medium boundaries "", "none", "interface",
     * and the subsurface materials (their outside medium; the inside is their own, SubsurfaceMaterials).
     */
    static boolean usesMedia(String type) {
        return type.equals("glass") || type.isEmpty() || type.equals("none") || type.equals("interface")
                || type.equals("subsurface") || type.equals("kdsubsurface");
    }

    /** pbrt-v3 materials other than glass that can transmit light through a surface. */
    private static boolean transmits(String type) {
        return type.equals("translucent") || type.equals("mattetranslucent") || type.equals("uber")
                || type.equals("mix") || type.equals("fourier") || type.equals("hair");
    }

    private static boolean isPbrt(VolumeDesc v) {
        return v != null && v.dialect() == org.luxnet.scene.desc.Dialect.PBRT;
    }

    /** Whether LuxRender volume {@code v} absorbs or (homogeneous) scatters (a textured coefficient counts). */
    private static boolean absorbs(VolumeDesc v) {
        return v != null && v.dialect() == org.luxnet.scene.desc.Dialect.LUXRENDER && (v.type().equals("clear")
                ? nonBlackQuiet(v.params(), "absorption") : nonBlackQuiet(v.params(), "sigma_a")
                || (v.type().equals("homogeneous") || v.type().equals("heterogeneous"))
                && nonBlackQuiet(v.params(), "sigma_s"));
    }

    private static boolean nonBlackQuiet(ParamSet ps, String name) {
        for (Param p : ps.all()) {
            if (p.name().equals(name)) {
                return nonBlack(ps, name);
            }
        }
        return false;
    }
}
