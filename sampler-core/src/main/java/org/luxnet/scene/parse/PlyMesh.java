package org.luxnet.scene.parse;

/**
 * A triangle mesh read from a PLY file, in the layout of pbrt's trianglemesh parameters.
 *
 * @param positions x y z per vertex
 * @param indices   three vertex indices per triangle (polygons fan-triangulated)
 * @param normals   nx ny nz per vertex, or null when the file has none
 * @param uvs       u v per vertex, or null when the file has none
 * @param colours   red green blue per vertex as LuxRender reads them (see PlyReader), or null
 * @param alphas    alpha per vertex, or null
 */
record PlyMesh(double[] positions, int[] indices, double[] normals, double[] uvs, double[] colours, double[] alphas) {
}
