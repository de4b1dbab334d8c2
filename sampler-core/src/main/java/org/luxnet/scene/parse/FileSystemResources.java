package org.luxnet.scene.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneFileException;

/**
 * Scene files from the local file system. Names are resolved with {@link #resolveName}: a relative
 * path is taken relative to the directory of the base file the parser passes (the main scene file),
 * the main file relative to the base directory (the working directory unless given). Resolved names
 * stay relative when both parts are relative, so messages show {@code scenes/sub/geom.lxs}, not a long
 * absolute path. Only regular files are read, and none larger than the limit: a device such as
 * {@code /dev/zero}, a FIFO or a huge file is refused before a byte is read.
 */
public final class FileSystemResources implements SceneResources {
    /** The default limit on one file's size: 1 GiB, far above any scene text or mesh LuxNet can render. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 30;
    /** Java arrays cannot hold more. */
    private static final long ARRAY_LIMIT = Integer.MAX_VALUE - 8;

    private final Path baseDir;
    private final long maxFileBytes;

    /** Files relative to the working directory. */
    public FileSystemResources() {
        this(Path.of(""));
    }

    /** Files relative to {@code baseDir}. */
    public FileSystemResources(Path baseDir) {
        this(baseDir, DEFAULT_MAX_FILE_BYTES);
    }

    /** Files relative to {@code baseDir}, none larger than {@code maxFileBytes}. */
    public FileSystemResources(Path baseDir, long maxFileBytes) {
        if (maxFileBytes <= 0 || maxFileBytes > ARRAY_LIMIT) {
            throw new IllegalArgumentException("maxFileBytes must be in [1, " + ARRAY_LIMIT + "], got " + maxFileBytes);
        }
        this.baseDir = baseDir;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public Resource open(String baseFile, String path, FileLoc loc) {
        return open(baseFile, path, "file", loc);
    }

    @Override
    public Resource open(String baseFile, String path, String role, FileLoc loc) {
        String name = resolveName(baseFile, path, loc);
        Path file = baseDir.resolve(name);
        String shown = file.toAbsolutePath().normalize().toString();
        String what = "cannot read " + role + " '" + path + "' (resolved to " + shown + "): ";
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (a.isDirectory()) {
                throw new SceneFileException(loc, shown, what + "it is a directory", null);
            }
            if (!a.isRegularFile()) {
                throw new SceneFileException(loc, shown, what + "it is not a regular file (a device, FIFO or socket)"
                        + "; only regular files are read", null);
            }
            if (a.size() > maxFileBytes) {
                throw tooLarge(loc, shown, what, a.size() + " bytes");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                // Never more than the limit, even from a file that grows while it is read.
                bytes = in.readNBytes((int) Math.min(maxFileBytes + 1, ARRAY_LIMIT));
            }
            if (bytes.length > maxFileBytes) {
                throw tooLarge(loc, shown, what, "more than " + maxFileBytes + " bytes");
            }
            return new Resource(name, bytes);
        } catch (NoSuchFileException e) {
            throw new SceneFileException(loc, shown, what + "no such file", e);
        } catch (AccessDeniedException e) {
            throw new SceneFileException(loc, shown, what + "permission denied", e);
        } catch (IOException e) {
            throw new SceneFileException(loc, shown, what + e, e);
        }
    }

    private SceneFileException tooLarge(FileLoc loc, String shown, String what, String size) {
        return new SceneFileException(loc, shown, what + "it is " + size + ", over the limit of " + maxFileBytes
                + " bytes (" + describe(maxFileBytes) + ") for one scene file", null);
    }

    /** 1073741824 as "1 GiB", 1536 as "1.5 KiB". */
    static String describe(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v)) + " " + units[u];
    }

    /**
     * The name of the file that {@code path} refers to, resolved against {@code baseFile} (null for the
     * main file): absolute paths as they are, relative ones against the base file's directory, normalized ({@code a/../b} becomes {@code b}) so that the same file always gets the
     * same name, which Include cycle detection and the file bundle shipped to servers rely on.
     *
     * @throws SceneException at {@code loc} when the path is not a valid file name on this system
     */
    public static String resolveName(String baseFile, String path, FileLoc loc) {
        try {
            Path p = Path.of(path);
            if (!p.isAbsolute() && baseFile != null) {
                Path dir = Path.of(baseFile).getParent();
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
