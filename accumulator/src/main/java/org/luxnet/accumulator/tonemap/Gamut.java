package org.luxnet.accumulator.tonemap;

/**
 * Moves a chromaticity outside a colour space's triangle onto it, as LuxRender's
 * ColorSystem::Constrain does: the point is projected at right angles onto the blue-red edge when it
 * lies below that edge, else onto the blue-green edge when above it, else onto the green-red edge
 * when above that one; a projection that falls beyond an edge's end is clamped to that primary.
 */
final class Gamut {
    private Gamut() {
    }

    /**
     * @param xy the colour space's chromaticities: red x, y, green x, y, blue x, y (white follows)
     * @return the constrained (x, y)
     */
    static double[] project(double[] xy, double x, double y) {
        double xr = xy[0], yr = xy[1], xg = xy[2], yg = xy[3], xb = xy[4], yb = xy[5];
        double aBR = (yr - yb) / (xr - xb), bBR = yb - aBR * xb;
        double aBG = (yg - yb) / (xg - xb), bBG = yb - aBG * xb;
        double aGR = (yr - yg) / (xr - xg), bGR = yg - aGR * xg;
        if (y < aBR * x + bBR) {
            return onEdge(x, y, aBR, bBR, xb, yb, xr, yr);
        } else if (y > aBG * x + bBG) {
            return onEdge(x, y, aBG, bBG, xb, yb, xg, yg);
        } else if (y > aGR * x + bGR) {
            return onEdge(x, y, aGR, bGR, xg, yg, xr, yr);
        }
        return new double[] {x, y};
    }

    /** The foot of the perpendicular from (x, y) to the line y = a x + b, clamped to [low, high] in x. */
    private static double[] onEdge(double x, double y, double a, double b, double xLow, double yLow, double xHigh,
                                   double yHigh) {
        double aOrtho = -1 / a, bOrtho = -aOrtho * x + y;
        double px = (bOrtho - b) / (a - aOrtho);
        if (px < xLow) {
            return new double[] {xLow, yLow};
        } else if (px > xHigh) {
            return new double[] {xHigh, yHigh};
        }
        return new double[] {px, a * px + b};
    }
}
