package org.luxnet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.accumulator.Film;
import org.luxnet.render.RenderSupport.Device;
import org.luxnet.scene.compile.CompiledRender;

/**
 * Direct light from a small two-sided area light, tilted 14 degrees, over a large diffuse floor, seen
 * from straight above (orthographic) away from the light, against the irradiance integrated in closed
 * form over the light's parallelogram. The floor sees the light at grazing angles, where a shadow ray
 * sent parallel to the sampled direction from the origin offset off the floor (1.6e-4 up: the floor's
 * eps grows with its size) crossed the light's plane up to eps / cosL early, beyond the light's margin:
 * the light shadowed itself: 15% of the shadow rays of the smaller floor in TwoSidedAreaLightDevicesTest, and
 * nearly all of this view (mean ratio 0.001 on CPU and OpenCL before the fix; 0.999, standard error 0.2%, after).
 */
class TiltedAreaLightTest {
    // The light: P(s, t) = P0 + s E1 + t E2, s and t in [0, 1]; L = 8, floor Kd = 0.6; maxdepth 1.
    private static final double[] P0 = {1, 1, 2.2}, E1 = {0, 0.6, 0}, E2 = {0.8, 0, 0.2};
    private static final double L = 8, KD = 0.6;
    // The view: the floor's square [-8, 0] x [-8, 0].
    private static final double X0 = -8, Y0 = -8, SIZE = 8;

    static final String SCENE = """
            LookAt -4 -4 10  -4 -4 0  0 1 0
            Camera "orthographic" "float screenwindow" [ -4 4 -4 4 ]
            Film "image" "integer xresolution" [ 32 ] "integer yresolution" [ 32 ]
            Sampler "random" "integer pixelsamples" [ 64 ]
            Integrator "path" "integer maxdepth" [ 1 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 8 8 8 ] "bool twosided" [ "true" ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ]
                "point P" [ 1 1 2.2  1 1.6 2.2  1.8 1.6 2.4  1.8 1 2.4 ]
            AttributeEnd
            Material "matte" "rgb Kd" [ 0.6 0.6 0.6 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -20 -20 0 20 -20 0 20 20 0 -20 20 0 ]
            WorldEnd
            """;

    /** The same in an absorbing medium (sigma_a 0.05, no scattering) that fills the scene, camera included. */
    static final String FOG = SCENE
            .replace("LookAt", "MakeNamedMedium \"fog\" \"string type\" \"homogeneous\" \"rgb sigma_a\" [ 0.05 0.05 0.05 ]\n"
                    + "  \"rgb sigma_s\" [ 0 0 0 ]\nMediumInterface \"\" \"fog\"\nLookAt")
            .replace("Integrator \"path\"", "Integrator \"volpath\"")
            .replace("WorldBegin", "WorldBegin\nMediumInterface \"fog\" \"fog\"");
    private static final double SIGMA_A = 0.05;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Device.class)
    void floorMeanMatchesTheIntegral(Device device) throws IOException {
        check(device, SCENE, 0);
    }

    /** The shadow ray's transmittance through media (PathTraceKernel.shadowTransmittance) is aimed likewise. */
    @ParameterizedTest
    @EnumSource(Device.class)
    void inAnAbsorbingMedium(Device device) throws IOException {
        check(device, FOG, SIGMA_A);
    }

    private void check(Device device, String scene, double sigmaA) throws IOException {
        Path f = tmp.resolve("tilted.pbrt");
        Files.writeString(f, scene);
        CompiledRender cr = RenderSupport.compile(f);
        assertTrue(cr.warnings().isEmpty(), cr.warnings().toString());
        Film film = RenderSupport.render(cr, 64, device, 11L);
        float[] rgb = film.toRgb();
        float[] rel = film.relativeErrors();
        int n = rel.length;
        double sum = 0, var = 0;
        for (int i = 0; i < n; i++) {
            double lum = 0.2126 * rgb[3 * i] + 0.7152 * rgb[3 * i + 1] + 0.0722 * rgb[3 * i + 2];
            sum += lum;
            assertTrue(Float.isFinite(rel[i]), "pixel " + i + " has a noise estimate");
            var += (rel[i] * lum) * (rel[i] * lum);
        }
        double mean = sum / n, se = Math.sqrt(var) / n;
        double expected = meanRadiance(sigmaA);
        System.out.printf("%s sigma_a %.2f: mean %.6f, integral %.6f, ratio %.5f, standard error %.2g%n", device, sigmaA, mean, expected,
                mean / expected, se / expected);
        assertTrue(se < 0.01 * expected, "noise small enough to judge: " + se / expected);
        // Within 4 standard errors, plus 0.2% for the midpoint rules and the RGB round trip.
        assertEquals(expected, mean, 4 * se + 0.002 * expected, device + ": mean radiance of the floor");
    }

    /**
     * The mean over the view of Kd / pi * integral of L |cosL| cos / r^2 exp(-sigma_a r) dA over the light, times the
     * camera ray's exp(-sigma_a 10) (midpoint rules).
     */
    static double meanRadiance(double sigmaA) {
        double[] n = cross(E1, E2);
        double area = Math.sqrt(dot(n, n));
        for (int k = 0; k < 3; k++) {
            n[k] /= area;
        }
        int floorCells = 96, lightCells = 24;
        double total = 0;
        for (int i = 0; i < floorCells; i++) {
            for (int j = 0; j < floorCells; j++) {
                double x = X0 + (i + 0.5) * SIZE / floorCells, y = Y0 + (j + 0.5) * SIZE / floorCells;
                double e = 0;
                for (int a = 0; a < lightCells; a++) {
                    for (int b = 0; b < lightCells; b++) {
                        double s = (a + 0.5) / lightCells, t = (b + 0.5) / lightCells;
                        double dx = P0[0] + s * E1[0] + t * E2[0] - x;
                        double dy = P0[1] + s * E1[1] + t * E2[1] - y;
                        double dz = P0[2] + s * E1[2] + t * E2[2];
                        double r2 = dx * dx + dy * dy + dz * dz;
                        double r = Math.sqrt(r2);
                        double cosFloor = dz / r;
                        double cosLight = Math.abs(dx * n[0] + dy * n[1] + dz * n[2]) / r;
                        e += cosFloor * cosLight / r2 * Math.exp(-sigmaA * r);
                    }
                }
                total += e * area / (lightCells * lightCells);
            }
        }
        // The camera's rays travel 10 to the floor.
        return KD / Math.PI * L * total / (floorCells * floorCells) * Math.exp(-sigmaA * 10);
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
