package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.desc.ShapeDesc;

/**
 * {@code Include} as LuxRender's and pbrt-v3's lexers take it: between any two tokens, a statement
 * free to begin in one file and end in another.
 */
class IncludeTest {
    private static final float[] TRIANGLE = {0, 0, 0, 1, 0, 0, 0, 1, 0};

    @Test
    void includeBetweenTheParametersOfAStatement() {
        // What pbrt scenes with a volume's data in a file of its own do.
        SceneDescription s = new MemoryResources()
                .add("scene.lxs", "WorldBegin\nShape \"trianglemesh\" \"integer indices\" [0 1 2]\n"
                        + "  Include \"points.pbrt\"\n  \"float uv\" [0 0 1 0 0 1]\nShape \"sphere\"\nWorldEnd\n")
                .add("points.pbrt", "# the mesh's points\n\"point P\" [0 0 0 1 0 0 0 1 0]\n")
                .parse();
        assertEquals(2, s.shapes().size());
        ShapeDesc mesh = s.shapes().get(0);
        assertArrayEquals(TRIANGLE, mesh.params().getPoints("P"));
        assertEquals(6, mesh.params().getFloats("uv").length);
        assertEquals(new FileLoc("points.pbrt", 2, 1), mesh.params().get("P").loc());
        assertEquals("sphere", s.shapes().get(1).type());
    }

    @Test
    void includeInsideABracketedList() {
        SceneDescription s = new MemoryResources()
                .add("scene.lxs", "WorldBegin\nShape \"trianglemesh\" \"integer indices\" [0 1 2] \"point P\" [0 0 0\n"
                        + "Include \"rest.txt\" ]\nWorldEnd\n")
                .add("rest.txt", "1 0 0  0 1 0")
                .parse();
        assertArrayEquals(TRIANGLE, s.shapes().get(0).params().getPoints("P"));
    }

    @Test
    void aStatementMayEndInTheFileAfterTheInclude() {
        SceneDescription s = new MemoryResources()
                .add("scene.lxs", "WorldBegin\nInclude \"head.lxs\" \"float radius\" [2.5]\nWorldEnd\n")
                .add("head.lxs", "Shape \"sphere\"")
                .parse();
        assertEquals(2.5, s.shapes().get(0).params().getFloat("radius", 0), 0);
    }

    @Test
    void errorsInsideAnIncludedFileNameThatFile() {
        SceneException e = assertThrows(SceneException.class, () -> new MemoryResources()
                .add("scene.lxs", "WorldBegin\nInclude \"bad.lxs\"\nWorldEnd\n")
                .add("bad.lxs", "\n  Shape 3\n").parse());
        assertTrue(e.getMessage().startsWith("bad.lxs:2:9:"), e.getMessage());
    }

    @Test
    void includeNeedsAQuotedFileName() {
        SceneException e = assertThrows(SceneException.class, () -> MemoryResources.parse("WorldBegin\nInclude geo.lxs\n"));
        assertTrue(e.getMessage().startsWith("scene.lxs:2:9: Include expects the file to include (a quoted string)"),
                e.getMessage());
    }

    @Test
    void moreThan32NestedIncludesAreRefused() {
        MemoryResources mem = new MemoryResources().add("scene.lxs", "Include \"f0.lxs\"\n");
        for (int i = 0; i < 40; i++) {
            mem.add("f" + i + ".lxs", "Include \"f" + (i + 1) + ".lxs\"\n");
        }
        SceneException e = assertThrows(SceneException.class, mem::parse);
        assertTrue(e.getMessage().contains("more than 32 nested Includes"), e.getMessage());
        assertTrue(e.getMessage().startsWith("f31.lxs:1:1:"), e.getMessage());
    }

    @Test
    void includeCycleIsReported() {
        SceneException e = assertThrows(SceneException.class, () -> new MemoryResources()
                .add("scene.lxs", "Include \"a.lxs\"\n").add("a.lxs", "Include \"scene.lxs\"\n").parse());
        assertTrue(e.getMessage().contains("Include cycle: 'scene.lxs' includes 'a.lxs' includes 'scene.lxs'"),
                e.getMessage());
    }
}
