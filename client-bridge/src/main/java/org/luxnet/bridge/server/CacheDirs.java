package org.luxnet.bridge.server;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Where the scene cache lives and how its files are touched: a per-user default directory, created
 * private (0700 where the file system has POSIX permissions), and file access that never follows a
 * symbolic link.
 */
public final class CacheDirs {
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private CacheDirs() {
    }

    /**
     * The default cache directory of the user: {@code $XDG_CACHE_HOME/luxnet} when that variable
     * holds an absolute path, else {@code ~/.cache/luxnet}.
     */
    public static Path defaultDir(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "luxnet");
        }
        return Path.of(userHome, ".cache", "luxnet");
    }

    /**
     * Creates {@code dir} (and missing parents) private to this user, or checks the one there.
     *
     * @throws IOException naming the directory when it is a symbolic link, not a directory, or
     *     writable by other users
     */
    static Path open(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new IOException("refusing the cache directory " + dir + ": it is a symbolic link");
        }
        PosixFileAttributeView posix = null;
        if (!Files.exists(dir, NOFOLLOW_LINKS)) {
            boolean hasPosix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (hasPosix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (!Files.isDirectory(dir, NOFOLLOW_LINKS)) {
            throw new IOException("refusing the cache directory " + dir + ": it is not a directory");
        }
        posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class, NOFOLLOW_LINKS);
        if (posix != null) {
            Set<PosixFilePermission> p = posix.readAttributes().permissions();
            if (p.contains(PosixFilePermission.OTHERS_WRITE) || p.contains(PosixFilePermission.GROUP_WRITE)) {
                throw new IOException("refusing the cache directory " + dir + ": other users may write to it ("
                        + PosixFilePermissions.toString(p) + "); make it private (chmod 700) or choose another");
            }
        }
        return dir;
    }

    /** The size of the plain file {@code p}, not following a link; -1 when it is anything else. */
    static long size(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW_LINKS);
        return a.isRegularFile() ? a.size() : -1;
    }

    /** The content of {@code p}, which must be {@code size} bytes, opened without following a link. */
    static byte[] readAll(Path p, long size) throws IOException {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("cached " + p.getFileName() + " is too large to read: " + size + " bytes");
        }
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(p, Set.of(StandardOpenOption.READ,
                NOFOLLOW_LINKS)))) {
            byte[] data = in.readNBytes((int) size);
            if (data.length != size || in.read() >= 0) {
                throw new IOException("cached " + p.getFileName() + " changed size while read");
            }
            return data;
        }
    }
}
