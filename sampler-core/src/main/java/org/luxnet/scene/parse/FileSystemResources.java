package org.luxnet.scene.parse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/**
 * Scene files from the local file system. Names are resolved with {@link #resolveName}: a relative
 * path is taken relative to the directory of the file that names it, the main file relative to the
 * base directory (the working directory unless given). Resolved names stay relative when both parts
 * are relative, so messages show {@code scenes/sub/geom.lxs}, not a long absolute path.
 */
public final class FileSystemResources implements SceneResources {
    /** Java arrays cannot hold more; a file this large is not a scene anyway. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    private final Path baseDir;

    /** Files relative to the working directory. */
    public FileSystemResources() {
        this(Path.of(""));
    }

    /** Files relative to {@code baseDir}. */
    public FileSystemResources(Path baseDir) {
        this.baseDir = baseDir;
    }

    @Override
    public Resource open(String includingFile, String path, FileLoc loc) {
        return open(includingFile, path, "file", loc);
    }

    @Override
    public Resource open(String includingFile, String path, String role, FileLoc loc) {
        String name = resolveName(includingFile, path, loc);
        Path file = baseDir.resolve(name);
        String what = "cannot read " + role + " '" + path + "' (resolved to " + file.toAbsolutePath().normalize() + "): ";
        try {
            if (Files.isDirectory(file)) {
                throw new SceneException(loc, what + "it is a directory");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new SceneException(loc, what + "file too large (" + size + " bytes)");
            }
            return new Resource(name, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new SceneException(loc, what + "no such file", e);
        } catch (AccessDeniedException e) {
            throw new SceneException(loc, what + "permission denied", e);
        } catch (IOException e) {
            throw new SceneException(loc, what + e, e);
        }
    }

    /**
     * The name of the file that {@code path}, written in {@code includingFile} (null for the main
     * file), refers to: absolute paths as they are, relative ones against the including file's
     * directory, normalized ({@code a/../b} becomes {@code b}) so that the same file always gets the
     * same name, which Include cycle detection and the file bundle shipped to servers rely on.
     *
     * @throws SceneException at {@code loc} when the path is not a valid file name on this system
     */
    public static String resolveName(String includingFile, String path, FileLoc loc) {
        try {
            Path p = Path.of(path);
            if (!p.isAbsolute() && includingFile != null) {
                Path dir = Path.of(includingFile).getParent();
                if (dir != null) {
                    p = dir.resolve(p);
                }
            }
            return p.normalize().toString();
        } catch (InvalidPathException e) {
            throw new SceneException(loc, "invalid file name '" + path + "': " + e.getReason(), e);
        }
    }
}
