package org.luxnet.accumulator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.luxnet.accumulator.Film;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlmFileTest {
    @TempDir
    Path dir;

    private static final Map<String, String> RESUME = Map.of("sceneHash", "9f86d081884c7d65", "seed", "1234",
            "streams", "0:1048576,1:2097152", "elapsed", "PT36.5S", "note", "Grüße, 渲染 ✓", "empty", "");

    @Test
    void roundTripsFilmAndMetadata() throws IOException {
        Film f = TestFilms.rendered(37, 21, 4, 3);
        Path p = dir.resolve("render.flm");
        FlmFile.write(p, f, RESUME);
        FlmContents back = FlmFile.read(p, f.pixelCount());
        assertTrue(back.film().contentEquals(f));
        assertEquals(RESUME, back.metadata());
        assertEquals(List.of(p), files());
    }

    @Test
    void roundTripsEmptyFilmWithoutMetadata() throws IOException {
        Path p = dir.resolve("empty.flm");
        FlmFile.write(p, new Film(1, 1, 32), Map.of());
        FlmContents back = FlmFile.read(p, 1);
        assertTrue(back.film().contentEquals(new Film(1, 1, 32)));
        assertTrue(back.metadata().isEmpty());
    }

    @Test
    void overwritesAtomically() throws IOException {
        Path p = dir.resolve("render.flm");
        FlmFile.write(p, TestFilms.rendered(8, 8, 1, 1), Map.of("pass", "1"));
        Film second = TestFilms.rendered(8, 8, 2, 2);
        FlmFile.write(p, second, Map.of("pass", "2"));
        FlmContents back = FlmFile.read(p, 64);
        assertTrue(back.film().contentEquals(second));
        assertEquals("2", back.metadata().get("pass"));
        assertEquals(List.of(p), files(), "no temporary file may be left behind");
    }

    @Test
    void truncatedFileNamesTheFile() throws IOException {
        Path p = dir.resolve("cut.flm");
        FlmFile.write(p, TestFilms.rendered(10, 10, 2, 5), RESUME);
        byte[] all = Files.readAllBytes(p);
        for (int len : new int[] {0, 5, 20, 60, all.length / 2, all.length - 1}) {
            Files.write(p, Arrays.copyOf(all, len));
            FilmFormatException e = assertThrows(FilmFormatException.class, () -> FlmFile.read(p, 100), "length " + len);
            assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        }
    }

    @Test
    void corruptMetadataOrPayloadIsDetected() throws IOException {
        Path p = dir.resolve("bad.flm");
        FlmFile.write(p, TestFilms.rendered(10, 10, 2, 5), Map.of("seed", "1234"));
        byte[] all = Files.readAllBytes(p);
        byte[] meta = all.clone();
        meta[new String(all, StandardCharsets.ISO_8859_1).indexOf("1234")] = '9'; // the seed's first digit
        Files.write(p, meta);
        FilmFormatException e = assertThrows(FilmFormatException.class, () -> FlmFile.read(p, 100));
        assertTrue(e.getMessage().contains("metadata") && e.getMessage().contains(p.toString()), e.getMessage());
        byte[] payload = all.clone();
        payload[payload.length - 10] ^= 0x55;
        Files.write(p, payload);
        assertThrows(FilmFormatException.class, () -> FlmFile.read(p, 100));
        byte[] magic = all.clone();
        magic[0] = 'X';
        Files.write(p, magic);
        e = assertThrows(FilmFormatException.class, () -> FlmFile.read(p, 100));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void refusesFilmsOverTheLimit() throws IOException {
        Path p = dir.resolve("big.flm");
        FlmFile.write(p, TestFilms.rendered(20, 20, 1, 5), Map.of());
        FilmFormatException e = assertThrows(FilmFormatException.class, () -> FlmFile.read(p, 399));
        assertTrue(e.getMessage().contains("limit") && e.getMessage().contains(p.toString()), e.getMessage());
    }

    @Test
    void missingFileIsAnIoExceptionNamingIt() {
        Path p = dir.resolve("missing.flm");
        IOException e = assertThrows(IOException.class, () -> FlmFile.read(p, 100));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
