package org.luxnet.scene.parse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.Spectra;

/**
 * A {@code "spectrum name"} parameter as the RGB colour pbrt-v3 renders it with (RGB build,
 * {@link Spectra#toRgb}): inline {@code [lambda value ...]} pairs, an {@code .spd} file of such pairs
 * read through the scene's resources (so it travels to render servers with the scene), or a named
 * metal spectrum ("metal-Cu-eta" and the like, pbrt-v4's names).
 */
final class SpectrumParams {
    private SpectrumParams() {
    }

    /** The colour parameter, or null (warned about) for a spectrum name that is not known. */
    static Param toColor(ParseState st, Token decl, String name, double[] numbers, List<String> strings) {
        String what = "parameter \"" + decl.text() + "\"";
        if (numbers.length > 0 && !strings.isEmpty()) {
            throw new SceneException(decl.loc(), what + " mixes numbers and a file name");
        }
        double[] pairs = numbers;
        if (!strings.isEmpty()) {
            if (strings.size() != 1) {
                throw new SceneException(decl.loc(), what + " expects one file or spectrum name, got " + strings.size());
            }
            String file = strings.get(0);
            float[] rgb = Spectra.named(file);
            if (rgb != null) {
                return color(name, rgb, decl);
            }
            if (!file.contains(".")) {
                st.warn(decl.loc(), what + ": spectrum \"" + file + "\" is not known and was ignored; the default is "
                        + "used (known: " + Spectra.names() + ", or an .spd file)");
                return null;
            }
            SceneResources.Resource r = st.open(file, "spectrum file", decl.loc());
            pairs = readSpd(r, decl);
        }
        if (pairs.length < 2 || pairs.length % 2 != 0) {
            throw new SceneException(decl.loc(), what + " expects (wavelength, value) pairs, got " + pairs.length
                    + " numbers");
        }
        double[] lambda = new double[pairs.length / 2], value = new double[pairs.length / 2];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = pairs[2 * i];
            value[i] = pairs[2 * i + 1];
        }
        return color(name, Spectra.toRgb(lambda, value), decl);
    }

    private static Param color(String name, float[] rgb, Token decl) {
        return Param.numbers(name, ParamType.COLOR, new double[] {rgb[0], rgb[1], rgb[2]}, decl.loc());
    }

    /** pbrt-v3's ReadFloatFile: numbers separated by white space, '#' to the end of a line a comment. */
    private static double[] readSpd(SceneResources.Resource r, Token decl) {
        DoubleList out = new DoubleList();
        String[] lines = new String(r.bytes(), StandardCharsets.UTF_8).split("\r?\n|\r");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            for (String w : line.trim().split("\\s+")) {
                if (w.isEmpty()) {
                    continue;
                }
                try {
                    out.add(Double.parseDouble(w));
                } catch (NumberFormatException e) {
                    throw new SceneException(decl.loc(), "spectrum file " + r.name() + " line " + (n + 1)
                            + ": expected a number, found \"" + w + "\"");
                }
            }
        }
        if (out.size() % 2 != 0) {
            throw new SceneException(decl.loc(), "spectrum file " + r.name() + " has an odd count of numbers ("
                    + out.size() + "): expected (wavelength, value) pairs");
        }
        return out.toArray();
    }
}
