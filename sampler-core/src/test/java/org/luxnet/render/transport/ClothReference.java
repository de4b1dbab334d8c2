package org.luxnet.render.transport;

import org.luxnet.scene.compiled.MaterialLayout;

/**
 * A plain transcription of LuxRender 1.x's Irawan BxDF (LuxRender/Lux core/reflection/bxdf/irawan.cpp and
 * irawan.h as read: WeavePattern::GetYarn, Warp/Weft::GetUV and EvalIntegrand, Yarn::EvalFilamentIntegrand,
 * EvalStapleIntegrand, RadiusOfCurvature, vonMises, seeliger, sampleTEA/sampleTEAfloat) for the tests to hold
 * the kernel's float code against. Written from the C, not from the kernel. The weave parameters are read from a
 * compiled pattern table (whose values ClothPresetsTest holds against cloth.cpp). What decides a discrete
 * choice in the C (the tile cell, the TEA seeds, the fineness index) is computed in float as the C computes it,
 * so that both sides pick the same yarn and random numbers; the integrands are computed in double, with the
 * distance of the sample to the nearest cut-off of the highlight (where single precision may decide the other
 * way) in {@link #margin}.
 */
final class ClothReference {
    private final float[] tx;
    private final int t;
    private final double repeatU, repeatV;
    private final BlenderReference noise = new BlenderReference();

    // GetYarn's results.
    int yarn;
    double u, v, umaxMod, scale;
    /** Smallest distance (radians, or |D| to 1) of the last evaluation to one of its cut-offs. */
    double margin;

    ClothReference(float[] texels, int table, double repeatU, double repeatV) {
        this.tx = texels;
        this.t = table;
        this.repeatU = repeatU;
        this.repeatV = repeatV;
    }

    private double p(int k) {
        return tx[t + k];
    }

    private double y(int k) {
        return tx[yarn + k];
    }

    static long tea(long v0In, long v1In) {
        long v0 = v0In & 0xffffffffL, v1 = v1In & 0xffffffffL, sum = 0;
        for (int i = 0; i < 8; i++) {
            sum = (sum + 0x9e3779b9L) & 0xffffffffL;
            v0 = (v0 + ((((v1 << 4) + 0xA341316CL) ^ (v1 + sum) ^ ((v1 >> 5) + 0xC8013EA4L)) & 0xffffffffL)) & 0xffffffffL;
            v1 = (v1 + ((((v0 << 4) + 0xAD90777DL) ^ (v0 + sum) ^ ((v0 >> 5) + 0x7E95761EL)) & 0xffffffffL)) & 0xffffffffL;
        }
        return (v1 << 32) + v0;
    }

    /** sampleTEAfloat: the bits ((low word >> 9) | 0x3f800000) as a float, less 1. */
    static double teaFloat(float v0, float v1) {
        long x = tea(toUint(v0), toUint(v1));
        int bits = (int) (((x & 0xffffffffL) >> 9) | 0x3f800000L);
        return Float.intBitsToFloat(bits) - 1.0f;
    }

    /** (uint32_t) of a float as x86-64 code converts it: through int64_t. */
    static long toUint(float x) {
        return ((long) x) & 0xffffffffL;
    }

    /** WeavePattern::GetYarn (scale starting at 1). */
    void getYarn(float ui, float vi) {
        int tw = (int) p(MaterialLayout.CLT_TILE_W), th = (int) p(MaterialLayout.CLT_TILE_H);
        float uu = ui * (float) repeatU;
        int bu = (int) Math.floor(uu);
        float ou = uu - bu;
        float vv = vi * (float) repeatV;
        int bv = (int) Math.floor(vv);
        float ov = vv - bv;
        int lx = Math.min(tw - 1, (int) Math.floor(Math.max(0f, ou * tw)));
        int ly = th - 1 - Math.min(th - 1, (int) Math.floor(Math.max(0f, ov * th)));
        int id = (int) p(MaterialLayout.CLT_CELLS + lx + tw * ly) - 1;
        yarn = t + (int) p(MaterialLayout.CLT_YARNS) + MaterialLayout.CLY_STRIDE * id;
        float cu = tx[yarn + MaterialLayout.CLY_CENTER_U], cv = tx[yarn + MaterialLayout.CLY_CENTER_V];
        float centerX = (bu + cu) * tw, centerY = (bv + cv) * th;
        float xyX = (ou - cu) * tw, xyY = (ov - cv) * th;
        boolean weft = y(MaterialLayout.CLY_WEFT) != 0;
        umaxMod = y(MaterialLayout.CLY_UMAX);
        double period = p(MaterialLayout.CLT_PERIOD);
        if (period > 0) {
            double r1 = noise.newPerlin((centerX * (th * repeatV + teaFloat(centerX, 2f * centerY)) + centerY)
                    / period, 0, 0);
            double r2 = noise.newPerlin((centerY * (tw * repeatU + teaFloat(centerX, 2f * centerY + 1f)) + centerX)
                    / period, 0, 0);
            umaxMod += weft
                    ? r1 * p(MaterialLayout.CLT_DWEFT_DWARP) + r2 * p(MaterialLayout.CLT_DWEFT_DWEFT)
                    : r1 * p(MaterialLayout.CLT_DWARP_DWARP) + r2 * p(MaterialLayout.CLT_DWARP_DWEFT);
        }
        double length = y(MaterialLayout.CLY_LENGTH), width = y(MaterialLayout.CLY_WIDTH);
        if (weft) {
            u = xyX * 2 * umaxMod / length;
            v = -xyY * Math.PI / width;
        } else {
            u = xyY * 2 * umaxMod / length;
            v = xyX * Math.PI / width;
        }
        scale = 1;
        double fineness = p(MaterialLayout.CLT_FINENESS);
        if (fineness > 0) {
            float fine = (float) fineness;
            double xi = teaFloat((centerX + xyX) * fine, (centerY + xyY) * fine);
            scale = Math.min(-Math.log(xi), 10.0);
        }
    }

    /** Irawan::evalSpecular(wo, wi) for the last getYarn (without the scale). */
    double evalSpecular(double[] wo, double[] wi) {
        double[] i = wi[2] < 0 ? new double[] {-wi[0], -wi[1], -wi[2]} : wi.clone();
        double[] r = wo[2] < 0 ? new double[] {-wo[0], -wo[1], -wo[2]} : wo.clone();
        double area = p(MaterialLayout.CLT_WARP_AREA);
        if (y(MaterialLayout.CLY_WEFT) != 0) {
            i = new double[] {-i[1], i[0], i[2]};
            r = new double[] {-r[1], r[0], r[2]};
            area = p(MaterialLayout.CLT_WEFT_AREA);
        }
        double total = p(MaterialLayout.CLT_WARP_AREA) + p(MaterialLayout.CLT_WEFT_AREA);
        margin = Double.POSITIVE_INFINITY;
        double s = y(MaterialLayout.CLY_PSI) != 0 ? staple(i, r) : filament(i, r);
        return s * total / area;
    }

    static double vonMises(double cosX, double b) {
        double factor = Math.exp(b * cosX) / (2 * Math.PI);
        double absB = Math.abs(b);
        if (absB <= 3.75) {
            double t0 = absB / 3.75, t = t0 * t0;
            return factor / (1.0 + t * (3.5156229 + t * (3.0899424 + t * (1.2067492 + t * (0.2659732
                    + t * (0.0360768 + t * 0.0045813))))));
        }
        double t = 3.75 / absB;
        return factor * Math.sqrt(absB) / (Math.exp(absB) * (0.39894228 + t * (0.01328592 + t * (0.00225319
                + t * (-0.00157565 + t * (0.00916281 + t * (-0.02057706 + t * (0.02635537 + t * (-0.01647633
                + t * 0.00392377)))))))));
    }

    static double seeliger(double cos1, double cos2) {
        double c1 = Math.max(0, cos1), c2 = Math.max(0, cos2);
        if (c1 == 0 || c2 == 0) {
            return 0;
        }
        return 1 / (2 * Math.PI) * .5 * c1 * c2 / (c1 + c2);
    }

    double radiusOfCurvature(double uu, double umax) {
        double kappa = y(MaterialLayout.CLY_KAPPA), width = y(MaterialLayout.CLY_WIDTH);
        double length = y(MaterialLayout.CLY_LENGTH);
        double rhat = 1.0 + kappa * (1.0 + 1.0 / Math.tan(umax));
        double a = 0.5 * width;
        if (rhat == 1.0) {
            return 0.5 * length / Math.sin(umax) - a;
        } else if (rhat > 0.0) {
            double tmax = Math.atan(rhat * Math.tan(umax));
            double bhat = (0.5 * length - a * Math.sin(umax)) / Math.sin(tmax);
            double ahat = bhat / rhat;
            double tt = Math.atan(rhat * Math.tan(uu));
            return Math.pow(bhat * bhat * Math.cos(tt) * Math.cos(tt) + ahat * ahat * Math.sin(tt) * Math.sin(tt), 1.5)
                    / (ahat * bhat);
        } else if (rhat < 0.0) {
            double tmax = -atanh(rhat * Math.tan(umax));
            double bhat = (0.5 * length - a * Math.sin(umax)) / Math.sinh(tmax);
            double ahat = bhat / rhat;
            double tt = -atanh(rhat * Math.tan(uu));
            return -Math.pow(bhat * bhat * Math.cosh(tt) * Math.cosh(tt) + ahat * ahat * Math.sinh(tt) * Math.sinh(tt),
                    1.5) / (ahat * bhat);
        }
        double tmax = Math.tan(umax);
        double ahat = (0.5 * length - a * Math.sin(umax)) / (2 * tmax);
        double tt = Math.tan(uu);
        return 2 * ahat * Math.pow(1 + tt * tt, 1.5);
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    private static double[] normalize(double x, double y, double z) {
        double l = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / l, y / l, z / l};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    double filament(double[] omI, double[] omR) {
        double ss = p(MaterialLayout.CLT_SS), hWidth = p(MaterialLayout.CLT_HWIDTH);
        double width = y(MaterialLayout.CLY_WIDTH), length = y(MaterialLayout.CLY_LENGTH);
        if (ss < 0 || ss >= 1 || width * Math.sin(umaxMod) >= length || y(MaterialLayout.CLY_KAPPA) < -1) {
            return 0;
        }
        double[] h = normalize(omR[0] + omI[0], omR[1] + omI[1], omR[2] + omI[2]);
        double uOfV = Math.atan2(h[1], h[2]);
        double deltaU = umaxMod * hWidth;
        margin = Math.min(Math.abs(Math.abs(uOfV) - umaxMod), Math.abs(Math.abs(uOfV - u) - deltaU));
        if (Math.abs(uOfV) >= umaxMod || Math.abs(uOfV - u) >= deltaU) {
            return 0;
        }
        double[] n = normalize(Math.sin(v), Math.sin(uOfV) * Math.cos(v), Math.cos(uOfV) * Math.cos(v));
        double[] tt = normalize(0, Math.cos(uOfV), -Math.sin(uOfV));
        double rr = radiusOfCurvature(Math.min(Math.abs(uOfV), (1 - ss) * umaxMod), (1 - ss) * umaxMod);
        double a = 0.5 * width;
        double sum = Math.sqrt(Math.pow(omI[0] + omR[0], 2) + Math.pow(omI[1] + omR[1], 2) + Math.pow(omI[2] + omR[2], 2));
        double crossX = tt[1] * h[2] - tt[2] * h[1];
        double gu = a * (rr + a * Math.cos(v)) / (sum * Math.abs(crossX));
        double fc = p(MaterialLayout.CLT_ALPHA) + vonMises(-dot(omI, omR), p(MaterialLayout.CLT_BETA));
        double as = seeliger(dot(n, omI), dot(n, omR));
        if (ss > 0) {
            double x = Math.max(0, Math.min(1, (umaxMod - Math.abs(uOfV)) / (ss * umaxMod)));
            as *= x * x * (-2 * x + 3);
        }
        return gu * fc * as * Math.PI / hWidth;
    }

    double staple(double[] omI, double[] omR) {
        double hWidth = p(MaterialLayout.CLT_HWIDTH);
        double width = y(MaterialLayout.CLY_WIDTH), length = y(MaterialLayout.CLY_LENGTH), psi = y(MaterialLayout.CLY_PSI);
        if (width * Math.sin(umaxMod) >= length || y(MaterialLayout.CLY_KAPPA) < -1) {
            return 0;
        }
        double[] h = normalize(omI[0] + omR[0], omI[1] + omR[1], omI[2] + omR[2]);
        double d = (h[1] * Math.cos(u) - h[2] * Math.sin(u))
                / (Math.sqrt(h[0] * h[0] + Math.pow(h[1] * Math.sin(u) + h[2] * Math.cos(u), 2)) * Math.tan(psi));
        margin = Math.abs(Math.abs(d) - 1);
        if (!(Math.abs(d) < 1)) {
            return 0;
        }
        double vOfU = Math.atan2(-h[1] * Math.sin(u) - h[2] * Math.cos(u), h[0]) + Math.acos(d);
        double deltaV = .5 * Math.PI * hWidth;
        margin = Math.min(margin, Math.abs(Math.abs(vOfU - v) - deltaV));
        if (Math.abs(vOfU - v) >= deltaV) {
            return 0;
        }
        double[] n = normalize(Math.sin(vOfU), Math.sin(u) * Math.cos(vOfU), Math.cos(u) * Math.cos(vOfU));
        double rr = radiusOfCurvature(Math.abs(u), umaxMod);
        double a = 0.5 * width;
        double sum = Math.sqrt(Math.pow(omI[0] + omR[0], 2) + Math.pow(omI[1] + omR[1], 2) + Math.pow(omI[2] + omR[2], 2));
        double gv = a * (rr + a * Math.cos(vOfU)) / (sum * dot(n, h) * Math.abs(Math.sin(psi)));
        double fc = p(MaterialLayout.CLT_ALPHA) + vonMises(-dot(omI, omR), p(MaterialLayout.CLT_BETA));
        double as = seeliger(dot(n, omI), dot(n, omR));
        return gv * fc * as * 2.0 * umaxMod / hWidth;
    }
}
