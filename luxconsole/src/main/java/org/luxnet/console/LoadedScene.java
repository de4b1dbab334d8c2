package org.luxnet.console;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.parse.FileSystemResources;
import org.luxnet.scene.parse.RecordingResources;
import org.luxnet.scene.parse.SceneParser;

/**
 * A scene read from disk and compiled, with every file it read (main file, Includes, meshes) and a
 * hash over them: the hash tells a resumed render whether the scene changed, and the files are what
 * a network client ships to its servers.
 *
 * @param path     the scene file as given on the command line
 * @param compiled compiled scene, settings and warnings
 * @param files    resolved file name to content, in the order read
 * @param sha256   hex SHA-256 over all files (names and contents)
 */
public record LoadedScene(String path, CompiledRender compiled, Map<String, byte[]> files, String sha256) {

    /**
     * Parses and compiles {@code path} ({@code -}: standard input), printing warnings to {@code err}.
     *
     * @throws org.luxnet.scene.SceneException when the scene is malformed or cannot be rendered
     */
    public static LoadedScene load(String path, PrintWriter err) {
        RecordingResources rec = new RecordingResources(new StdinResources(new FileSystemResources()));
        SceneDescription desc = SceneParser.parse(path, rec);
        CompiledRender cr = SceneCompiler.compile(desc);
        for (SceneWarning w : cr.warnings()) {
            err.println(w);
        }
        err.flush();
        return new LoadedScene(path, cr, rec.files(), hash(rec.files()));
    }

    static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
