package org.luxnet.scene.compile;

import static org.luxnet.scene.compiled.MaterialLayout.CP_D;
import static org.luxnet.scene.compiled.MaterialLayout.CP_KA;
import static org.luxnet.scene.compiled.MaterialLayout.CP_KD;
import static org.luxnet.scene.compiled.MaterialLayout.CP_KS1;
import static org.luxnet.scene.compiled.MaterialLayout.CP_KS2;
import static org.luxnet.scene.compiled.MaterialLayout.CP_KS3;
import static org.luxnet.scene.compiled.MaterialLayout.CP_M1;
import static org.luxnet.scene.compiled.MaterialLayout.CP_R1;
import static org.luxnet.scene.compiled.MaterialLayout.LG_D;
import static org.luxnet.scene.compiled.MaterialLayout.LG_KA;
import static org.luxnet.scene.compiled.MaterialLayout.LG_KD;
import static org.luxnet.scene.compiled.MaterialLayout.LG_KS;
import static org.luxnet.scene.compiled.MaterialLayout.LG_MULTIBOUNCE;
import static org.luxnet.scene.compiled.MaterialLayout.LG_U;
import static org.luxnet.scene.compiled.MaterialLayout.LG_V;
import static org.luxnet.scene.compiled.MaterialLayout.SM_KR;
import static org.luxnet.scene.compiled.MaterialLayout.SM_KS;
import static org.luxnet.scene.compiled.MaterialLayout.SM_U;
import static org.luxnet.scene.compiled.MaterialLayout.SM_V;
import static org.luxnet.scene.compiled.MaterialLayout.VV_KD;
import static org.luxnet.scene.compiled.MaterialLayout.VV_P1;
import static org.luxnet.scene.compiled.MaterialLayout.VV_P2;
import static org.luxnet.scene.compiled.MaterialLayout.VV_P3;
import static org.luxnet.scene.compiled.MaterialLayout.VV_THICKNESS;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.Param;
import java.util.TreeMap;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compile.MaterialCompiler.Slot;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.desc.MaterialDesc;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.TextureDesc;

/**
 * Compiles the LuxRender 1.x materials (carpaint, glossy, shinymetal, velvet) into the material
 * table, with LuxRender's parameter names and defaults as its materials/*.cpp CreateMaterial read
 * them. {@link MaterialCompiler} registers them; {@code LuxMaterialKernel} evaluates them.
 */
final class LuxMaterials {
    /** One carpaint preset of carpaint.h's carpaintdata table. */
    record CarPaintPreset(float[] kd, float[] ks1, float[] ks2, float[] ks3, float r1, float r2, float r3, float m1,
                          float m2, float m3) {
    }

    /** carpaint.h carpaintdata, copied exactly; "ford f8" is the default of every parameter. */
    static final Map<String, CarPaintPreset> CAR_PAINTS = Map.of(
            "ford f8", new CarPaintPreset(new float[] {0.0012f, 0.0015f, 0.0018f},
                    new float[] {0.0049f, 0.0076f, 0.0120f}, new float[] {0.0100f, 0.0130f, 0.0180f},
                    new float[] {0.0070f, 0.0065f, 0.0077f}, 0.1500f, 0.0870f, 0.9000f, 0.3200f, 0.1100f, 0.0130f),
            "polaris silber", new CarPaintPreset(new float[] {0.0550f, 0.0630f, 0.0710f},
                    new float[] {0.0650f, 0.0820f, 0.0880f}, new float[] {0.1100f, 0.1100f, 0.1300f},
                    new float[] {0.0080f, 0.0130f, 0.0150f}, 1.0000f, 0.9200f, 0.9000f, 0.3800f, 0.1700f, 0.0130f),
            "opel titan", new CarPaintPreset(new float[] {0.0110f, 0.0130f, 0.0150f},
                    new float[] {0.0570f, 0.0660f, 0.0780f}, new float[] {0.1100f, 0.1200f, 0.1300f},
                    new float[] {0.0095f, 0.0140f, 0.0160f}, 0.8500f, 0.8600f, 0.9000f, 0.3800f, 0.1700f, 0.0140f),
            "bmw339", new CarPaintPreset(new float[] {0.0120f, 0.0150f, 0.0160f},
                    new float[] {0.0620f, 0.0760f, 0.0800f}, new float[] {0.1100f, 0.1200f, 0.1200f},
                    new float[] {0.0083f, 0.0150f, 0.0160f}, 0.9200f, 0.8700f, 0.9000f, 0.3900f, 0.1700f, 0.0130f),
            "2k acrylack", new CarPaintPreset(new float[] {0.4200f, 0.3200f, 0.1000f},
                    new float[] {0.0000f, 0.0000f, 0.0000f}, new float[] {0.0280f, 0.0260f, 0.0060f},
                    new float[] {0.0170f, 0.0075f, 0.0041f}, 1.0000f, 0.9000f, 0.1700f, 0.8800f, 0.8000f, 0.0150f),
            "white", new CarPaintPreset(new float[] {0.6100f, 0.6300f, 0.5500f},
                    new float[] {2.6e-06f, 0.00031f, 3.1e-08f}, new float[] {0.0130f, 0.0110f, 0.0083f},
                    new float[] {0.0490f, 0.0420f, 0.0370f}, 0.0490f, 0.4500f, 0.1700f, 1.0000f, 0.1500f, 0.0150f),
            "blue", new CarPaintPreset(new float[] {0.0079f, 0.0230f, 0.1000f},
                    new float[] {0.0011f, 0.0015f, 0.0019f}, new float[] {0.0250f, 0.0300f, 0.0430f},
                    new float[] {0.0590f, 0.0740f, 0.0820f}, 1.0000f, 0.0940f, 0.1700f, 0.1500f, 0.0430f, 0.0200f),
            "blue matte", new CarPaintPreset(new float[] {0.0099f, 0.0360f, 0.1200f},
                    new float[] {0.0032f, 0.0045f, 0.0059f}, new float[] {0.1800f, 0.2300f, 0.2800f},
                    new float[] {0.0400f, 0.0490f, 0.0510f}, 1.0000f, 0.0460f, 0.1700f, 0.1600f, 0.0750f, 0.0340f));

    private static final Slot[] CAR_PAINT_SLOTS = {new Slot("Kd", CP_KD, 3), new Slot("Ka", CP_KA, 3),
        new Slot("Ks1", CP_KS1, 3), new Slot("Ks2", CP_KS2, 3), new Slot("Ks3", CP_KS3, 3), new Slot("d", CP_D, 1),
        new Slot("R1", CP_R1, 1), new Slot("R2", CP_R1 + 1, 1), new Slot("R3", CP_R1 + 2, 1),
        new Slot("M1", CP_M1, 1), new Slot("M2", CP_M1 + 1, 1), new Slot("M3", CP_M1 + 2, 1)};

    /** LuxRender glossy's and glossy_lossy's texturable parameters. */
    private static final Slot[] GLOSSY_SLOTS = {new Slot("Kd", LG_KD, 3), new Slot("Ks", LG_KS, 3),
        new Slot("Ka", LG_KA, 3), new Slot("d", LG_D, 1), new Slot("uroughness", LG_U, 1), new Slot("vroughness", LG_V, 1)};

    /** Texturable parameters of the LuxRender types (as MaterialCompiler's TEXTURABLE). */
    static final Map<Integer, Slot[]> TEXTURABLE = Map.of(
            MaterialLayout.CARPAINT, CAR_PAINT_SLOTS,
            MaterialLayout.LUX_GLOSSY, GLOSSY_SLOTS,
            MaterialLayout.GLOSSY_LOSSY, GLOSSY_SLOTS,
            MaterialLayout.GLOSSY_TRANSLUCENT, concat(GLOSSY_SLOTS, new Slot("Kt", MaterialLayout.GT_KT, 3)),
            MaterialLayout.SHINYMETAL, new Slot[] {new Slot("Kr", SM_KR, 3), new Slot("Ks", SM_KS, 3),
                new Slot("uroughness", SM_U, 1), new Slot("vroughness", SM_V, 1)},
            MaterialLayout.ROUGHGLASS, new Slot[] {new Slot("Kr", MaterialLayout.RG_KR, 3),
                new Slot("Kt", MaterialLayout.RG_KT, 3), new Slot("index", MaterialLayout.RG_INDEX, 1),
                new Slot("cauchyb", MaterialLayout.RG_CAUCHYB, 1), new Slot("uroughness", MaterialLayout.RG_U, 1),
                new Slot("vroughness", MaterialLayout.RG_V, 1)},
            MaterialLayout.METAL2, new Slot[] {new Slot("uroughness", MaterialLayout.M2_U, 1),
                new Slot("vroughness", MaterialLayout.M2_V, 1)},
            MaterialLayout.DISPERSIVE_GLASS, new Slot[] {new Slot("Kr", MaterialLayout.KS, 3),
                new Slot("Kt", MaterialLayout.KT, 3), new Slot("cauchyb", MaterialLayout.DG_CAUCHYB, 1)},
            MaterialLayout.SCATTER, new Slot[] {new Slot("Kd", MaterialLayout.SC_KD, 3), new Slot("g", MaterialLayout.SC_G, 3)},
            MaterialLayout.VELVET, new Slot[] {new Slot("Kd", VV_KD, 3), new Slot("p1", VV_P1, 1),
                new Slot("p2", VV_P2, 1), new Slot("p3", VV_P3, 1), new Slot("thickness", VV_THICKNESS, 1)});

    private final List<SceneWarning> warnings;
    private final Map<String, TextureDesc> textureDefs;

    LuxMaterials(List<SceneWarning> warnings, Map<String, TextureDesc> textureDefs, MediaTable media) {
        this.warnings = warnings;
        this.textureDefs = textureDefs;
        this.media = media;
    }

    /** The media table glass2 and null rows refer to. */
    private final MediaTable media;

    /** carpaint.cpp CarPaint::CreateMaterial: a named preset, else Kd, Ks1-3, R1-3, M1-3 (Ford F8 defaults); Ka, d always. */
    int carPaint(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        CarPaintPreset def = CAR_PAINTS.get("ford f8");
        String name = ps.getString("name", "");
        CarPaintPreset p = def;
        if (!name.isEmpty()) {
            p = CAR_PAINTS.get(name);
            if (p == null) {
                warnings.add(new SceneWarning(ps.get("name").loc(), "carpaint \"" + name + "\" is not a preset;"
                        + " \"ford f8\" used (presets: " + String.join(", ", new TreeMap<>(CAR_PAINTS).keySet()) + ")"));
                p = def;
            }
            MaterialCompiler.put3(out, CP_KD, p.kd());
            MaterialCompiler.put3(out, CP_KS1, p.ks1());
            MaterialCompiler.put3(out, CP_KS2, p.ks2());
            MaterialCompiler.put3(out, CP_KS3, p.ks3());
            out[CP_R1] = p.r1();
            out[CP_R1 + 1] = p.r2();
            out[CP_R1 + 2] = p.r3();
            out[CP_M1] = p.m1();
            out[CP_M1 + 1] = p.m2();
            out[CP_M1 + 2] = p.m3();
        } else {
            MaterialCompiler.put3(out, CP_KD, ps.getRgb("Kd", p.kd()));
            MaterialCompiler.put3(out, CP_KS1, ps.getRgb("Ks1", p.ks1()));
            MaterialCompiler.put3(out, CP_KS2, ps.getRgb("Ks2", p.ks2()));
            MaterialCompiler.put3(out, CP_KS3, ps.getRgb("Ks3", p.ks3()));
            out[CP_R1] = MaterialCompiler.num(ps, "R1", p.r1());
            out[CP_R1 + 1] = MaterialCompiler.num(ps, "R2", p.r2());
            out[CP_R1 + 2] = MaterialCompiler.num(ps, "R3", p.r3());
            out[CP_M1] = MaterialCompiler.num(ps, "M1", p.m1());
            out[CP_M1 + 1] = MaterialCompiler.num(ps, "M2", p.m2());
            out[CP_M1 + 2] = MaterialCompiler.num(ps, "M3", p.m3());
        }
        MaterialCompiler.put3(out, CP_KA, ps.getRgb("Ka", new float[] {0, 0, 0}));
        out[CP_D] = MaterialCompiler.num(ps, "d", 0);
        return MaterialLayout.CARPAINT;
    }

    /** glossy2.cpp Glossy2::CreateMaterial (separable): Kd, Ks (or index), Ka, d, u/vroughness, multibounce. */
    int glossy(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        MaterialCompiler.put3(out, LG_KD, ps.getRgb("Kd", new float[] {1, 1, 1}));
        float[] ks = ps.getRgb("Ks", new float[] {1, 1, 1});
        float index = MaterialCompiler.num(ps, "index", 0);
        if (index > 0) {
            // Glossy2::GetBSDF: Ks scaled by the reflectance at normal incidence of that index.
            float r0 = (index - 1) / (index + 1);
            ks = new float[] {ks[0] * r0 * r0, ks[1] * r0 * r0, ks[2] * r0 * r0};
        }
        MaterialCompiler.put3(out, LG_KS, ks);
        MaterialCompiler.put3(out, LG_KA, ps.getRgb("Ka", new float[] {0, 0, 0}));
        out[LG_D] = MaterialCompiler.num(ps, "d", 0);
        out[LG_U] = MaterialCompiler.num(ps, "uroughness", 0.1f);
        out[LG_V] = MaterialCompiler.num(ps, "vroughness", 0.1f);
        out[LG_MULTIBOUNCE] = ps.getBool("multibounce", false) ? 1 : 0;
        if (!ps.getBool("separable", true)) {
            warnings.add(new SceneWarning(m.loc(), "glossy \"separable\" false (GlossyCombined) is rendered as"
                    + " the separable coating over a Lambertian base"));
        }
        if (MaterialCompiler.num(ps, "sigma", 0) != 0) {
            warnings.add(new SceneWarning(ps.get("sigma").loc(), "glossy sigma (an Oren-Nayar base) is not"
                    + " supported; the base is Lambertian"));
        }
        return MaterialLayout.LUX_GLOSSY;
    }

    /** glossy.cpp Glossy::CreateMaterial ("glossy_lossy"): glossy's parameters and defaults, a FresnelBlend BSDF. */
    int glossyLossy(MaterialDesc m, float[] out) {
        glossy(m, out);
        return MaterialLayout.GLOSSY_LOSSY;
    }

    private static Slot[] concat(Slot[] a, Slot b) {
        Slot[] c = java.util.Arrays.copyOf(a, a.length + 1);
        c[a.length] = b;
        return c;
    }

    /**
     * glossytranslucent.cpp GlossyTranslucent::CreateMaterial: glossy's parameters and Kt (1); with
     * "onesided" true (the default) the back face copies the front's, as LuxRender does; the backface_*
     * parameters of a two-sided one warn and the front's are used.
     */
    int glossyTranslucent(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        glossy(m, out);
        MaterialCompiler.put3(out, MaterialLayout.GT_KT, ps.getRgb("Kt", new float[] {1, 1, 1}));
        if (!ps.getBool("onesided", true)) {
            warnings.add(new SceneWarning(ps.get("onesided").loc(), "glossytranslucent \"onesided\" false: the"
                    + " backface_* parameters are not supported; the back face uses the front's"));
            for (String p : new String[] {"backface_Ks", "backface_index", "backface_Ka", "backface_d",
                "backface_uroughness", "backface_vroughness", "backface_multibounce"}) {
                ps.get(p);
            }
        }
        return MaterialLayout.GLOSSY_TRANSLUCENT;
    }

    /** shinymetal.cpp ShinyMetal::CreateMaterial: Kr, Ks, u/vroughness; a thin film warns. */
    int shinyMetal(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        MaterialCompiler.put3(out, SM_KR, ps.getRgb("Kr", new float[] {1, 1, 1}));
        MaterialCompiler.put3(out, SM_KS, ps.getRgb("Ks", new float[] {1, 1, 1}));
        out[SM_U] = MaterialCompiler.num(ps, "uroughness", 0.1f);
        out[SM_V] = MaterialCompiler.num(ps, "vroughness", 0.1f);
        if (MaterialCompiler.num(ps, "film", 0) > 0) {
            warnings.add(new SceneWarning(ps.get("film").loc(), "shinymetal thin-film interference (film, filmindex)"
                    + " is not supported and was ignored"));
        }
        ps.get("filmindex");
        return MaterialLayout.SHINYMETAL;
    }

    /** roughglass.cpp RoughGlass::CreateMaterial: Kr, Kt, u/vroughness (0.001), index (1.5), cauchyb (0). */
    int roughGlass(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        MaterialCompiler.put3(out, MaterialLayout.RG_KR, ps.getRgb("Kr", new float[] {1, 1, 1}));
        MaterialCompiler.put3(out, MaterialLayout.RG_KT, ps.getRgb("Kt", new float[] {1, 1, 1}));
        out[MaterialLayout.RG_U] = MaterialCompiler.num(ps, "uroughness", 0.001f);
        out[MaterialLayout.RG_V] = MaterialCompiler.num(ps, "vroughness", 0.001f);
        out[MaterialLayout.RG_INDEX] = MaterialCompiler.num(ps, "index", 1.5f);
        out[MaterialLayout.RG_CAUCHYB] = MaterialCompiler.num(ps, "cauchyb", 0);
        if (ps.getBool("dispersion", false)) {
            warnings.add(new SceneWarning(ps.get("dispersion").loc(), "roughglass dispersion is not supported: one"
                    + " index (index + cauchyb / (0.38 um * 0.72 um), LuxRender's mean) refracts every colour"));
        }
        return MaterialLayout.ROUGHGLASS;
    }

    /**
     * metal2.cpp Metal2::CreateMaterial: u/vroughness (0.1) and the "fresnel" data (GetFresnelTexture,
     * default 5): a float is a real index (k = 0), a fresnel texture RGB n and k by {@link LuxFresnel}
     * (LuxRender's presets by name, .nk files, fresnelcolor, cauchy, sellmeier, constant).
     */
    int metal2(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        out[MaterialLayout.M2_U] = MaterialCompiler.num(ps, "uroughness", 0.1f);
        out[MaterialLayout.M2_V] = MaterialCompiler.num(ps, "vroughness", 0.1f);
        LuxFresnel.Data d = new LuxFresnel(textureDefs, warnings).of(ps, "fresnel", 5, "metal2");
        MaterialCompiler.put3(out, MaterialLayout.M2_ETA, d.eta());
        MaterialCompiler.put3(out, MaterialLayout.M2_K, d.k());
        return MaterialLayout.METAL2;
    }

    /**
     * glass.cpp Glass::CreateMaterial: a cauchyb other than 0 makes FresnelCauchy disperse, the index at
     * wavelength l being index + cauchyb / l^2 (l in um). Rendered in RGB: each path takes R, G or B
     * at random and refracts with that colour's index (at 612, 549 and 465 nm), which the warning says.
     * Returns {@code type} (the glass already compiled into {@code out}) when there is no dispersion.
     */
    int dispersion(MaterialDesc m, float[] out, int type) {
        ParamSet ps = m.params();
        float cauchyB = MaterialCompiler.num(ps, "cauchyb", 0);
        int result = type;
        if (cauchyB != 0 || ps.getTexture("cauchyb") != null) {
            out[MaterialLayout.DG_CAUCHYB] = cauchyB;
            out[MaterialLayout.DG_EXT_A] = 1;
            out[MaterialLayout.DG_EXT_B] = 0;
            warnings.add(new SceneWarning(m.loc(), "glass dispersion (cauchyb) is approximated in RGB: each path"
                    + " refracts with the Cauchy index of one of R, G, B (612, 549, 465 nm), chosen at random"));
            result = MaterialLayout.DISPERSIVE_GLASS;
        }
        return result;
    }

    /**
     * glass2.cpp Glass2: smooth glass (Kr = Kt = 1) whose Fresnel comes from the shape's volumes
     * ({@link MaterialDesc#interior}, {@link MaterialDesc#exterior}; their "fresnel", {@link LuxFresnel}):
     * with both, a dielectric of index interior / exterior; with the interior only, the interior's;
     * with the exterior only, 1 / exterior; with neither, 1 (the surface then neither reflects nor
     * bends light, as in LuxRender, which the warning says). "architectural" gives architectural glass of
     * that index; "dispersion" true disperses as glass with cauchyb does (in RGB, see {@link #dispersion}),
     * each colour refracting with (a_i + b_i / l^2) / (a_e + b_e / l^2) from the volumes' Cauchy forms;
     * without it the index is the ratio of the volumes' mean indices (FresnelGeneral::Index).
     */
    int glass2(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        boolean architectural = ps.getBool("architectural", false);
        boolean disperse = ps.getBool("dispersion", false);
        MaterialCompiler.put3(out, MaterialLayout.KS, new float[] {1, 1, 1});
        MaterialCompiler.put3(out, MaterialLayout.KT, new float[] {1, 1, 1});
        LuxFresnel fresnel = new LuxFresnel(textureDefs, warnings);
        LuxFresnel.Data in = m.interior() == null ? LuxFresnel.Data.constant(1)
                : fresnel.of(m.interior().params(), "fresnel", 1.5f, "volume \"" + m.interior().name() + "\"");
        LuxFresnel.Data ex = m.exterior() == null ? LuxFresnel.Data.constant(1)
                : fresnel.of(m.exterior().params(), "fresnel", 1.5f, "volume \"" + m.exterior().name() + "\"");
        if (m.interior() == null && m.exterior() == null) {
            warnings.add(new SceneWarning(m.loc(), "glass2 takes its index from the Interior and Exterior volumes"
                    + " and none is set for its shapes: index 1, so it neither reflects nor bends light (as in"
                    + " LuxRender); use Interior \"name\" after MakeNamedVolume \"name\" \"clear\" \"float fresnel\" [1.5]"));
        } else if (m.exterior() == null && (in.k()[0] > 0 || in.k()[1] > 0 || in.k()[2] > 0)) {
            warnings.add(new SceneWarning(m.interior().loc(), "glass2: volume \"" + m.interior().name() + "\" has an"
                    + " absorbing (k > 0) fresnel; LuxNet's glass2 uses its n only, as a dielectric"));
        }
        float ior = in.index() / ex.index();
        out[MaterialLayout.ETA] = ior;
        // The media a path takes when it crosses this surface (PathTraceKernel, MediumKernel).
        volumes(m, out);
        boolean disperses = in.cauchyB() != 0 || ex.cauchyB() != 0;
        if (architectural) {
            if (disperse && disperses) {
                warnings.add(new SceneWarning(ps.get("dispersion").loc(), "architectural glass2 does not disperse"
                        + " here (its transmission is straight through); one index, " + ior + ", is used"));
            }
            return MaterialLayout.ARCH_GLASS;
        }
        if (!disperse || !disperses) {
            return MaterialLayout.GLASS;
        }
        out[MaterialLayout.ETA] = in.cauchyA();
        out[MaterialLayout.DG_CAUCHYB] = in.cauchyB();
        out[MaterialLayout.DG_EXT_A] = ex.cauchyA();
        out[MaterialLayout.DG_EXT_B] = ex.cauchyB();
        warnings.add(new SceneWarning(ps.get("dispersion").loc(), "glass2 dispersion is approximated in RGB: each path"
                + " refracts with the volumes' Cauchy index ratio at one of R, G, B (612, 549, 465 nm), chosen at random"));
        return MaterialLayout.DISPERSIVE_GLASS;
    }

    /**
     * scattermaterial.cpp ScatterMaterial::CreateMaterial: Kd (0.9) and g (0, a colour; a float is taken
     * as that grey), both texturable; g is clamped to [-1, 1] where it is used (GetBSDF).
     */
    int scatter(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        MaterialCompiler.put3(out, MaterialLayout.SC_KD, ps.getRgb("Kd", new float[] {0.9f, 0.9f, 0.9f}));
        float[] g = ps.getRgb("g", new float[] {0, 0, 0});
        org.luxnet.scene.desc.Param p = ps.get("g");
        if (p != null && p.type() == ParamType.FLOAT) {
            float v = (float) ps.getFloat("g", 0);
            g = new float[] {v, v, v};
        }
        for (int c = 0; c < 3; c++) {
            out[MaterialLayout.SC_G + c] = g[c]; // may be negative: not put3, which clamps at 0
        }
        return MaterialLayout.SCATTER;
    }

    /**
     * LuxRender's "null" material: no surface. On a shape with Interior or Exterior volumes it bounds
     * them, so a path crossing it takes the absorption of the side it goes to (PathTraceKernel).
     */
    int nullWithVolumes(MaterialDesc m, float[] out) {
        volumes(m, out);
        return MaterialLayout.NULL;
    }

    /**
     * The media slots of a glass2 or null surface (see {@link MaterialLayout#VOL_MEDIA}): the media
     * table's rows of its Interior and Exterior (or pbrt-v3's inside and outside media).
     */
    void volumes(MaterialDesc m, float[] out) {
        out[MaterialLayout.VOL_IN] = media.idOf(m.interior());
        out[MaterialLayout.VOL_EX] = media.idOf(m.exterior());
        out[MaterialLayout.VOL_MEDIA] = m.interior() != null || m.exterior() != null ? 1 : 0;
    }

    /** velvet.cpp Velvet::CreateMaterial: Kd, p1..p3 (clamped to [-100, 100]), thickness (clamped to [0, 1]). */
    int velvet(MaterialDesc m, float[] out) {
        ParamSet ps = m.params();
        MaterialCompiler.put3(out, VV_KD, ps.getRgb("Kd", new float[] {0.3f, 0.3f, 0.3f}));
        out[VV_P1] = Math.max(-100, Math.min(100, MaterialCompiler.num(ps, "p1", -2)));
        out[VV_P2] = Math.max(-100, Math.min(100, MaterialCompiler.num(ps, "p2", 20)));
        out[VV_P3] = Math.max(-100, Math.min(100, MaterialCompiler.num(ps, "p3", 2)));
        out[VV_THICKNESS] = Math.max(0, Math.min(1, MaterialCompiler.num(ps, "thickness", 0.1f)));
        return MaterialLayout.VELVET;
    }
}
