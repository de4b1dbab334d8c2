package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The IES LM-63 reader and LuxRender's resampling (sphericalfunction_ies.cpp) on hand-written files:
 * values in closed form from the piecewise-linear interpolation in theta / pi and in phi / 2pi, the
 * zero-valued angles added past the last vertical angle, the mirroring of horizontal angles, the
 * candela multiplier, flipz, and malformed files rejected with the line at fault.
 */
class IesProfileTest {
    /** Type C, one horizontal angle, vertical 0, 45, 90: 100, 50, 0 candela, multiplier 2. */
    static final String AXIAL = """
            IESNA:LM-63-2002
            [TEST] hand written
            [MANUFAC] luxnet
            TILT=NONE
            1 1000 2 3 1 1 2 0 0 0
            1 1 100
            0 45 90
            0
            100 50 0
            """;

    /** Vertical 0 and 90 (flat in theta), horizontal 0, 90, 180 with 10, 30, 50 candela, commas as blanks. */
    static final String AZIMUTHAL = """
            IESNA91
            TILT=NONE
            1,1000,1,2,3,1,2,0,0,0
            1 1 100
            0 90
            0 90 180
            10 10
            30 30
            50 50
            """;

    private static IesProfile parse(String text) throws IesProfile.Malformed {
        return IesProfile.parse(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** AXIAL at theta (degrees): 2 x (100 - 50 theta / 45) to 45, to 0 at 90, 0 beyond (the added 90.001 and 180). */
    private static double axial(double thetaDeg) {
        if (thetaDeg <= 45) {
            return 2 * (100 - 50 * thetaDeg / 45);
        }
        return thetaDeg <= 90 ? 2 * (50 - 50 * (thetaDeg - 45) / 45) : 0;
    }

    @Test
    void readsTheHeaderAnglesAndValues() throws Exception {
        IesProfile p = parse(AXIAL);
        assertEquals(1, p.photometricType);
        assertEquals(2, p.candelaMultiplier);
        assertEquals(3, p.vertical.length);
        assertEquals(45, p.vertical[1]);
        assertEquals(1, p.horizontal.length);
        assertEquals(50, p.candela[0][1]);
    }

    @Test
    void resamplesVerticalAnglesLinearlyInTheta() throws Exception {
        float[] img = parse(AXIAL).resample(false);
        assertEquals(IesProfile.WIDTH * IesProfile.HEIGHT, img.length);
        for (int y : new int[] {0, 10, 40, 63, 64, 100, 127, 128, 200, 255}) {
            double theta = 180.0 * (y + 0.5) / IesProfile.HEIGHT;
            for (int x : new int[] {0, 77, 511}) {
                assertEquals(axial(theta), img[y * IesProfile.WIDTH + x], 1e-3 * 200, "row " + y + " column " + x);
            }
        }
    }

    @Test
    void flipzReversesTheRows() throws Exception {
        IesProfile p = parse(AXIAL);
        float[] a = p.resample(false), b = p.resample(true);
        for (int y = 0; y < IesProfile.HEIGHT; y += 17) {
            assertEquals(a[y * IesProfile.WIDTH + 5], b[(IesProfile.HEIGHT - 1 - y) * IesProfile.WIDTH + 5]);
        }
        assertEquals(0, b[5], "the dark hemisphere is now at theta 0");
    }

    @Test
    void horizontalAnglesAreMirroredAndInterpolatedInPhi() throws Exception {
        float[] img = parse(AZIMUTHAL).resample(false);
        // 0..180 mirrored to 360: 10 at 0, 30 at 90, 50 at 180, 30 at 270, 10 at 360, linear between.
        double[] knots = {10, 30, 50, 30, 10};
        int y = 20; // theta ~ 14 degrees, where every row is flat in theta
        for (int x = 0; x < IesProfile.WIDTH; x += 31) {
            double phi = 360.0 * (x + 0.5) / IesProfile.WIDTH;
            int k = (int) (phi / 90);
            double f = phi / 90 - k;
            double expected = (1 - f) * knots[k] + f * knots[k + 1];
            assertEquals(expected, img[y * IesProfile.WIDTH + x], 1e-3 * 50, "column " + x);
        }
        // Past the last vertical angle (90, then 0 from 90.001): the lower hemisphere is dark.
        assertEquals(0, img[200 * IesProfile.WIDTH + 3]);
    }

    @Test
    void malformedFilesNameTheirLine() {
        IesProfile.Malformed notIes = assertThrows(IesProfile.Malformed.class, () -> parse("hello\nTILT=NONE\n"));
        assertEquals(1, notIes.line);
        IesProfile.Malformed tilt = assertThrows(IesProfile.Malformed.class,
                () -> parse("IESNA:LM-63-2002\n[TEST] x\nTILT=INCLUDE\n"));
        assertEquals(3, tilt.line);
        assertTrue(tilt.getMessage().contains("TILT=NONE"), tilt.getMessage());
        IesProfile.Malformed word = assertThrows(IesProfile.Malformed.class,
                () -> parse(AXIAL.replace("100 50 0", "100 fifty 0")));
        assertEquals(9, word.line);
        assertTrue(word.getMessage().contains("fifty"), word.getMessage());
        IesProfile.Malformed shortFile = assertThrows(IesProfile.Malformed.class,
                () -> parse(AXIAL.replace("100 50 0\n", "100 50\n")));
        assertTrue(shortFile.getMessage().contains("ends after 19 of its 20 numbers"), shortFile.getMessage());
        IesProfile.Malformed count = assertThrows(IesProfile.Malformed.class,
                () -> parse(AXIAL.replace("1 1000 2 3 1", "1 1000 2 -3 1")));
        assertEquals(5, count.line);
        IesProfile.Malformed order = assertThrows(IesProfile.Malformed.class,
                () -> parse(AXIAL.replace("0 45 90", "0 90 45")));
        assertEquals(7, order.line);
    }

    @Test
    void unsupportedHorizontalAnglesFallBackAsLuxRenderDoes() throws Exception {
        IesProfile p = parse(AZIMUTHAL.replace("0 90 180", "10 90 180"));
        assertThrows(IesProfile.Unsupported.class, () -> p.resample(false));
    }
}
