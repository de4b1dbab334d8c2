package org.luxnet.scene.compile;

import java.io.IOException;
import java.util.List;
import org.luxnet.accumulator.image.ImageFiles;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.SceneFile;

/**
 * Emission distributions of point-like lights: an image over (phi / 2pi, theta / pi) in the light's
 * frame that multiplies the light's intensity, looked up bilinearly with wrap repeat as the
 * environment maps are ({@code InfiniteLightKernel.envLookup}), and stored in the same tables.
 *
 * <p>LuxRender (lights/sphericalfunction/sphericalfunction.cpp CreateSphericalFunction): "mapname"
 * (an image read as it is; "flipz" does not apply to it) and "iesname" ({@link IesProfile}, "flipz"
 * reverses its rows); with both, their product (CompositeSphericalFunction). A point light
 * (lights/pointlight.cpp) then emits I(w) = L gain f(w) / avg(f), avg being f's mean over the sphere
 * (SampleableSphericalFunction::Average_f, the integral over 4 pi, computed at the centres of a 512 x
 * 256 grid, sin(theta) weighted; GonioBSDF divides by it): the distribution redistributes the light's
 * power L gain 4 pi, which "power" and "efficacy" normalise as without it. A file that cannot be read
 * is a warning and the light emits uniformly, as LuxRender's "Invalid IES file" warning.
 */
final class LightDistributions {
    /** LuxRender's SampleableSphericalFunction grid for Average_f. */
    private static final int AVG_W = 512, AVG_H = 256;

    private LightDistributions() {
    }

    /**
     * A LuxRender light's distribution from the files its "mapname" and "iesname" name, or null when
     * it has none (or none could be read): the RGB image; the caller divides the light by {@link
     * #sphereMeanY}.
     */
    static RgbImage luxRender(SceneFile mapFile, SceneFile iesFile, ParamSet ps, String statement,
                              List<SceneWarning> warnings) {
        boolean flipZ = ps.getBool("flipz", false);
        RgbImage map = null;
        if (ps.has("mapname")) {
            ps.get("mapname").markUsed();
            if (mapFile != null) {
                map = decode(mapFile, ps.get("mapname").loc(), statement, warnings);
            }
        }
        float[] ies = null;
        if (ps.has("iesname")) {
            FileLoc loc = ps.get("iesname").loc();
            ps.get("iesname").markUsed();
            SceneFile f = iesFile;
            if (f != null) {
                try {
                    IesProfile p = IesProfile.parse(f.bytes());
                    if (p.photometricType != 1) {
                        warnings.add(new SceneWarning(loc, statement + ": IES file '" + f.name()
                                + "' has photometric type " + p.photometricType + "; read as type C, as LuxRender"
                                + " does (\"unsupported photometric type IES file, result may be wrong\")"));
                    }
                    ies = p.resample(flipZ);
                } catch (IesProfile.Malformed e) {
                    warnings.add(new SceneWarning(loc, statement + ": invalid IES file '" + f.name() + "' line "
                            + e.line + ": " + e.getMessage() + "; the light emits uniformly, as LuxRender does"
                            + " (\"Invalid IES file\")"));
                } catch (IesProfile.Unsupported e) {
                    warnings.add(new SceneWarning(loc, statement + ": IES file '" + f.name() + "': " + e.getMessage()
                            + "; the light emits uniformly, as LuxRender does (\"unsupported horizontal angles\")"));
                }
            }
        }
        if (ies == null) {
            return map;
        }
        int w = IesProfile.WIDTH, h = IesProfile.HEIGHT;
        float[] rgb = new float[3 * w * h];
        float[] c = new float[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = 3 * (y * w + x);
                if (map == null) {
                    c[0] = c[1] = c[2] = 1;
                } else {
                    // The product is sampled at the IES texel centres, which the image is looked up at.
                    lookup(map, (x + 0.5f) / w, (y + 0.5f) / h, c);
                }
                for (int k = 0; k < 3; k++) {
                    rgb[o + k] = c[k] * ies[y * w + x];
                }
            }
        }
        return new RgbImage(w, h, rgb);
    }

    /** An image file, or null with a warning when it cannot be decoded. */
    static RgbImage decode(SceneFile f, FileLoc loc, String statement, List<SceneWarning> warnings) {
        try {
            return ImageFiles.decode(f.name(), f.bytes());
        } catch (IOException e) {
            warnings.add(new SceneWarning(loc, statement + ": cannot read the light's map '" + f.name() + "': "
                    + e.getMessage() + "; the light emits without it"));
            return null;
        }
    }

    /**
     * The mean luminance of the bilinear lookup of {@code img} over the sphere, at the centres of
     * LuxRender's 512 x 256 grid weighted by sin(theta) (SampleableSphericalFunction's average over
     * 4 pi).
     */
    static double sphereMeanY(RgbImage img) {
        double acc = 0, weight = 0;
        float[] c = new float[3];
        for (int y = 0; y < AVG_H; y++) {
            double s = Math.sin(Math.PI * (y + 0.5) / AVG_H);
            for (int x = 0; x < AVG_W; x++) {
                lookup(img, (x + 0.5f) / AVG_W, (y + 0.5f) / AVG_H, c);
                acc += s * LightCompiler.luminance(c);
            }
            weight += AVG_W * s;
        }
        return acc / weight;
    }

    /** The plain mean luminance of the texels (pbrt-v3's Power: the map's coarse MIP level). */
    static double texelMeanY(RgbImage img) {
        double acc = 0;
        float[] c = new float[3];
        float[] rgb = img.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            c[0] = rgb[i];
            c[1] = rgb[i + 1];
            c[2] = rgb[i + 2];
            acc += LightCompiler.luminance(c);
        }
        return acc / (img.width() * img.height());
    }

    /** Bilinear between texel centres, wrap repeat: the kernel's envLookup on the host. */
    static void lookup(RgbImage img, float s, float t, float[] out) {
        int w = img.width(), h = img.height();
        float x = s * w - 0.5f, y = t * h - 0.5f;
        float fx = (float) Math.floor(x), fy = (float) Math.floor(y);
        float ax = x - fx, ay = y - fy;
        int x0 = Math.floorMod((int) fx, w), y0 = Math.floorMod((int) fy, h);
        int x1 = x0 + 1 == w ? 0 : x0 + 1, y1 = y0 + 1 == h ? 0 : y0 + 1;
        float[] p = img.rgb();
        for (int c = 0; c < 3; c++) {
            out[c] = (1 - ax) * (1 - ay) * p[3 * (y0 * w + x0) + c] + ax * (1 - ay) * p[3 * (y0 * w + x1) + c]
                    + (1 - ax) * ay * p[3 * (y1 * w + x0) + c] + ax * ay * p[3 * (y1 * w + x1) + c];
        }
    }
}
