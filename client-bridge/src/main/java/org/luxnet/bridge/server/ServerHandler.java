package org.luxnet.bridge.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.security.SecureRandom;
import java.util.logging.Logger;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.protocol.Auth;
import org.luxnet.bridge.protocol.AuthOk;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.ErrorCode;
import org.luxnet.bridge.protocol.ErrorMessage;
import org.luxnet.bridge.protocol.Failures;
import org.luxnet.bridge.protocol.FrameGate;
import org.luxnet.bridge.protocol.Hello;
import org.luxnet.bridge.protocol.LogText;
import org.luxnet.bridge.protocol.Message;
import org.luxnet.bridge.protocol.MessageType;
import org.luxnet.bridge.protocol.Protocol;
import org.luxnet.bridge.protocol.ProtocolException;
import org.luxnet.bridge.protocol.Welcome;

/**
 * The server's handler for one connection: the handshake (version, then the password proof when
 * one is set) happens here, before anything reaches the server's state; afterwards the client's
 * messages go to the server's state thread. Any protocol error closes this connection, with the
 * reason logged and sent to the peer, and nothing else.
 */
final class ServerHandler extends SimpleChannelInboundHandler<Message> {
    private static final Logger LOG = Logger.getLogger(RenderServer.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private enum Phase { HELLO, AUTH, READY }

    private final String serverId;
    /** The key derived from the password with this server's salt; null without a password. */
    private final PasswordProof.Key password;
    private final MessageSink sink;
    private final PeerLog peerLog;
    private Phase phase = Phase.HELLO;
    /** Set by the first refusal: what the peer sent after it is dropped unread and unlogged. */
    private boolean closing;
    private Bytes serverNonce, clientNonce;

    /** Where authenticated messages go. */
    interface MessageSink {
        void message(io.netty.channel.Channel ch, Message m);

        void disconnected(io.netty.channel.Channel ch);
    }

    ServerHandler(String serverId, PasswordProof.Key password, MessageSink sink, PeerLog peerLog) {
        this.serverId = serverId;
        this.password = password;
        this.sink = sink;
        this.peerLog = peerLog;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message m) throws ProtocolException {
        if (closing) {
            return;
        }
        switch (phase) {
            case HELLO:
                hello(ctx, expect(m, MessageType.HELLO, "the handshake must start with HELLO"));
                break;
            case AUTH:
                auth(ctx, (Auth) expect(m, MessageType.AUTH, "this server requires a password: AUTH must follow WELCOME"));
                break;
            default:
                switch (m.type()) {
                    case OPEN: case BLOB_CHUNK: case PULL: case ACK: case HEARTBEAT: case STOP:
                        sink.message(ctx.channel(), m);
                        break;
                    default:
                        throw new ProtocolException("a server does not accept " + m.type() + " from a client");
                }
        }
    }

    private static Message expect(Message m, MessageType t, String rule) throws ProtocolException {
        if (m.type() != t) {
            throw new ProtocolException("got " + m.type() + ": " + rule);
        }
        return m;
    }

    private void hello(ChannelHandlerContext ctx, Message m) {
        Hello h = (Hello) m;
        if (h.version() != Protocol.VERSION) {
            refuse(ctx, ErrorCode.VERSION, "this server speaks protocol version " + Protocol.VERSION + ", the client "
                    + h.version());
            return;
        }
        clientNonce = h.clientNonce();
        byte[] nonce = new byte[Protocol.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        serverNonce = Bytes.of(nonce);
        // The server proves itself first: a client never reveals a proof to a server that does not know the password.
        ctx.writeAndFlush(password == null ? new Welcome(Protocol.VERSION, Protocol.CAPABILITIES, serverId, false, serverNonce)
                : new Welcome(Protocol.VERSION, Protocol.CAPABILITIES, serverId, true, serverNonce, password.salt(),
                password.iterations(), password.serverProof(serverNonce, clientNonce)));
        if (password != null) {
            phase = Phase.AUTH;
        } else {
            authenticated(ctx);
        }
        LOG.fine(() -> "client " + RenderServer.address(ctx.channel()) + " (" + LogText.of(h.clientName())
                + ") connected");
    }

    private void auth(ChannelHandlerContext ctx, Auth a) {
        if (!password.checkClient(a.proof(), serverNonce, clientNonce)) {
            refuse(ctx, ErrorCode.AUTH_FAILED, "wrong password");
            return;
        }
        ctx.writeAndFlush(new AuthOk());
        authenticated(ctx);
    }

    /** The client may now send what a session needs, in frames up to the full limit. */
    private void authenticated(ChannelHandlerContext ctx) {
        phase = Phase.READY;
        FrameGate gate = ctx.pipeline().get(FrameGate.class);
        if (gate != null) {
            gate.open();
        }
    }

    private void refuse(ChannelHandlerContext ctx, ErrorCode code, String reason) {
        peerLog.warn(ctx.channel().remoteAddress(), "refusing client " + RenderServer.address(ctx.channel()) + ": "
                + LogText.of(reason));
        closeWith(ctx, code, reason);
        phase = Phase.HELLO;
    }

    /** Sends the refusal and closes; anything the peer sent meanwhile is dropped. */
    private void closeWith(ChannelHandlerContext ctx, ErrorCode code, String reason) {
        closing = true;
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(new ErrorMessage(code, reason)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (phase == Phase.READY) {
            sink.disconnected(ctx.channel());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            peerLog.warn(ctx.channel().remoteAddress(), "closing connection from " + RenderServer.address(ctx.channel())
                    + ": silent too long");
            closing = true;
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (closing) {
            // The frames that followed the first bad one in the same read: already answered.
            return;
        }
        String reason = Failures.describe(cause);
        peerLog.warn(ctx.channel().remoteAddress(), "closing connection from " + RenderServer.address(ctx.channel())
                + ": " + LogText.of(reason));
        if (ctx.channel().isActive()) {
            closeWith(ctx, ErrorCode.PROTOCOL, reason);
        } else {
            closing = true;
            ctx.close();
        }
    }
}
