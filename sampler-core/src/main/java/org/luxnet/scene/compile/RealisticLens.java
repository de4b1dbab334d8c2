package org.luxnet.scene.compile;

import java.util.List;
import java.util.stream.IntStream;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;

/**
 * The host half of pbrt-v3's RealisticCamera (cameras/realistic.cpp), in double precision, run once
 * when the scene compiles: the element interfaces in metres, the film placed by FocusThickLens
 * (the thick-lens approximation's cardinal points; the constructor's FocusBinarySearch is only
 * printed by pbrt-v3 and not used, so it is not run here; the tests compare the two), and the exit pupil bounds of
 * BoundExitPupil for 64 radial segments of the film, 1024 x 1024 samples each. Lens space has the
 * film at z = 0 and the lens towards -z; pbrt's camera space is lens space with z flipped.
 */
final class RealisticLens {
    /** pbrt-v3's exit pupil segments and samples per segment. */
    static final int PUPIL_SEGMENTS = 64, PUPIL_SAMPLES = 1024 * 1024;

    /** Per element, scene side first: curvature radius, thickness, eta, aperture radius (metres). */
    final double[] elements;
    final int count;
    /** The film diagonal in metres. */
    final double diagonal;
    /** Per segment: pMin.x, pMin.y, pMax.x, pMax.y on the plane of the rear element. */
    double[] pupil;

    /**
     * @param lensData the lens file's values in millimetres ({@link LensFile#parse})
     * @param apertureDiameter the "aperturediameter" in millimetres
     * @param diagonalMm the film's "diagonal" in millimetres
     */
    RealisticLens(double[] lensData, double apertureDiameter, double diagonalMm, FileLoc loc,
                  List<SceneWarning> warnings) {
        count = lensData.length / 4;
        elements = new double[lensData.length];
        for (int i = 0; i < lensData.length; i += 4) {
            double aperture = lensData[i + 3];
            if (lensData[i] == 0) {
                if (apertureDiameter > aperture) {
                    warnings.add(new SceneWarning(loc, "Specified aperture diameter " + apertureDiameter
                            + " is greater than maximum possible " + aperture + ".  Clamping it."));
                } else {
                    aperture = apertureDiameter;
                }
            }
            elements[i] = lensData[i] * .001;
            elements[i + 1] = lensData[i + 1] * .001;
            elements[i + 2] = lensData[i + 2];
            elements[i + 3] = aperture * .001 / 2;
        }
        diagonal = diagonalMm * .001;
    }

    double rearZ() {
        return elements[4 * (count - 1) + 1];
    }

    double frontZ() {
        double z = 0;
        for (int i = 0; i < count; i++) {
            z += elements[4 * i + 1];
        }
        return z;
    }

    double rearRadius() {
        return elements[4 * (count - 1) + 3];
    }

    /**
     * TraceLensesFromFilm: ray r (ox, oy, oz, dx, dy, dz, camera space) through the elements from the
     * film side; the ray leaving the front element to r (camera space) and true, or false when an
     * element or the stop blocks it or it is totally reflected.
     */
    boolean traceFromFilm(double[] r) {
        double[] s = {r[0], r[1], -r[2], r[3], r[4], -r[5]};
        double elementZ = 0;
        for (int i = count - 1; i >= 0; i--) {
            int e = 4 * i;
            elementZ -= elements[e + 1];
            double etaI = elements[e + 2];
            double etaT = i > 0 && elements[e - 2] != 0 ? elements[e - 2] : 1;
            if (!cross(s, e, elementZ, etaI, etaT)) {
                return false;
            }
        }
        r[0] = s[0];
        r[1] = s[1];
        r[2] = -s[2];
        r[3] = s[3];
        r[4] = s[4];
        r[5] = -s[5];
        return true;
    }

    /** TraceLensesFromScene: as {@link #traceFromFilm}, from the scene side towards the film. */
    boolean traceFromScene(double[] r) {
        double[] s = {r[0], r[1], -r[2], r[3], r[4], -r[5]};
        double elementZ = -frontZ();
        for (int i = 0; i < count; i++) {
            int e = 4 * i;
            double etaI = i == 0 || elements[e - 2] == 0 ? 1 : elements[e - 2];
            double etaT = elements[e + 2] != 0 ? elements[e + 2] : 1;
            if (!cross(s, e, elementZ, etaI, etaT)) {
                return false;
            }
            elementZ += elements[e + 1];
        }
        r[0] = s[0];
        r[1] = s[1];
        r[2] = -s[2];
        r[3] = s[3];
        r[4] = s[4];
        r[5] = -s[5];
        return true;
    }

    /**
     * The ray s (origin, direction; lens space, z along the axis) across the interface of element e at
     * elementZ: to the aperture stop's plane or the spherical element, false when it misses, falls outside
     * the aperture or is totally reflected; else refracted from etaI into etaT (pbrt's Refract of the
     * normalised -d about the normal facing it, Faceforward(n, -d)).
     */
    private boolean cross(double[] s, int e, double elementZ, double etaI, double etaT) {
        double ox = s[0], oy = s[1], oz = s[2], dx = s[3], dy = s[4], dz = s[5];
        double radius = elements[e];
        boolean stop = radius == 0;
        double t;
        if (stop) {
            t = (elementZ - oz) / dz;
        } else {
            t = sphere(radius, elementZ + radius, ox, oy, oz, dx, dy, dz);
            if (!(t >= 0)) {
                return false;
            }
        }
        ox += t * dx;
        oy += t * dy;
        oz += t * dz;
        if (ox * ox + oy * oy > elements[e + 3] * elements[e + 3]) {
            return false;
        }
        if (!stop) {
            double hz = oz - (elementZ + radius);
            double l = Math.sqrt(ox * ox + oy * oy + hz * hz);
            double nx = ox / l, ny = oy / l, nz = hz / l;
            if (nx * -dx + ny * -dy + nz * -dz < 0) {
                nx = -nx;
                ny = -ny;
                nz = -nz;
            }
            double eta = etaI / etaT;
            double dl = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double wx = -dx / dl, wy = -dy / dl, wz = -dz / dl;
            double cosI = nx * wx + ny * wy + nz * wz;
            double sin2T = eta * eta * Math.max(0, 1 - cosI * cosI);
            if (sin2T >= 1) {
                return false;
            }
            double k = eta * cosI - Math.sqrt(1 - sin2T);
            dx = -eta * wx + k * nx;
            dy = -eta * wy + k * ny;
            dz = -eta * wz + k * nz;
        }
        s[0] = ox;
        s[1] = oy;
        s[2] = oz;
        s[3] = dx;
        s[4] = dy;
        s[5] = dz;
        return true;
    }

    /** IntersectSphericalElement's t (NaN or negative: no hit). */
    private static double sphere(double radius, double zCenter, double ox, double oy, double oz, double dx,
                                 double dy, double dz) {
        double cz = oz - zCenter;
        double a = dx * dx + dy * dy + dz * dz;
        double b = 2 * (dx * ox + dy * oy + dz * cz);
        double c = ox * ox + oy * oy + cz * cz - radius * radius;
        double disc = b * b - 4 * a * c;
        if (disc < 0) {
            return Double.NaN;
        }
        double root = Math.sqrt(disc);
        double q = b < 0 ? -.5 * (b - root) : -.5 * (b + root);
        double t0 = q / a, t1 = c / q;
        boolean closer = (dz > 0) ^ (radius < 0);
        return closer ? Math.min(t0, t1) : Math.max(t0, t1);
    }

    /** ComputeThickLensApproximation and FocusThickLens: the rear element's thickness that focuses at focusDistance. */
    double focusThickLens(double focusDistance, FileLoc loc) {
        double x = .001 * diagonal;
        double[] r = {x, 0, frontZ() + 1, 0, 0, -1};
        if (!traceFromScene(r)) {
            throw new SceneException(loc, "realistic camera: unable to trace a ray from the scene to the film for the"
                    + " thick lens approximation (is the aperture stop extremely small?)");
        }
        double[] pz = new double[2], fz = new double[2];
        cardinal(x, r, pz, fz, 0);
        r = new double[] {x, 0, rearZ() - 1, 0, 0, 1};
        if (!traceFromFilm(r)) {
            throw new SceneException(loc, "realistic camera: unable to trace a ray from the film to the scene for the"
                    + " thick lens approximation (is the aperture stop extremely small?)");
        }
        cardinal(x, r, pz, fz, 1);
        double f = fz[0] - pz[0];
        double z = -focusDistance;
        double delta = 0.5 * (pz[1] - z + pz[0] - Math.sqrt((pz[1] - z - pz[0]) * (pz[1] - z - 4 * f - pz[0])));
        double thickness = rearZ() + delta;
        if (!(thickness > 0) || !Double.isFinite(thickness)) {
            throw new SceneException(loc, "realistic camera: this lens cannot focus at focusdistance " + focusDistance
                    + " (the film would be " + thickness + " m behind the rear element)");
        }
        return thickness;
    }

    /** ComputeCardinalPoints for an input ray at height x parallel to the axis and its traced ray r. */
    private static void cardinal(double x, double[] r, double[] pz, double[] fz, int k) {
        double tf = -r[0] / r[3];
        fz[k] = -(r[2] + tf * r[5]);
        double tp = (x - r[0]) / r[3];
        pz[k] = -(r[2] + tp * r[5]);
    }

    /** Lenses focused and bounded lately, by their elements, diagonal and focus distance: the last few. */
    private static final java.util.Map<String, double[][]> RECENT = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, double[][]> eldest) {
            return size() > 4;
        }
    };

    /**
     * {@link #focusAndBound(double, FileLoc)}, remembered for the last few lenses: the exit pupil's 64
     * million traced rays take seconds, and a scene is compiled again for autofocus, tests and every
     * render server session of the same scene.
     */
    static void focusAndBound(RealisticLens lens, double focusDistance, FileLoc loc) {
        String key = java.util.Arrays.toString(lens.elements) + " " + lens.diagonal + " " + focusDistance;
        double[][] known;
        synchronized (RECENT) {
            known = RECENT.get(key);
        }
        if (known == null) {
            lens.focusAndBound(focusDistance, loc);
            known = new double[][] {lens.elements.clone(), lens.pupil.clone()};
            synchronized (RECENT) {
                RECENT.put(key, known);
            }
        }
        System.arraycopy(known[0], 0, lens.elements, 0, lens.elements.length);
        lens.pupil = known[1].clone();
    }

    /** Focuses the lens (the rear element's thickness) and bounds the exit pupil of each film segment. */
    void focusAndBound(double focusDistance, FileLoc loc) {
        elements[4 * (count - 1) + 1] = focusThickLens(focusDistance, loc);
        double[] p = new double[4 * PUPIL_SEGMENTS];
        IntStream.range(0, PUPIL_SEGMENTS).parallel().forEach(i -> {
            double r0 = (double) i / PUPIL_SEGMENTS * diagonal / 2;
            double r1 = (double) (i + 1) / PUPIL_SEGMENTS * diagonal / 2;
            System.arraycopy(boundExitPupil(r0, r1), 0, p, 4 * i, 4);
        });
        pupil = p;
    }

    /** BoundExitPupil: the bounds (x0, y0, x1, y1) on the rear element's plane of rays from film x in [x0, x1] that pass. */
    double[] boundExitPupil(double filmX0, double filmX1) {
        double rear = rearRadius(), rz = rearZ();
        double lo = -1.5 * rear, hi = 1.5 * rear;
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        int exiting = 0;
        double[] r = new double[6];
        for (int i = 0; i < PUPIL_SAMPLES; i++) {
            double t = (i + 0.5) / PUPIL_SAMPLES;
            double fx = (1 - t) * filmX0 + t * filmX1;
            double u0 = radicalInverse2(i), u1 = radicalInverse3(i);
            double px = (1 - u0) * lo + u0 * hi, py = (1 - u1) * lo + u1 * hi;
            boolean inside = px >= minX && px <= maxX && py >= minY && py <= maxY;
            if (!inside) {
                r[0] = fx;
                r[1] = 0;
                r[2] = 0;
                r[3] = px - fx;
                r[4] = py;
                r[5] = rz;
                inside = traceFromFilm(r);
            }
            if (inside) {
                minX = Math.min(minX, px);
                minY = Math.min(minY, py);
                maxX = Math.max(maxX, px);
                maxY = Math.max(maxY, py);
                exiting++;
            }
        }
        if (exiting == 0) {
            return new double[] {lo, lo, hi, hi};
        }
        double delta = 2 * Math.sqrt(2 * (hi - lo) * (hi - lo)) / Math.sqrt(PUPIL_SAMPLES);
        return new double[] {minX - delta, minY - delta, maxX + delta, maxY + delta};
    }

    /** pbrt's RadicalInverse in base 2, below 1. */
    static double radicalInverse2(int i) {
        return Math.min((Integer.reverse(i) & 0xffffffffL) * 0x1p-32, 0x1.fffffffffffffp-1);
    }

    /** Base-3 radical inverses of 0 .. 3^7 - 1 (seven digits), for {@link #radicalInverse3}. */
    private static final double[] RADICAL3 = new double[2187];

    static {
        for (int i = 0; i < RADICAL3.length; i++) {
            double f = 1.0 / 3, v = 0;
            for (int a = i; a > 0; a /= 3) {
                v += (a % 3) * f;
                f /= 3;
            }
            RADICAL3[i] = v;
        }
    }

    /** pbrt's RadicalInverse in base 3, below 1 (i below 3^14): the low seven digits' value plus the high ones'. */
    static double radicalInverse3(int i) {
        return Math.min(RADICAL3[i % 2187] + RADICAL3[i / 2187] / 2187, 0x1.fffffffffffffp-1);
    }
}
