package org.luxnet.accumulator.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void failedWriteLeavesOldContentAndNoTemporaryFile() throws IOException {
        Path p = dir.resolve("image.png");
        AtomicFiles.write(p, out -> out.write(new byte[] {1, 2, 3}));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(p, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("disk full"), e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(p));
        assertEquals(1, count());
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(p, out -> {
            throw new IllegalStateException("bug");
        }));
        assertEquals(1, count());
    }

    @Test
    void missingDirectoryIsReportedWithThePath() {
        Path p = dir.resolve("no/such/dir/film.flm");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(p, out -> out.write(1)));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    }

    private long count() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
