package org.luxnet.bridge.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.security.SecureRandom;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.protocol.Auth;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.ErrorCode;
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
 * The client's handler for one server connection: sends HELLO, checks the server's version; with a
 * password, refuses a server that does not ask for one (it could be an impostor collecting scenes),
 * checks the server's proof before it sends its own, and waits for AUTH_OK; then hands the connection
 * to its {@link NodeLink}, and only then lets frames grow past {@link Protocol#HANDSHAKE_FRAME_BYTES}
 * ({@link FrameGate}). Refusals (ERROR, BUSY) are accepted in every phase. A protocol error closes
 * this connection only; the node decides whether to reconnect.
 */
final class ClientHandler extends SimpleChannelInboundHandler<Message> {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(RemoteNode.class.getName());

    private enum Phase { WELCOME, AUTH_OK, READY }

    private final ClientSession session;
    /** For a connection a server dialled in: finds its node by the server's id; null when dialled out. */
    private final BiFunction<Channel, String, NodeLink> resolver;
    private final PasswordProof password;
    private NodeLink node;
    private Phase phase = Phase.WELCOME;
    private Bytes clientNonce;
    /** Set by the first failure: what the server sent after it is dropped unlogged. */
    private boolean failed;

    ClientHandler(NodeLink node, PasswordProof password) {
        this.session = node.session();
        this.node = node;
        this.resolver = null;
        this.password = password;
    }

    /** For a connection a joining server dialled in: its node is known once WELCOME names the server. */
    ClientHandler(ClientSession session, BiFunction<Channel, String, NodeLink> resolver, PasswordProof password) {
        this.session = session;
        this.resolver = resolver;
        this.password = password;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        byte[] nonce = new byte[Protocol.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        clientNonce = Bytes.of(nonce);
        ctx.writeAndFlush(new Hello(Protocol.VERSION, Protocol.CAPABILITIES, session.options().clientName(),
                clientNonce));
        if (node != null) {
            node.handshaking(ctx.channel());
        }
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message m) throws ProtocolException {
        if (failed) {
            return;
        }
        if (node == null && m.type() != MessageType.WELCOME) {
            throw new ProtocolException("a joining server sent " + m.type() + " before WELCOME");
        }
        if (m.type() == MessageType.ERROR || m.type() == MessageType.BUSY) {
            node.onMessage(ctx.channel(), m);
            return;
        }
        switch (phase) {
            case WELCOME:
                welcome(ctx, m);
                break;
            case AUTH_OK:
                if (m.type() != MessageType.AUTH_OK) {
                    throw new ProtocolException("got " + m.type() + " while waiting for the password check");
                }
                ready(ctx);
                break;
            default:
                node.onMessage(ctx.channel(), m);
        }
    }

    private void welcome(ChannelHandlerContext ctx, Message m) throws ProtocolException {
        if (m.type() != MessageType.WELCOME) {
            throw new ProtocolException("got " + m.type() + " before WELCOME");
        }
        Welcome w = (Welcome) m;
        if (node == null) {
            node = resolver.apply(ctx.channel(), w.serverId());
            if (node == null) {
                ctx.close();
                return;
            }
            node.handshaking(ctx.channel());
        }
        if (w.version() != Protocol.VERSION) {
            node.refused(ctx.channel(), ErrorCode.VERSION, "the server speaks protocol version " + w.version()
                    + ", this client " + Protocol.VERSION);
            return;
        }
        node.facts().serverId(LogText.of(w.serverId()));
        if (!w.authRequired()) {
            if (password != null) {
                node.refused(ctx.channel(), ErrorCode.AUTH_FAILED, "the server does not ask for a password, but this "
                        + "client has one: it may be an impostor, so it gets no scene (start the server with the password)");
                return;
            }
            ready(ctx);
            return;
        }
        if (password == null) {
            node.refused(ctx.channel(), ErrorCode.AUTH_REQUIRED, "the server requires a password (--password or "
                    + PasswordProof.ENV_VARIABLE + ")");
            return;
        }
        if (w.iterations() < PasswordProof.MIN_ITERATIONS || w.iterations() > PasswordProof.MAX_ITERATIONS) {
            node.refused(ctx.channel(), ErrorCode.AUTH_FAILED, "the server asks for " + w.iterations()
                    + " PBKDF2 iterations; this client accepts " + PasswordProof.MIN_ITERATIONS + " to "
                    + PasswordProof.MAX_ITERATIONS);
            return;
        }
        PasswordProof.Key key = password.key(w.salt(), w.iterations());
        Bytes serverNonce = w.serverNonce();
        if (!key.checkServer(w.serverProof(), serverNonce, clientNonce)) {
            node.refused(ctx.channel(), ErrorCode.AUTH_FAILED,
                    "wrong password: the server's proof does not match this client's password (the server was sent "
                            + "no proof and no scene)");
            return;
        }
        ctx.writeAndFlush(new Auth(key.clientProof(serverNonce, clientNonce)));
        phase = Phase.AUTH_OK;
    }

    private void ready(ChannelHandlerContext ctx) {
        phase = Phase.READY;
        // The server is who it should be (or nothing can tell): frames up to the full size from now on.
        FrameGate gate = ctx.pipeline().get(FrameGate.class);
        if (gate != null) {
            gate.open();
        }
        node.ready(ctx.channel());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (node != null) {
            node.disconnected(ctx.channel());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            failed(ctx, "the server sent nothing for " + session.options().silenceTimeout().toSeconds() + " s");
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failed(ctx, Failures.describe(cause));
    }

    private void failed(ChannelHandlerContext ctx, String reason) {
        if (failed) {
            return;
        }
        failed = true;
        ctx.channel().config().setAutoRead(false);
        if (node != null) {
            node.connectionFailed(ctx.channel(), reason);
        } else {
            LOG.warning("closing a connection from joining server " + ctx.channel().remoteAddress() + ": " + reason);
            ctx.close();
        }
    }
}
