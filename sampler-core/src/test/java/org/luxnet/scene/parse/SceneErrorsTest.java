package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/** Malformed scenes: each error names file:line:column and what was expected. */
class SceneErrorsTest {
    private static final String OPTIONS = "Camera \"perspective\"\nWorldBegin\n";

    /** Parses {@code text} as scene.lxs; asserts the error's place and that its message contains {@code expected}. */
    private static SceneException fails(String text, int line, int column, String expected) {
        return failsIn(new MemoryResources().add("scene.lxs", text), "scene.lxs", line, column, expected);
    }

    private static SceneException failsIn(MemoryResources files, String file, int line, int column, String expected) {
        SceneException e = assertThrows(SceneException.class, files::parse);
        assertEquals(new FileLoc(file, line, column), e.loc(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":" + line + ":" + column + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        return e;
    }

    @Test
    void unknownStatementIsAnErrorWithASuggestion() {
        fails(OPTIONS + "  Shpe \"sphere\"\n", 3, 3, "unknown statement 'Shpe' (did you mean 'Shape'?)");
        fails(OPTIONS + "shape \"sphere\"\n", 3, 1, "unknown statement 'shape' (did you mean 'Shape'?)");
        SceneException far = fails(OPTIONS + "Frobnicate 3\n", 3, 1, "unknown statement 'Frobnicate'");
        assertTrue(!far.getMessage().contains("did you mean"), far.getMessage());
    }

    @Test
    void missingClosingBracket() {
        fails(OPTIONS + "Shape \"sphere\" \"float radius\" [1\nMaterial \"matte\"\n", 4, 1,
                "missing ']': the list opened at scene.lxs:3:31 runs into statement 'Material'");
        fails(OPTIONS + "Shape \"sphere\" \"float radius\" [1 2\n", 4, 1,
                "missing ']': the list opened at scene.lxs:3:31 runs into end of file");
        fails(OPTIONS + "Shape \"sphere\" \"float radius\" [1 \"float zmax\" [2]\n", 3, 34,
                "missing ']': the list of parameter \"float radius\" opened at scene.lxs:3:31 runs into the next parameter");
        fails(OPTIONS + "Shape \"sphere\" \"float radius\" [1 [2]\n", 3, 34, "unexpected '[' inside the list");
        fails("Transform [1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1\nWorldBegin\n", 2, 1,
                "missing ']': the list opened at scene.lxs:1:11 runs into statement 'WorldBegin'");
        fails(OPTIONS + "Shape \"sphere\" \"float radius\" 1]\n", 3, 32, "unexpected ']' after the Shape statement");
    }

    @Test
    void valueOfTheWrongTypeIsReportedAtThatValue() {
        fails(OPTIONS + "Shape \"sphere\" \"float radius\" \"big\"\n", 3, 31,
                "parameter \"float radius\" expects numbers, found string \"big\"");
        fails(OPTIONS + "Shape \"sphere\" \"float radius\" [1 2 \"big\"]\n", 3, 36, "expects numbers, found string \"big\"");
        fails(OPTIONS + "Shape \"plymesh\" \"string filename\" [5]\n", 3, 36,
                "parameter \"string filename\" expects quoted strings, found number 5");
        fails(OPTIONS + "Shape \"trianglemesh\" \"integer indices\" [0 1.5 2]\n", 3, 43,
                "parameter \"integer indices\" expects integers, found number 1.5");
        fails(OPTIONS + "AreaLightSource \"area\" \"bool twosided\" \"yes\"\n", 3, 40,
                "parameter \"bool twosided\" expects true or false, found string \"yes\"");
        fails(OPTIONS + "Material \"matte\" \"texture Kd\" true\n", 3, 31, "expects quoted strings, found 'true'");
        fails(OPTIONS + "Shape \"sphere\" \"floot radius\" 1\n", 3, 16, "unknown parameter type 'floot'");
        fails(OPTIONS + "Shape \"sphere\" \"radius\" 1\n", 3, 16, "expected a parameter declaration \"type name\"");
        fails(OPTIONS + "Shape \"sphere\" \"float radius\"\nWorldEnd\n", 4, 1,
                "parameter \"float radius\" has no value: expected a value or '[' after it, found statement 'WorldEnd'");
        fails(OPTIONS + "Shape \"sphere\" \"float radius\" \"float zmin\" 0\n", 3, 31,
                "parameter \"float radius\" has no value before the next parameter \"float zmin\"");
        fails(OPTIONS + "Shape \"sphere\" \"float radius\" []\n", 3, 16, "has no values inside [ ]");
        fails(OPTIONS + "Shape \"trianglemesh\" \"point P\" [0 0 0 1]\n", 3, 22,
                "parameter \"point P\" expects a multiple of 3 numbers (3 per point), got 4");
    }

    @Test
    void missingArguments() {
        fails("Translate 1 2\nWorldBegin\n", 2, 1,
                "Translate expects 3 numbers (x y z) but has only 2, found statement 'WorldBegin'"
                        + " (the Translate statement is at scene.lxs:1:1)");
        fails(OPTIONS + "Shape\nWorldEnd\n", 4, 1, "Shape expects the shape type (a quoted string), found statement 'WorldEnd'");
        fails("Camera", 1, 7, "Camera expects the camera type (a quoted string), found end of file");
        fails("Transform [1 0 0 1]\n", 1, 11, "Transform expects 16 numbers (a 4x4 matrix, column by column) inside [ ], got 4");
        fails("Rotate 90 \"x\" 0 0\n", 1, 11, "Rotate expects 4 numbers");
        fails(OPTIONS + "Texture \"t\" \"color\"\n", 4, 1, "Texture expects the texture class");
    }

    @Test
    void missingIncludeNamesTheIncludeStatement() {
        fails("WorldBegin\n  Include \"parts/nothere.lxs\"\n", 2, 3,
                "cannot read 'parts/nothere.lxs' (resolved to parts/nothere.lxs): no such file");
    }

    @Test
    void includeCycle() {
        MemoryResources files = new MemoryResources()
                .add("scene.lxs", "WorldBegin\nInclude \"inc/a.lxs\"\nWorldEnd\n")
                .add("inc/a.lxs", "# a\nInclude \"inc/b.lxs\"\n")
                .add("inc/b.lxs", "Shape \"sphere\"\n   Include \"inc/../inc/a.lxs\"\n");
        failsIn(files, "inc/b.lxs", 2, 4, "Include cycle: 'inc/a.lxs' includes 'inc/b.lxs' includes 'inc/a.lxs'");
        failsIn(new MemoryResources().add("scene.lxs", "Include \"scene.lxs\"\n"), "scene.lxs", 1, 1,
                "Include cycle: 'scene.lxs' includes 'scene.lxs'");
    }

    @Test
    void errorsInsideIncludedFilesNameThatFile() {
        MemoryResources files = new MemoryResources()
                .add("scene.lxs", OPTIONS + "Include \"sub/geo.lxs\"\n")
                .add("sub/geo.lxs", "\n\n  Shape \"sphere\" \"float radius\" \"x\n");
        failsIn(files, "sub/geo.lxs", 3, 33, "unterminated string");
    }

    @Test
    void unterminatedString() {
        fails(OPTIONS + "Shape \"sphere\" \"float radius [1]\n", 3, 16, "unterminated string: the line ends before the closing '\"'");
    }

    @Test
    void unbalancedBlocks() {
        fails(OPTIONS + "Shape \"sphere\"\n\tAttributeEnd\n", 4, 2, "AttributeEnd without a matching AttributeBegin");
        fails(OPTIONS + "AttributeBegin\nTransformBegin\nAttributeEnd\n", 5, 1,
                "AttributeEnd does not match the TransformBegin at scene.lxs:4:1 (expected TransformEnd first)");
        fails("TransformEnd\n", 1, 1, "TransformEnd without a matching TransformBegin");
        fails(OPTIONS + "ObjectEnd\n", 3, 1, "ObjectEnd without a matching ObjectBegin");
        fails("MotionEnd\n", 1, 1, "MotionEnd without a matching MotionBegin");
    }

    @Test
    void statementsInTheWrongBlock() {
        fails("Camera \"perspective\"\nShape \"sphere\"\n", 2, 1, "Shape is not allowed before WorldBegin");
        fails("AttributeBegin\n", 1, 1, "AttributeBegin is not allowed before WorldBegin");
        fails("Material \"matte\"\n", 1, 1, "Material is not allowed before WorldBegin");
        fails(OPTIONS + "Camera \"perspective\"\n", 3, 1, "Camera is not allowed after WorldBegin (at scene.lxs:2:1)");
        fails(OPTIONS + "  Film \"image\"\n", 3, 3, "Film is not allowed after WorldBegin");
        fails(OPTIONS + "WorldBegin\n", 3, 1, "WorldBegin inside the world block begun at scene.lxs:2:1");
        fails("WorldEnd\n", 1, 1, "WorldEnd is not allowed before WorldBegin");
        fails(OPTIONS + "WorldEnd\nShape \"sphere\"\n", 4, 1, "Shape after WorldEnd (at scene.lxs:3:1)");
    }

    @Test
    void unresolvedNames() {
        fails(OPTIONS + "MakeNamedMaterial \"Floor\" \"string type\" \"matte\"\nNamedMaterial \"Flor\"\n", 4, 1,
                "NamedMaterial \"Flor\" is not defined (defined here: \"Floor\")");
        fails(OPTIONS + "AttributeBegin\nMakeNamedMaterial \"inner\"\nAttributeEnd\nNamedMaterial \"inner\"\n", 6, 1,
                "NamedMaterial \"inner\" is not defined (none is defined here)");
        fails(OPTIONS + "ObjectInstance \"tree\"\n", 3, 1, "ObjectInstance \"tree\": no object of that name has been defined");
        fails(OPTIONS + "ObjectBegin \"a\"\nObjectBegin \"b\"\n", 4, 1, "objects do not nest");
        fails(OPTIONS + "ObjectBegin \"a\"\nObjectInstance \"a\"\n", 4, 1, "instances do not nest");
        fails(OPTIONS + "ObjectBegin \"a\"\nObjectEnd\nObjectBegin \"a\"\n", 5, 1, "object \"a\" is already defined at scene.lxs:3:1");
        fails("CoordSysTransform \"camera\"\n", 1, 1, "unknown coordinate system \"camera\" (\"camera\" is defined by the Camera statement)");
        fails(OPTIONS + "CoordSysTransform \"lamp\"\n", 3, 1, "define it with CoordinateSystem \"lamp\"");
        fails(OPTIONS + "Shape \"plymesh\" \"bool smooth\" \"true\"\n", 3, 1, "needs a \"string filename\" parameter");
        fails(OPTIONS + "Shape \"plymesh\" \"string filename\" \"no.ply\"\n", 3, 1, "cannot read 'no.ply'");
    }

    @Test
    void degenerateTransforms() {
        fails("Rotate 30 0 0 0\n", 1, 1, "Rotate: rotation axis has zero length");
        fails("LookAt 0 0 0  0 0 0  0 1 0\n", 1, 1, "LookAt: eye and look-at point are the same");
        fails("LookAt 0 0 0  0 1 0  0 1 0\n", 1, 1, "LookAt: up vector and viewing direction are parallel");
        // Reported at the statement that made the transform singular, no longer at the Camera that needed its inverse.
        fails("Scale 0 1 1\nCamera \"perspective\"\n", 1, 1, "Scale gives a singular transform");
    }

    @Test
    void strayValuesWhereAStatementBelongs() {
        fails("WorldBegin 5\n", 1, 12, "unexpected number 5 after the WorldBegin statement at scene.lxs:1:1: expected a statement name");
        fails("\"Shape\"\n", 1, 1, "unexpected string \"Shape\": expected a statement name");
        fails(OPTIONS + "ReverseOrientation true\n", 3, 20, "unexpected 'true' after the ReverseOrientation statement");
        fails("ActiveTransform Sometimes\n", 1, 1, "ActiveTransform expects StartTime, EndTime or All, found 'Sometimes'");
    }

    @Test
    void truncatedPlyNamesThePlyFileAndTheShapeStatement() {
        byte[] full = PlyReaderTest.quad("binary_little_endian");
        MemoryResources files = new MemoryResources()
                .add("scene.lxs", OPTIONS + "AttributeBegin\n  Shape \"plymesh\" \"string filename\" \"meshes/q.ply\"\n")
                .add("meshes/q.ply", Arrays.copyOf(full, full.length - 14));
        failsIn(files, "scene.lxs", 4, 3, "PLY file 'meshes/q.ply': the file ends early: property 'vertex_indices' of face 0");

        byte[] ascii = PlyReaderTest.quad("ascii");
        // 26 header lines, material on 27, vertices on 28-31; cut inside the face on line 32.
        files.add("meshes/q.ply", Arrays.copyOf(ascii, ascii.length - 12));
        failsIn(files, "scene.lxs", 4, 3, "PLY file 'meshes/q.ply', line 32: the file ends early: expected property "
                + "'vertex_indices' of face 0");
    }
}
