package org.luxnet.scene.parse;

import java.nio.ByteOrder;
import java.util.List;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/**
 * Reads a triangle mesh from a PLY file (ascii, binary_little_endian, binary_big_endian): vertex
 * positions x y z, optional normals nx ny nz and texture coordinates (u v, s t, texture_u texture_v
 * or texture_s texture_t), vertex colours red green blue and alpha (as LuxRender's shapes/plymesh.cpp
 * ColorCB and AlphaCB read them: a "uchar" value over 255, any other type as it is), and faces from the list property vertex_indices (or vertex_index).
 * Polygons are fan-triangulated; other elements and properties are skipped. Every problem is a
 * {@link SceneException} at the Shape statement naming the PLY file. Before allocating anything, the
 * counts the header declares are checked against the bytes that follow it, so a corrupt header cannot
 * make the reader reserve gigabytes.
 */
final class PlyReader {
    private static final int X = 1, Y = 2, Z = 3, NX = 4, NY = 5, NZ = 6, U = 7, V = 8;
    private static final int RED = 9, GREEN = 10, BLUE = 11, ALPHA = 12;
    private static final String[][] UV_NAMES = {{"u", "v"}, {"s", "t"}, {"texture_u", "texture_v"},
        {"texture_s", "texture_t"}};

    private PlyReader() {
    }

    /** Reads {@code file}, named by the Shape statement at {@code shapeLoc}. */
    static PlyMesh read(SceneResources.Resource file, FileLoc shapeLoc) {
        PlySource src = new PlySource(file.name(), shapeLoc);
        byte[] bytes = file.bytes();
        PlyHeader h = PlyHeader.parse(bytes, src);
        PlyElement vertices = h.element("vertex");
        PlyElement faces = h.element("face");
        if (vertices == null || faces == null) {
            throw src.error("the header declares no '" + (vertices == null ? "vertex" : "face") + "' element");
        }
        int[] roles = vertexRoles(vertices, src);
        PlyProperty indexList = faces.property("vertex_indices") != null ? faces.property("vertex_indices")
                : faces.property("vertex_index");
        if (indexList == null || !indexList.isList() || !indexList.type().integer) {
            throw src.error("element 'face' needs a list property 'vertex_indices' (or 'vertex_index') of integers");
        }
        checkSizes(h, bytes.length - h.dataOffset(), src);
        if (vertices.count() * 3 > Integer.MAX_VALUE - 8) {
            throw src.error(vertices.count() + " vertices are too many for one mesh");
        }
        PlyData data = h.format() == PlyHeader.Format.ASCII
                ? new PlyAsciiData(bytes, h.dataOffset(), h.headerLines() + 1, src)
                : new PlyBinaryData(bytes, h.dataOffset(), h.format() == PlyHeader.Format.BINARY_LITTLE_ENDIAN
                        ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN, src);
        int n = (int) vertices.count();
        double[] p = new double[n * 3];
        double[] normals = hasRole(roles, NX) ? new double[n * 3] : null;
        double[] uvs = hasRole(roles, U) ? new double[n * 2] : null;
        double[] colours = hasRole(roles, RED) ? new double[n * 3] : null;
        double[] alphas = hasRole(roles, ALPHA) ? new double[n] : null;
        IntList indices = new IntList();
        for (PlyElement e : h.elements()) {
            if (e == vertices) {
                readVertices(data, e, roles, p, normals, uvs, colours, alphas);
            } else if (e == faces) {
                readFaces(data, e, indexList, n, indices);
            } else {
                for (long i = 0; i < e.count() && !e.properties().isEmpty(); i++) {
                    for (PlyProperty prop : e.properties()) {
                        skip(data, e, i, prop);
                    }
                }
            }
        }
        return new PlyMesh(p, indices.toArray(), normals, uvs, colours, alphas);
    }

    /** For each vertex property, what it is (X ... V) or 0 for one that is skipped. */
    private static int[] vertexRoles(PlyElement vertices, PlySource src) {
        List<PlyProperty> props = vertices.properties();
        int[] roles = new int[props.size()];
        assign(roles, vertices, new String[] {"x", "y", "z"}, new int[] {X, Y, Z}, src, true);
        assign(roles, vertices, new String[] {"nx", "ny", "nz"}, new int[] {NX, NY, NZ}, src, false);
        for (String[] uv : UV_NAMES) {
            if (assign(roles, vertices, uv, new int[] {U, V}, src, false)) {
                break;
            }
        }
        assign(roles, vertices, new String[] {"red", "green", "blue"}, new int[] {RED, GREEN, BLUE}, src, false);
        assign(roles, vertices, new String[] {"alpha"}, new int[] {ALPHA}, src, false);
        return roles;
    }

    /** Marks the properties {@code names} with {@code values} when all are present; false if not. */
    private static boolean assign(int[] roles, PlyElement vertices, String[] names, int[] values, PlySource src,
                                  boolean required) {
        int[] at = new int[names.length];
        for (int k = 0; k < names.length; k++) {
            PlyProperty prop = vertices.property(names[k]);
            if (prop == null) {
                if (required) {
                    throw src.error("element 'vertex' has no property '" + names[k] + "'");
                }
                return false;
            }
            if (prop.isList()) {
                throw src.error("vertex property '" + names[k] + "' is a list; it must be a single number");
            }
            at[k] = vertices.properties().indexOf(prop);
        }
        for (int k = 0; k < names.length; k++) {
            roles[at[k]] = values[k];
        }
        return true;
    }

    private static boolean hasRole(int[] roles, int role) {
        for (int r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    /** Fails fast when the declared counts cannot fit in the data (each value takes at least 1 byte in ASCII). */
    private static void checkSizes(PlyHeader h, long available, PlySource src) {
        boolean ascii = h.format() == PlyHeader.Format.ASCII;
        long need = 0;
        for (PlyElement e : h.elements()) {
            long perItem = 0;
            for (PlyProperty prop : e.properties()) {
                perItem += ascii ? 1 : prop.minBinarySize();
            }
            try {
                need = Math.addExact(need, Math.multiplyExact(e.count(), perItem));
            } catch (ArithmeticException overflow) {
                need = Long.MAX_VALUE;
            }
            if (need > available) {
                throw src.error("the header declares " + e.count() + " '" + e.name() + "' elements, which with the"
                        + " elements before them need at least " + need + " bytes, but only " + available
                        + " bytes follow the header (truncated file or corrupt header)");
            }
        }
    }

    private static void readVertices(PlyData data, PlyElement e, int[] roles, double[] p, double[] n, double[] uv,
                                     double[] col, double[] alpha) {
        List<PlyProperty> props = e.properties();
        for (int i = 0; i < e.count(); i++) {
            for (int j = 0; j < roles.length; j++) {
                PlyProperty prop = props.get(j);
                if (prop.isList()) {
                    skip(data, e, i, prop);
                    continue;
                }
                double v = data.read(prop.type(), e, i, prop);
                switch (roles[j]) {
                    case X: p[3 * i] = v; break;
                    case Y: p[3 * i + 1] = v; break;
                    case Z: p[3 * i + 2] = v; break;
                    case NX: n[3 * i] = v; break;
                    case NY: n[3 * i + 1] = v; break;
                    case NZ: n[3 * i + 2] = v; break;
                    case U: uv[2 * i] = v; break;
                    case V: uv[2 * i + 1] = v; break;
                    case RED: col[3 * i] = colourValue(prop, v); break;
                    case GREEN: col[3 * i + 1] = colourValue(prop, v); break;
                    case BLUE: col[3 * i + 2] = colourValue(prop, v); break;
                    case ALPHA: alpha[i] = colourValue(prop, v); break;
                    default: break;
                }
            }
        }
    }

    /**
     * A colour or alpha value as LuxRender's plymesh.cpp ColorCB and AlphaCB store it: divided by 255
     * when rply reports PLY_UCHAR, which is the header word "uchar" only (rply gives "uint8" its own
     * type, PLY_UINT8, whose values LuxRender keeps as they are, like every other type's).
     */
    private static double colourValue(PlyProperty prop, double v) {
        return "uchar".equals(prop.typeWord()) ? (float) (v / 255.0) : v;
    }

    private static void readFaces(PlyData data, PlyElement e, PlyProperty indexList, int vertexCount, IntList out) {
        for (long f = 0; f < e.count(); f++) {
            for (PlyProperty prop : e.properties()) {
                if (prop != indexList) {
                    skip(data, e, f, prop);
                    continue;
                }
                long n = listLength(data, e, f, prop);
                if (n < 3) {
                    throw data.error("face " + f + " has " + n + " vertex indices; a polygon needs at least 3");
                }
                // Fan triangulation (v0, v[k-1], v[k]), streamed: a corrupt length must not size an array.
                int first = index(data, e, f, prop, vertexCount);
                int prev = index(data, e, f, prop, vertexCount);
                for (long k = 2; k < n; k++) {
                    int cur = index(data, e, f, prop, vertexCount);
                    out.add(first);
                    out.add(prev);
                    out.add(cur);
                    prev = cur;
                }
            }
        }
    }

    private static int index(PlyData data, PlyElement e, long f, PlyProperty prop, int vertexCount) {
        double v = data.read(prop.type(), e, f, prop);
        if (v < 0 || v >= vertexCount) {
            throw data.error("face " + f + " refers to vertex " + (long) v + ", but the file has " + vertexCount
                    + " vertices (valid indices are 0 to " + (vertexCount - 1) + ")");
        }
        return (int) v;
    }

    private static long listLength(PlyData data, PlyElement e, long item, PlyProperty prop) {
        double n = data.read(prop.countType(), e, item, prop);
        if (n < 0) {
            throw data.error("negative list length " + (long) n + " for " + PlyData.where(e, item, prop));
        }
        return (long) n;
    }

    private static void skip(PlyData data, PlyElement e, long item, PlyProperty prop) {
        if (!prop.isList()) {
            data.read(prop.type(), e, item, prop);
            return;
        }
        long n = listLength(data, e, item, prop);
        for (long k = 0; k < n; k++) {
            data.read(prop.type(), e, item, prop);
        }
    }
}
