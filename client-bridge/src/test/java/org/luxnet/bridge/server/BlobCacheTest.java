package org.luxnet.bridge.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.bridge.job.ContentHash;
import org.luxnet.bridge.protocol.Bytes;

/** The scene cache's directory and files against another local user's links and permissions. */
class BlobCacheTest {
    @TempDir
    Path tmp;

    @Test
    void theDefaultDirectoryIsPerUserAndCreatedPrivate() throws Exception {
        assertEquals(Path.of("/xdg/cache/luxnet"), CacheDirs.defaultDir(Map.of("XDG_CACHE_HOME", "/xdg/cache"), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/luxnet"), CacheDirs.defaultDir(Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/luxnet"), CacheDirs.defaultDir(Map.of("XDG_CACHE_HOME", "rel"), "/home/u"),
                "a relative XDG_CACHE_HOME is ignored, as the spec says");
        Path dir = CacheDirs.defaultDir(Map.of("XDG_CACHE_HOME", tmp.resolve("xdg").toString()), "/nowhere");
        new BlobCache(dir, 1 << 20);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void aCacheDirectoryThatIsALinkOrWritableByOthersIsRefused() throws Exception {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        IOException e = assertThrows(IOException.class, () -> new BlobCache(link, 1 << 20));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());

        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        e = assertThrows(IOException.class, () -> new BlobCache(open, 1 << 20));
        assertTrue(e.getMessage().contains("other users may write"), e.getMessage());
    }

    @Test
    void aLinkPlantedUnderAHashNameIsNeverFollowed() throws Exception {
        Path dir = tmp.resolve("cache");
        BlobCache cache = new BlobCache(dir, 1 << 20);
        byte[] secret = "the server's own secret file".getBytes(StandardCharsets.UTF_8);
        Path target = Files.write(tmp.resolve("secret.txt"), secret);
        Bytes hash = ContentHash.of(secret);
        Files.createSymbolicLink(dir.resolve(hash.hex()), target);

        assertFalse(cache.has(hash, secret.length), "a link is not a cached file");
        assertThrows(IOException.class, () -> cache.read(hash, secret.length));
        assertEquals(0, cache.usage().files(), "a link is not counted either");

        // An upload of that content replaces the link, and leaves the file it pointed to alone.
        BlobUpload up = cache.begin(hash, secret.length);
        assertTrue(up.append(0, secret.length, secret));
        assertFalse(Files.isSymbolicLink(dir.resolve(hash.hex())));
        assertArrayEquals(secret, cache.read(hash, secret.length));
        assertArrayEquals(secret, Files.readAllBytes(target));
        cache.evict(Set.of());
    }
}
