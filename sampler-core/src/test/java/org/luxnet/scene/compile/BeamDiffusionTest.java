package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The port of pbrt-v3's photon beam diffusion table (core/bssrdf.cpp, core/interpolation.cpp) in
 * {@link BeamDiffusion}. The expected values were computed by a separate transcription of pbrt-v3's
 * functions in C++ (BeamDiffusionMS / BeamDiffusionSS of sigma_s = rho, sigma_a = 1 - rho as
 * ComputeBeamDiffusionBSSRDF calls them, the table's rhoEff by IntegrateCatmullRom, SubsurfaceFromDiffuse's
 * InvertCatmullRom), once with Float = double (the port's precision: agreement to 1e-6) and once with
 * pbrt's own Float = float (what pbrt-v3 computes: agreement to its float rounding, 1e-4).
 */
class BeamDiffusionTest {
    /** {rho, r, BeamDiffusionMS, BeamDiffusionSS in double, the same in float} at g 0, eta 1.33. */
    private static final double[][] PROFILES = {
        {0.5, 0.01, 0.0830872575196238, 2.57246366567545, 0.083083734, 2.5724649},
        {0.5, 0.1, 0.0286498523041443, 0.145808152887674, 0.028648779, 0.14580815},
        {0.5, 1, 0.00204416133981297, 0.000613400528477414, 0.0020441157, 0.00061340036},
        {0.5, 4, 2.53040418127119e-05, 5.77110248758818e-08, 2.5303712e-05, 5.7710977e-08},
        {0.9, 0.01, 0.283247650358515, 4.63043447555118, 0.28323615, 4.630434},
        {0.9, 0.1, 0.105833729776159, 0.262454668245139, 0.10583002, 0.2624546},
        {0.9, 1, 0.0126666835872341, 0.00110412092201013, 0.012666461, 0.0011041206},
        {0.9, 4, 0.000624848446642742, 1.03879842024711e-07, 0.00062484475, 1.0387979e-07},
        {0.99, 0.01, 0.352057695841189, 5.09347810710324, 0.35204372, 5.0934815},
        {0.99, 1, 0.0214528368523978, 0.00121453305808497, 0.021452535, 0.0012145329},
        {0.99, 4, 0.00229993142796251, 1.14267830354996e-07, 0.0022999318, 1.1426778e-07},
    };

    @Test
    void profilesMatchPbrt() {
        for (double[] p : PROFILES) {
            String at = "rho " + p[0] + " r " + p[1];
            double ms = BeamDiffusion.beamDiffusionMs(p[0], 1 - p[0], 0, 1.33, (float) p[1]);
            double ss = BeamDiffusion.beamDiffusionSs(p[0], 1 - p[0], 0, 1.33, (float) p[1]);
            assertEquals(p[2], ms, 1e-6 * p[2], "MS " + at);
            assertEquals(p[3], ss, 1e-6 * p[3], "SS " + at);
            assertEquals(p[4], ms, 1e-4 * p[4], "MS as pbrt-v3 computes it in float, " + at);
            assertEquals(p[5], ss, 1e-4 * p[5], "SS as pbrt-v3 computes it in float, " + at);
        }
        // Anisotropic scattering and another index.
        assertEquals(0.00984155354031717, BeamDiffusion.beamDiffusionMs(0.8, 0.2, 0.5, 1.5, 0.3), 1e-8);
        assertEquals(0.00579347540940038, BeamDiffusion.beamDiffusionSs(0.8, 0.2, 0.5, 1.5, 0.3), 1e-8);
    }

    /** The nodes and effective albedos of ComputeBeamDiffusionBSSRDF's table. */
    @Test
    void effectiveAlbedosMatchPbrt() {
        BeamDiffusion t = new BeamDiffusion(0, 1.33);
        assertEquals(0, t.radius[0]);
        assertEquals(2.5e-3f, (float) t.radius[1]);
        assertEquals(0, t.rho[0]);
        assertEquals(1, t.rho[99], 1e-15);
        assertEquals(0.55447334, t.rho[10], 1e-7);
        int[] at = {10, 50, 80, 95, 99};
        double[] rhoEff = {0.0794637443952237, 0.592505850845575, 0.884931655578255, 0.981440065213708, 1.01934277659266};
        double[] rhoEffFloat = {0.079462774, 0.59250236, 0.88493037, 0.9814328, 1.0193435};
        for (int k = 0; k < at.length; k++) {
            assertEquals(rhoEff[k], t.rhoEff[at[k]], 1e-8, "rhoEff[" + at[k] + "]");
            assertEquals(rhoEffFloat[k], t.rhoEff[at[k]], 2e-5, "pbrt-v3's float rhoEff[" + at[k] + "]");
        }
        BeamDiffusion t2 = new BeamDiffusion(0.5, 1.5);
        double[] rhoEff2 = {0.0197384165600501, 0.363154617265665, 0.735905569312686, 0.89068146294818, 0.948426167097762};
        for (int k = 0; k < at.length; k++) {
            assertEquals(rhoEff2[k], t2.rhoEff[at[k]], 1e-8, "g 0.5 eta 1.5: rhoEff[" + at[k] + "]");
        }
        for (int i = 1; i < BeamDiffusion.RHO_SAMPLES; i++) {
            assertTrue(t.rhoEff[i] > t.rhoEff[i - 1], "rhoEff grows with the albedo");
        }
    }

    /** SubsurfaceFromDiffuse (mfp 1): the albedo pbrt-v3 finds for Kd, and 1 - albedo absorbs. */
    @Test
    void subsurfaceFromDiffuseMatchesPbrt() {
        BeamDiffusion t = new BeamDiffusion(0, 1.33);
        double[] kd = {0.05, 0.2, 0.5, 0.8, 0.95};
        double[] rho = {0.420714118801831, 0.818249656559013, 0.969530889703165, 0.99658161862073, 0.999649121092773};
        double[] rhoFloat = {0.42071688, 0.81825286, 0.9695316, 0.99658167, 0.99964911};
        for (int k = 0; k < kd.length; k++) {
            double[] s = t.fromDiffuse((float) kd[k], 1);
            // pbrt-v3's Newton-bisection stops at |F - u| < 1e-6, the port's at 1e-12.
            assertEquals(rho[k], s[1], 1e-6, "sigma_s of Kd " + kd[k]);
            assertEquals(1 - rho[k], s[0], 1e-6, "sigma_a of Kd " + kd[k]);
            assertEquals(rhoFloat[k], s[1], 1e-5, "pbrt-v3's float albedo of Kd " + kd[k]);
            // The mean free path scales both: sigma_t = 1 / mfp.
            double[] half = t.fromDiffuse((float) kd[k], 0.5);
            assertEquals(2 * s[1], half[1], 1e-12);
            assertEquals(2, half[0] + half[1], 1e-12);
        }
        BeamDiffusion t2 = new BeamDiffusion(0.5, 1.5);
        assertEquals(0.948288463241846, t2.fromDiffuse(0.2f, 1)[1], 1e-6);
        // Kd above the table's largest rhoEff gives albedo 1 (InvertCatmullRom's bound), below 0 albedo 0.
        assertEquals(1, t2.fromDiffuse(0.99, 1)[1]);
        assertEquals(0, t.fromDiffuse(-1, 1)[1]);
    }

    /** Kd -> sigma -> the table's reflectance at that albedo gives Kd back within 1e-3 (over the table's range). */
    @Test
    void subsurfaceFromDiffuseRoundTrips() {
        for (double[] ge : new double[][] {{0, 1.33}, {0.5, 1.5}, {-0.3, 1.2}}) {
            BeamDiffusion t = new BeamDiffusion(ge[0], ge[1]);
            for (double kd = 0.01; kd < Math.min(0.99, t.rhoEff[BeamDiffusion.RHO_SAMPLES - 1]); kd += 0.01) {
                double[] s = t.fromDiffuse(kd, 2.5);
                double albedo = s[1] / (s[0] + s[1]);
                assertEquals(kd, t.effectiveAlbedo(albedo), 1e-3, "g " + ge[0] + " eta " + ge[1] + " Kd " + kd);
            }
        }
    }

    /**
     * The helpers against closed forms: the Catmull-Rom integral of a cubic's samples (exact for
     * quadratics, the spline's end slopes being one-sided), FrDielectric at normal incidence
     * ((eta - 1) / (eta + 1))^2 and total internal reflection, PhaseHG integrating to 1.
     */
    @Test
    void helpersHaveTheirClosedForms() {
        double[] x = new double[40], f = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.05 + 0.001 * i * i;
            f[i] = 1 + 2 * x[i];
        }
        double b = x[x.length - 1];
        assertEquals(b + b * b, BeamDiffusion.integrateCatmullRom(x, f), 1e-12, "linear: exact");
        assertEquals(0.04, BeamDiffusion.frDielectric(1, 1, 1.5), 1e-12);
        assertEquals(0.04, BeamDiffusion.frDielectric(-1, 1, 1.5), 1e-12);
        assertEquals(1, BeamDiffusion.frDielectric(-0.2, 1, 1.5), 0, "beyond the critical angle inside");
        double sum = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            sum += BeamDiffusion.phaseHg(-1 + (i + 0.5) * 2.0 / n, 0.7) * 2.0 / n * 2 * Math.PI;
        }
        assertEquals(1, sum, 1e-4);
        assertEquals(0.3, BeamDiffusion.invertCatmullRom(x, f, 1 + 2 * 0.3), 1e-9, "inverts a line");
    }
}
