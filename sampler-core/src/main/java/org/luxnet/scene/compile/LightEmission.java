package org.luxnet.scene.compile;

import java.util.List;
import java.util.Map;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.Blackbody;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.TextureDesc;

/**
 * Reads the emitted colour of a light as its scene's renderer defines it.
 *
 * <p>pbrt-v3 (lights/*.cpp Create*Light): {@code "I"} for point and spot lights, {@code "L"} for
 * area, distant and infinite lights, each multiplied by the spectrum {@code "scale"} (rgb, blackbody
 * or a single float); no power normalisation.
 *
 * <p>LuxRender 1.x (lights/*.cpp CreateLight): {@code "L"} as a colour or as {@code "texture L"}
 * naming a constant, blackbody, equalenergy or lampspectrum texture, times {@code "gain"}; the caller applies
 * {@code "power"} and {@code "efficacy"}. Old LuxRender scenes wrote {@code "I"} on point and spot
 * lights, which is read when there is no {@code "L"}.
 */
final class LightEmission {
    private static final float[] WHITE = {1, 1, 1};

    /**
     * A light's colour before and after its scale (pbrt) or gain (LuxRender). LuxRender's power
     * normalisation divides by the luminance of {@code base}, so the gain still multiplies after it.
     */
    record Emission(float[] base, float[] scale) {
        float[] scaled() {
            return new float[] {base[0] * scale[0], base[1] * scale[1], base[2] * scale[2]};
        }
    }

    private final Dialect dialect;
    private final Map<String, TextureDesc> textures;
    private final List<SceneWarning> warnings;

    LightEmission(Dialect dialect, Map<String, TextureDesc> textures, List<SceneWarning> warnings) {
        this.dialect = dialect;
        this.textures = textures;
        this.warnings = warnings;
    }

    boolean pbrt() {
        return dialect == Dialect.PBRT;
    }

    /**
     * The colour of a light statement times its scale (pbrt) or gain (LuxRender), before any
     * LuxRender power normalisation. {@code intensity}: a point or spot light, which pbrt reads from "I".
     */
    Emission read(ParamSet ps, boolean intensity, String statement) {
        return read(ps, intensity, pbrt(), statement);
    }

    /** As {@link #read(ParamSet, boolean, String)}, with pbrt's semantics when {@code pbrtLight}. */
    Emission read(ParamSet ps, boolean intensity, boolean pbrtLight, String statement) {
        float[] c;
        float[] scale;
        if (pbrtLight) {
            c = ps.getRgb(intensity ? "I" : "L", WHITE);
            scale = ps.getRgb("scale", WHITE);
        } else {
            String name = !ps.has("L") && intensity && ps.has("I") ? "I" : "L";
            String tex = ps.getTexture(name);
            c = tex != null ? texture(tex, ps, name, statement) : ps.getRgb(name, WHITE);
            float g = (float) ps.getFloat("gain", 1);
            scale = new float[] {g, g, g};
        }
        return new Emission(c, scale);
    }

    /** The colour of a LuxRender texture bound to a light's L: constant, blackbody, equalenergy, lampspectrum. */
    private float[] texture(String name, ParamSet ps, String param, String statement) {
        TextureDesc t = textures.get(name);
        if (t == null) {
            throw new SceneException(ps.get(param).loc(), statement + ": \"texture " + param + "\" names \"" + name
                    + "\", which no Texture statement defines before the end of the scene");
        }
        ParamSet tp = t.params();
        float[] c;
        switch (t.textureClass()) {
            case "constant":
                c = tp.getRgb("value", WHITE);
                break;
            case "blackbody":
                c = Blackbody.luxRender(tp.getFloat("temperature", 6500));
                break;
            case "lampspectrum":
                c = LampSpectra.rgb(t, warnings);
                break;
            case "equalenergy": {
                // A flat spectrum of the given energy: XYZ (e, e, e) in linear sRGB.
                float e = (float) tp.getFloat("energy", 1);
                c = new float[] {1.2047843f * e, 0.9483008f * e, 0.9088427f * e};
                break;
            }
            default:
                warnings.add(new SceneWarning(t.loc(), "texture \"" + name + "\" of class \"" + t.textureClass()
                        + "\" is not supported as a light's " + param + " (supported: constant, blackbody, equalenergy,"
                        + " lampspectrum);"
                        + " the light emits white"));
                return WHITE.clone();
        }
        warnings.addAll(tp.unused("Texture \"" + name + "\" \"" + t.textureClass() + "\""));
        return c;
    }
}
