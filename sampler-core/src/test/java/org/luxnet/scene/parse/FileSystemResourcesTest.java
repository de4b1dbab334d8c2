package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.SceneDescription;

class FileSystemResourcesTest {
    private static final FileLoc AT = new FileLoc("scenes/main.lxs", 4, 2);

    @TempDir
    Path dir;

    @Test
    void relativePathsResolveAgainstTheIncludingFile() {
        assertEquals("scene.lxs", FileSystemResources.resolveName(null, "scene.lxs", AT));
        assertEquals(Path.of("scenes", "sub", "geo.lxs").toString(),
                FileSystemResources.resolveName("scenes/main.lxs", "sub/geo.lxs", AT));
        assertEquals(Path.of("scenes", "mats.lxs").toString(),
                FileSystemResources.resolveName("scenes/sub/geo.lxs", "../mats.lxs", AT));
        assertEquals(Path.of("scenes", "a.ply").toString(),
                FileSystemResources.resolveName("scenes/main.lxs", "./sub/../a.ply", AT));
        String abs = dir.resolve("x.ply").toString();
        assertEquals(abs, FileSystemResources.resolveName("scenes/main.lxs", abs, AT));
    }

    @Test
    void readsFilesRelativeToTheBaseDirectory() throws IOException {
        Files.createDirectories(dir.resolve("scenes/sub"));
        Files.writeString(dir.resolve("scenes/sub/geo.lxs"), "Shape \"sphere\"");
        SceneResources.Resource r = new FileSystemResources(dir).open("scenes/main.lxs", "sub/geo.lxs", "Include file", AT);
        assertEquals(Path.of("scenes", "sub", "geo.lxs").toString(), r.name());
        assertArrayEquals("Shape \"sphere\"".getBytes(StandardCharsets.UTF_8), r.bytes());
    }

    @Test
    void missingFileNamesTheRoleThePathAndWhereItResolvedTo() {
        SceneException e = assertThrows(SceneException.class,
                () -> new FileSystemResources(dir).open("scenes/main.lxs", "x.lxs", "Include file", AT));
        assertEquals(AT, e.loc());
        Path resolved = dir.resolve("scenes/x.lxs").toAbsolutePath().normalize();
        assertEquals("scenes/main.lxs:4:2: cannot read Include file 'x.lxs' (resolved to " + resolved + "): no such file",
                e.getMessage());
        SceneException plain = assertThrows(SceneException.class, () -> new FileSystemResources(dir).open(null, "y.lxs", AT));
        assertTrue(plain.getMessage().contains("cannot read file 'y.lxs'"), plain.getMessage());
    }

    @Test
    void directoryAndInvalidNamesAreSceneErrors() throws IOException {
        Files.createDirectories(dir.resolve("scenes/meshes"));
        SceneException d = assertThrows(SceneException.class,
                () -> new FileSystemResources(dir).open("scenes/main.lxs", "meshes", "PLY file", AT));
        assertTrue(d.getMessage().contains("cannot read PLY file 'meshes'") && d.getMessage().endsWith("it is a directory"),
                d.getMessage());
        SceneException nul = assertThrows(SceneException.class,
                () -> new FileSystemResources(dir).open("scenes/main.lxs", "a\u0000b", "PLY file", AT));
        assertTrue(nul.getMessage().contains("invalid file name"), nul.getMessage());
    }

    @Test
    void parsePathAndRecordEachFileOnce() throws IOException {
        Files.createDirectories(dir.resolve("meshes"));
        Files.writeString(dir.resolve("main.lxs"), "WorldBegin\nShape \"plymesh\" \"string filename\" \"meshes/q.ply\"\n"
                + "Translate 1 0 0\nShape \"plymesh\" \"string filename\" \"meshes/../meshes/q.ply\"\nWorldEnd\n");
        Files.write(dir.resolve("meshes/q.ply"), PlyReaderTest.quad("ascii"));
        SceneDescription viaPath = SceneParser.parse(dir.resolve("main.lxs"));
        assertEquals(2, viaPath.shapes().size());
        assertEquals(dir.resolve("main.lxs").toString(), viaPath.file());

        RecordingResources rec = new RecordingResources(new FileSystemResources(dir));
        SceneParser.parse("main.lxs", rec);
        assertEquals(List.of("main.lxs", Path.of("meshes", "q.ply").toString()), List.copyOf(rec.files().keySet()));
    }

    @Test
    void missingIncludeThroughTheParser() throws IOException {
        Files.createDirectories(dir.resolve("scenes"));
        Files.writeString(dir.resolve("scenes/main.lxs"), "WorldBegin\n  Include \"parts/geo.lxs\"\n");
        SceneException e = assertThrows(SceneException.class,
                () -> SceneParser.parse("scenes/main.lxs", new FileSystemResources(dir)));
        Path resolved = dir.resolve("scenes/parts/geo.lxs").toAbsolutePath().normalize();
        assertEquals("scenes/main.lxs:2:3: cannot read Include file 'parts/geo.lxs' (resolved to " + resolved
                + "): no such file", e.getMessage());
    }

    @Test
    void missingMainFile() {
        SceneException e = assertThrows(SceneException.class, () -> SceneParser.parse("nope.lxs", new FileSystemResources(dir)));
        assertEquals(new FileLoc("nope.lxs", 0, 0), e.loc());
        assertTrue(e.getMessage().contains("cannot read scene file 'nope.lxs'"), e.getMessage());
    }
}
