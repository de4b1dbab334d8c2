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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneFileException;
import org.luxnet.scene.desc.SceneDescription;

class FileSystemResourcesTest {
    private static final FileLoc AT = new FileLoc("scenes/main.lxs", 4, 2);

    @TempDir
    Path dir;

    @Test
    void relativePathsResolveAgainstTheBaseFile() {
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
        SceneFileException e = assertThrows(SceneFileException.class,
                () -> SceneParser.parse("nope.lxs", new FileSystemResources(dir)));
        assertEquals(new FileLoc("nope.lxs", 0, 0), e.loc());
        // No statement names the main file, so the message has no file:line:column ("nope.lxs:0:0").
        assertEquals("cannot read scene file 'nope.lxs' (resolved to " + dir.resolve("nope.lxs").toAbsolutePath().normalize()
                + "): no such file", e.getMessage());
        assertEquals(dir.resolve("nope.lxs").toAbsolutePath().normalize().toString(), e.file());
    }

    @Test
    void pathsInIncludedFilesResolveAgainstTheSceneFilesDirectory() throws IOException {
        // LuxBlend's layout: scene.lxs includes Scene/geom.lxo, which names Scene/mesh.ply and
        // Scene/mats.lxm, all relative to the scene file's directory (luxconsole changes into it;
        // pbrt-v3 resolves against the search directory set from the scene file).
        Files.createDirectories(dir.resolve("job/Scene"));
        Files.writeString(dir.resolve("job/scene.lxs"), "WorldBegin\nInclude \"Scene/geom.lxo\"\nWorldEnd\n");
        Files.writeString(dir.resolve("job/Scene/geom.lxo"), "Include \"Scene/mats.lxm\"\nNamedMaterial \"red\"\n"
                + "Shape \"plymesh\" \"string filename\" \"Scene/mesh.ply\"\n");
        Files.writeString(dir.resolve("job/Scene/mats.lxm"), "MakeNamedMaterial \"red\" \"color Kd\" [0.8 0 0]\n");
        Files.write(dir.resolve("job/Scene/mesh.ply"), PlyReaderTest.quad("ascii"));
        RecordingResources rec = new RecordingResources(new FileSystemResources(dir));
        SceneDescription s = SceneParser.parse(Path.of("job", "scene.lxs").toString(), rec);
        assertEquals(1, s.shapes().size());
        assertEquals("red", s.shapes().get(0).material().name());
        assertEquals(List.of("job/scene.lxs", "job/Scene/geom.lxo", "job/Scene/mats.lxm", "job/Scene/mesh.ply"),
                rec.files().keySet().stream().map(n -> n.replace('\\', '/')).toList());
    }

    @Test
    void devicesAndFifosAreRefusedBeforeAnythingIsRead() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");
        SceneFileException zero = assertThrows(SceneFileException.class,
                () -> new FileSystemResources(dir).open("scenes/main.lxs", "/dev/zero", "Include file", AT));
        assertEquals("scenes/main.lxs:4:2: cannot read Include file '/dev/zero' (resolved to /dev/zero): it is not a "
                + "regular file (a device, FIFO or socket); only regular files are read", zero.getMessage());
        Path fifo = dir.resolve("pipe.lxs");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "needs mkfifo");
        // Opening a FIFO to read it would wait for a writer for ever; it is refused first.
        SceneFileException p = assertThrows(SceneFileException.class,
                () -> SceneParser.parse("pipe.lxs", new FileSystemResources(dir)));
        assertTrue(p.getMessage().contains("not a regular file"), p.getMessage());
    }

    @Test
    void filesOverTheLimitAreRefusedNamingTheLimit() throws IOException {
        Files.writeString(dir.resolve("big.lxs"), "#".repeat(2048));
        Files.writeString(dir.resolve("small.lxs"), "#".repeat(1024));
        FileSystemResources fs = new FileSystemResources(dir, 1024);
        assertEquals(1024, fs.open(null, "small.lxs", AT).bytes().length);
        SceneFileException e = assertThrows(SceneFileException.class, () -> fs.open(null, "big.lxs", "scene file", AT));
        assertTrue(e.getMessage().endsWith("cannot read scene file 'big.lxs' (resolved to "
                + dir.resolve("big.lxs").toAbsolutePath().normalize() + "): it is 2048 bytes, over the limit of 1024 bytes "
                + "(1 KiB) for one scene file"), e.getMessage());
        assertEquals("1 GiB", FileSystemResources.describe(FileSystemResources.DEFAULT_MAX_FILE_BYTES));
    }
}
