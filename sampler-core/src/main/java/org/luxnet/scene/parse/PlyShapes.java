package org.luxnet.scene.parse;

import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;

/**
 * Turns {@code Shape "plymesh" "string filename" "x.ply"} into the parameters of a {@code
 * trianglemesh}: "point P", "integer indices" and, when the file has them, "normal N", "float uv" and
 * the vertex colours "float C" (red green blue) and "float A" (alpha),
 * all placed at the Shape statement. The statement's other parameters are kept so the compiler still
 * sees (and can report) them; the filename is consumed here. A PLY file that cannot be read is a
 * warning and no shape (null), as in pbrt-v3 and LuxRender.
 */
final class PlyShapes {
    private PlyShapes() {
    }

    static ParamSet toTriangleMesh(ParseState st, ParamSet params, FileLoc loc) {
        String filename = params.getString("filename", null);
        if (filename == null) {
            throw new SceneException(loc, "Shape \"plymesh\" needs a \"string filename\" parameter naming the PLY file");
        }
        SceneResources.Resource file = WorldStatements.openOrWarn(st, filename, "PLY file", loc,
                "the shape is skipped, as pbrt-v3's and LuxRender's plymesh skip it");
        if (file == null) {
            return null;
        }
        PlyMesh mesh = PlyReader.read(file, loc);
        ParamSet out = new ParamSet();
        for (Param p : params.all()) {
            if (!p.name().equals("filename")) {
                out.add(p);
            }
        }
        FiniteVertices.check(mesh.positions(), "PLY file '" + filename + "'", loc);
        out.add(Param.numbers("P", ParamType.POINT, mesh.positions(), loc));
        int[] idx = mesh.indices();
        double[] indices = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            indices[i] = idx[i];
        }
        out.add(Param.numbers("indices", ParamType.INTEGER, indices, loc));
        if (mesh.normals() != null) {
            out.add(Param.numbers("N", ParamType.NORMAL, mesh.normals(), loc));
        }
        if (mesh.uvs() != null) {
            out.add(Param.numbers("uv", ParamType.FLOAT, mesh.uvs(), loc));
        }
        // LuxRender's vertex colours (shapes/plymesh.cpp): as its mesh's "float C" and "float A". The
        // compiler drops them, silently, for pbrt-v3, whose plymesh reads no colours.
        if (mesh.colours() != null && !params.has("C")) {
            out.add(Param.numbers("C", ParamType.FLOAT, mesh.colours(), loc));
        }
        if (mesh.alphas() != null && !params.has("A")) {
            out.add(Param.numbers("A", ParamType.FLOAT, mesh.alphas(), loc));
        }
        return out;
    }
}
