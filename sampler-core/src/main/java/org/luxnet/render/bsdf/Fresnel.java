package org.luxnet.render.bsdf;

/** Fresnel reflectance for dielectrics and conductors (pbrt-v3's formulas) and Schlick's approximation. */
public final class Fresnel {
    private Fresnel() {
    }

    /**
     * Unpolarized reflectance at a dielectric boundary; {@code cosThetaI} is measured on the side of
     * {@code etaI} and may be negative (then the media swap). Total internal reflection gives 1.
     */
    public static float dielectric(float cosThetaI, float etaI, float etaT) {
        cosThetaI = Math.max(-1f, Math.min(1f, cosThetaI));
        if (cosThetaI <= 0) {
            float t = etaI;
            etaI = etaT;
            etaT = t;
            cosThetaI = -cosThetaI;
        }
        float sinThetaI = (float) Math.sqrt(Math.max(0f, 1 - cosThetaI * cosThetaI));
        float sinThetaT = etaI / etaT * sinThetaI;
        if (sinThetaT >= 1) {
            return 1f;
        }
        float cosThetaT = (float) Math.sqrt(Math.max(0f, 1 - sinThetaT * sinThetaT));
        float rParl = (etaT * cosThetaI - etaI * cosThetaT) / (etaT * cosThetaI + etaI * cosThetaT);
        float rPerp = (etaI * cosThetaI - etaT * cosThetaT) / (etaI * cosThetaI + etaT * cosThetaT);
        return 0.5f * (rParl * rParl + rPerp * rPerp);
    }

    /** Reflectance of a conductor with complex index {@code eta + i k} (relative to the outside medium). */
    public static float conductor(float cosThetaI, float eta, float k) {
        cosThetaI = Math.max(-1f, Math.min(1f, Math.abs(cosThetaI)));
        float cos2 = cosThetaI * cosThetaI, sin2 = 1 - cos2;
        float eta2 = eta * eta, k2 = k * k;
        float t0 = eta2 - k2 - sin2;
        float a2plusb2 = (float) Math.sqrt(t0 * t0 + 4 * eta2 * k2);
        float t1 = a2plusb2 + cos2;
        float a = (float) Math.sqrt(Math.max(0f, 0.5f * (a2plusb2 + t0)));
        float t2 = 2 * cosThetaI * a;
        float rs = (t1 - t2) / (t1 + t2);
        float t3 = cos2 * a2plusb2 + sin2 * sin2;
        float t4 = t2 * sin2;
        float rp = rs * (t3 - t4) / (t3 + t4);
        return 0.5f * (rp + rs);
    }

    /** (1 - c)^5, the Schlick weight. */
    public static float pow5(float c) {
        float m = Math.max(0f, Math.min(1f, 1 - c));
        float m2 = m * m;
        return m2 * m2 * m;
    }
}
