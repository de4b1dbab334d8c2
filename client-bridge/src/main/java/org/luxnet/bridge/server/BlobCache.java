package org.luxnet.bridge.server;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.luxnet.bridge.job.ContentHash;
import org.luxnet.bridge.protocol.Bytes;

/**
 * The server's store of scene files by SHA-256, in one directory. Every file in it is named by the
 * server's own lower-case hex of its hash (uploads first go to temporary files named by the server
 * too), so no client-supplied name ever becomes a path. Content is verified when written and when
 * read. The directory's size is bounded: after an upload, least recently used files go until the
 * total is under the limit. The directory is created private to its user; a directory that is a
 * symbolic link or writable by others is refused, and no file in it is followed through a link, so
 * another local user cannot plant links that make the server read or overwrite other files. Used
 * from the server's one state thread; not thread-safe.
 */
public final class BlobCache {
    private static final Logger LOG = Logger.getLogger(BlobCache.class.getName());
    static final String UPLOAD_PREFIX = ".upload-";

    private final Path dir;
    private final long maxBytes;

    /**
     * A cache in {@code dir} (created if missing; temporary uploads left by a crash are deleted)
     * holding at most {@code maxBytes} besides the files of the scene being loaded.
     */
    public BlobCache(Path dir, long maxBytes) throws IOException {
        this.dir = CacheDirs.open(dir);
        this.maxBytes = maxBytes;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, UPLOAD_PREFIX + "*")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The cache directory. */
    public Path dir() {
        return dir;
    }

    private Path path(Bytes hash) {
        return dir.resolve(hash.hex());
    }

    /** True when a file with this hash and size is cached. */
    public boolean has(Bytes hash, long size) {
        Path p = path(hash);
        try {
            return Files.isRegularFile(p, NOFOLLOW_LINKS) && CacheDirs.size(p) == size;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The cached content of {@code hash}, verified; a damaged file is deleted.
     *
     * @throws IOException when the file is missing, unreadable or does not match its hash
     */
    public byte[] read(Bytes hash, long size) throws IOException {
        Path p = path(hash);
        if (CacheDirs.size(p) != size) {
            Files.deleteIfExists(p);
            throw new IOException("cached " + p.getFileName() + " has the wrong size (or is not a plain file); deleted");
        }
        byte[] data = CacheDirs.readAll(p, size);
        if (!ContentHash.of(data).equals(hash)) {
            Files.deleteIfExists(p);
            throw new IOException("cached " + p.getFileName() + " does not match its hash; deleted");
        }
        Files.getFileAttributeView(p, BasicFileAttributeView.class, NOFOLLOW_LINKS)
                .setTimes(FileTime.fromMillis(System.currentTimeMillis()), null, null);
        return data;
    }

    /**
     * How much the cache holds: files and bytes, not counting uploads in progress; -1 each when the
     * directory cannot be read. Safe to call from any thread (a file that vanishes meanwhile is skipped).
     */
    public Usage usage() {
        int files = 0;
        long bytes = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (p.getFileName().toString().startsWith(UPLOAD_PREFIX)) {
                    continue;
                }
                try {
                    bytes += CacheDirs.size(p);
                    files++;
                } catch (IOException vanished) {
                    // Evicted between listing and sizing: no longer in the cache.
                }
            }
        } catch (IOException e) {
            return new Usage(-1, -1);
        }
        return new Usage(files, bytes);
    }

    /**
     * What the cache holds.
     *
     * @param files cached scene files, -1 when unknown
     * @param bytes their total size, -1 when unknown
     */
    public record Usage(int files, long bytes) {
    }

    /** Starts receiving a file of {@code size} bytes that must hash to {@code hash}. */
    public BlobUpload begin(Bytes hash, long size) throws IOException {
        Path tmp = Files.createTempFile(dir, UPLOAD_PREFIX, "");
        return new BlobUpload(hash, size, tmp, path(hash));
    }

    /** Deletes least recently used files, except {@code keep}, until the cache holds at most its limit. */
    public void evict(Set<Bytes> keep) {
        try {
            List<Path> files = new ArrayList<>();
            long total = 0;
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path p : s) {
                    if (!p.getFileName().toString().startsWith(UPLOAD_PREFIX) && Files.isRegularFile(p, NOFOLLOW_LINKS)) {
                        files.add(p);
                        total += CacheDirs.size(p);
                    }
                }
            }
            files.sort(Comparator.comparing(BlobCache::modified));
            for (Path p : files) {
                if (total <= maxBytes) {
                    break;
                }
                String name = p.getFileName().toString();
                if (keep.stream().anyMatch(h -> h.hex().equals(name))) {
                    continue;
                }
                long size = CacheDirs.size(p);
                Files.deleteIfExists(p);
                total -= size;
                LOG.fine(() -> "evicted " + name + " (" + size + " bytes) from the scene cache");
            }
        } catch (NoSuchFileException e) {
            LOG.fine(() -> "a cached file vanished during eviction: " + e.getMessage());
        } catch (IOException e) {
            LOG.warning("cannot trim the scene cache in " + dir + ": " + e.getMessage());
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
