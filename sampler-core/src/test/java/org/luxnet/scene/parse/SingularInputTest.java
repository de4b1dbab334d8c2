package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.scene.SceneException;

/**
 * A singular transform and a vertex that is not a finite number are scene errors at their place
 * (file:line:column), not a failure part way through the render.
 */
class SingularInputTest {
    private static final String SPHERE = "\nShape \"sphere\"\nWorldEnd\n";

    private static SceneException fails(String text) {
        return assertThrows(SceneException.class, () -> MemoryResources.parse(text));
    }

    private static void assertAt(SceneException e, String where, String what) {
        assertTrue(e.getMessage().contains(where), "names " + where + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(what), "says " + what + ": " + e.getMessage());
    }

    @Test
    void zeroScaleIsSingular() {
        assertAt(fails("WorldBegin\nAttributeBegin\n  Scale 0 0 0" + SPHERE), "scene.lxs:3:3", "Scale gives a singular transform");
        assertAt(fails("WorldBegin\nScale 1 0 1" + SPHERE), "scene.lxs:2:1", "singular");
    }

    @Test
    void rankDeficientMatricesAreSingular() {
        // Second column twice the first: rank 3.
        assertAt(fails("WorldBegin\nConcatTransform [1 2 3 0  2 4 6 0  0 0 1 0  0 0 0 1]" + SPHERE),
                "scene.lxs:2:1", "ConcatTransform gives a singular transform");
        assertAt(fails("WorldBegin\nTransform [0 0 0 0  0 0 0 0  0 0 0 0  0 0 0 0]" + SPHERE),
                "scene.lxs:2:1", "Transform gives a singular transform");
    }

    @Test
    void degenerateLookAtBeforeTheCamera() {
        assertAt(fails("LookAt 0 0 0  0 0 0  0 1 0\nCamera \"perspective\"\nWorldBegin" + SPHERE), "scene.lxs:1:1", "LookAt");
        assertAt(fails("LookAt 0 0 0  0 1 0  0 1 0\nCamera \"perspective\"\nWorldBegin" + SPHERE), "scene.lxs:1:1",
                "parallel");
    }

    @Test
    void aCtmThatOverflowsIsRefused() {
        assertAt(fails("WorldBegin\nScale 1e200 1e200 1e200\nScale 1e200 1e200 1e200" + SPHERE), "scene.lxs:3:1",
                "not finite");
    }

    @Test
    void invertibleTransformsStillPass() {
        MemoryResources.parse("WorldBegin\nScale -1 1 1\nScale 1e-6 1e-6 1e-6\nConcatTransform [0 1 0 0  1 0 0 0  0 0 1 0  "
                + "5 5 5 1]" + SPHERE);
    }

    @Test
    void meshVertexOutOfFloatRangeIsRejectedAtP() {
        // 1e39 parses as a double but is infinite as a float.
        SceneException e = fails("WorldBegin\nShape \"trianglemesh\" \"integer indices\" [0 1 2]\n"
                + "  \"point P\" [0 0 0  1 0 0  0 1e39 0]\nWorldEnd\n");
        assertAt(e, "scene.lxs:3:3", "vertex 2 of \"point P\" is not a finite position");
    }

    @Test
    void plyVertexNanIsRejectedWithTheFile() {
        // Binary PLY can hold NaN and infinities (ASCII PLY rejects the text "NaN" already).
        for (String format : new String[] {"binary_little_endian", "binary_big_endian"}) {
            byte[] ply = new PlyBuilder(format).header("element vertex 3", "property float x", "property float y",
                    "property float z", "element face 1", "property list uchar int vertex_indices")
                    .values("float", 0, 0, 0).row().values("float", 1, Double.NaN, 0).row().values("float", 0, 1, 0).row()
                    .values("uchar", 3).values("int", 0, 1, 2).row().bytes();
            MemoryResources mem = new MemoryResources().add("mesh.ply", ply)
                    .add("scene.lxs", "WorldBegin\nShape \"plymesh\" \"string filename\" \"mesh.ply\"\nWorldEnd\n");
            SceneException e = assertThrows(SceneException.class, mem::parse, format);
            assertAt(e, "scene.lxs:2:1", "vertex 1 of PLY file 'mesh.ply' is not a finite position");
        }
    }
}
