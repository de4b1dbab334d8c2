package org.luxnet.scene.compile;

import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.scene.compiled.EnvMapLayout;
import org.luxnet.scene.desc.Transform;

/**
 * Builds the environment-map tables ({@link EnvMapLayout}) of a scene's infinite lights: the texels
 * with the light's colour folded in, the rotations, and for each map a piecewise-constant 2D
 * distribution over (s, t) in [0,1]^2 as pbrt-v3's InfiniteAreaLight builds it, for importance
 * sampling. pbrt-v3 takes the bilinear lookup at the cell's corner; here each cell's importance is
 * the exact average of the bilinear lookup over the cell (texel weights 1/8, 3/4, 1/8 per axis, wrap
 * repeat) times sin(theta) at the cell centre, so no cell where the map is lit has zero density.
 * Only the noise depends on this choice: the sampling density is what the kernel reports.
 */
final class EnvironmentMaps {
    /** pbrt-v3's luminance weights (RGBSpectrum::y). */
    private static final double YR = 0.212671, YG = 0.715160, YB = 0.072169;

    private final FloatList texels = new FloatList();
    private final FloatList dist = new FloatList();
    private final FloatList xform = new FloatList();
    private final IntList info = new IntList();
    private int count;

    /**
     * Adds a map, its texels multiplied by {@code scale}; returns its index.
     *
     * @param mean receives the map's mean radiance over the sphere (solid-angle weighted), RGB
     */
    int add(RgbImage img, float[] scale, Transform lightToWorld, float[] mean) {
        int w = img.width(), h = img.height();
        info.add(texels.size());
        info.add(w);
        info.add(h);
        info.add(dist.size());
        float[] rgb = img.rgb();
        float[] scaled = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            float v = rgb[i] * scale[i % 3];
            scaled[i] = Float.isFinite(v) && v > 0 ? v : 0;
            texels.add(scaled[i]);
        }
        addDistribution(scaled, w, h);
        addRotations(lightToWorld);
        meanRadiance(scaled, w, h, mean);
        return count++;
    }

    private void addDistribution(float[] rgb, int w, int h) {
        double[] func = new double[w * h];
        double[] rowInt = new double[h];
        double total = 0;
        for (int v = 0; v < h; v++) {
            double sinTheta = Math.sin(Math.PI * (v + 0.5) / h);
            double sum = 0;
            for (int u = 0; u < w; u++) {
                double avg = 0;
                for (int j = -1; j <= 1; j++) {
                    for (int i = -1; i <= 1; i++) {
                        int o = 3 * (Math.floorMod(v + j, h) * w + Math.floorMod(u + i, w));
                        double y = YR * rgb[o] + YG * rgb[o + 1] + YB * rgb[o + 2];
                        avg += weight(i) * weight(j) * y;
                    }
                }
                func[v * w + u] = avg * sinTheta;
                sum += func[v * w + u];
            }
            rowInt[v] = sum / w;
            total += rowInt[v];
        }
        for (double f : func) {
            dist.add((float) f);
        }
        for (int v = 0; v < h; v++) {
            addCdf(func, v * w, w, rowInt[v]);
        }
        for (double r : rowInt) {
            dist.add((float) r);
        }
        double margInt = total / h;
        addCdf(rowInt, 0, h, margInt);
        dist.add((float) margInt);
    }

    /** Distribution1D's CDF over {@code n} values from {@code off}: n + 1 entries, uniform when all are 0. */
    private void addCdf(double[] f, int off, int n, double integral) {
        dist.add(0f);
        double acc = 0;
        for (int i = 1; i <= n; i++) {
            acc += f[off + i - 1] / n;
            float c = integral > 0 ? (float) (acc / integral) : (float) i / n;
            dist.add(i == n ? 1f : Math.min(1f, c));
        }
    }

    private static double weight(int i) {
        return i == 0 ? 0.75 : 0.125;
    }

    private void addRotations(Transform lightToWorld) {
        Transform w2l = lightToWorld.inverse();
        for (Transform t : new Transform[] {w2l, lightToWorld}) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    xform.add((float) t.get(r, c));
                }
            }
        }
    }

    private static void meanRadiance(float[] rgb, int w, int h, float[] mean) {
        double[] acc = new double[3];
        double weight = 0;
        for (int v = 0; v < h; v++) {
            double s = Math.sin(Math.PI * (v + 0.5) / h);
            for (int u = 0; u < w; u++) {
                for (int c = 0; c < 3; c++) {
                    acc[c] += s * rgb[3 * (v * w + u) + c];
                }
                weight += s;
            }
        }
        for (int c = 0; c < 3; c++) {
            mean[c] = (float) (acc[c] / weight);
        }
    }

    int count() {
        return count;
    }

    float[] texels() {
        return texels.toArray();
    }

    float[] distribution() {
        return dist.toArray();
    }

    float[] rotations() {
        return xform.toArray();
    }

    int[] info() {
        return info.toArray();
    }
}
