package org.luxnet.accumulator.tonemap;

import java.util.Arrays;

/**
 * An RGB colour space given by the CIE xy chromaticities of its three primaries and its white point:
 * LuxRender's {@code ColorSystem} (core/color.cpp), which the film's {@code colorspace_red/green/blue/
 * white} parameters set. White (1, 1, 1) has luminance Y = 1. LuxRender builds XYZ-to-RGB as the
 * least-squares solution {@code (M^T + 1 w^T)(M M^T + w w^T)^-1} with M the primaries scaled to sum
 * to the white w; since w = M 1 that is exactly M^-1, which is what is computed here. Immutable.
 */
public final class ColorSpace {
    /**
     * LuxRender's default film colour space (FlexImageFilm::CreateFilm, "default is SMPTE"): red (0.63,
     * 0.34), green (0.31, 0.595), blue (0.155, 0.07), white (0.314275, 0.329411). The film's own RGB is
     * read as RGB in this space, so a LuxRender scene with the default colour space comes out unchanged.
     */
    public static final ColorSpace LUXRENDER = new ColorSpace(0.63, 0.34, 0.31, 0.595, 0.155, 0.07, 0.314275, 0.329411);

    private final double[] xy;
    private final double[][] rgbToXyz;
    private final double[][] xyzToRgb;

    /**
     * @throws IllegalArgumentException when a chromaticity is not finite, a y is not positive, or the
     *     primaries are collinear (no colour space)
     */
    public ColorSpace(double xRed, double yRed, double xGreen, double yGreen, double xBlue, double yBlue,
                      double xWhite, double yWhite) {
        xy = new double[] {xRed, yRed, xGreen, yGreen, xBlue, yBlue, xWhite, yWhite};
        for (int i = 0; i < 8; i++) {
            if (!Double.isFinite(xy[i]) || (i % 2 == 1 && !(xy[i] > 0))) {
                throw new IllegalArgumentException("colour space chromaticities must be finite with y > 0, got "
                        + Arrays.toString(xy));
            }
        }
        // Columns: the XYZ of each primary with Y = 1.
        double[][] p = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double x = xy[2 * c], y = xy[2 * c + 1];
            p[0][c] = x / y;
            p[1][c] = 1;
            p[2][c] = (1 - x - y) / y;
        }
        double[] white = {xWhite / yWhite, 1, (1 - xWhite - yWhite) / yWhite};
        double[][] inv = Matrix3.inverse(p);
        if (inv == null) {
            throw new IllegalArgumentException("colour space primaries are collinear: " + Arrays.toString(xy));
        }
        // Scale the primaries so that RGB (1, 1, 1) is the white point.
        double[] s = Matrix3.times(inv, white);
        rgbToXyz = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                rgbToXyz[r][c] = p[r][c] * s[c];
            }
        }
        xyzToRgb = Matrix3.inverse(rgbToXyz);
        if (xyzToRgb == null) {
            throw new IllegalArgumentException("colour space white point lies on a primary's edge: " + Arrays.toString(xy));
        }
    }

    /** The eight chromaticities: red x, y, green x, y, blue x, y, white x, y. */
    public double[] chromaticities() {
        return xy.clone();
    }

    /** XYZ of linear RGB in this space. */
    public double[] toXyz(double r, double g, double b) {
        return Matrix3.times(rgbToXyz, new double[] {r, g, b});
    }

    /** Linear RGB in this space of XYZ; components may be negative (out of gamut) or above 1. */
    public double[] toRgb(double x, double y, double z) {
        return Matrix3.times(xyzToRgb, new double[] {x, y, z});
    }

    /** The luminance Y of linear RGB in this space. */
    public double luminance(double r, double g, double b) {
        return rgbToXyz[1][0] * r + rgbToXyz[1][1] * g + rgbToXyz[1][2] * b;
    }

    /**
     * XYZ to RGB with colours outside the primaries' triangle moved onto it: LuxRender's
     * ToRGBConstrained. An RGB with a negative weight keeps its luminance Y while its chromaticity is
     * projected at right angles onto the nearest edge of the triangle (clamped to the edge's primaries);
     * a colour with Y of 0 or less becomes black.
     */
    public double[] toRgbConstrained(double x, double y, double z) {
        double[] rgb = toRgb(x, y, z);
        if (!(rgb[0] < 0 || rgb[1] < 0 || rgb[2] < 0)) {
            return rgb;
        }
        if (!(y > 0)) {
            return new double[3];
        }
        double sum = x + y + z;
        double[] c = Gamut.project(xy, x / sum, y / sum);
        return toRgb(c[0] * y / c[1], y, (1 - c[0] - c[1]) * y / c[1]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColorSpace cs && Arrays.equals(xy, cs.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return "ColorSpace" + Arrays.toString(xy);
    }
}
