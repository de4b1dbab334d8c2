package org.luxnet.scene.compile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.Blackbody;
import org.luxnet.scene.desc.LuxSpectrum;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.TextureDesc;

/**
 * LuxRender's {@code "lampspectrum"} texture (LuxRender/Lux textures/lampspectrum.cpp at commit
 * 59228af, LampSpectrumTexture::CreateSWCSpectrumTexture), a colour constant over the surface:
 *
 * <ul>
 *   <li>{@code "string name"} picks a lamp. Candle, Incandescent1 and Incandescent2 are not read
 *       from the table ("Override with blackbody for incandescent sources due to poor calibration"):
 *       they are BlackBodyTexture(1020), (2750) and (2900), the blackbody {@link Blackbody#luxRender}
 *       converts (peak of its samples 1).
 *   <li>The other 64 names are IrregularDataTexture(250, wl, data, 0.1): the lamp's 250 samples
 *       (lights/data/lamp_spect.h, held in the class-path resource {@value #RESOURCE}) resampled every
 *       {@value #RESOLUTION} nm by IrregularSPD ({@link SampledSpd#irregular(double[], double[], double)}),
 *       with no normalisation, then made linear sRGB by {@link LuxSpectrum#rgb}, as the project converts
 *       LuxRender's other spectra.
 *   <li>Any other name, and no name (FindString gives ""), falls to the else branch: Incandescent2,
 *       "to match luxblend default". LuxRender says nothing; here a name that was given but is not
 *       known is a warning at the Texture statement listing the names.
 * </ul>
 *
 * LuxRender registers no float variant (colour only). The value is the spectrum's colour as light
 * emits it; {@link TextureCompiler} turns it into a reflectance as it does the other spectral textures.
 */
final class LampSpectra {
    static final String RESOURCE = "lampspectra.txt";
    /** Samples per lamp: lampspectrum.cpp's wlcount. */
    static final int SAMPLES = 250;
    /** The resampling resolution lampspectrum.cpp passes to IrregularDataTexture, nm. */
    static final double RESOLUTION = 0.1;
    /** The blackbody temperatures lampspectrum.cpp uses instead of three tables, K. */
    static final double CANDLE_K = 1020, INCANDESCENT1_K = 2750, INCANDESCENT2_K = 2900;

    /** The table: the common wavelengths and each lamp's samples under lamp_spect.h's names, in its order. */
    record Table(double[] wavelengths, Map<String, double[]> lamps) {
    }

    private LampSpectra() {
    }

    /** Loaded on first use, once. */
    private static final class Holder {
        static final Table TABLE = load();
        static final List<String> NAMES = accepted(TABLE);
    }

    /** The table as lamp_spect.h has it (arrays shared: do not modify). */
    static Table table() {
        return Holder.TABLE;
    }

    /**
     * The names lampspectrum.cpp accepts, in its order: lamp_spect.h's, with its "Incadescent1" and
     * "Incadescent2" spelt "Incandescent1" and "Incandescent2" (67 names).
     */
    static List<String> names() {
        return Holder.NAMES;
    }

    private static List<String> accepted(Table t) {
        List<String> out = new ArrayList<>();
        for (String n : t.lamps().keySet()) {
            out.add(n.startsWith("Incadescent") ? "Incandescent" + n.substring("Incadescent".length()) : n);
        }
        return Collections.unmodifiableList(out);
    }

    /** The linear sRGB of lampspectrum texture {@code t} as emitted light (warning on an unknown name). */
    static float[] rgb(TextureDesc t, List<SceneWarning> warnings) {
        ParamSet ps = t.params();
        boolean given = ps.has("name");
        String name = ps.getString("name", "");
        switch (name) {
            case "Candle":
                return Blackbody.luxRender(CANDLE_K);
            case "Incandescent1":
                return Blackbody.luxRender(INCANDESCENT1_K);
            case "Incandescent2":
                return Blackbody.luxRender(INCANDESCENT2_K);
            default:
                break;
        }
        double[] data = names().contains(name) ? table().lamps().get(name) : null;
        if (data == null) {
            if (given) {
                warnings.add(new SceneWarning(t.loc(), "lampspectrum texture \"" + t.name() + "\": no lamp is named \""
                        + name + "\" (textures/lampspectrum.cpp knows " + String.join(", ", names())
                        + "); LuxRender's default, Incandescent2 (a " + (int) INCANDESCENT2_K + " K blackbody), is used"));
            }
            return Blackbody.luxRender(INCANDESCENT2_K);
        }
        return LuxSpectrum.rgb(spd(name));
    }

    /** The SPD LuxRender builds for tabulated lamp {@code name} (a lamp_spect.h name). */
    static SampledSpd spd(String name) {
        double[] data = table().lamps().get(name);
        if (data == null) {
            throw new IllegalArgumentException("no lamp " + name + " in " + RESOURCE);
        }
        return SampledSpd.irregular(table().wavelengths(), data, RESOLUTION);
    }

    private static Table load() {
        try (InputStream in = LampSpectra.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the format {@value #RESOURCE} describes: one "wavelengths" line, then "lamp NAME" lines,
     * {@value #SAMPLES} finite numbers each, wavelengths increasing; anything else names the line.
     */
    static Table parse(BufferedReader r) throws IOException {
        double[] wl = null;
        Map<String, double[]> lamps = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split(" +");
            String where = RESOURCE + ":" + lineNo + ": ";
            if (f[0].equals("wavelengths") && wl == null) {
                wl = numbers(f, 1, where);
                for (int i = 1; i < SAMPLES; i++) {
                    if (!(wl[i - 1] < wl[i])) {
                        throw new IllegalStateException(where + "wavelengths are not increasing at " + wl[i]);
                    }
                }
            } else if (f[0].equals("lamp") && wl != null && f.length > 1) {
                if (lamps.put(f[1], numbers(f, 2, where)) != null) {
                    throw new IllegalStateException(where + "lamp " + f[1] + " twice");
                }
            } else {
                throw new IllegalStateException(where + "expected " + (wl == null ? "\"wavelengths\"" : "\"lamp NAME\"")
                        + ", found \"" + f[0] + "\"");
            }
        }
        if (wl == null || lamps.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": no " + (wl == null ? "wavelengths" : "lamps"));
        }
        return new Table(wl, Collections.unmodifiableMap(lamps));
    }

    private static double[] numbers(String[] f, int from, String where) {
        if (f.length - from != SAMPLES) {
            throw new IllegalStateException(where + "expected " + SAMPLES + " numbers, found " + (f.length - from));
        }
        double[] v = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            try {
                v[i] = Double.parseDouble(f[from + i]);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where + "not a number: " + f[from + i], e);
            }
            if (!Double.isFinite(v[i])) {
                throw new IllegalStateException(where + "not finite: " + f[from + i]);
            }
        }
        return v;
    }
}
