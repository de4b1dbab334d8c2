package org.luxnet.render.bsdf;

/**
 * Result of evaluating or sampling a BSDF, reused per thread so the hot loop never allocates. All
 * directions are in the local shading frame (normal = +z).
 */
public final class BsdfSample {
    /** Sampled incident direction (unit). */
    public float wix, wiy, wiz;
    /**
     * After {@code sample}: the path throughput factor f * |cos(wi)| / pdf. After {@code eval}: the
     * BSDF value f itself.
     */
    public float r, g, b;
    /** Solid-angle density of wi (for specular lobes: the discrete probability of the chosen lobe). */
    public float pdf;
    /** The sampled lobe is a Dirac delta: no MIS, no light sampling makes sense for it. */
    public boolean specular;
    /** The sampled direction crosses the surface. */
    public boolean transmission;
    /**
     * For specular refraction: the ratio (eta_t / eta_i)^2 by which radiance scaling changed the
     * throughput, so Russian roulette can undo it; 1 otherwise.
     */
    public float etaScale;

    void set(float r, float g, float b, float pdf) {
        this.r = r;
        this.g = g;
        this.b = b;
        this.pdf = pdf;
    }

    void zero() {
        r = g = b = 0f;
        pdf = 0f;
        specular = false;
        transmission = false;
        etaScale = 1f;
    }
}
