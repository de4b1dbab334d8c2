package org.luxnet.scene.desc;

/**
 * Which scene language a file was written in. Both read the same; the dialect decides defaults that
 * differ between the two renderers (pbrt writes unscaled sRGB images, LuxRender tonemaps).
 */
public enum Dialect {
    /** LuxRender .lxs: SurfaceIntegrator, "color", Film "fleximage", AreaLightSource "area". */
    LUXRENDER,
    /** pbrt-v3: Integrator, "rgb", Film "image", AreaLightSource "diffuse". */
    PBRT
}
