package org.luxnet.scene.compile;

/**
 * Collects world-space triangles and spheres, each with a material index and an emitter group
 * (-1 for none), in the order shapes are compiled. The scene compiler then builds the BVH and lays
 * the primitives out in leaf order.
 */
final class GeometryBuilder {
    final FloatList triV = new FloatList();   // 9 per triangle: v0, v1, v2
    final FloatList triN = new FloatList();   // 9 per triangle: n0, n1, n2 (zeros when absent)
    final FloatList triUv = new FloatList();  // 6 per triangle
    final IntList triHasN = new IntList();
    final IntList triFlip = new IntList();
    final IntList triMat = new IntList();
    final IntList triEmitter = new IntList();
    final FloatList sph = new FloatList();    // 4 per sphere: centre, radius
    final FloatList sphFrame = new FloatList(); // 9 per sphere: world-to-object rotation
    final IntList sphFlip = new IntList();
    final IntList sphMat = new IntList();
    final IntList sphEmitter = new IntList();
    /**
     * LuxRender vertex colours: per triangle its first float in {@link #triColour} or -1 (the triangle
     * has none), filled only once some mesh has colours ({@link #addVertexColours}).
     */
    final IntList triColourAt = new IntList();
    /** 12 per coloured triangle: rgb of v0, v1, v2, then alpha of v0, v1, v2. */
    final FloatList triColour = new FloatList();
    /**
     * pbrt-v3 alpha masks ({@link AlphaMasks}): per triangle its mask row or -1, filled only once some mesh
     * has a mask; {@link #alphaMask} is the row that {@link #addMesh} gives the triangles it adds.
     */
    final IntList triAlpha = new IntList();
    int alphaMask = -1;
    /** pbrt-v3 curves ({@link CurveCompiler}): per common segment and per BVH piece, as in CompiledScene. */
    final FloatList curveGeom = new FloatList();
    final IntList curveInfo = new IntList();
    final IntList curveSeg = new IntList();
    final FloatList curveBox = new FloatList(); // 6 per piece: min xyz, max xyz
    int degenerate;
    /**
     * Shapes in the order compiled ({@link #beginShape}): the first triangle and sphere of each, the shape
     * (its object-to-world transform) and whether LuxRender intersects it directly (a quadric), for the
     * "local" texture coordinates ({@link LocalFrames}). One entry per shape, nothing per triangle.
     */
    final IntList shapeTri = new IntList(), shapeSph = new IntList(), shapeDirect = new IntList();
    final java.util.List<org.luxnet.scene.desc.ShapeDesc> shapes = new java.util.ArrayList<>();
    /** The layout's order of this builder's triangles (GeometryLayout: the i-th stored is triangle order[i]). */
    int[] layoutOrder = new int[0];

    /** Marks where the primitives of shape s begin. */
    void beginShape(org.luxnet.scene.desc.ShapeDesc s) {
        shapeTri.add(triangleCount());
        shapeSph.add(sphereCount());
        shapeDirect.add(LocalFrames.QUADRICS.contains(s.type()) ? 1 : 0);
        shapes.add(s);
    }

    int triangleCount() {
        return triMat.size();
    }

    int sphereCount() {
        return sphMat.size();
    }

    int curvePieceCount() {
        return curveSeg.size() / 2;
    }

    /**
     * Adds the triangles of a world-space mesh. When the mesh has no normals, {@code flip} reverses
     * the winding-derived geometric normal (ReverseOrientation, or a mirroring transform).
     *
     * @return number of triangles added (degenerate ones are skipped)
     */
    int addMesh(float[] p, int[] indices, float[] n, float[] uv, boolean flip, int material, int emitter) {
        return addMesh(p, indices, n, uv, null, null, flip, material, emitter);
    }

    /**
     * {@link #addMesh(float[], int[], float[], float[], boolean, int, int)} with LuxRender's vertex colours
     * {@code col} (3 per vertex) and alphas {@code alpha} (1 per vertex), either may be null.
     */
    int addMesh(float[] p, int[] indices, float[] n, float[] uv, float[] col, float[] alpha, boolean flip, int material,
                int emitter) {
        int added = 0;
        for (int t = 0; t + 2 < indices.length; t += 3) {
            int i0 = indices[t], i1 = indices[t + 1], i2 = indices[t + 2];
            float ax = p[3 * i0], ay = p[3 * i0 + 1], az = p[3 * i0 + 2];
            float bx = p[3 * i1], by = p[3 * i1 + 1], bz = p[3 * i1 + 2];
            float cx = p[3 * i2], cy = p[3 * i2 + 1], cz = p[3 * i2 + 2];
            float e1x = bx - ax, e1y = by - ay, e1z = bz - az, e2x = cx - ax, e2y = cy - ay, e2z = cz - az;
            float crx = e1y * e2z - e1z * e2y, cry = e1z * e2x - e1x * e2z, crz = e1x * e2y - e1y * e2x;
            float area2 = crx * crx + cry * cry + crz * crz;
            if (!(area2 > 0) || !Float.isFinite(area2)) {
                degenerate++;
                continue;
            }
            triV.add(ax, ay, az);
            triV.add(bx, by, bz);
            triV.add(cx, cy, cz);
            if (n != null) {
                triN.add(n[3 * i0], n[3 * i0 + 1], n[3 * i0 + 2]);
                triN.add(n[3 * i1], n[3 * i1 + 1], n[3 * i1 + 2]);
                triN.add(n[3 * i2], n[3 * i2 + 1], n[3 * i2 + 2]);
                triHasN.add(1);
            } else {
                for (int k = 0; k < 9; k++) {
                    triN.add(0f);
                }
                triHasN.add(0);
            }
            if (uv != null) {
                triUv.add(uv[2 * i0]);
                triUv.add(uv[2 * i0 + 1]);
                triUv.add(uv[2 * i1]);
                triUv.add(uv[2 * i1 + 1]);
                triUv.add(uv[2 * i2]);
                triUv.add(uv[2 * i2 + 1]);
            } else {
                triUv.add(0f);
                triUv.add(0f);
                triUv.add(1f);
                triUv.add(0f);
                triUv.add(1f);
                triUv.add(1f);
            }
            triFlip.add(flip ? 1 : 0);
            triMat.add(material);
            triEmitter.add(emitter);
            if (col != null || alpha != null) {
                addVertexColours(col, alpha, i0, i1, i2);
            }
            if (alphaMask >= 0 || triAlpha.size() > 0) {
                while (triAlpha.size() < triMat.size() - 1) {
                    triAlpha.add(-1); // earlier triangles, added before any mask
                }
                triAlpha.add(alphaMask);
            }
            added++;
        }
        return added;
    }

    /**
     * Records the colours of the triangle just added (vertices i0, i1, i2): LuxRender's
     * Mesh*Triangle::GetShadingInformation gives colour 1 without "C" and alpha 1 without "A".
     */
    private void addVertexColours(float[] col, float[] alpha, int i0, int i1, int i2) {
        int t = triMat.size() - 1;
        while (triColourAt.size() < t) {
            triColourAt.add(-1); // earlier triangles, added before any colours
        }
        triColourAt.add(triColour.size());
        for (int v : new int[] {i0, i1, i2}) {
            for (int c = 0; c < 3; c++) {
                triColour.add(col == null ? 1f : col[3 * v + c]);
            }
        }
        for (int v : new int[] {i0, i1, i2}) {
            triColour.add(alpha == null ? 1f : alpha[v]);
        }
    }

    /** Where triangle t's colours start in {@link #triColour}, or -1. */
    int colourOf(int t) {
        return t < triColourAt.size() ? triColourAt.get(t) : -1;
    }

    /** Triangle t's alpha mask row, or -1. */
    int alphaOf(int t) {
        return t < triAlpha.size() ? triAlpha.get(t) : -1;
    }

    /** A sphere; {@code frame} is its world-to-object rotation (9 floats, row-major) for its (u, v). */
    void addSphere(float cx, float cy, float cz, float r, float[] frame, boolean flip, int material, int emitter) {
        for (float f : frame) {
            sphFrame.add(f);
        }
        sph.add(cx, cy, cz);
        sph.add(r);
        sphFlip.add(flip ? 1 : 0);
        sphMat.add(material);
        sphEmitter.add(emitter);
    }

    /** Area of triangle t (world space). */
    float triangleArea(int t) {
        int o = 9 * t;
        float e1x = triV.get(o + 3) - triV.get(o), e1y = triV.get(o + 4) - triV.get(o + 1), e1z = triV.get(o + 5) - triV.get(o + 2);
        float e2x = triV.get(o + 6) - triV.get(o), e2y = triV.get(o + 7) - triV.get(o + 1), e2z = triV.get(o + 8) - triV.get(o + 2);
        double cx = e1y * e2z - e1z * e2y, cy = e1z * e2x - e1x * e2z, cz = e1x * e2y - e1y * e2x;
        return (float) (0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz));
    }
}
