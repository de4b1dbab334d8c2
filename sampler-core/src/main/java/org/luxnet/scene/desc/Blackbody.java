package org.luxnet.scene.desc;

/**
 * Linear sRGB colour of a blackbody emitter, normalized to luminance 1. Integrates Planck's law
 * against the CIE 1931 colour matching functions (the multi-lobe fit of Wyman, Sloan and Shirley,
 * JCGT 2013) from 360 to 830 nm, then converts XYZ to linear sRGB (D65).
 */
final class Blackbody {
    private Blackbody() {
    }

    static float[] rgb(double kelvin) {
        if (!(kelvin > 0)) {
            return new float[] {0, 0, 0};
        }
        double x = 0, y = 0, z = 0;
        for (int nm = 360; nm <= 830; nm++) {
            double p = planck(nm * 1e-9, kelvin);
            x += p * xBar(nm);
            y += p * yBar(nm);
            z += p * zBar(nm);
        }
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        // Out-of-gamut reds of very low temperatures come out slightly negative; clamp them.
        return new float[] {(float) Math.max(0, r / y), (float) Math.max(0, g / y), (float) Math.max(0, b / y)};
    }

    private static double planck(double lambda, double t) {
        final double c = 299792458.0, h = 6.62606957e-34, kb = 1.3806488e-23;
        double l5 = lambda * lambda * lambda * lambda * lambda;
        return (2 * h * c * c) / (l5 * (Math.exp((h * c) / (lambda * kb * t)) - 1));
    }

    private static double g(double x, double mu, double s1, double s2) {
        double t = (x - mu) / (x < mu ? s1 : s2);
        return Math.exp(-0.5 * t * t);
    }

    private static double xBar(double nm) {
        return 1.056 * g(nm, 599.8, 37.9, 31.0) + 0.362 * g(nm, 442.0, 16.0, 26.7) - 0.065 * g(nm, 501.1, 20.4, 26.2);
    }

    private static double yBar(double nm) {
        return 0.821 * g(nm, 568.8, 46.9, 40.5) + 0.286 * g(nm, 530.9, 16.3, 31.1);
    }

    private static double zBar(double nm) {
        return 1.217 * g(nm, 437.0, 11.8, 36.0) + 0.681 * g(nm, 459.0, 26.0, 13.8);
    }
}
