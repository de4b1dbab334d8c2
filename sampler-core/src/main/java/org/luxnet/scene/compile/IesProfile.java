package org.luxnet.scene.compile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An IES LM-63 photometric file as LuxRender reads it, and the lat-long image LuxRender resamples it
 * into.
 *
 * <p>Reading (LuxRender lights/sphericalfunction/photometricdata_ies.cpp, PhotometricDataIES::Load):
 * the first line must contain {@code IESNA}; keyword lines follow up to the line containing {@code
 * TILT}, which must say {@code TILT=NONE}; after it, with commas treated as blanks, come the number
 * of lamps, lumens per lamp, candela multiplier, the numbers of vertical and horizontal angles, the
 * photometric type, units, the three luminaire dimensions, ballast factor, ballast-lamp photometric
 * factor and input watts, then the vertical angles, the horizontal angles and one row of candela
 * values per horizontal angle. LuxRender reads missing numbers as zeros; here a file that ends early
 * or holds a word where a number belongs is rejected ({@link Malformed}, naming the line), as is one
 * with more angles than {@link #MAX_ANGLES}.
 *
 * <p>Resampling (sphericalfunction_ies.cpp, IESSphericalFunction's constructor): vertical angles
 * starting below 0 are shifted by 90 degrees; zero-valued angles are added just outside (1e-3
 * degrees) the first and last vertical angle, and at 0 and 180 when those are still missing; the
 * horizontal angles, which must start at 0, are mirrored from 0..90 to 0..180 and from 0..180 to
 * 0..360, and a last step to 360 (repeating the 0 row) is added when the angles are evenly spaced
 * short of it; anything else is unsupported and LuxRender uses a uniform function ({@link
 * Unsupported}). Each horizontal angle's values are a piecewise-linear function of theta / pi
 * (IrregularFunction1D, clamped at its ends) and the horizontal angles a piecewise-linear map from
 * phi / 2pi to a fractional row index, between whose neighbouring rows the value is interpolated
 * linearly. The result is sampled at the centres of a {@link #WIDTH} x {@link #HEIGHT} grid over
 * (phi / 2pi, theta / pi), rows in reverse order with {@code flipz}, times the candela multiplier,
 * ballast factor and ballast-lamp factor.
 */
final class IesProfile {
    /** LuxRender's resampling resolution (IESSphericalFunction: xRes 512, yRes 256). */
    static final int WIDTH = 512, HEIGHT = 256;
    /** The most vertical or horizontal angles accepted; real profiles have at most a few hundred. */
    static final int MAX_ANGLES = 10_000;

    /** A file LuxRender would not read: why, and the 1-based line. */
    static final class Malformed extends Exception {
        final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** Angles LuxRender reads but cannot resample (it renders the light uniformly). */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    final int photometricType;
    final double candelaMultiplier, ballastFactor, ballastLampFactor;
    final double[] vertical, horizontal;
    /** Candela values, one row of {@code vertical.length} per horizontal angle. */
    final double[][] candela;

    private IesProfile(int photometricType, double candelaMultiplier, double ballastFactor, double ballastLampFactor,
                       double[] vertical, double[] horizontal, double[][] candela) {
        this.photometricType = photometricType;
        this.candelaMultiplier = candelaMultiplier;
        this.ballastFactor = ballastFactor;
        this.ballastLampFactor = ballastLampFactor;
        this.vertical = vertical;
        this.horizontal = horizontal;
        this.candela = candela;
    }

    /** A number of the data section and the line it is on. */
    private record Num(double value, int line) {
    }

    /** Parses an LM-63 file's bytes. */
    static IesProfile parse(byte[] bytes) throws Malformed {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (lines.length == 0 || !lines[0].contains("IESNA")) {
            throw new Malformed(1, "the first line does not contain \"IESNA\" (LuxRender reads only IESNA LM-63 files)");
        }
        int tilt = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].contains("TILT")) {
                tilt = i;
                break;
            }
        }
        if (tilt < 0) {
            throw new Malformed(lines.length, "no TILT line");
        }
        if (!lines[tilt].contains("TILT=NONE")) {
            throw new Malformed(tilt + 1, "only TILT=NONE is supported (as in LuxRender), not \"" + lines[tilt].trim()
                    + "\"");
        }
        List<Num> nums = new ArrayList<>();
        int lastLine = lines.length;
        // The header's 13 numbers, then the angle counts tell how many more to read.
        int needed = 13;
        for (int i = tilt + 1; i < lines.length && nums.size() < needed; i++) {
            for (String tok : lines[i].replace(',', ' ').trim().split("\\s+")) {
                if (tok.isEmpty()) {
                    continue;
                }
                double v;
                try {
                    v = Double.parseDouble(tok);
                } catch (NumberFormatException e) {
                    throw new Malformed(i + 1, "\"" + tok + "\" is not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new Malformed(i + 1, "\"" + tok + "\" is not a finite number");
                }
                nums.add(new Num(v, i + 1));
                if (nums.size() == 13) {
                    int nv = count(nums.get(3), "vertical");
                    int nh = count(nums.get(4), "horizontal");
                    needed = 13 + nv + nh + nv * nh;
                }
            }
        }
        if (nums.size() < needed) {
            throw new Malformed(lastLine, "the file ends after " + nums.size() + " of its " + needed
                    + " numbers (header, angles and candela values)");
        }
        int nv = (int) nums.get(3).value(), nh = (int) nums.get(4).value();
        double[] v = new double[nv];
        double[] h = new double[nh];
        double[][] c = new double[nh][nv];
        int next = 13;
        for (int j = 0; j < nv; j++) {
            v[j] = nums.get(next++).value();
            if (j > 0 && !(v[j] > v[j - 1])) {
                throw new Malformed(nums.get(next - 1).line(), "the vertical angles do not increase ("
                        + v[j - 1] + " then " + v[j] + ")");
            }
        }
        for (int i = 0; i < nh; i++) {
            h[i] = nums.get(next++).value();
            if (i > 0 && !(h[i] > h[i - 1])) {
                throw new Malformed(nums.get(next - 1).line(), "the horizontal angles do not increase ("
                        + h[i - 1] + " then " + h[i] + ")");
            }
        }
        for (int i = 0; i < nh; i++) {
            for (int j = 0; j < nv; j++) {
                c[i][j] = nums.get(next++).value();
            }
        }
        return new IesProfile((int) nums.get(5).value(), nums.get(2).value(), nums.get(10).value(),
                nums.get(11).value(), v, h, c);
    }

    private static int count(Num n, String what) throws Malformed {
        if (!(n.value() >= 1 && n.value() <= MAX_ANGLES && n.value() == Math.rint(n.value()))) {
            throw new Malformed(n.line(), "the number of " + what + " angles, " + n.value()
                    + ", is not a whole number from 1 to " + MAX_ANGLES);
        }
        return (int) n.value();
    }

    /**
     * The {@link #WIDTH} x {@link #HEIGHT} single-channel image of LuxRender's IESSphericalFunction:
     * row y at theta = pi (y + 0.5) / HEIGHT (reversed with {@code flipZ}), column x at phi = 2 pi (x +
     * 0.5) / WIDTH.
     */
    float[] resample(boolean flipZ) throws Unsupported {
        List<Double> vert = new ArrayList<>();
        for (double a : vertical) {
            vert.add(a);
        }
        List<Double> horiz = new ArrayList<>();
        for (double a : horizontal) {
            horiz.add(a);
        }
        List<List<Double>> values = new ArrayList<>();
        for (double[] row : candela) {
            List<Double> r = new ArrayList<>();
            for (double x : row) {
                r.add(x);
            }
            values.add(r);
        }
        if (vert.get(0) < 0) {
            vert.replaceAll(a -> a + 90);
        }
        if (vert.get(0) > 0) {
            vert.add(0, Math.max(0, vert.get(0) - 1e-3));
            values.forEach(r -> r.add(0, 0.0));
            if (vert.get(0) > 0) {
                vert.add(0, 0.0);
                values.forEach(r -> r.add(0, 0.0));
            }
        }
        if (last(vert) < 180) {
            vert.add(Math.min(180, last(vert) + 1e-3));
            values.forEach(r -> r.add(0.0));
            if (last(vert) < 180) {
                vert.add(180.0);
                values.forEach(r -> r.add(0.0));
            }
        }
        if (horiz.get(0) != 0) {
            throw new Unsupported("the horizontal angles start at " + horiz.get(0) + ", not 0");
        }
        if (horiz.size() == 1) {
            horiz.add(90.0);
            values.add(new ArrayList<>(values.get(0)));
        }
        if (last(horiz) == 90) {
            for (int i = horiz.size() - 2; i >= 0; i--) {
                horiz.add(180 - horiz.get(i));
                values.add(new ArrayList<>(values.get(i)));
            }
        }
        if (last(horiz) == 180) {
            for (int i = horiz.size() - 2; i >= 0; i--) {
                horiz.add(360 - horiz.get(i));
                values.add(new ArrayList<>(values.get(i)));
            }
        }
        if (last(horiz) != 360) {
            double back = last(horiz);
            if (360 - back != back - horiz.get(horiz.size() - 2)) {
                throw new Unsupported("the horizontal angles end at " + back + ", not at 90, 180 or 360 degrees"
                        + " or one even step short of 360");
            }
            horiz.add(360.0);
            values.add(new ArrayList<>(values.get(0)));
        }
        float scale = (float) (candelaMultiplier * ballastFactor * ballastLampFactor);
        int nu = horiz.size(), nvert = vert.size();
        float[] vx = new float[nvert];
        for (int j = 0; j < nvert; j++) {
            vx[j] = clamp01((float) Math.toRadians(vert.get(j)) * (float) (1 / Math.PI));
        }
        float[][] vy = new float[nu][nvert];
        float[] ux = new float[nu], uy = new float[nu];
        for (int i = 0; i < nu; i++) {
            for (int j = 0; j < nvert; j++) {
                vy[i][j] = (float) (double) values.get(i).get(j) * scale;
            }
            ux[i] = clamp01((float) Math.toRadians(horiz.get(i)) * (float) (0.5 / Math.PI));
            uy[i] = i;
        }
        float[] img = new float[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            float t = (y + 0.5f) / HEIGHT;
            int row = flipZ ? HEIGHT - 1 - y : y;
            for (int x = 0; x < WIDTH; x++) {
                float s = (x + 0.5f) / WIDTH;
                float u = irregular(ux, uy, s);
                int u1 = (int) Math.floor(u);
                int u2 = Math.min(nu - 1, u1 + 1);
                float du = u - u1;
                float a = irregular(vx, vy[u1], t), b = irregular(vx, vy[u2], t);
                img[row * WIDTH + x] = (1 - du) * a + du * b;
            }
        }
        return img;
    }

    /** LuxRender's IrregularFunction1D::Eval: linear between samples, clamped at both ends. */
    static float irregular(float[] xs, float[] ys, float x) {
        int n = xs.length;
        if (x <= xs[0]) {
            return ys[0];
        }
        if (x >= xs[n - 1]) {
            return ys[n - 1];
        }
        int i = 0;
        while (xs[i + 1] <= x) { // first sample above x is i + 1 (std::upper_bound)
            i++;
        }
        float d = (x - xs[i]) / (xs[i + 1] - xs[i]);
        return (1 - d) * ys[i] + d * ys[i + 1];
    }

    private static float clamp01(float v) {
        return Math.min(1f, Math.max(0f, v));
    }

    private static double last(List<Double> l) {
        return l.get(l.size() - 1);
    }
}
