package org.luxnet.accumulator.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.luxnet.accumulator.Channel;
import org.luxnet.accumulator.Film;
import org.junit.jupiter.api.Test;

class FilmCodecTest {
    private final FilmCodec codec = new FilmCodec();

    private Film roundTrip(Film f) throws IOException {
        Film back = codec.decode(codec.encode(f), f.pixelCount());
        assertTrue(back.contentEquals(f), "round trip changed " + f);
        return back;
    }

    @Test
    void roundTripsRenderedFilms() throws IOException {
        for (int[] size : new int[][] {{1, 1}, {3, 1}, {1, 5}, {17, 13}, {64, 48}}) {
            Film f = TestFilms.rendered(size[0], size[1], 3.5, size[0] * 31L + size[1]);
            Film back = roundTrip(f);
            assertEquals(f.totalSamples(), back.totalSamples());
            assertEquals(f.rejectedSamples(), back.rejectedSamples());
            assertArrayEquals(f.toRgb(), back.toRgb());
        }
    }

    @Test
    void roundTripsEmptyAndSingleSampleFilms() throws IOException {
        Film empty = new Film(40, 30, 28);
        byte[] enc = codec.encode(empty);
        // An all-zero film carries no channel payload at all.
        assertTrue(enc.length < 64, "empty film took " + enc.length + " bytes");
        assertEquals(28, codec.decode(enc, 1200).scaleBits());
        roundTrip(empty);
        Film one = new Film(1, 1, Film.DEFAULT_SCALE_BITS);
        one.addSample(0, 0, 1f, 0.25f, 0.5f, 2f);
        roundTrip(one);
    }

    @Test
    void roundTripsExtremeValues() throws IOException {
        Film f = new Film(5, 4, 40);
        SplittableRandom rnd = new SplittableRandom(5);
        long[] special = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 1, 0, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1};
        for (Channel c : new Channel[] {Channel.R, Channel.G, Channel.B, Channel.W, Channel.LUM_SQ}) {
            long[] v = new long[20];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextBoolean() ? special[rnd.nextInt(special.length)] : rnd.nextLong();
            }
            f.setChannel(c, v);
        }
        f.setRejectedSamples(0);
        roundTrip(f);
    }

    @Test
    void streamFormMatchesAndDelimitsItself() throws IOException {
        Film a = TestFilms.rendered(20, 10, 2, 1), b = TestFilms.rendered(20, 10, 5, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.encode(a, out);
        assertArrayEquals(codec.encode(a), out.toByteArray());
        codec.encode(b, out);
        out.write(42);
        InputStream in = new ByteArrayInputStream(out.toByteArray());
        assertTrue(codec.decode(in, 200).contentEquals(a));
        assertTrue(codec.decode(in, 200).contentEquals(b));
        assertEquals(42, in.read());
        InputStream cut = new ByteArrayInputStream(Arrays.copyOf(out.toByteArray(), 50));
        assertThrows(FilmFormatException.class, () -> codec.decode(cut, 200));
    }

    @Test
    void everyLevelDecodesTheSame() throws IOException {
        Film f = TestFilms.rendered(30, 20, 2, 9);
        for (int level = 0; level <= 9; level += 3) {
            assertTrue(new FilmCodec(level).decode(new FilmCodec(level).encode(f), 600).contentEquals(f));
        }
    }

    @Test
    void compressesARealisticDelta() throws IOException {
        Film delta = TestFilms.rendered(1920, 1080, 1.5, 77);
        byte[] enc = codec.encode(delta);
        long rawFloat = FilmCodec.rawFloatBytes(delta), rawSums = (long) delta.pixelCount() * Channel.ALL.length * 8;
        System.out.printf("1920x1080 delta, 1.5 S/p: %d bytes encoded (%.2f B/pixel); %.2fx smaller than raw 32-bit "
                + "floats (%d bytes), %.2fx smaller than raw 64-bit sums%n", enc.length,
                (double) enc.length / delta.pixelCount(), (double) rawFloat / enc.length, rawFloat,
                (double) rawSums / enc.length);
        assertTrue(enc.length < rawSums, "encoding larger than the raw sums");
        assertTrue(codec.decode(enc, delta.pixelCount()).contentEquals(delta));
    }

    @Test
    void rejectsEveryTruncation() {
        byte[] enc = codec.encode(TestFilms.rendered(6, 5, 3, 4));
        for (int len = 0; len < enc.length; len++) {
            byte[] cut = Arrays.copyOf(enc, len);
            assertThrows(FilmFormatException.class, () -> codec.decode(cut, 30), "prefix of " + len + " bytes");
        }
    }

    @Test
    void rejectsFlippedBytes() throws IOException {
        Film f = TestFilms.rendered(6, 5, 3, 4);
        byte[] enc = codec.encode(f);
        int harmless = 0;
        for (int i = 0; i < enc.length; i++) {
            byte[] bad = enc.clone();
            bad[i] ^= 0x10;
            try {
                // Only the padding bits at the end of a deflate stream carry no information; flipping
                // them leaves the content, which is all the CRC can vouch for, unchanged.
                assertTrue(codec.decode(bad, 30).contentEquals(f), "flip at byte " + i + " changed the film");
                harmless++;
            } catch (FilmFormatException expected) {
                assertTrue(expected.getMessage().length() > 10);
            }
        }
        assertTrue(harmless <= 7, harmless + " of " + enc.length + " flips went unnoticed");
    }

    @Test
    void crcCatchesCorruptionThatStillInflates() {
        // A well-formed zlib stream of the right size, but not the content the CRC was computed over.
        byte[] plane = new byte[128];
        plane[37] = 1;
        FilmFormatException e = assertThrows(FilmFormatException.class, () -> codec.decode(forge(4, 4, deflate(plane)), 16));
        assertTrue(e.getMessage().contains("CRC"), e.getMessage());
        byte[] enc = codec.encode(TestFilms.rendered(8, 8, 2, 3));
        enc[20] ^= 1; // inside the total sample count: the header is covered by the CRC too
        e = assertThrows(FilmFormatException.class, () -> codec.decode(enc, 64));
        assertTrue(e.getMessage().contains("CRC"), e.getMessage());
    }

    @Test
    void rejectsFilmsOverThePixelLimit() {
        byte[] enc = codec.encode(new Film(100, 100, 32));
        FilmFormatException e = assertThrows(FilmFormatException.class, () -> codec.decode(enc, 9_999));
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
        // A forged size that would overflow int arithmetic is refused just the same.
        ByteBuffer.wrap(enc).putInt(5, 1 << 30).putInt(9, 1 << 30);
        assertThrows(FilmFormatException.class, () -> codec.decode(enc, Long.MAX_VALUE));
    }

    @Test
    void rejectsNegativeSizeUnknownVersionAndTrailingGarbage() {
        byte[] enc = codec.encode(TestFilms.rendered(4, 4, 2, 8));
        byte[] negative = enc.clone();
        ByteBuffer.wrap(negative).putInt(5, -4);
        assertMessage(negative, "not positive");
        byte[] version = enc.clone();
        version[4] = 2;
        assertMessage(version, "version");
        byte[] trailing = Arrays.copyOf(enc, enc.length + 3);
        assertMessage(trailing, "unexpected bytes");
        assertMessage(new byte[0], "truncated");
    }

    @Test
    void rejectsDeclaredLengthLargerThanBuffer() {
        byte[] enc = codec.encode(TestFilms.rendered(4, 4, 2, 8));
        ByteBuffer.wrap(enc).putInt(FilmCodec.FIXED_HEADER + 1, 100);
        assertMessage(enc, "truncated");
        byte[] huge = codec.encode(TestFilms.rendered(4, 4, 2, 8));
        ByteBuffer.wrap(huge).putInt(FilmCodec.FIXED_HEADER + 1, Integer.MAX_VALUE);
        assertMessage(huge, "compressed bytes");
    }

    @Test
    void rejectsZipBombAndShortStreams() {
        // A 64x64 film declares 32 KiB per channel; this payload of about as many bytes inflates to
        // 32 MiB, and the decoder must stop at the declared size.
        byte[] bomb = forge(64, 64, deflate(new byte[32 << 20]));
        assertTrue(bomb.length < 64 * 64 * 8, "bomb of " + bomb.length + " bytes");
        assertMessage(bomb, "past its declared");
        assertMessage(forge(4, 4, deflate(new byte[150_000])), "past its declared");
        assertMessage(forge(4, 4, deflate(new byte[100])), "inflates to 100 bytes");
        byte[] exact = forge(4, 4, deflate(new byte[128]));
        byte[] junk = Arrays.copyOf(exact, exact.length + 1);
        // The junk byte sits inside the channel's declared length, after the zlib stream ends.
        ByteBuffer.wrap(junk).putInt(FilmCodec.FIXED_HEADER + 1, ByteBuffer.wrap(exact)
                .getInt(FilmCodec.FIXED_HEADER + 1) + 1);
        assertThrows(FilmFormatException.class, () -> codec.decode(junk, 16));
        assertMessage(forge(4, 4, new byte[] {1, 2, 3, 4, 5, 6, 7}), "corrupt");
    }

    @Test
    void validForgedHeaderDecodes() throws IOException {
        // The forge helper writes the documented layout; check it is right so the rejections above mean
        // something: 128 zero bytes in channel R decode to an empty film.
        Film f = codec.decode(forge(4, 4, deflate(new byte[128])), 16);
        assertTrue(f.contentEquals(new Film(4, 4, 32)));
    }

    @Test
    void randomCorruptionNeverEscapesAsUncheckedException() {
        byte[] enc = codec.encode(TestFilms.rendered(9, 7, 4, 12));
        Film original = TestFilms.rendered(9, 7, 4, 12);
        SplittableRandom rnd = new SplittableRandom(99);
        for (int trial = 0; trial < 3000; trial++) {
            byte[] bad = enc.clone();
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits; e++) {
                bad[rnd.nextInt(bad.length)] = (byte) rnd.nextInt(256);
            }
            if (rnd.nextInt(4) == 0) {
                bad = Arrays.copyOf(bad, rnd.nextInt(bad.length + 20));
            }
            try {
                Film f = codec.decode(bad, 63);
                assertTrue(f.contentEquals(original), "corrupt input decoded to a different film");
            } catch (FilmFormatException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
            } catch (RuntimeException e) {
                fail("trial " + trial + " threw " + e, e);
            }
        }
    }

    private void assertMessage(byte[] data, String part) {
        FilmFormatException e = assertThrows(FilmFormatException.class, () -> codec.decode(data, 1 << 20));
        assertTrue(e.getMessage().contains(part), "message \"" + e.getMessage() + "\" lacks \"" + part + "\"");
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(9);
        d.setInput(data);
        d.finish();
        byte[] out = new byte[data.length / 2 + 1024];
        int n = 0;
        while (!d.finished()) {
            n += d.deflate(out, n, out.length - n);
        }
        d.end();
        return Arrays.copyOf(out, n);
    }

    /** A film encoding per the documented layout, with only channel R present, raw predictor. */
    private static byte[] forge(int width, int height, byte[] payloadR) {
        ByteBuffer b = ByteBuffer.allocate(FilmCodec.FIXED_HEADER + FilmCodec.CHANNEL_ENTRY + 4 + payloadR.length);
        b.putInt(0x4C584644).put((byte) 1).putInt(width).putInt(height).put((byte) 32);
        b.putLong(0).putLong(0).putLong(0).put((byte) 1);
        b.put((byte) 0).putInt(payloadR.length);
        // The CRC covers the inflated planes (here what the payload inflates to, capped at the declared
        // size; it does not matter for payloads that fail earlier) and then the header.
        CRC32 crc = new CRC32();
        crc.update(new byte[width * height * 8]);
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue()).put(payloadR);
        return b.array();
    }
}
