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
    /**
     * pbrt-v3 "uber": diffuse, rough dielectric reflection, specular reflection and transmission, and a
     * pass-through for opacity below 1 (materials/uber.cpp). Slots: KD, KS, KT, ETA, ALPHA_U/V, REMAP,
     * {@link #UBER_KR}, {@link #UBER_OPACITY}.
     */
    public static final int UBER = 9;
    /**
     * pbrt-v3 "translucent": diffuse and rough dielectric lobes, each reflected and transmitted
     * (materials/translucent.cpp). Slots: KD, KS, ETA (1.5), ALPHA_U/V, REMAP, {@link
     * #TRANSLUCENT_REFLECT}, {@link #TRANSLUCENT_TRANSMIT}.
     */
    public static final int TRANSLUCENT = 10;
    /** pbrt-v3 rough "glass": microfacet dielectric reflection (Kr at KS) and transmission (Kt at KT). */
    public static final int ROUGH_GLASS = 11;
    /**
     * pbrt-v3 "mix": a per-hit choice between two materials (indices in {@link #MIX_FIRST}, {@link
     * #MIX_SECOND}); {@link #MIX_AMOUNT} weights the first, 1 - amount the second (mixmaterial.cpp).
     */
    public static final int MIX = 12;
    /**
     * pbrt-v3 "disney" (materials/disney.cpp, DisneyMaterial::ComputeScatteringFunctions): Disney diffuse,
     * fake subsurface, retro-reflection, sheen, a Trowbridge-Reitz reflection with the Disney Fresnel,
     * GTR1 clearcoat, microfacet transmission and, when thin, Lambertian transmission; the DS_ slots. Its
     * lobes are derived from the (possibly textured) parameters per hit in the kernel (DisneyKernel).
     */
    public static final int DISNEY = 13;
    /**
     * pbrt-v3 "hair" (materials/hair.cpp, HairMaterial and HairBSDF: Chiang et al. 2016's fibre model with
     * pMax = 3): the HR_ slots, each texturable; built per hit in the kernel (HairKernel), with the offset
     * across the fibre h = -1 + 2 v from the hit's surface v. ALPHA_U 1 and ALPHA_V 0 make the path tracer
     * build the shading frame along dp/du, the fibre's axis (HairBSDF's local x).
     */
    public static final int HAIR = 14;
    /**
     * pbrt-v3 "fourier" (materials/fourier.cpp, FourierBSDF: a tabulated BSDF read from a .bsdf file): the
     * table is in {@link CompiledScene#fourierData} and {@link CompiledScene#fourierInfo}, from the
     * fourierInfo offset in {@link #FR_TABLE}; evaluated and sampled per hit by FourierKernel.
     */
    public static final int FOURIER = 15;
    /** Fourier: the table's first entry in {@link CompiledScene#fourierInfo} (an integer below 2^24). */
    public static final int FR_TABLE = 0;

    // LuxRender 1.x materials (types 16..29; see LuxMaterialKernel and LuxMaterials).
    /** LuxRender "carpaint": three Schlick microfacet lobes over an absorbing Lambertian base (carpaint.cpp). */
    public static final int CARPAINT = 16;
    /** LuxRender "glossy": a Schlick coating over a Lambertian base, with Ka/d absorption and multibounce (glossy2.cpp). */
    public static final int LUX_GLOSSY = 17;
    /** LuxRender "shinymetal": a Schlick microfacet lobe and a specular mirror, conductor Fresnel from Ks/Kr (shinymetal.cpp). */
    public static final int SHINYMETAL = 18;
    /** LuxRender "velvet": Koenderink-Pont asperity scattering (velvet.cpp, asperity.cpp). */
    public static final int VELVET = 19;
    /** LuxRender "roughglass": Schlick microfacet reflection and transmission, Cauchy index (roughglass.cpp). */
    public static final int ROUGHGLASS = 20;
    /** LuxRender "metal2": a Schlick microfacet conductor with eta/k from its fresnel texture (metal2.cpp). */
    public static final int METAL2 = 21;
    /** LuxRender "glossy_lossy": FresnelBlend with a Schlick distribution and Ka/d absorption (glossy.cpp); LUX_GLOSSY's slots. */
    public static final int GLOSSY_LOSSY = 22;
    /** LuxRender "glossytranslucent": a two-sided Schlick BRDF and a diffuse Schlick BTDF (glossytranslucent.cpp); LUX_GLOSSY's slots and GT_KT. */
    public static final int GLOSSY_TRANSLUCENT = 23;
    /**
     * LuxRender "scatter": SchlickScatter (schlickscatter.cpp), a Schlick phase function of asymmetry g
     * (per channel) and albedo Kd at the surface, scattering to the whole sphere (scattermaterial.cpp).
     */
    public static final int SCATTER = 24;
    /**
     * LuxRender "doubleside" (materials/doubleside.cpp, DoubleSideBSDF): the material in {@link #DBL_FRONT}
     * where the ray arrives on the geometric normal's side, else the one in {@link #DBL_BACK}; resolved per
     * hit like a mix (LobeKernel.resolveMix), by the side alone.
     */
    public static final int DOUBLESIDE = 25;
    /**
     * LuxRender "cloth" (materials/cloth.cpp, core/reflection/bxdf/irawan.cpp: Irawan and Marschner's woven
     * cloth, ported from Mitsuba): per hit, the yarn under the surface (u, v) in its preset's weave pattern
     * picks warp_Kd/warp_Ks or weft_Kd/weft_Ks, a Lambertian plus the Irawan specular term (ClothKernel,
     * IrawanKernel). The CL_ slots; the pattern table lies in the texel pool (CompiledScene#texTexels).
     * ALPHA_U 1 and ALPHA_V 0 make the path tracer build the shading frame along dp/du, as LuxRender's
     * BSDF does (the weave's warp runs along the frame's y).
     */
    public static final int CLOTH = 26;
    /** Last LuxRender type whose BSDF {@code LuxMaterialKernel} evaluates (CARPAINT..this, and CLOTH). */
    public static final int LUX_LAST_BSDF = SCATTER;
    /** LuxRender glass with cauchyb: smooth glass refracting each path with one of R, G, B's Cauchy index (glass.cpp). */
    public static final int DISPERSIVE_GLASS = 28;

    // Carpaint slots (colours 3 floats, the rest 1); 10..14 are left free so no float sits on ALPHA_U/ALPHA_V.
    public static final int CP_KD = 0, CP_KA = 3, CP_KS1 = 6, CP_D = 9, CP_KS2 = 15, CP_KS3 = 18;
    public static final int CP_R1 = 21, CP_M1 = 24;
    // LuxRender glossy slots: Kd, Ks, Ka, depth d, roughness u and v on ALPHA_U/ALPHA_V, multibounce 0/1.
    public static final int LG_KD = 0, LG_KS = 3, LG_KA = 6, LG_D = 9, LG_U = 10, LG_V = 11, LG_MULTIBOUNCE = 15;
    /** Glossytranslucent's transmission colour Kt (3 floats); its other slots are LuxRender glossy's. */
    public static final int GT_KT = 16;
    // Shinymetal slots: Kr (specular), Ks (glossy), roughness u and v.
    public static final int SM_KR = 0, SM_KS = 3, SM_U = 10, SM_V = 11;
    // Velvet slots: Kd, the phase function's Legendre coefficients p1..p3, thickness.
    public static final int VV_KD = 0, VV_P1 = 3, VV_P2 = 4, VV_P3 = 5, VV_THICKNESS = 6;
    // Roughglass slots: Kr, Kt, index, Cauchy B (in um^2), roughness u and v.
    public static final int RG_KR = 0, RG_KT = 3, RG_INDEX = 6, RG_CAUCHYB = 7, RG_U = 10, RG_V = 11;
    // Metal2 slots: eta and k per channel, roughness u and v.
    public static final int M2_ETA = 0, M2_K = 3, M2_U = 10, M2_V = 11;
    // Dispersive glass: the GLASS slots (Kr at KS, Kt at KT, index at ETA) and the Cauchy B coefficient in um^2;
    // the index at wavelength l is (ETA + DG_CAUCHYB / l^2) / (DG_EXT_A + DG_EXT_B / l^2): glass.cpp's exterior
    // is 1 (DG_EXT_A 1, DG_EXT_B 0), glass2.cpp's is its Exterior volume's Cauchy form.
    public static final int DG_CAUCHYB = 12, DG_EXT_A = 13, DG_EXT_B = 14;
    // glass2's and null's media (GLASS, ARCH_GLASS, DISPERSIVE_GLASS, NULL rows): the index in the media table
    // (CompiledScene#mediaParams, MediumLayout; 0 vacuum) of the medium inside (the Interior volume, pbrt-v3's
    // "inside" medium) and outside (the Exterior, "outside"), and VOL_MEDIA 1 when a path crossing the surface
    // takes the medium of the side it goes to (PathTraceKernel), 0 for the other glasses.
    public static final int VOL_IN = 15, VOL_EX = 16, VOL_MEDIA = 21;
    /**
     * Mattetranslucent (Kr at KD, Kt at KT, Oren-Nayar at ON_A/ON_B): 1 when "energyconserving" makes the
     * transmission Kt (1 - Kr), 0 for Kt as given.
     */
    public static final int MT_ENERGY = 15;
    // Cloth slots: the four colours (each texturable), repeat_u/v, Cloth's specularNormalization, and the index of
    // the preset's pattern table in the texel pool as two floats (hi * 4096 + lo: a float holds integers to 2^24).
    public static final int CL_WARP_KD = 0, CL_WARP_KS = 3, CL_WEFT_KD = 6, CL_WEFT_KS = 15, CL_REPEAT_U = 18,
            CL_REPEAT_V = 19, CL_SPEC_NORM = 20, CL_TABLE_HI = 22, CL_TABLE_LO = 23;
    // A cloth pattern table (LuxRender's WeavePattern, angles in radians), from its index in the texel pool: the
    // header, the tile's cells (1-based yarn numbers, row 0 first as cloth.cpp lists them) from CLT_CELLS, then the
    // yarns from the header's CLT_YARNS (relative), CLY_STRIDE floats each.
    public static final int CLT_TILE_W = 0, CLT_TILE_H = 1, CLT_ALPHA = 2, CLT_BETA = 3, CLT_SS = 4, CLT_HWIDTH = 5,
            CLT_WARP_AREA = 6, CLT_WEFT_AREA = 7, CLT_FINENESS = 8, CLT_PERIOD = 9, CLT_DWARP_DWARP = 10,
            CLT_DWARP_DWEFT = 11, CLT_DWEFT_DWARP = 12, CLT_DWEFT_DWEFT = 13, CLT_YARNS = 14, CLT_CELLS = 16;
    /** A yarn: 1 for a Weft (else Warp), psi, umax, kappa, width, length, centerU, centerV, colour index (0 warp_). */
    public static final int CLY_WEFT = 0, CLY_PSI = 1, CLY_UMAX = 2, CLY_KAPPA = 3, CLY_WIDTH = 4, CLY_LENGTH = 5,
            CLY_CENTER_U = 6, CLY_CENTER_V = 7, CLY_INDEX = 8, CLY_STRIDE = 9;
    // Scatter slots: the albedo Kd and the asymmetry g per channel (clamped to [-1, 1] where used).
    public static final int SC_KD = 0, SC_G = 3;

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
    /** Uber: specular reflectance Kr, 3 floats. */
    public static final int UBER_KR = 15;
    /** Uber: opacity, 3 floats; 1 - opacity passes straight through. */
    public static final int UBER_OPACITY = 18;
    /** Translucent: the "reflect" colour, 3 floats. */
    public static final int TRANSLUCENT_REFLECT = 15;
    /** Translucent: the "transmit" colour, 3 floats. */
    public static final int TRANSLUCENT_TRANSMIT = 18;
    /** Mix: the amount, 3 floats (rgb; a float amount is grey). */
    public static final int MIX_AMOUNT = 0;
    /** Mix: index of the material weighted by the amount, as a float. */
    public static final int MIX_FIRST = 3;
    /** Mix: index of the material weighted by 1 - amount, as a float. */
    public static final int MIX_SECOND = 4;
    // Disney slots (pbrt-v3 parameter names), each texturable; 10..14 stay free so that no float sits on ALPHA_U,
    // ALPHA_V or REMAP, which hold the untextured alphas only to tell the kernel whether to build an anisotropic frame.
    /** Disney "color", 3 floats. */
    public static final int DS_COLOR = 0;
    public static final int DS_METALLIC = 3, DS_ETA = 4, DS_ROUGHNESS = 5, DS_SPECULAR_TINT = 6, DS_ANISOTROPIC = 7,
            DS_SHEEN = 8, DS_SHEEN_TINT = 9, DS_CLEARCOAT = 15, DS_CLEARCOAT_GLOSS = 16, DS_SPECTRANS = 17,
            DS_FLATNESS = 18, DS_DIFFTRANS = 19;
    /** Disney "thin": 1 for the thin-surface BSDF, else 0. */
    public static final int DS_THIN = 20;
    // Hair slots (pbrt-v3 parameter names), each texturable; 10..14 stay free (ALPHA_U/ALPHA_V build the frame).
    /** Hair "sigma_a" (3 floats), used when {@link #HR_MODE} is {@link #HAIR_SIGMA_A}. */
    public static final int HR_SIGMA_A = 0;
    /** Hair "color" (3 floats), used when {@link #HR_MODE} is {@link #HAIR_COLOR}. */
    public static final int HR_COLOR = 3;
    /** Hair "eumelanin", "pheomelanin", "eta", "beta_m", "beta_n", "alpha" (degrees). */
    public static final int HR_EUMELANIN = 6, HR_PHEOMELANIN = 7, HR_ETA = 8, HR_BETA_M = 9, HR_BETA_N = 15,
            HR_ALPHA = 16;
    /** Which parameter gives sigma_a (hair.cpp's precedence): one of the HAIR_ modes below. */
    public static final int HR_MODE = 17;
    /** sigma_a directly, from "color" (SigmaAFromReflectance), from the melanins (SigmaAFromConcentration). */
    public static final int HAIR_SIGMA_A = 0, HAIR_COLOR = 1, HAIR_MELANIN = 2;
    /** Doubleside: the front and the back material's indices, as floats (MIX_FIRST's and MIX_SECOND's slots). */
    public static final int DBL_FRONT = 3, DBL_BACK = 4;
    /** Doubleside: 1 where the front (back) material sees the surface with its normals flipped, else 0. */
    public static final int DBL_FLIP_FRONT = 5, DBL_FLIP_BACK = 6;
    /** Mixes (and doublesides) a chain of mix materials may nest (the kernel follows them in a bounded loop). */
    public static final int MAX_MIX_DEPTH = 8;

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
            case CARPAINT: return "carpaint";
            case LUX_GLOSSY: return "glossy (LuxRender)";
            case SHINYMETAL: return "shinymetal";
            case VELVET: return "velvet";
            case ROUGHGLASS: return "roughglass";
            case METAL2: return "metal2";
            case GLOSSY_LOSSY: return "glossy_lossy";
            case GLOSSY_TRANSLUCENT: return "glossytranslucent";
            case SCATTER: return "scatter";
            case DOUBLESIDE: return "doubleside";
            case CLOTH: return "cloth";
            case DISPERSIVE_GLASS: return "glass (dispersive)";
            case UBER: return "uber";
            case TRANSLUCENT: return "translucent";
            case ROUGH_GLASS: return "glass (rough)";
            case MIX: return "mix";
            case DISNEY: return "disney";
            case HAIR: return "hair";
            case FOURIER: return "fourier";
            default: return "unknown(" + type + ")";
        }
    }
}
