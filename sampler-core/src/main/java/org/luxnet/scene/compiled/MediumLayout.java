package org.luxnet.scene.compiled;

/**
 * Layout of one homogeneous medium in {@link CompiledScene#mediaParams}: {@link #STRIDE} floats per
 * medium, medium 0 being vacuum (all zeros). Paths, shadow rays and the camera refer to media by
 * their index; glass2 and null surfaces name the media on their two sides in the {@link
 * MaterialLayout#VOL_IN}/{@link MaterialLayout#VOL_EX} slots of their material row.
 */
public final class MediumLayout {
    private MediumLayout() {
    }

    /** Floats per medium. */
    public static final int STRIDE = 12;
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

    /** pbrt-v3's HenyeyGreenstein (core/medium.cpp). */
    public static final int HENYEY_GREENSTEIN = 0;
    /** LuxRender's SchlickScatter (volumes scatter through VolumeScatterMaterial, materials/scattermaterial.cpp). */
    public static final int SCHLICK = 1;
}
