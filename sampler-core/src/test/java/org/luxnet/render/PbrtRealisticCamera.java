package org.luxnet.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A double-precision transcription of pbrt-v3's RealisticCamera (cameras/realistic.cpp), kept literal
 * (vectors, pbrt's Quadratic, Refract, Faceforward, Bounds2f), as the reference the kernel's rays are
 * checked against: the constructor (aperture stop, FocusThickLens, the 64 exit pupil bounds),
 * TraceLensesFromFilm / FromScene, FocusBinarySearch, SampleExitPupil and GenerateRay in camera space.
 */
final class PbrtRealisticCamera {
    /** A ray o + t d. */
    static final class Ray {
        double[] o, d;

        Ray(double[] o, double[] d) {
            this.o = o.clone();
            this.d = d.clone();
        }

        double[] at(double t) {
            return new double[] {o[0] + t * d[0], o[1] + t * d[1], o[2] + t * d[2]};
        }
    }

    record Element(double curvatureRadius, double[] thickness, double eta, double apertureRadius) {
    }

    final List<Element> elements = new ArrayList<>();
    final double diagonal;
    final int fullWidth, fullHeight;
    final boolean simpleWeighting;
    final double shutterOpen, shutterClose;
    final double[][] exitPupilBounds;
    final int pupilSamples;

    /**
     * @param lensData lens file values (mm), 4 per element
     * @param diagonalMm the film's diagonal (mm)
     * @param pupilSamples BoundExitPupil's sample count (pbrt: 1024 * 1024)
     * @param segments the exit pupil segments to bound (pbrt: all 64; the others stay null)
     */
    PbrtRealisticCamera(double[] lensData, double apertureDiameter, double focusDistance, boolean simpleWeighting,
                        double diagonalMm, int fullWidth, int fullHeight, int pupilSamples, int... segments) {
        this.diagonal = diagonalMm * .001;
        this.fullWidth = fullWidth;
        this.fullHeight = fullHeight;
        this.simpleWeighting = simpleWeighting;
        this.shutterOpen = 0;
        this.shutterClose = 1;
        this.pupilSamples = pupilSamples;
        double[] data = lensData.clone();
        for (int i = 0; i < data.length; i += 4) {
            if (data[i] == 0 && apertureDiameter <= data[i + 3]) {
                data[i + 3] = apertureDiameter;
            }
            elements.add(new Element(data[i] * .001, new double[] {data[i + 1] * .001}, data[i + 2],
                    data[i + 3] * .001 / 2));
        }
        elements.get(elements.size() - 1).thickness[0] = focusThickLens(focusDistance);
        exitPupilBounds = new double[64][];
        for (int i : segments) {
            double r0 = (double) i / 64 * diagonal / 2;
            double r1 = (double) (i + 1) / 64 * diagonal / 2;
            exitPupilBounds[i] = boundExitPupil(r0, r1);
        }
    }

    /** Takes the 64 exit pupil bounds from {@code bounds} (4 floats each), as the compiled camera holds them. */
    void usePupilBounds(float[] bounds) {
        for (int i = 0; i < 64; i++) {
            exitPupilBounds[i] = new double[] {bounds[4 * i], bounds[4 * i + 1], bounds[4 * i + 2], bounds[4 * i + 3]};
        }
    }

    double lensRearZ() {
        return elements.get(elements.size() - 1).thickness[0];
    }

    double lensFrontZ() {
        double z = 0;
        for (Element e : elements) {
            z += e.thickness[0];
        }
        return z;
    }

    double rearElementRadius() {
        return elements.get(elements.size() - 1).apertureRadius;
    }

    private static double[] scaleZ(double[] v) {
        return new double[] {v[0], v[1], -v[2]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] normalize(double[] v) {
        double l = Math.sqrt(dot(v, v));
        return new double[] {v[0] / l, v[1] / l, v[2] / l};
    }

    /** Null when blocked; else the ray leaving the front element, camera space. */
    Ray traceLensesFromFilm(Ray rCamera) {
        double elementZ = 0;
        Ray rLens = new Ray(scaleZ(rCamera.o), scaleZ(rCamera.d));
        for (int i = elements.size() - 1; i >= 0; --i) {
            Element element = elements.get(i);
            elementZ -= element.thickness[0];
            double t;
            double[] n = null;
            boolean isStop = element.curvatureRadius == 0;
            if (isStop) {
                t = (elementZ - rLens.o[2]) / rLens.d[2];
            } else {
                double radius = element.curvatureRadius;
                double zCenter = elementZ + element.curvatureRadius;
                double[] tn = intersectSphericalElement(radius, zCenter, rLens);
                if (tn == null) {
                    return null;
                }
                t = tn[0];
                n = new double[] {tn[1], tn[2], tn[3]};
            }
            double[] pHit = rLens.at(t);
            double r2 = pHit[0] * pHit[0] + pHit[1] * pHit[1];
            if (r2 > element.apertureRadius * element.apertureRadius) {
                return null;
            }
            rLens.o = pHit;
            if (!isStop) {
                double etaI = element.eta;
                double etaT = (i > 0 && elements.get(i - 1).eta != 0) ? elements.get(i - 1).eta : 1;
                double[] w = refract(normalize(new double[] {-rLens.d[0], -rLens.d[1], -rLens.d[2]}), n, etaI / etaT);
                if (w == null) {
                    return null;
                }
                rLens.d = w;
            }
        }
        return new Ray(scaleZ(rLens.o), scaleZ(rLens.d));
    }

    Ray traceLensesFromScene(Ray rCamera) {
        double elementZ = -lensFrontZ();
        Ray rLens = new Ray(scaleZ(rCamera.o), scaleZ(rCamera.d));
        for (int i = 0; i < elements.size(); ++i) {
            Element element = elements.get(i);
            double t;
            double[] n = null;
            boolean isStop = element.curvatureRadius == 0;
            if (isStop) {
                t = (elementZ - rLens.o[2]) / rLens.d[2];
            } else {
                double[] tn = intersectSphericalElement(element.curvatureRadius, elementZ + element.curvatureRadius,
                        rLens);
                if (tn == null) {
                    return null;
                }
                t = tn[0];
                n = new double[] {tn[1], tn[2], tn[3]};
            }
            double[] pHit = rLens.at(t);
            if (pHit[0] * pHit[0] + pHit[1] * pHit[1] > element.apertureRadius * element.apertureRadius) {
                return null;
            }
            rLens.o = pHit;
            if (!isStop) {
                double etaI = (i == 0 || elements.get(i - 1).eta == 0) ? 1 : elements.get(i - 1).eta;
                double etaT = element.eta != 0 ? element.eta : 1;
                double[] w = refract(normalize(new double[] {-rLens.d[0], -rLens.d[1], -rLens.d[2]}), n, etaI / etaT);
                if (w == null) {
                    return null;
                }
                rLens.d = w;
            }
            elementZ += element.thickness[0];
        }
        return new Ray(scaleZ(rLens.o), scaleZ(rLens.d));
    }

    /** {t, nx, ny, nz} or null. */
    static double[] intersectSphericalElement(double radius, double zCenter, Ray ray) {
        double[] o = {ray.o[0], ray.o[1], ray.o[2] - zCenter};
        double a = dot(ray.d, ray.d);
        double b = 2 * dot(ray.d, o);
        double c = dot(o, o) - radius * radius;
        double discrim = b * b - 4 * a * c;
        if (discrim < 0) {
            return null;
        }
        double rootDiscrim = Math.sqrt(discrim);
        double q = b < 0 ? -.5 * (b - rootDiscrim) : -.5 * (b + rootDiscrim);
        double t0 = q / a, t1 = c / q;
        if (t0 > t1) {
            double s = t0;
            t0 = t1;
            t1 = s;
        }
        boolean useCloserT = (ray.d[2] > 0) ^ (radius < 0);
        double t = useCloserT ? Math.min(t0, t1) : Math.max(t0, t1);
        if (t < 0) {
            return null;
        }
        double[] n = normalize(new double[] {o[0] + t * ray.d[0], o[1] + t * ray.d[1], o[2] + t * ray.d[2]});
        // Faceforward(n, -d).
        if (dot(n, new double[] {-ray.d[0], -ray.d[1], -ray.d[2]}) < 0) {
            n = new double[] {-n[0], -n[1], -n[2]};
        }
        return new double[] {t, n[0], n[1], n[2]};
    }

    static double[] refract(double[] wi, double[] n, double eta) {
        double cosThetaI = dot(n, wi);
        double sin2ThetaI = Math.max(0, 1 - cosThetaI * cosThetaI);
        double sin2ThetaT = eta * eta * sin2ThetaI;
        if (sin2ThetaT >= 1) {
            return null;
        }
        double cosThetaT = Math.sqrt(1 - sin2ThetaT);
        double k = eta * cosThetaI - cosThetaT;
        return new double[] {eta * -wi[0] + k * n[0], eta * -wi[1] + k * n[1], eta * -wi[2] + k * n[2]};
    }

    /** ComputeCardinalPoints: {pz, fz}. */
    private static double[] cardinalPoints(Ray rIn, Ray rOut) {
        double tf = -rOut.o[0] / rOut.d[0];
        double fz = -rOut.at(tf)[2];
        double tp = (rIn.o[0] - rOut.o[0]) / rOut.d[0];
        double pz = -rOut.at(tp)[2];
        return new double[] {pz, fz};
    }

    double focusThickLens(double focusDistance) {
        double x = .001 * diagonal;
        Ray rScene = new Ray(new double[] {x, 0, lensFrontZ() + 1}, new double[] {0, 0, -1});
        Ray rFilm = traceLensesFromScene(rScene);
        double[] c0 = cardinalPoints(rScene, rFilm);
        rFilm = new Ray(new double[] {x, 0, lensRearZ() - 1}, new double[] {0, 0, 1});
        rScene = traceLensesFromFilm(rFilm);
        double[] c1 = cardinalPoints(rFilm, rScene);
        double[] pz = {c0[0], c1[0]}, fz = {c0[1], c1[1]};
        double f = fz[0] - pz[0];
        double z = -focusDistance;
        double delta = 0.5 * (pz[1] - z + pz[0] - Math.sqrt((pz[1] - z - pz[0]) * (pz[1] - z - 4 * f - pz[0])));
        return lensRearZ() + delta;
    }

    double focusDistance(double filmDistance) {
        double[] bounds = boundExitPupil(0, .001 * diagonal);
        double lu = 0.1 * bounds[2];
        Ray ray = traceLensesFromFilm(new Ray(new double[] {0, 0, lensRearZ() - filmDistance},
                new double[] {lu, 0, filmDistance}));
        if (ray == null) {
            return Double.POSITIVE_INFINITY;
        }
        double tFocus = -ray.o[0] / ray.d[0];
        double zFocus = ray.at(tFocus)[2];
        return zFocus < 0 ? Double.POSITIVE_INFINITY : zFocus;
    }

    double focusBinarySearch(double focusDistance) {
        double lower = focusThickLens(focusDistance), upper = lower;
        while (focusDistance(lower) > focusDistance) {
            lower *= 1.005;
        }
        while (focusDistance(upper) < focusDistance) {
            upper /= 1.005;
        }
        for (int i = 0; i < 20; ++i) {
            double fmid = 0.5 * (lower + upper);
            if (focusDistance(fmid) < focusDistance) {
                lower = fmid;
            } else {
                upper = fmid;
            }
        }
        return 0.5 * (lower + upper);
    }

    /** {pMin.x, pMin.y, pMax.x, pMax.y}. */
    double[] boundExitPupil(double pFilmX0, double pFilmX1) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        int nExitingRays = 0;
        double rearRadius = rearElementRadius();
        double[] proj = {-1.5 * rearRadius, -1.5 * rearRadius, 1.5 * rearRadius, 1.5 * rearRadius};
        for (int i = 0; i < pupilSamples; ++i) {
            double[] pFilm = {lerp((i + 0.5) / pupilSamples, pFilmX0, pFilmX1), 0, 0};
            double u0 = radicalInverse(2, i), u1 = radicalInverse(3, i);
            double[] pRear = {lerp(u0, proj[0], proj[2]), lerp(u1, proj[1], proj[3]), lensRearZ()};
            boolean inside = pRear[0] >= b[0] && pRear[0] <= b[2] && pRear[1] >= b[1] && pRear[1] <= b[3];
            if (inside || traceLensesFromFilm(new Ray(pFilm, new double[] {pRear[0] - pFilm[0], pRear[1] - pFilm[1],
                    pRear[2] - pFilm[2]})) != null) {
                b[0] = Math.min(b[0], pRear[0]);
                b[1] = Math.min(b[1], pRear[1]);
                b[2] = Math.max(b[2], pRear[0]);
                b[3] = Math.max(b[3], pRear[1]);
                ++nExitingRays;
            }
        }
        if (nExitingRays == 0) {
            return proj;
        }
        double diag = Math.hypot(proj[2] - proj[0], proj[3] - proj[1]);
        double delta = 2 * diag / Math.sqrt(pupilSamples);
        return new double[] {b[0] - delta, b[1] - delta, b[2] + delta, b[3] + delta};
    }

    static double lerp(double t, double a, double b) {
        return (1 - t) * a + t * b;
    }

    static double radicalInverse(int base, int a) {
        double invBase = 1.0 / base, invBaseN = 1;
        long reversed = 0;
        long n = a;
        while (n > 0) {
            long next = n / base;
            reversed = reversed * base + (n - next * base);
            invBaseN *= invBase;
            n = next;
        }
        return Math.min(reversed * invBaseN, 0x1.fffffffffffffp-1);
    }

    /** SampleExitPupil: {x, y, z, boundsArea}. */
    double[] sampleExitPupil(double px, double py, double lu, double lv) {
        double rFilm = Math.sqrt(px * px + py * py);
        int rIndex = (int) (rFilm / (diagonal / 2) * exitPupilBounds.length);
        rIndex = Math.min(exitPupilBounds.length - 1, rIndex);
        double[] b = exitPupilBounds[rIndex];
        double area = (b[2] - b[0]) * (b[3] - b[1]);
        double lx = lerp(lu, b[0], b[2]), ly = lerp(lv, b[1], b[3]);
        double sinTheta = rFilm != 0 ? py / rFilm : 0;
        double cosTheta = rFilm != 0 ? px / rFilm : 1;
        return new double[] {cosTheta * lx - sinTheta * ly, sinTheta * lx + cosTheta * ly, lensRearZ(), area};
    }

    /** Film::GetPhysicalExtent: {x0, y0, x1, y1}. */
    double[] physicalExtent() {
        double aspect = (double) fullHeight / fullWidth;
        double x = Math.sqrt(diagonal * diagonal / (1 + aspect * aspect));
        double y = aspect * x;
        return new double[] {-x / 2, -y / 2, x / 2, y / 2};
    }

    /**
     * GenerateRay for full-frame raster position (fx, fy) and lens sample (lu, lv), in camera space:
     * {ox, oy, oz, dx, dy, dz (unit), weight}, or null when vignetted (weight 0).
     */
    double[] generateRay(double fx, double fy, double lu, double lv) {
        double[] ext = physicalExtent();
        double sx = fx / fullWidth, sy = fy / fullHeight;
        double[] pFilm = {-lerp(sx, ext[0], ext[2]), lerp(sy, ext[1], ext[3]), 0};
        double[] pRear = sampleExitPupil(pFilm[0], pFilm[1], lu, lv);
        Ray rFilm = new Ray(pFilm, new double[] {pRear[0] - pFilm[0], pRear[1] - pFilm[1], pRear[2] - pFilm[2]});
        Ray ray = traceLensesFromFilm(rFilm);
        if (ray == null) {
            return null;
        }
        double[] d = normalize(ray.d);
        double cosTheta = normalize(rFilm.d)[2];
        double cos4Theta = (cosTheta * cosTheta) * (cosTheta * cosTheta);
        double w = simpleWeighting ? cos4Theta
                : (shutterClose - shutterOpen) * (cos4Theta * pRear[3]) / (lensRearZ() * lensRearZ());
        return new double[] {ray.o[0], ray.o[1], ray.o[2], d[0], d[1], d[2], w};
    }
}
