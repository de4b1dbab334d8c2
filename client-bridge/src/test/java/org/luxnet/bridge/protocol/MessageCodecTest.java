package org.luxnet.bridge.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.ManifestEntry;

/** The codec alone, on embedded channels: every message round trips; malformed frames are refused. */
class MessageCodecTest {

    static Bytes filled(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return Bytes.of(b);
    }

    /** One example of every message type, with non-default values in every field. */
    static List<Message> examples() {
        Bytes h = filled(32, 7), n = filled(32, 9);
        return List.of(
                new Hello(1, Protocol.CAPABILITIES, "client \u00e9", n),
                new Welcome(1, 5, "server-1", true, h, filled(16, 6), 150_000, filled(32, 8)),
                new Auth(filled(32, 1)),
                new AuthOk(),
                new ErrorMessage(ErrorCode.AUTH_FAILED, "wrong password"),
                new Busy("session-a", "127.0.0.1:4567", 1_700_000_000_123L),
                new Open("session-a", filled(32, 5), true, new JobSpec(-42, 3, 17, 5L << 33, List.of(1L << 40, 0L, 7L)),
                        "scenes/main.lxs",
                        List.of(new ManifestEntry("scenes/main.lxs", h, 1234), new ManifestEntry("m/x.ply", n, 0))),
                new Need(List.of(h, n)),
                new BlobChunk(h, 5, 20, filled(15, 3)),
                new Started("job-1", 4, true, 640, 480, 8, "CPU + GPU"),
                new Pull(),
                new DeltaChunk(9, 0, 3, true, filled(3, 4), List.of(96L, 1L << 35)),
                new Ack(9),
                new Heartbeat(),
                new Status(ServerState.FAILED, "out of memory", 1000, 990, 123.5, 4, "CPU", 0.75, 1L << 30, 1L << 34),
                new Stop(),
                new Ended(123456789, 9));
    }

    @Test
    void everyMessageTypeRoundTripsThroughTheCodec() {
        List<Message> examples = examples();
        Set<MessageType> covered = EnumSet.noneOf(MessageType.class);
        EmbeddedChannel out = new EmbeddedChannel(new MessageEncoder());
        EmbeddedChannel in = new EmbeddedChannel();
        Framing.install(in.pipeline(), Protocol.MAX_FRAME_BYTES);
        for (Message m : examples) {
            assertTrue(out.writeOutbound(m));
            ByteBuf frame = out.readOutbound();
            in.writeInbound(frame);
            Message back = in.readInbound();
            assertEquals(m, back, "round trip of " + m.type());
            covered.add(m.type());
        }
        assertEquals(EnumSet.allOf(MessageType.class), covered, "every type has an example");
        assertTrue(in.isActive());
    }

    @Test
    void framesSplitIntoSingleBytesStillDecode() {
        ByteBuf all = Unpooled.buffer();
        for (Message m : examples()) {
            assertDoesNotThrow(() -> MessageEncoder.encode(m, all));
        }
        EmbeddedChannel in = new EmbeddedChannel();
        Framing.install(in.pipeline(), Protocol.MAX_FRAME_BYTES);
        while (all.isReadable()) {
            in.writeInbound(all.readRetainedSlice(1));
        }
        all.release();
        for (Message m : examples()) {
            assertEquals(m, in.readInbound());
        }
        assertNull(in.readInbound());
    }

    private static void assertDoesNotThrow(ThrowingRunnable r) {
        try {
            r.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static Throwable decodeFailure(ByteBuf frameWithLength) {
        EmbeddedChannel in = new EmbeddedChannel();
        Framing.install(in.pipeline(), Protocol.MAX_FRAME_BYTES);
        DecoderException e = assertThrows(DecoderException.class, () -> in.writeInbound(frameWithLength));
        return e.getCause() != null ? e.getCause() : e;
    }

    private static ByteBuf frame(int type, byte... body) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(body.length + 1).writeByte(type).writeBytes(body);
        return b;
    }

    @Test
    void anOversizedLengthIsRefusedBeforeItsBodyArrives() {
        EmbeddedChannel in = new EmbeddedChannel();
        Framing.install(in.pipeline(), Protocol.MAX_FRAME_BYTES);
        ByteBuf b = Unpooled.buffer().writeInt(Protocol.MAX_FRAME_BYTES + 1).writeByte(MessageType.PULL.wire());
        assertThrows(TooLongFrameException.class, () -> in.writeInbound(b));
    }

    @Test
    void unknownTypesEmptyFramesAndTrailingBytesAreRefused() {
        assertTrue(decodeFailure(frame(200)).getMessage().contains("unknown message type 200"));
        ByteBuf empty = Unpooled.buffer().writeInt(0);
        assertTrue(decodeFailure(empty).getMessage().contains("empty frame"));
        Throwable t = decodeFailure(frame(MessageType.PULL.wire(), (byte) 1));
        assertInstanceOf(ProtocolException.class, t);
        assertTrue(t.getMessage().contains("unexpected bytes"), t.getMessage());
    }

    @Test
    void truncatedBodiesBadLengthsAndBadValuesAreRefused() {
        assertTrue(decodeFailure(frame(MessageType.ACK.wire(), (byte) 0, (byte) 1)).getMessage().contains("ends inside"));
        // ACK of sequence 0: a value out of range.
        assertTrue(decodeFailure(frame(MessageType.ACK.wire(), new byte[8])).getMessage().contains("start at 1"));
        // A string whose length runs past the frame.
        assertTrue(decodeFailure(frame(MessageType.ERROR.wire(), (byte) 0, (byte) 3, (byte) 0x00, (byte) 0x10))
                .getMessage().contains("ends inside"));
        // Invalid UTF-8.
        assertTrue(decodeFailure(frame(MessageType.ERROR.wire(), (byte) 0, (byte) 3, (byte) 0, (byte) 1, (byte) 0xC3))
                .getMessage().contains("UTF-8"));
        // A NEED claiming 2^31 hashes in a frame of 4 bytes.
        assertTrue(decodeFailure(frame(MessageType.NEED.wire(), (byte) 0x7f, (byte) -1, (byte) -1, (byte) -1))
                .getMessage().contains("limit"));
        // A boolean that is neither 0 nor 1.
        byte[] welcome = new byte[2 + 4 + 2 + 1 + 32];
        welcome[1] = 1;
        welcome[8] = 2;
        assertTrue(decodeFailure(frame(MessageType.WELCOME.wire(), welcome)).getMessage().contains("0 or 1"));
    }

    @Test
    void streamPositionsAreCheckedOnBothSidesOfTheWire() {
        // A delta without positions (a job that cannot tell) still round-trips, as an empty list.
        EmbeddedChannel ch = new EmbeddedChannel();
        Framing.install(ch.pipeline(), Protocol.MAX_FRAME_BYTES);
        DeltaChunk none = new DeltaChunk(2, 0, 1, false, filled(1, 1));
        assertTrue(ch.writeOutbound(none));
        assertTrue(ch.writeInbound((ByteBuf) ch.readOutbound()));
        assertEquals(List.of(), ((DeltaChunk) ch.readInbound()).streamItems());
        // Negative positions and more streams than the wire allows exist on neither side.
        assertThrows(IllegalArgumentException.class, () -> new DeltaChunk(1, 0, 1, false, filled(1, 1), List.of(-1L)));
        assertThrows(IllegalArgumentException.class, () -> new JobSpec(1, 1, 1, 0,
                java.util.Collections.nCopies(JobSpec.MAX_STREAMS + 1, 0L)));
        byte[] body = new byte[8 + 8 + 8 + 1 + 1 + 8 + 4 + 1];
        body[7] = 1; // seq 1
        body[23] = 1; // totalSize 1
        body[25] = 1; // one stream position ...
        body[26] = (byte) 0x80; // ... of -2^63
        body[37] = 1; // one data byte
        Throwable t = decodeFailure(frame(MessageType.DELTA_CHUNK.wire(), body));
        assertInstanceOf(ProtocolException.class, t);
        assertTrue(t.getMessage().contains("stream item"), t.getMessage());
        byte[] many = body.clone();
        many[25] = (byte) (JobSpec.MAX_STREAMS + 1);
        t = decodeFailure(frame(MessageType.DELTA_CHUNK.wire(), many));
        assertTrue(t.getMessage().contains("limit"), t.getMessage());
    }

    @Test
    void everyServerStateRoundTripsAsItsCodeAndAnUnknownCodeIsRefused() {
        for (ServerState st : ServerState.values()) {
            Status s = new Status(st, "", 10, 5, 1.5, 2, "CPU", Double.NaN, -1, -1);
            EmbeddedChannel ch = new EmbeddedChannel();
            Framing.install(ch.pipeline(), Protocol.MAX_FRAME_BYTES);
            assertTrue(ch.writeOutbound(s));
            ByteBuf wire = ch.readOutbound();
            assertEquals(st.code(), wire.getUnsignedByte(wire.readerIndex() + 4 + 1), "the state is one byte after the type");
            assertTrue(ch.writeInbound(wire));
            assertEquals(s, ch.readInbound());
        }
        // The first code past the known states, then the largest byte.
        for (int code : new int[] {ServerState.values().length, 255}) {
            Throwable t = decodeFailure(frame(MessageType.STATUS.wire(), (byte) code));
            assertInstanceOf(ProtocolException.class, t);
            assertTrue(t.getMessage().contains("unknown server state code " + code), t.getMessage());
        }
    }

    @Test
    void theEncoderRefusesFramesThePeerWouldRefuse() {
        ByteBuf out = Unpooled.buffer();
        List<ManifestEntry> many = new java.util.ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            many.add(new ManifestEntry("a-rather-long-file-name-to-fill-the-frame/" + i, filled(32, i), i));
        }
        Open o = new Open("s", filled(32, 5), false, new JobSpec(1, 1, 0), "a-rather-long-file-name-to-fill-the-frame/0", many);
        ProtocolException e = assertThrows(ProtocolException.class, () -> MessageEncoder.encode(o, out));
        assertTrue(e.getMessage().contains("exceeds the limit"));
        assertEquals(0, out.readableBytes(), "nothing half-written");
    }
}
