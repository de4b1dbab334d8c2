package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.image.RgbImage;

/**
 * LuxRender's angular and vertical-cross environment maps, resampled to lat-long: a map painted with
 * a known function of direction, f(w) = (0.5 + 0.5 w.x, 0.5 + 0.5 w.y, 0.5 + 0.5 w.z), through
 * LuxRender's own mapping (core/texture.cpp), comes back as f at every lat-long texel centre away
 * from the seams where the source image's layout puts unrelated texels side by side.
 */
class EnvMappingsTest {
    private static float[] f(double x, double y, double z) {
        return new float[] {(float) (0.5 + 0.5 * x), (float) (0.5 + 0.5 * y), (float) (0.5 + 0.5 * z)};
    }

    @Test
    void angularMapResamplesToLatLong() {
        int n = 128;
        float[] src = new float[n * n * 3];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double ds = (i + 0.5) / n - 0.5, dt = (j + 0.5) / n - 0.5;
                double r = Math.hypot(ds, dt);
                if (r > 0.5 || r == 0) {
                    continue;
                }
                // The inverse of AngularMapping::Map(wh, s, t), the direction-to-image map lookups use.
                double sinTheta = Math.sin(2 * Math.PI * r);
                float[] v = f(-Math.cos(2 * Math.PI * r), -ds / r * sinTheta, -dt / r * sinTheta);
                System.arraycopy(v, 0, src, 3 * (j * n + i), 3);
            }
        }
        check(EnvMappings.toLatLong("angular", new RgbImage(n, n, src)), "angular", 0.8);
    }

    @Test
    void verticalCrossMapResamplesToLatLong() {
        int face = 32, w = 3 * face, h = 4 * face;
        float[] src = new float[w * h * 3];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                double s = (i + 0.5) / w, t = (j + 0.5) / h;
                int so = (int) (3 * s), to = (int) (4 * t);
                double sc = (3 * s - so) * 2 - 1, tc = (4 * t - to) * 2 - 1;
                double[] d;
                switch (4 * so + to) {
                    case 1 -> d = new double[] {-sc, 1, -tc};
                    case 4 -> d = new double[] {-tc, -sc, 1};
                    case 5 -> d = new double[] {-1, -sc, -tc};
                    case 6 -> d = new double[] {tc, -sc, -1};
                    case 7 -> d = new double[] {1, -sc, tc};
                    case 9 -> d = new double[] {sc, -1, -tc};
                    default -> d = null;
                }
                if (d != null) {
                    double l = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                    System.arraycopy(f(d[0] / l, d[1] / l, d[2] / l), 0, src, 3 * (j * w + i), 3);
                }
            }
        }
        check(EnvMappings.toLatLong("vcross", new RgbImage(w, h, src)), "vcross", 0);
    }

    /** Compares with f away from the seams: the angular disc's rim (w.x above {@code rim}) or a cube edge. */
    private static void check(RgbImage ll, String what, double rim) {
        assertEquals(2 * ll.height(), ll.width(), what + ": a 2:1 lat-long image");
        int compared = 0;
        double worst = 0;
        for (int j = 0; j < ll.height(); j++) {
            double theta = Math.PI * (j + 0.5) / ll.height();
            for (int i = 0; i < ll.width(); i++) {
                double phi = 2 * Math.PI * (i + 0.5) / ll.width();
                double x = Math.sin(theta) * Math.cos(phi), y = Math.sin(theta) * Math.sin(phi), z = Math.cos(theta);
                double[] a = {Math.abs(x), Math.abs(y), Math.abs(z)};
                java.util.Arrays.sort(a);
                boolean seam = rim > 0 ? x > rim : a[1] > 0.85 * a[2];
                if (seam) {
                    continue;
                }
                float[] e = f(x, y, z);
                for (int c = 0; c < 3; c++) {
                    worst = Math.max(worst, Math.abs(ll.get(i, j, c) - e[c]));
                }
                compared++;
            }
        }
        System.out.printf("%s map resampled to lat-long: worst difference %.4f over %d texels%n", what, worst, compared);
        assertTrue(compared > ll.width() * ll.height() / 3, what + ": compared " + compared);
        assertTrue(worst < 0.02, what + ": worst difference " + worst);
    }
}
