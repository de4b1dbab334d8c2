package org.luxnet.scene.compile;

import org.luxnet.scene.compiled.CompiledScene;

/**
 * Writes triangles from a {@link GeometryBuilder} into the compiled scene's triangle arrays: v0 and
 * the two edges, the oriented unit geometric normal (vertex normals decide the front when present,
 * as in pbrt; otherwise the winding, flipped by ReverseOrientation or a mirroring transform), shading
 * normals, uv, material and emitter group.
 */
final class TriangleWriter {
    private final CompiledScene.Builder b;
    /** LuxRender vertex colours of the triangles written so far (12 per coloured triangle). */
    private final FloatList colours = new FloatList();

    /** Allocates the arrays of {@code count} triangles in {@code b}. */
    TriangleWriter(CompiledScene.Builder b, int count) {
        this.b = b;
        b.triGeom = new float[9 * count];
        b.triNg = new float[3 * count];
        b.triNs = new float[9 * count];
        b.triUv = new float[6 * count];
        b.triMaterial = new int[count];
        b.triLight = new int[count];
        b.triHasNs = new int[count];
        b.triEmitterScratch = new int[count];
    }

    /** Writes triangle {@code t} of {@code geo} as triangle {@code i}. */
    void write(GeometryBuilder geo, int t, int i, int emitter) {
        float ax = geo.triV.get(9 * t), ay = geo.triV.get(9 * t + 1), az = geo.triV.get(9 * t + 2);
        float e1x = geo.triV.get(9 * t + 3) - ax, e1y = geo.triV.get(9 * t + 4) - ay, e1z = geo.triV.get(9 * t + 5) - az;
        float e2x = geo.triV.get(9 * t + 6) - ax, e2y = geo.triV.get(9 * t + 7) - ay, e2z = geo.triV.get(9 * t + 8) - az;
        float[] g = b.triGeom;
        g[9 * i] = ax;
        g[9 * i + 1] = ay;
        g[9 * i + 2] = az;
        g[9 * i + 3] = e1x;
        g[9 * i + 4] = e1y;
        g[9 * i + 5] = e1z;
        g[9 * i + 6] = e2x;
        g[9 * i + 7] = e2y;
        g[9 * i + 8] = e2z;
        double nx = e1y * e2z - e1z * e2y, ny = e1z * e2x - e1x * e2z, nz = e1x * e2y - e1y * e2x;
        double nl = Math.sqrt(nx * nx + ny * ny + nz * nz);
        nx /= nl;
        ny /= nl;
        nz /= nl;
        boolean hasN = geo.triHasN.get(t) != 0;
        for (int k = 0; k < 9; k++) {
            b.triNs[9 * i + k] = geo.triN.get(9 * t + k);
        }
        boolean flip;
        if (hasN) {
            // Vertex normals are authoritative for which side is the front (pbrt).
            double sx = 0, sy = 0, sz = 0;
            for (int v = 0; v < 3; v++) {
                sx += geo.triN.get(9 * t + 3 * v);
                sy += geo.triN.get(9 * t + 3 * v + 1);
                sz += geo.triN.get(9 * t + 3 * v + 2);
            }
            flip = nx * sx + ny * sy + nz * sz < 0;
        } else {
            flip = geo.triFlip.get(t) != 0;
        }
        double k = flip ? -1 : 1;
        b.triNg[3 * i] = (float) (nx * k);
        b.triNg[3 * i + 1] = (float) (ny * k);
        b.triNg[3 * i + 2] = (float) (nz * k);
        for (int k2 = 0; k2 < 6; k2++) {
            b.triUv[6 * i + k2] = geo.triUv.get(6 * t + k2);
        }
        b.triMaterial[i] = geo.triMat.get(t);
        b.triHasNs[i] = hasN ? 1 : 0;
        b.triLight[i] = -1;
        b.triEmitterScratch[i] = emitter;
        writeColours(geo, t, i);
        int mask = geo.alphaOf(t);
        if (mask >= 0) {
            if (b.triAlpha == null || b.triAlpha.length == 0) {
                b.triAlpha = new int[b.triMaterial.length];
                java.util.Arrays.fill(b.triAlpha, -1);
            }
            b.triAlpha[i] = mask;
        }
    }

    /** Triangle t's vertex colours, if it has any, for triangle i: the arrays exist only once one has. */
    private void writeColours(GeometryBuilder geo, int t, int i) {
        int at = geo.colourOf(t);
        if (at < 0) {
            return;
        }
        if (b.triColour == null || b.triColour.length == 0) {
            b.triColour = new int[b.triMaterial.length];
            java.util.Arrays.fill(b.triColour, -1);
        }
        b.triColour[i] = colours.size();
        for (int k = 0; k < 12; k++) {
            colours.add(geo.triColour.get(at + k));
        }
    }

    /** Hands the vertex colours to the builder; after the last {@link #write}. */
    void finish() {
        b.triColourData = colours.toArray();
        if (b.triColour == null) {
            b.triColour = new int[0];
        }
    }
}
