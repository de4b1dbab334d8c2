package org.luxnet.bridge.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FilmCodec;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.protocol.Ack;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.Protocol;
import org.luxnet.bridge.protocol.DeltaChunk;
import org.luxnet.bridge.protocol.FrameGate;
import org.luxnet.bridge.protocol.Hello;
import org.luxnet.bridge.protocol.Message;
import org.luxnet.bridge.protocol.Need;
import org.luxnet.bridge.protocol.Open;
import org.luxnet.bridge.protocol.Protocol;
import org.luxnet.bridge.protocol.Started;
import org.luxnet.bridge.protocol.Protocol;
import org.luxnet.bridge.protocol.Welcome;
import org.luxnet.bridge.testing.FakeJob;
import org.luxnet.bridge.testing.LogCapture;

/** The client's side of one connection on an embedded channel: deltas merged once, bad ones refused. */
class ClientHandlerTest {
    private static final Bytes NONCE = Bytes.of(new byte[32]);

    private final EmbeddedChannel loopOwner = new EmbeddedChannel();

    private RemoteNode node(PasswordProof password) {
        SceneBundle scene = new SceneBundle("s.lxs", Map.of("s.lxs", "WorldBegin".getBytes(StandardCharsets.UTF_8)));
        ClientOptions o = ClientOptions.defaults(password);
        ClientSession s = new ClientSession(scene, "sess", 5, FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS, 1, o,
                loopOwner.eventLoop());
        return new RemoteNode(s, new NodeAddress("127.0.0.1", 1), 1, 0, Checkpoint.NONE);
    }

    private static Message out(EmbeddedChannel ch) {
        return ch.readOutbound();
    }

    private static EmbeddedChannel rendering(RemoteNode n) {
        EmbeddedChannel ch = new EmbeddedChannel(new ClientHandler(n.link(), null));
        assertInstanceOf(Hello.class, out(ch));
        ch.writeInbound(new Welcome(Protocol.VERSION, 0, "srv", false, NONCE));
        Open open = (Open) out(ch);
        assertEquals(SessionKeys.of("sess").wireId(), open.sessionId(), "the id servers see is derived, not the FLM's");
        assertEquals(SessionKeys.of("sess").secret(), open.secret());
        assertFalse(open.sessionId().contains("sess"));
        assertEquals(1, open.spec().node());
        ch.writeInbound(new Need(List.of()));
        ch.writeInbound(new Started("job-1", 1, false, FakeJob.WIDTH, FakeJob.HEIGHT, 2, "fake"));
        assertEquals(NodeState.RENDERING, n.status().state());
        assertEquals("rendering", n.state());
        return ch;
    }

    private static DeltaChunk delta(long seq, byte[] encoded) {
        return new DeltaChunk(seq, 0, encoded.length, false, Bytes.of(encoded));
    }

    @Test
    void aResentDeltaIsAcknowledgedAgainButMergedOnce() {
        RemoteNode n = node(null);
        EmbeddedChannel ch = rendering(n);
        Film d = FakeJob.reference(new JobSpec(5, 1, 0), 3);
        byte[] enc = new FilmCodec().encode(d);
        ch.writeInbound(delta(1, enc));
        assertEquals(new Ack(1), out(ch));
        ch.writeInbound(delta(1, enc));
        assertEquals(new Ack(1), out(ch));
        Film total = new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS);
        assertEquals(d.totalSamples(), n.drainInto(total));
        assertTrue(total.contentEquals(d));
        assertEquals(new Checkpoint("job-1", 1, 1, d.totalSamples()), n.checkpoint(), "job, delta, node, samples held");
        assertTrue(ch.isActive());
    }

    @Test
    void deltasAcknowledgedByAnotherConnectionAreNoticedAndNamed() {
        try (LogCapture log = new LogCapture(RemoteNode.class.getName())) {
            RemoteNode n = node(null);
            EmbeddedChannel ch = rendering(n);
            byte[] enc = new FilmCodec().encode(FakeJob.reference(new JobSpec(5, 1, 0), 1));
            ch.writeInbound(delta(1, enc));
            assertFalse(log.contains("acknowledged"), "deltas in order are normal");
            ch.writeInbound(delta(4, enc));
            assertTrue(log.contains("server 127.0.0.1:1 (srv) sent delta 4 after 1", "acknowledged the 2 between"),
                    log.messages().toString());
            assertEquals(new Ack(1), out(ch));
            assertEquals(new Ack(4), out(ch), "what did arrive is still merged and acknowledged");
        }
    }

    @Test
    void aCorruptDeltaClosesTheConnectionWithALoggedReasonAndMergesNothing() {
        try (LogCapture log = new LogCapture(RemoteNode.class.getName())) {
            RemoteNode n = node(null);
            EmbeddedChannel ch = rendering(n);
            byte[] enc = new FilmCodec().encode(FakeJob.reference(new JobSpec(5, 1, 0), 2));
            enc[enc.length - 5] ^= 0x55;
            ch.writeInbound(delta(1, enc));
            assertFalse(ch.isActive());
            assertTrue(n.state().startsWith("failed: corrupt delta 1 from 127.0.0.1:1"), n.state());
            assertTrue(log.contains("corrupt delta 1"), log.messages().toString());
            assertEquals(0, n.drainInto(new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS)));
            assertTrue(n.awaitStopped(Duration.ZERO), "a failed node counts as stopped");
        }
    }

    @Test
    void aDeltaOfAnotherFilmSizeIsRefused() {
        RemoteNode n = node(null);
        EmbeddedChannel ch = rendering(n);
        byte[] enc = new FilmCodec().encode(new Film(FakeJob.WIDTH + 1, FakeJob.HEIGHT, FakeJob.SCALE_BITS));
        ch.writeInbound(delta(1, enc));
        assertFalse(ch.isActive());
        assertTrue(n.state().startsWith("failed: "), n.state());
    }

    @Test
    void chunksOutOfOrderCloseTheConnectionForAReconnect() {
        try (LogCapture log = new LogCapture(RemoteNode.class.getName())) {
            RemoteNode n = node(null);
            EmbeddedChannel ch = rendering(n);
            ch.writeInbound(new DeltaChunk(1, 10, 20, false, Bytes.of(new byte[10])));
            assertFalse(ch.isActive());
            assertTrue(log.contains("out of order"), log.messages().toString());
            assertFalse(n.state().startsWith("failed"), "a broken transfer is retried, not given up: " + n.state());
        }
    }

    @Test
    void aServerThatWantsAPasswordTheClientLacksIsRefusedForGood() {
        RemoteNode n = node(null);
        EmbeddedChannel ch = new EmbeddedChannel(new ClientHandler(n.link(), null));
        out(ch);
        ch.writeInbound(new Welcome(Protocol.VERSION, 0, "srv", true, NONCE));
        assertFalse(ch.isActive());
        assertTrue(n.state().contains("requires a password"), n.state());
    }

    /** A connection with the client's own pipeline (frame limits, codec, idle timeout) around the handler. */
    private static EmbeddedChannel piped(RemoteNode n) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ClientInitializer.install(ch.pipeline(), n.link().session(), new ClientHandler(n.link(), null));
        ch.pipeline().fireChannelActive();
        return ch;
    }

    private static io.netty.buffer.ByteBuf frame(Message m) {
        io.netty.buffer.ByteBuf b = io.netty.buffer.Unpooled.buffer();
        try {
            org.luxnet.bridge.protocol.MessageEncoder.encode(m, b);
        } catch (org.luxnet.bridge.protocol.ProtocolException e) {
            throw new AssertionError(e);
        }
        return b;
    }

    @Test
    void beforeTheHandshakeAServerCannotMakeTheClientBufferALargeFrame() {
        try (LogCapture log = new LogCapture(RemoteNode.class.getName())) {
            RemoteNode n = node(null);
            EmbeddedChannel ch = piped(n);
            FrameGate gate = ch.pipeline().get(FrameGate.class);
            assertEquals(Protocol.HANDSHAKE_FRAME_BYTES, gate.limit());
            // Only the length field of a 1 MiB frame, as a hostile server would send instead of WELCOME.
            io.netty.buffer.ByteBuf header = io.netty.buffer.Unpooled.buffer().writeInt(1 << 20).writeByte(1);
            ch.writeInbound(header);
            assertFalse(ch.isActive(), "refused at the length field, not after a megabyte");
            assertTrue(log.contains("a frame of " + (1 << 20) + " bytes before authentication"),
                    log.messages().toString());
        }
    }

    @Test
    void afterTheHandshakeFramesMayBeLarge() {
        RemoteNode n = node(null);
        EmbeddedChannel ch = piped(n);
        ch.writeInbound(frame(new Welcome(Protocol.VERSION, 0, "srv", false, NONCE)));
        assertEquals(Protocol.MAX_FRAME_BYTES, ch.pipeline().get(FrameGate.class).limit());
        // A STATUS with the longest strings is larger than any handshake frame, and normal now.
        String longest = "x".repeat(Protocol.MAX_STRING_BYTES);
        io.netty.buffer.ByteBuf status = frame(new org.luxnet.bridge.protocol.Status(
                org.luxnet.bridge.protocol.ServerState.RENDERING, longest, 1, 1, 1, 1, longest, 0.5, 1, 2));
        assertTrue(status.readableBytes() > Protocol.HANDSHAKE_FRAME_BYTES + 4);
        ch.writeInbound(status);
        assertTrue(ch.isActive(), n.status().toString());
    }
}
