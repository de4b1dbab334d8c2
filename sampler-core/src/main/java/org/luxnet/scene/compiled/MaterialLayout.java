package org.luxnet.scene.compiled;

/**
 * Material types and the layout of their parameters in {@link CompiledScene#matParams}: {@link
 * #STRIDE} floats per material, offsets named below. The CPU path tracer and the GPU kernel read
 * the same layout, so it is plain integers and floats.
 */
public final class MaterialLayout {
    private MaterialLayout() {
    }

    /** Floats per material (room for the layered LuxRender and pbrt materials: carpaint, uber). */
    public static final int STRIDE = 32;

    /** Invisible surface: rays pass straight through (LuxRender "null", pbrt "none"/""). */
    public static final int NULL = 0;
    /** Lambertian, or Oren-Nayar when sigma > 0 (LuxRender/pbrt "matte"). */
    public static final int MATTE = 1;
    /** Perfect specular reflector (LuxRender/pbrt "mirror"). */
    public static final int MIRROR = 2;
    /** Smooth dielectric with Fresnel reflection and refraction (LuxRender/pbrt "glass"). */
    public static final int GLASS = 3;
    /** Diffuse base under a glossy Schlick-Fresnel coat (Ashikhmin-Shirley; LuxRender "glossy", pbrt "substrate"). */
    public static final int GLOSSY = 4;
    /** Rough conductor, GGX microfacets with complex Fresnel (LuxRender/pbrt "metal"). */
    public static final int METAL = 5;
    /** Lambertian plus GGX dielectric specular lobe (pbrt "plastic"). */
    public static final int PLASTIC = 6;
    /** Lambertian reflection and diffuse transmission (LuxRender "mattetranslucent"). */
    public static final int MATTE_TRANSLUCENT = 7;
    /** Thin glass: Fresnel reflection, straight-through transmission (LuxRender glass "architectural"). */
    public static final int ARCH_GLASS = 8;

    // Offsets shared by several types.
    /** Diffuse colour (matte Kd, glossy Kd, plastic Kd, mattetranslucent Kr): 3 floats. */
    public static final int KD = 0;
    /** Specular reflectance (mirror/glass Kr, glossy Ks, plastic Ks): 3 floats. */
    public static final int KS = 3;
    /** Specular transmittance (glass Kt, mattetranslucent Kt): 3 floats. */
    public static final int KT = 6;
    /** Relative index of refraction (glass, plastic). */
    public static final int ETA = 9;
    /** Microfacet alpha along the tangent s (glossy, metal, plastic). */
    public static final int ALPHA_U = 10;
    /** Microfacet alpha along the tangent t. */
    public static final int ALPHA_V = 11;
    /** Oren-Nayar A term (matte); 1 for Lambertian. */
    public static final int ON_A = 12;
    /** Oren-Nayar B term (matte); 0 for Lambertian. */
    public static final int ON_B = 13;
    /** 1 when a textured roughness (ALPHA_U, ALPHA_V) is a perceptual roughness to remap to a GGX alpha. */
    public static final int REMAP = 14;
    /** Metal: real part of the index of refraction per channel (3 floats, reuses KD slot). */
    public static final int METAL_ETA = 0;
    /** Metal: imaginary part (absorption) per channel (3 floats, reuses KS slot). */
    public static final int METAL_K = 3;

    // Bump and normal mapping, for every material type (slots 27..29).
    /** Finite-difference step: pbrt-v3 du = dv in (u, v); LuxRender "bumpmapsampledistance" in world units. */
    public static final int BUMP_DELTA = 27;
    /** How {@link #BUMP}'s texture perturbs the shading normal: one of the BUMP_ modes. */
    public static final int BUMP_MODE = 28;
    /** The slot whose texture program is the bump height (a float) or the normal map (a colour). */
    public static final int BUMP = 29;
    /** Bump modes: none, pbrt-v3 Material::Bump, LuxRender Material::Bump, LuxRender normalmap texture. */
    public static final int BUMP_NONE = 0, BUMP_PBRT = 1, BUMP_LUX = 2, BUMP_NORMAL_MAP = 3;

    /** Name of a material type, for messages. */
    public static String name(int type) {
        switch (type) {
            case NULL: return "null";
            case MATTE: return "matte";
            case MIRROR: return "mirror";
            case GLASS: return "glass";
            case GLOSSY: return "glossy";
            case METAL: return "metal";
            case PLASTIC: return "plastic";
            case MATTE_TRANSLUCENT: return "mattetranslucent";
            case ARCH_GLASS: return "glass (architectural)";
            default: return "unknown(" + type + ")";
        }
    }
}
