package org.luxnet.scene.compile;

import org.luxnet.accumulator.image.RgbImage;

/**
 * LuxRender's environment mappings other than lat-long (core/texture.cpp AngularMapping,
 * VerticalCrossMapping: light-space direction to image (s, t)), applied once on the host: the map is
 * resampled into a lat-long image that the light transport then looks up and samples as any other
 * (at twice the source's angular resolution, bilinear in the source, wrap repeat as LuxRender's
 * TEXTURE_REPEAT). The price is a second bilinear filter, a blur of about one source texel.
 */
final class EnvMappings {
    private EnvMappings() {
    }

    /** The names LuxRender's "mapping" parameter accepts; "" is lat-long as well. */
    static boolean isKnown(String mapping) {
        return mapping.isEmpty() || mapping.equals("latlong") || mapping.equals("angular") || mapping.equals("vcross");
    }

    /** {@code src} in {@code mapping} ("angular" or "vcross") as a lat-long image; lat-long maps are returned as they are. */
    static RgbImage toLatLong(String mapping, RgbImage src) {
        boolean angular = mapping.equals("angular");
        if (!angular && !mapping.equals("vcross")) {
            return src;
        }
        // Angular: the disc's radius spans pi; vcross: a cube face (a third of the width) spans pi/2.
        int h = angular ? Math.max(2, src.width()) : Math.max(2, 4 * src.width() / 3);
        int w = 2 * h;
        float[] out = new float[w * h * 3];
        float[] st = new float[2];
        for (int j = 0; j < h; j++) {
            double theta = Math.PI * (j + 0.5) / h;
            for (int i = 0; i < w; i++) {
                double phi = 2 * Math.PI * (i + 0.5) / w;
                double x = Math.sin(theta) * Math.cos(phi), y = Math.sin(theta) * Math.sin(phi), z = Math.cos(theta);
                if (angular) {
                    angular(x, y, z, st);
                } else {
                    verticalCross(x, y, z, st);
                }
                bilinear(src, st[0], st[1], out, 3 * (j * w + i));
            }
        }
        return new RgbImage(w, h, out);
    }

    /** AngularMapping::Map(wh, s, t). */
    static void angular(double x, double y, double z, float[] st) {
        double sinTheta = Math.sqrt(y * y + z * z);
        double r = Math.acos(Math.max(-1, Math.min(1, -x))) / (2 * Math.PI);
        if (sinTheta > 1e-9) {
            double f = r / sinTheta;
            st[0] = (float) (0.5 - y * f);
            st[1] = (float) (0.5 - z * f);
        } else if (Math.abs(y) > Math.abs(z)) {
            st[0] = (float) (0.5 * (1 - Math.signum(y)));
            st[1] = 0.5f;
        } else {
            st[0] = 0.5f;
            st[1] = (float) (0.5 * (1 - Math.signum(z)));
        }
    }

    /** VerticalCrossMapping::Map(wh, s, t): a cube face by the major axis, placed in a 3x4 cross. */
    static void verticalCross(double x, double y, double z, float[] st) {
        double ax = Math.abs(x), ay = Math.abs(y), az = Math.abs(z);
        int axis = 0;
        double ma = ax;
        if (ay > ma) {
            ma = ay;
            axis = 1;
        }
        if (az > ma) {
            ma = az;
            axis = 2;
        }
        double sc, tc, so, to;
        if (axis == 0) {
            sc = -y;
            tc = x > 0 ? z : -z;
            so = 1;
            to = x > 0 ? 3 : 1;
        } else if (axis == 1) {
            sc = y > 0 ? -x : x;
            tc = -z;
            so = y > 0 ? 0 : 2;
            to = 1;
        } else {
            sc = -y;
            tc = z > 0 ? -x : x;
            so = 1;
            to = z > 0 ? 0 : 2;
        }
        double s = Math.max(0, Math.min(1, (sc / ma + 1) * 0.5));
        double t = Math.max(0, Math.min(1, (tc / ma + 1) * 0.5));
        st[0] = (float) ((s + so) / 3);
        st[1] = (float) ((t + to) / 4);
    }

    /** Bilinear between texel centres, wrap repeat, into {@code out[o..o+2]}. */
    private static void bilinear(RgbImage img, double s, double t, float[] out, int o) {
        int w = img.width(), h = img.height();
        double x = s * w - 0.5, y = t * h - 0.5;
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double ax = x - x0, ay = y - y0;
        for (int c = 0; c < 3; c++) {
            double v = (1 - ax) * (1 - ay) * texel(img, x0, y0, c) + ax * (1 - ay) * texel(img, x0 + 1, y0, c)
                    + (1 - ax) * ay * texel(img, x0, y0 + 1, c) + ax * ay * texel(img, x0 + 1, y0 + 1, c);
            out[o + c] = (float) v;
        }
    }

    private static float texel(RgbImage img, int x, int y, int c) {
        return img.get(Math.floorMod(x, img.width()), Math.floorMod(y, img.height()), c);
    }
}
