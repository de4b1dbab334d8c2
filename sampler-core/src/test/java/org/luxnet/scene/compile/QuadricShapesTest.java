package org.luxnet.scene.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CompiledScene;

/**
 * pbrt-v3's cylinder, cone, paraboloid and hyperboloid against their parametric forms written out
 * here (pbrt-v3 src/shapes/*.cpp): every vertex is p(u, v) of its own uv, its shading normal is
 * cross(dp/du, dp/dv) normalised (flipped by ReverseOrientation and a mirroring transform), phimax
 * bounds u, the triangles stay within 0.1% of the radius of the surface and their area is within
 * 0.1% of the surface's.
 */
class QuadricShapesTest {
    /** pbrt's p(u, v) and unnormalised cross(dp/du, dp/dv), in object space. */
    interface Param {
        double[] p(double u, double v);

        double[] n(double u, double v);
    }

    private static CompiledScene compile(String shape) {
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\n" + shape + "\nWorldEnd\n");
        return cr.scene();
    }

    /** Corner c of triangle t: position, shading normal, uv. */
    private static double[][] corner(CompiledScene s, int t, int c) {
        double[] p = new double[3], n = new double[3];
        for (int k = 0; k < 3; k++) {
            p[k] = s.triGeom[9 * t + k] + (c == 0 ? 0 : s.triGeom[9 * t + 3 * c + k]);
            n[k] = s.triNs[9 * t + 3 * c + k];
        }
        return new double[][] {p, n, {s.triUv[6 * t + 2 * c], s.triUv[6 * t + 2 * c + 1]}};
    }

    private static double[] unit(double[] v) {
        double l = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / l, v[1] / l, v[2] / l};
    }

    /**
     * Checks every corner against the parametric form, the orientation of normals ({@code sign} -1 when
     * flipped), u within [0, 1] reaching 1 at phiMax, and returns the total area.
     */
    private static double checkVertices(CompiledScene s, Param f, double rMax, double sign) {
        double area = 0;
        double uMax = 0;
        assertTrue(s.triangleCount >= 50, "tessellated: " + s.triangleCount);
        for (int t = 0; t < s.triangleCount; t++) {
            assertEquals(1, s.triHasNs[t], "smooth normals");
            double[] ng = {s.triNg[3 * t], s.triNg[3 * t + 1], s.triNg[3 * t + 2]};
            double[] nsum = new double[3];
            for (int c = 0; c < 3; c++) {
                double[][] k = corner(s, t, c);
                double u = k[2][0], v = k[2][1];
                assertTrue(u >= 0 && u <= 1 && v >= -1e-7 && v <= 1 + 1e-7, "uv in [0,1]^2: " + u + ", " + v);
                uMax = Math.max(uMax, u);
                double[] exp = f.p(u, v);
                for (int a = 0; a < 3; a++) {
                    assertEquals(exp[a], k[0][a], 2e-5 * rMax, "vertex at pbrt's p(" + u + ", " + v + "), axis " + a);
                }
                double[] en = f.n(u, v);
                if (Math.sqrt(en[0] * en[0] + en[1] * en[1] + en[2] * en[2]) > 1e-9) {
                    en = unit(en);
                    for (int a = 0; a < 3; a++) {
                        assertEquals(sign * en[a], k[1][a], 2e-4, "normal at (" + u + ", " + v + "), axis " + a);
                        nsum[a] += k[1][a];
                    }
                }
            }
            assertTrue(ng[0] * nsum[0] + ng[1] * nsum[1] + ng[2] * nsum[2] >= 0, "geometric normal on the shading side");
            double[] e1 = {s.triGeom[9 * t + 3], s.triGeom[9 * t + 4], s.triGeom[9 * t + 5]};
            double[] e2 = {s.triGeom[9 * t + 6], s.triGeom[9 * t + 7], s.triGeom[9 * t + 8]};
            double cx = e1[1] * e2[2] - e1[2] * e2[1], cy = e1[2] * e2[0] - e1[0] * e2[2], cz = e1[0] * e2[1] - e1[1] * e2[0];
            area += 0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz);
        }
        assertEquals(1, uMax, 1e-6, "u reaches 1 at phimax");
        return area;
    }

    /** Largest distance(point) over every triangle's centroid and edge midpoints. */
    private static double maxStray(CompiledScene s, java.util.function.ToDoubleFunction<double[]> distance) {
        double worst = 0;
        double[][] bary = {{1 / 3.0, 1 / 3.0}, {0.5, 0}, {0, 0.5}, {0.5, 0.5}};
        for (int t = 0; t < s.triangleCount; t++) {
            for (double[] b : bary) {
                double[] q = new double[3];
                for (int a = 0; a < 3; a++) {
                    q[a] = s.triGeom[9 * t + a] + b[0] * s.triGeom[9 * t + 3 + a] + b[1] * s.triGeom[9 * t + 6 + a];
                }
                worst = Math.max(worst, distance.applyAsDouble(q));
            }
        }
        return worst;
    }

    private static Param cylinder(double r, double z0, double z1, double phiMax) {
        return new Param() {
            public double[] p(double u, double v) {
                double phi = u * phiMax;
                return new double[] {r * Math.cos(phi), r * Math.sin(phi), z0 + v * (z1 - z0)};
            }

            public double[] n(double u, double v) {
                double phi = u * phiMax;
                return new double[] {Math.cos(phi), Math.sin(phi), 0};
            }
        };
    }

    @Test
    void aCylinderIsPbrtsWithItsZRangeOrderedAndPartialPhimax() {
        // zmin > zmax: pbrt's constructor swaps them (zMin = min, zMax = max).
        CompiledScene s = compile("Shape \"cylinder\" \"float radius\" [2] \"float zmin\" [1.5] \"float zmax\" [-0.5] \"float phimax\" [270]");
        double phiMax = Math.toRadians(270);
        double area = checkVertices(s, cylinder(2, -0.5, 1.5, phiMax), 2, 1);
        assertEquals(2.0 * phiMax * 2, area, 1e-3 * 2 * phiMax * 2, "area (zmax - zmin) phimax r");
        assertTrue(maxStray(s, q -> Math.abs(Math.hypot(q[0], q[1]) - 2)) < 1e-3 * 2, "within 0.1% of the radius");
        for (int t = 0; t < s.triangleCount; t++) {
            for (int c = 0; c < 3; c++) {
                double[] p = corner(s, t, c)[0];
                double phi = Math.atan2(p[1], p[0]);
                assertTrue(phi >= -1e-6 || phi <= -Math.PI / 2 + 1e-6, "no vertex past phimax = 270 degrees: " + phi);
            }
        }
    }

    @Test
    void reverseOrientationAndAMirrorFlipTheCylindersNormals() {
        double phiMax = 2 * Math.PI;
        checkVertices(compile("ReverseOrientation\nShape \"cylinder\""), cylinder(1, -1, 1, phiMax), 1, -1);
        // Scale 1 1 -1 mirrors: pbrt flips n for transformSwapsHandedness; the mirrored p(u, v) has -z.
        Param mirrored = new Param() {
            public double[] p(double u, double v) {
                double[] p = cylinder(1, -1, 1, phiMax).p(u, v);
                return new double[] {p[0], p[1], -p[2]};
            }

            public double[] n(double u, double v) {
                return cylinder(1, -1, 1, phiMax).n(u, v);
            }
        };
        checkVertices(compile("Scale 1 1 -1\nShape \"cylinder\""), mirrored, 1, -1);
        checkVertices(compile("Scale 1 1 -1\nReverseOrientation\nShape \"cylinder\""), mirrored, 1, 1);
    }

    @Test
    void aConeIsPbrtsWithItsNormalUpAndOutAndItsArea() {
        double h = 2, r = 1.5, phiMax = 2 * Math.PI;
        Param cone = new Param() {
            public double[] p(double u, double v) {
                double phi = u * phiMax;
                return new double[] {r * (1 - v) * Math.cos(phi), r * (1 - v) * Math.sin(phi), v * h};
            }

            public double[] n(double u, double v) {
                double phi = u * phiMax;
                return new double[] {h * Math.cos(phi), h * Math.sin(phi), r};
            }
        };
        CompiledScene s = compile("Shape \"cone\" \"float height\" [2] \"float radius\" [1.5]");
        double area = checkVertices(s, cone, r, 1);
        double exact = r * Math.sqrt(h * h + r * r) * phiMax / 2;
        assertEquals(exact, area, 1e-3 * exact, "pbrt's Cone::Area");
        assertTrue(maxStray(s, q -> Math.abs(h * Math.hypot(q[0], q[1]) + r * q[2] - r * h) / Math.hypot(h, r)) < 1e-3 * r);
    }

    @Test
    void aParaboloidIsPbrtsFromItsTipWithinTolerance() {
        double r = 2, z0 = 0.5, z1 = 3, phiMax = Math.toRadians(300);
        double k = z1 / (r * r);
        Param par = paraboloid(r, z0, z1, phiMax);
        CompiledScene s = compile("Shape \"paraboloid\" \"float radius\" [2] \"float zmin\" [0.5] \"float zmax\" [3] \"float phimax\" [300]");
        double area = checkVertices(s, par, r, 1);
        assertEquals(paraboloidArea(r, z0, z1, phiMax), area, 1e-3 * paraboloidArea(r, z0, z1, phiMax));
        assertTrue(maxStray(s, q -> Math.abs(k * (q[0] * q[0] + q[1] * q[1]) - q[2])
                / Math.hypot(2 * k * Math.hypot(q[0], q[1]), 1)) < 1e-3 * r);
        // The default one starts at its tip (zmin 0), where the profile bends most.
        CompiledScene d = compile("Shape \"paraboloid\"");
        double a0 = checkVertices(d, paraboloid(1, 0, 1, 2 * Math.PI), 1, 1);
        assertEquals(paraboloidArea(1, 0, 1, 2 * Math.PI), a0, 1e-3 * paraboloidArea(1, 0, 1, 2 * Math.PI));
        assertTrue(maxStray(d, q -> Math.abs(q[0] * q[0] + q[1] * q[1] - q[2]) / Math.hypot(2 * Math.hypot(q[0], q[1]), 1)) < 1e-3);
    }

    @Test
    void aParaboloidAcrossZeroKeepsOnlyItsRealHalfWithPbrtsV() {
        // zmin -1, zmax 1: z = rho^2 has no points below 0; pbrt's v = (z + 1) / 2 still runs from zmin.
        CompiledScene s = compile("Shape \"paraboloid\" \"float zmin\" [-1]");
        Param par = new Param() {
            public double[] p(double u, double v) {
                double phi = u * 2 * Math.PI, z = -1 + 2 * v, rho = Math.sqrt(z);
                return new double[] {rho * Math.cos(phi), rho * Math.sin(phi), z};
            }

            public double[] n(double u, double v) {
                double[] p = p(u, v);
                return new double[] {p[0], p[1], -0.5};
            }
        };
        double area = checkVertices(s, par, 1, 1);
        assertEquals(paraboloidArea(1, 0, 1, 2 * Math.PI), area, 1e-3 * paraboloidArea(1, 0, 1, 2 * Math.PI));
        for (int t = 0; t < s.triangleCount; t++) {
            for (int c = 0; c < 3; c++) {
                assertTrue(corner(s, t, c)[2][1] >= 0.5 - 1e-7, "v from 1/2 (z = 0) up");
            }
        }
    }

    @Test
    void aDiskHonoursInnerradiusAndPhimaxWithPbrtsUv() {
        // pbrt-v3 Disk: u = phi / phiMax, v = (radius - r) / (radius - innerradius), normal +z.
        CompiledScene s = compile("Shape \"disk\" \"float radius\" [2] \"float innerradius\" [1] \"float phimax\" [90]"
                + " \"float height\" [0.5]");
        Param disk = new Param() {
            public double[] p(double u, double v) {
                double phi = u * Math.PI / 2, r = 2 - v;
                return new double[] {r * Math.cos(phi), r * Math.sin(phi), 0.5};
            }

            public double[] n(double u, double v) {
                return new double[] {0, 0, 1};
            }
        };
        double area = checkVertices(s, disk, 2, 1);
        assertEquals((4 - 1) * Math.PI / 4, area, 1e-3 * 3 * Math.PI / 4, "phimax / 2 (radius^2 - innerradius^2)");
    }

    private static Param paraboloid(double r, double z0, double z1, double phiMax) {
        double k = z1 / (r * r);
        return new Param() {
            public double[] p(double u, double v) {
                double phi = u * phiMax, z = z0 + v * (z1 - z0), rho = Math.sqrt(z / k);
                return new double[] {rho * Math.cos(phi), rho * Math.sin(phi), z};
            }

            public double[] n(double u, double v) {
                double[] p = p(u, v);
                return new double[] {p[0], p[1], -1 / (2 * k)}; // outward and down, as pbrt's cross product
            }
        };
    }

    /** The area of z = k rho^2 between z0 and z1 over phiMax, integrated in closed form. */
    private static double paraboloidArea(double r, double z0, double z1, double phiMax) {
        double a = z1 / (r * r);
        return phiMax / (12 * a * a) * (Math.pow(1 + 4 * a * z1, 1.5) - Math.pow(1 + 4 * a * z0, 1.5));
    }

    @Test
    void aHyperboloidIsPbrtsRuledSurfaceWithItsArea() {
        double[] p1 = {1, 0, -1}, p2 = {0, 1, 1};
        double phiMax = 2 * Math.PI;
        Param hyp = hyperboloid(p1, p2, phiMax);
        CompiledScene s = compile("Shape \"hyperboloid\" \"point p1\" [1 0 -1] \"point p2\" [0 1 1]");
        double area = checkVertices(s, hyp, 1, 1);
        double exact = hyperboloidArea(p1, p2, phiMax);
        assertEquals(exact, area, 1e-3 * exact);
        // The surface: rho(z)^2 = |((1 - v) p1 + v p2)_xy|^2 with v = (z + 1) / 2.
        assertTrue(maxStray(s, q -> {
            double v = (q[2] + 1) / 2;
            return Math.abs(Math.hypot(q[0], q[1]) - Math.hypot(1 - v, v));
        }) < 1e-3, "within 0.1% of the largest radius");
    }

    @Test
    void theDefaultHyperboloidHasItsApexNormalFromItsLine() {
        // p1 = 0, p2 = (1, 1, 1): a cone with its apex at the origin; pbrt's v runs from p1.
        double[] p1 = {0, 0, 0}, p2 = {1, 1, 1};
        CompiledScene s = compile("Shape \"hyperboloid\"");
        double area = checkVertices(s, hyperboloid(p1, p2, 2 * Math.PI), Math.sqrt(2), 1);
        assertEquals(hyperboloidArea(p1, p2, 2 * Math.PI), area, 1e-3 * hyperboloidArea(p1, p2, 2 * Math.PI));
        for (int t = 0; t < s.triangleCount; t++) {
            for (int c = 0; c < 3; c++) {
                double[][] k = corner(s, t, c);
                if (k[2][1] == 0) {
                    // The cone rho = sqrt2 z has the normal (cos phi, sin phi, -sqrt2) / sqrt3 along each line.
                    assertEquals(-Math.sqrt(2.0 / 3), k[1][2], 1e-4, "apex normal is its line's limit");
                    assertEquals(Math.sqrt(1.0 / 3), Math.hypot(k[1][0], k[1][1]), 1e-4);
                }
            }
        }
    }

    @Test
    void aHyperboloidWithP2AtZeroSwapsItsEndsAsPbrt() {
        // pbrt-v3's constructor swaps p1 and p2 when p2.z == 0: v runs from the given p2, the normal turns.
        double[] p1 = {1, 0, 1}, p2 = {0, 1, 0};
        CompiledScene s = compile("Shape \"hyperboloid\" \"point p1\" [1 0 1] \"point p2\" [0 1 0]");
        checkVertices(s, hyperboloid(p2, p1, 2 * Math.PI), 1, 1);
    }

    private static Param hyperboloid(double[] p1, double[] p2, double phiMax) {
        return new Param() {
            public double[] p(double u, double v) {
                double phi = u * phiMax, c = Math.cos(phi), s = Math.sin(phi);
                double x = (1 - v) * p1[0] + v * p2[0], y = (1 - v) * p1[1] + v * p2[1];
                return new double[] {x * c - y * s, x * s + y * c, (1 - v) * p1[2] + v * p2[2]};
            }

            public double[] n(double u, double v) {
                double phi = u * phiMax, c = Math.cos(phi), s = Math.sin(phi);
                double[] p = p(u, v);
                if (Math.hypot(p[0], p[1]) < 1e-9) {
                    return new double[3]; // on the axis: no normal to compare (tested separately)
                }
                double[] a = {-phiMax * p[1], phiMax * p[0], 0};
                double dx = p2[0] - p1[0], dy = p2[1] - p1[1];
                double[] b = {dx * c - dy * s, dx * s + dy * c, p2[2] - p1[2]};
                return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
            }
        };
    }

    /**
     * |dp/du x dp/dv| = phiMax sqrt(|q|^2 dz^2 + (q . d_xy)^2) with q = pr_xy(v), d = p2 - p1: independent
     * of u, integrated over v by Simpson's rule on 2000 intervals (error far below 1e-6).
     */
    private static double hyperboloidArea(double[] p1, double[] p2, double phiMax) {
        int n = 2000;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double v = (double) i / n;
            double qx = (1 - v) * p1[0] + v * p2[0], qy = (1 - v) * p1[1] + v * p2[1];
            double dx = p2[0] - p1[0], dy = p2[1] - p1[1], dz = p2[2] - p1[2];
            double f = phiMax * Math.sqrt((qx * qx + qy * qy) * dz * dz + Math.pow(qx * dx + qy * dy, 2));
            sum += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return sum / (3.0 * n);
    }

    @Test
    void segmentCountsFollowPhimax() {
        assertEquals(100, Quadrics.segmentsPhi(2 * Math.PI));
        assertEquals(25, Quadrics.segmentsPhi(Math.PI / 2));
        // The chord of the full-circle step leaves the circle by at most the tolerance.
        double d = 2 * Math.PI / Quadrics.segmentsPhi(2 * Math.PI);
        assertTrue(1 - Math.cos(d / 2) <= Quadrics.TOLERANCE);
    }

    @Test
    void badParametersAreErrorsAtTheParameter() {
        SceneException e = assertThrows(SceneException.class, () -> compile("Shape \"cylinder\" \"float radius\" [-1]"));
        assertTrue(e.getMessage().startsWith("scene.lxs:5:18: cylinder \"radius\" must be positive"), e.getMessage());
        e = assertThrows(SceneException.class, () -> compile("Shape \"cone\" \"float height\" [0]"));
        assertTrue(e.getMessage().startsWith("scene.lxs:5:14: cone \"height\" must not be 0"), e.getMessage());
        e = assertThrows(SceneException.class, () -> compile("Shape \"hyperboloid\" \"point p1\" [1 0 1] \"point p2\" [0 1 1]"));
        assertTrue(e.getMessage().startsWith("scene.lxs:5:") && e.getMessage().contains("different z"), e.getMessage());
        e = assertThrows(SceneException.class, () -> compile("Shape \"paraboloid\" \"float zmax\" [0]"));
        assertTrue(e.getMessage().contains("zmax != 0"), e.getMessage());
    }

    @Test
    void phimaxIsClampedAsPbrtDoes() {
        // pbrt: Radians(Clamp(phimax, 0, 360)): 400 is a full turn.
        CompiledScene s = compile("Shape \"cylinder\" \"float phimax\" [400]");
        double area = checkVertices(s, cylinder(1, -1, 1, 2 * Math.PI), 1, 1);
        assertEquals(4 * Math.PI, area, 4e-3 * Math.PI);
    }

    @Test
    void quadricsNoLongerWarn() {
        CompiledRender cr = SceneCompilerTest.compile(SceneCompilerTest.HEAD + "LightSource \"point\"\nShape \"cylinder\"\n"
                + "Shape \"cone\"\nShape \"paraboloid\"\nShape \"hyperboloid\"\nWorldEnd\n");
        List<SceneWarning> w = cr.warnings();
        assertTrue(w.isEmpty(), w.toString());
        CompiledRender pbrt = SceneCompilerTest.compile("Film \"image\"\nCamera \"perspective\"\nWorldBegin\n"
                + "AttributeBegin\nAreaLightSource \"diffuse\" \"rgb L\" [1 1 1]\nShape \"cylinder\"\nShape \"cone\"\n"
                + "Shape \"paraboloid\"\nShape \"hyperboloid\"\nAttributeEnd\nWorldEnd\n");
        assertTrue(pbrt.warnings().isEmpty(), pbrt.warnings().toString());
        int lit = 0;
        for (int t = 0; t < pbrt.scene().triangleCount; t++) {
            lit += pbrt.scene().triLight[t] >= 0 ? 1 : 0;
        }
        assertEquals(pbrt.scene().triangleCount, lit, "every triangle of an area-lit quadric emits");
        assertTrue(lit > 1000);
    }
}
