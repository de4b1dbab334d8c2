package org.luxnet.bridge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.protocol.Auth;
import org.luxnet.bridge.protocol.AuthOk;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.ErrorCode;
import org.luxnet.bridge.protocol.ErrorMessage;
import org.luxnet.bridge.protocol.Framing;
import org.luxnet.bridge.protocol.Heartbeat;
import org.luxnet.bridge.protocol.Hello;
import org.luxnet.bridge.protocol.Message;
import org.luxnet.bridge.protocol.MessageDecoder;
import org.luxnet.bridge.protocol.Protocol;
import org.luxnet.bridge.protocol.Pull;
import org.luxnet.bridge.protocol.Welcome;
import org.luxnet.bridge.testing.LogCapture;

/** The server's connection handler on an embedded channel: handshake, password, refusals. */
class ServerHandlerTest {
    private final List<Message> forwarded = new CopyOnWriteArrayList<>();
    private final ServerHandler.MessageSink sink = new ServerHandler.MessageSink() {
        @Override
        public void message(Channel ch, Message m) {
            forwarded.add(m);
        }

        @Override
        public void disconnected(Channel ch) {
        }
    };

    private static final Bytes NONCE = Bytes.of(new byte[32]);
    private static final Bytes SALT = Bytes.of(new byte[Protocol.SALT_BYTES]);

    private EmbeddedChannel channel(PasswordProof password) {
        EmbeddedChannel ch = new EmbeddedChannel();
        Framing.install(ch.pipeline(), Protocol.MAX_FRAME_BYTES);
        ch.pipeline().addLast(new ServerHandler("test-server",
                password == null ? null : password.key(SALT, PasswordProof.ITERATIONS), sink,
                PeerLog.standard(java.util.logging.Logger.getLogger(RenderServer.class.getName()))));
        return ch;
    }

    /** Sends {@code m} as bytes, as the client's encoder would, and returns the server's decoded answer. */
    private static Message exchange(EmbeddedChannel ch, Message m) throws Exception {
        io.netty.buffer.ByteBuf b = Unpooled.buffer();
        org.luxnet.bridge.protocol.MessageEncoder.encode(m, b);
        ch.writeInbound(b);
        return answer(ch);
    }

    private static Message answer(EmbeddedChannel ch) throws Exception {
        io.netty.buffer.ByteBuf out = ch.readOutbound();
        if (out == null) {
            return null;
        }
        out.skipBytes(4);
        try {
            return MessageDecoder.decode(out);
        } finally {
            out.release();
        }
    }

    @Test
    void withoutPasswordTheHandshakeForwardsLaterMessages() throws Exception {
        EmbeddedChannel ch = channel(null);
        Welcome w = (Welcome) exchange(ch, new Hello(Protocol.VERSION, Protocol.CAPABILITIES, "t", NONCE));
        assertFalse(w.authRequired());
        assertEquals("test-server", w.serverId());
        exchange(ch, new Pull());
        assertEquals(List.of(new Pull()), forwarded);
        assertTrue(ch.isActive());
    }

    @Test
    void theRightPasswordIsAcceptedAndTheServerProvesItToo() throws Exception {
        PasswordProof p = new PasswordProof("s3cret");
        EmbeddedChannel ch = channel(p);
        Welcome w = (Welcome) exchange(ch, new Hello(Protocol.VERSION, Protocol.CAPABILITIES, "t", NONCE));
        assertTrue(w.authRequired());
        assertTrue(w.iterations() >= 100_000, "PBKDF2 iterations " + w.iterations());
        PasswordProof.Key k = p.key(w.salt(), w.iterations());
        assertTrue(k.checkServer(w.serverProof(), w.serverNonce(), NONCE), "the server proves itself first");
        assertInstanceOf(AuthOk.class, exchange(ch, new Auth(k.clientProof(w.serverNonce(), NONCE))));
        exchange(ch, new Heartbeat());
        assertEquals(List.of(new Heartbeat()), forwarded);
    }

    @Test
    void aWrongPasswordIsRefusedClearlyAndTheConnectionClosed() throws Exception {
        try (LogCapture log = new LogCapture(RenderServer.class.getName())) {
            EmbeddedChannel ch = channel(new PasswordProof("s3cret"));
            Welcome w = (Welcome) exchange(ch, new Hello(Protocol.VERSION, Protocol.CAPABILITIES, "t", NONCE));
            Message m = exchange(ch, new Auth(new PasswordProof("guess").key(w.salt(), w.iterations()).clientProof(w.serverNonce(), NONCE)));
            assertEquals(new ErrorMessage(ErrorCode.AUTH_FAILED, "wrong password"), m);
            assertFalse(ch.isActive());
            assertTrue(forwarded.isEmpty());
            assertTrue(log.contains("wrong password"), log.messages().toString());
        }
    }

    @Test
    void messagesBeforeTheHandshakeAndSkippedAuthenticationCloseTheConnection() throws Exception {
        try (LogCapture log = new LogCapture(RenderServer.class.getName())) {
            EmbeddedChannel ch = channel(null);
            ErrorMessage e = (ErrorMessage) exchange(ch, new Pull());
            assertEquals(ErrorCode.PROTOCOL, e.code());
            assertTrue(e.message().contains("must start with HELLO"), e.message());
            assertFalse(ch.isActive());
            assertTrue(log.contains("closing connection", "HELLO"), log.messages().toString());

            EmbeddedChannel ch2 = channel(new PasswordProof("pw"));
            exchange(ch2, new Hello(Protocol.VERSION, Protocol.CAPABILITIES, "t", NONCE));
            ErrorMessage e2 = (ErrorMessage) exchange(ch2, new Pull());
            assertTrue(e2.message().contains("requires a password"), e2.message());
            assertFalse(ch2.isActive());
            assertTrue(forwarded.isEmpty());
        }
    }

    @Test
    void anotherProtocolVersionIsRefusedNamingBoth() throws Exception {
        EmbeddedChannel ch = channel(null);
        ErrorMessage e = (ErrorMessage) exchange(ch, new Hello(Protocol.VERSION + 1, 0, "future", NONCE));
        assertEquals(ErrorCode.VERSION, e.code());
        assertTrue(e.message().contains("version " + Protocol.VERSION) && e.message().contains(String.valueOf(Protocol.VERSION + 1)));
        assertFalse(ch.isActive());
    }

    @Test
    void garbageAndOversizedFramesCloseOnlyThatConnectionWithALoggedReason() throws Exception {
        try (LogCapture log = new LogCapture(RenderServer.class.getName())) {
            EmbeddedChannel ch = channel(null);
            ch.writeInbound(Unpooled.buffer().writeInt(3).writeByte(99).writeShort(0));
            ErrorMessage e = (ErrorMessage) answer(ch);
            assertTrue(e.message().contains("unknown message type 99"), e.message());
            assertFalse(ch.isActive());

            EmbeddedChannel big = channel(null);
            big.writeInbound(Unpooled.buffer().writeInt(Protocol.MAX_FRAME_BYTES + 10).writeByte(11));
            assertInstanceOf(ErrorMessage.class, answer(big));
            assertFalse(big.isActive());
            assertTrue(log.contains("closing connection", "frame too large"), log.messages().toString());

            EmbeddedChannel other = channel(null);
            assertInstanceOf(Welcome.class, exchange(other, new Hello(Protocol.VERSION, 0, "ok", NONCE)));
            assertTrue(other.isActive(), "a bad peer does not affect another connection");
        }
    }
}
