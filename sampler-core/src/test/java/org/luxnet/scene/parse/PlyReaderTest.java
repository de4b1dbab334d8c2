package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

class PlyReaderTest {
    static final FileLoc SHAPE = new FileLoc("scene.lxs", 7, 3);

    static PlyMesh read(byte[] bytes) {
        return PlyReader.read(new SceneResources.Resource("mesh.ply", bytes), SHAPE);
    }

    static SceneException fails(byte[] bytes) {
        SceneException e = assertThrows(SceneException.class, () -> read(bytes));
        assertEquals(SHAPE, e.loc(), "error is placed at the Shape statement");
        assertTrue(e.getMessage().startsWith("scene.lxs:7:3: PLY file 'mesh.ply'"), e.getMessage());
        return e;
    }

    /**
     * A unit quad with normals, uvs and properties to skip: a leading element, a list in the vertex,
     * an extra face property, and a trailing element.
     */
    static byte[] quad(String format) {
        PlyBuilder b = new PlyBuilder(format).header("comment made by a test", "obj_info nothing",
                "element material 1", "property uchar r", "property list uchar float weights",
                "element vertex 4", "property float x", "property float y", "property float z",
                "property float nx", "property float ny", "property float nz", "property float confidence",
                "property list uchar int neighbours", "property float u", "property float v",
                "element face 1", "property uchar flags", "property list uchar int vertex_indices", "property int tag",
                "element edge 1", "property int vertex1", "property int vertex2");
        b.values("uchar", 200).values("uchar", 2).values("float", 0.5, 0.25).row();
        double[][] corners = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        for (double[] c : corners) {
            b.values("float", c[0], c[1], 0, 0, 0, 1, 0.9).values("uchar", 1).values("int", 3)
                    .values("float", c[0], c[1]).row();
        }
        b.values("uchar", 7).values("uchar", 4).values("int", 0, 1, 2, 3).values("int", -5).row();
        b.values("int", 0, 1).row();
        return b.bytes();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ascii", "binary_little_endian", "binary_big_endian"})
    void quadWithNormalsUvsAndSkippedProperties(String format) {
        PlyMesh m = read(quad(format));
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0}, m.positions(), 0);
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 3}, m.indices(), "quad fan-triangulated");
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1}, m.normals(), 0);
        assertArrayEquals(new double[] {0, 0, 1, 0, 1, 1, 0, 1}, m.uvs(), 0);
    }

    @Test
    void doublePositionsAlternativeNamesAndPolygons() {
        byte[] bytes = new PlyBuilder("binary_big_endian").header("element vertex 5", "property double x",
                "property double y", "property double z", "property float s", "property float t",
                "element face 2", "property list uint8 uint32 vertex_index")
                .values("double", 0, 0, 0).values("float", 0, 0)
                .values("double", 2, 0, 0).values("float", 1, 0)
                .values("double", 3, 2, 0).values("float", 1, 1)
                .values("double", 1, 3, 0).values("float", 0.5, 1)
                .values("double", -1, 2, 0.5).values("float", 0, 1)
                .values("uchar", 5).values("uint", 0, 1, 2, 3, 4)
                .values("uchar", 3).values("uint", 4, 3, 2)
                .bytes();
        PlyMesh m = read(bytes);
        assertEquals(15, m.positions().length);
        assertEquals(-1, m.positions()[12], 0);
        assertEquals(0.5, m.positions()[14], 0);
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 3, 0, 3, 4, 4, 3, 2}, m.indices(), "pentagon = 3 triangles");
        assertNull(m.normals());
        assertArrayEquals(new double[] {0, 0, 1, 0, 1, 1, 0.5, 1, 0, 1}, m.uvs(), 0);
    }

    @Test
    void integerPositionsAndTextureUv() {
        byte[] bytes = new PlyBuilder("ascii").header("element vertex 3", "property int x", "property short y",
                "property uchar z", "property float texture_u", "property float texture_v", "element face 1",
                "property list int int vertex_indices")
                .values("int", -3, 4, 5).values("float", 0.25, 0.75).row()
                .values("int", 1, 2, 3).values("float", 0, 0).row()
                .values("int", 7, 8, 9).values("float", 1, 1).row()
                .values("int", 3, 0, 1, 2).row().bytes();
        PlyMesh m = read(bytes);
        assertArrayEquals(new double[] {-3, 4, 5, 1, 2, 3, 7, 8, 9}, m.positions(), 0);
        assertEquals(0.75, m.uvs()[1], 0);
    }

    @Test
    void crlfHeader() {
        String text = "ply\r\nformat ascii 1.0\r\nelement vertex 3\r\nproperty float x\r\nproperty float y\r\n"
                + "property float z\r\nelement face 1\r\nproperty list uchar int vertex_indices\r\nend_header\r\n"
                + "0 0 0\r\n1 0 0\r\n0 1 0\r\n3 0 1 2\r\n";
        assertArrayEquals(new int[] {0, 1, 2}, read(text.getBytes(StandardCharsets.US_ASCII)).indices());
    }

    @Test
    void truncatedBinaryAtEveryLength() {
        byte[] full = quad("binary_little_endian");
        int headerEnd = new String(full, StandardCharsets.ISO_8859_1).indexOf("end_header\n") + 11;
        for (int len = headerEnd; len < full.length; len++) {
            SceneException e = fails(Arrays.copyOf(full, len));
            assertTrue(e.getMessage().contains("ends early") || e.getMessage().contains("bytes follow the header"),
                    e.getMessage());
        }
    }

    @Test
    void truncatedBinaryNamesElementAndItem() {
        byte[] full = quad("binary_big_endian");
        // Cut off the edge element (8 bytes), the face's tag (4) and half of the last index.
        SceneException e = fails(Arrays.copyOf(full, full.length - 14));
        assertTrue(e.getMessage().contains("ends early: property 'vertex_indices' of face 0 of 1"), e.getMessage());
    }

    @Test
    void truncatedAsciiNamesLineAndProperty() {
        String text = "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
                + "element face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1";
        SceneException e = fails(text.getBytes(StandardCharsets.US_ASCII));
        assertTrue(e.getMessage().contains("'mesh.ply', line 12: the file ends early: expected property 'z' of vertex 2"),
                e.getMessage());
    }

    @Test
    void asciiGarbageValue() {
        String text = "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
                + "element face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 zero 0\n0 1 0\n3 0 1 2\n";
        SceneException e = fails(text.getBytes(StandardCharsets.US_ASCII));
        assertTrue(e.getMessage().contains("line 11: 'zero' is not a number (property 'y' of vertex 1"), e.getMessage());
    }

    @Test
    void outOfRangeAndDegenerateFaces() {
        String head = "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
                + "element face 2\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n";
        SceneException range = fails((head + "3 0 1 3\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(range.getMessage().contains("line 14: face 1 refers to vertex 3, but the file has 3 vertices"),
                range.getMessage());
        SceneException negative = fails((head + "3 0 -1 2\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(negative.getMessage().contains("face 1 refers to vertex -1"), negative.getMessage());
        SceneException line = fails((head + "2 0 1\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(line.getMessage().contains("face 1 has 2 vertex indices; a polygon needs at least 3"), line.getMessage());
    }

    private static void failsWith(String ply, String expected) {
        SceneException e = fails(ply.getBytes(StandardCharsets.US_ASCII));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void badHeaders() {
        failsWith("hello\n", "line 1: not a PLY file");
        failsWith("", "not a PLY file");
        failsWith("ply\nformat ascii 1.0\nelement vertex 3\n", "no end_header");
        failsWith("ply\nformat binary_middle_endian 1.0\nend_header\n", "line 2: unsupported format 'binary_middle_endian'");
        failsWith("ply\nformat ascii 1.0\nelement vertex 1\nproperty float128 x\nend_header\n",
                "line 4: unknown property type 'float128'");
        failsWith("ply\nformat ascii 1.0\nproperty float x\nend_header\n", "line 3: property before any element");
        failsWith("ply\nformat ascii 1.0\nelement vertex -4\nend_header\n", "impossible count -4");
        failsWith("ply\nformat ascii 1.0\nelement vertex many\nend_header\n", "malformed count 'many'");
        failsWith("ply\nformat ascii 1.0\nelement vertex 0\nfrobnicate\nend_header\n", "unknown header keyword 'frobnicate'");
        failsWith("ply\nelement vertex 0\nelement face 0\nend_header\n", "no format line");
        String vertex = "ply\nformat ascii 1.0\nelement vertex 0\nproperty float x\nproperty float y\n";
        failsWith(vertex + "element face 0\nproperty list uchar int vertex_indices\nend_header\n", "no property 'z'");
        failsWith(vertex + "property float z\nend_header\n", "no 'face' element");
        failsWith(vertex + "property float z\nelement face 0\nproperty list uchar float vertex_indices\nend_header\n",
                "list property 'vertex_indices'");
        failsWith(vertex + "property list uchar float z\nelement face 0\nproperty list uchar int vertex_indices\nend_header\n",
                "vertex property 'z' is a list");
        failsWith(vertex + "property float z\nelement face 0\nproperty list float int vertex_indices\nend_header\n",
                "non-integer length type 'float'");
    }

    @Test
    void hugeCountsInTinyFilesFailFastWithoutAllocating() {
        String header = "ply\nformat binary_little_endian 1.0\nelement vertex 2000000000\nproperty float x\n"
                + "property float y\nproperty float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n";
        byte[] bytes = Arrays.copyOf(header.getBytes(StandardCharsets.US_ASCII), 1024);
        // A guard against reading or allocating 2 billion elements, not a speed test: generous for a loaded machine.
        SceneException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> fails(bytes));
        assertTrue(e.getMessage().contains("declares 2000000000 'vertex' elements"), e.getMessage());
        assertTrue(e.getMessage().contains("bytes follow the header"), e.getMessage());

        byte[] ascii = Arrays.copyOf(header.replace("binary_little_endian", "ascii").getBytes(StandardCharsets.US_ASCII), 1024);
        assertTrue(fails(ascii).getMessage().contains("declares 2000000000 'vertex' elements"));

        // A corrupt list length (4 billion indices) must fail at the end of the data, not size an array.
        byte[] list = new PlyBuilder("binary_little_endian").header("element vertex 3", "property float x",
                "property float y", "property float z", "element face 1", "property list uint int vertex_indices")
                .values("float", 0, 0, 0, 1, 0, 0, 0, 1, 0).values("uint", 4000000000.0).values("int", 0, 1, 2).bytes();
        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(60), () -> fails(list)).getMessage().contains("ends early"));
    }
}
