package org.luxnet.scene.compiled;

/**
 * Layout of one medium in {@link CompiledScene#mediaParams}: {@link #STRIDE} floats per medium, medium
 * 0 being vacuum (all zeros). A medium is homogeneous ({@link #KIND} {@link #HOMOGENEOUS}) or a pbrt-v3
 * density grid ({@link #GRID}, media/grid.h GridDensityMedium), whose densities lie in {@link
 * CompiledScene#mediaGrids} from {@link #GRID_OFFSET_HI}/{@link #GRID_OFFSET_LO} on. Paths, shadow rays and the camera refer to media by
 * their index; glass2 and null surfaces name the media on their two sides in the {@link
 * MaterialLayout#VOL_IN}/{@link MaterialLayout#VOL_EX} slots of their material row.
 */
public final class MediumLayout {
    private MediumLayout() {
    }

    /** Floats per medium. */
    public static final int STRIDE = 32;
    /** Absorption per unit distance, RGB. */
    public static final int SIGMA_A = 0;
    /** Scattering per unit distance, RGB. */
    public static final int SIGMA_S = 3;
    /**
     * The phase function's parameter per channel: pbrt-v3's Henyey-Greenstein g (the same in all
     * three), or LuxRender's Schlick k = g (1.55 - 0.55 g^2) of its per-channel g.
     */
    public static final int PHASE_G = 6;
    /** Which phase function: {@link #HENYEY_GREENSTEIN} or {@link #SCHLICK}. */
    public static final int PHASE = 9;
    /** 1 when sigma_s is above 0 in some channel: paths sample scattering in it; 0: Beer's law only. */
    public static final int SCATTERS = 10;

    /** {@link #HOMOGENEOUS} or {@link #GRID}. */
    public static final int KIND = 11;
    /**
     * A grid's first value in {@link CompiledScene#mediaGrids}: HI * 4096 + LO (two floats, each exact,
     * since one float holds integers exactly only up to 2^24).
     */
    public static final int GRID_OFFSET_HI = 12, GRID_OFFSET_LO = 13;
    /** A grid's sample counts along x, y and z (pbrt-v3's "nx", "ny", "nz"). */
    public static final int GRID_NX = 14, GRID_NY = 15, GRID_NZ = 16;
    /**
     * A grid's majorant: 1 / (sigma_t max density), the mean free path of delta tracking's tentative
     * collisions (pbrt-v3 grid.h: invMaxDensity / sigma_t).
     */
    public static final int GRID_INV_MAJORANT = 17;
    /** 1 / max density (pbrt-v3 grid.h invMaxDensity). */
    public static final int GRID_INV_MAX_DENSITY = 18;
    /**
     * World to the grid's unit cube [0, 1]^3 (pbrt-v3: Inverse(medium2world * Translate(p0) * Scale(p1 -
     * p0))), 12 floats: the top three rows of the matrix, row-major.
     */
    public static final int GRID_XFORM = 19;

    /** {@link #KIND}: sigma_a and sigma_s constant. */
    public static final int HOMOGENEOUS = 0;
    /**
     * {@link #KIND}: pbrt-v3's GridDensityMedium: sigma_a and sigma_s (their sum the same in every
     * channel; sampled by the first channel's, as pbrt-v3 does) times the trilinearly interpolated density.
     */
    public static final int GRID = 1;
    /**
     * {@link #KIND}: a LuxRender "heterogeneous" volume baked into a grid (volumes/heterogeneous.h,
     * textures evaluated at cell centres by the compiler): per sample six values, sigma_a RGB then
     * sigma_s RGB, x fastest, sample (i, j, k) at ((i + 0.5) / nx, (j + 0.5) / ny, (k + 0.5) / nz) of the
     * box, trilinear between samples with the index clamped to the grid (the volume fills its box up to
     * the faces); {@link #GRID_INV_MAJORANT} is 1 / the largest sigma_a + sigma_s of any sample and
     * channel. Tracked per channel (MediumKernel#luxCollision); the row's SIGMA_A and SIGMA_S hold the
     * largest sample's values, which nothing renders with.
     */
    public static final int LUX_GRID = 2;
    /** Floats per sample of a {@link #LUX_GRID} grid. */
    public static final int LUX_GRID_VALUES = 6;
    /** Values one grid, and all grids of a scene together, may hold: 512^3 (512 MiB of floats). */
    public static final long MAX_GRID_VALUES = 512L * 512 * 512;

    /** pbrt-v3's HenyeyGreenstein (core/medium.cpp). */
    public static final int HENYEY_GREENSTEIN = 0;
    /** LuxRender's SchlickScatter (volumes scatter through VolumeScatterMaterial, materials/scattermaterial.cpp). */
    public static final int SCHLICK = 1;

    /**
     * 1 for the interior of a pbrt-v3 "subsurface" or "kdsubsurface" material (its own row, see
     * MediaTable#subsurface): the random walk's vertices inside it do not count toward maxdepth (pbrt-v3
     * counts a BSSRDF's whole walk as one bounce), up to {@link #MAX_SUBSURFACE_STEPS}, and its
     * scattering points send no shadow rays (the material's closed dielectric boundary blocks them).
     */
    public static final int SUBSURFACE = 31;
    /**
     * Vertices a path takes inside subsurface media without counting them toward maxdepth; beyond it they
     * count (a truncation that bounds the cost of a walk, reached only where the interior is thousands of
     * mean free paths across and barely absorbs).
     */
    public static final int MAX_SUBSURFACE_STEPS = 8192;
}
