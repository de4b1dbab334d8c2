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
import org.luxnet.bridge.protocol.Hello;
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
    private final PasswordProof password;
    private final MessageSink sink;
    private Phase phase = Phase.HELLO;
    private Bytes serverNonce, clientNonce;

    /** Where authenticated messages go. */
    interface MessageSink {
        void message(io.netty.channel.Channel ch, Message m);

        void disconnected(io.netty.channel.Channel ch);
    }

    ServerHandler(String serverId, PasswordProof password, MessageSink sink) {
        this.serverId = serverId;
        this.password = password;
        this.sink = sink;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message m) throws ProtocolException {
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
        ctx.writeAndFlush(new Welcome(Protocol.VERSION, Protocol.CAPABILITIES, serverId, password != null, serverNonce));
        phase = password != null ? Phase.AUTH : Phase.READY;
        LOG.fine(() -> "client " + RenderServer.address(ctx.channel()) + " (" + h.clientName() + ") connected");
    }

    private void auth(ChannelHandlerContext ctx, Auth a) {
        if (!password.checkClient(a.proof(), serverNonce, clientNonce)) {
            refuse(ctx, ErrorCode.AUTH_FAILED, "wrong password");
            return;
        }
        ctx.writeAndFlush(new AuthOk(password.serverProof(serverNonce, clientNonce)));
        phase = Phase.READY;
    }

    private void refuse(ChannelHandlerContext ctx, ErrorCode code, String reason) {
        LOG.warning("refusing client " + RenderServer.address(ctx.channel()) + ": " + reason);
        ctx.writeAndFlush(new ErrorMessage(code, reason)).addListener(ChannelFutureListener.CLOSE);
        phase = Phase.HELLO;
        ctx.channel().config().setAutoRead(false);
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
            LOG.warning("closing connection from " + RenderServer.address(ctx.channel()) + ": silent too long");
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        String reason = Failures.describe(cause);
        LOG.warning("closing connection from " + RenderServer.address(ctx.channel()) + ": " + reason);
        if (ctx.channel().isActive()) {
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(new ErrorMessage(ErrorCode.PROTOCOL, reason)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }
}
