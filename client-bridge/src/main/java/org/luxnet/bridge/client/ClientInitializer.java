package org.luxnet.bridge.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.luxnet.bridge.protocol.Framing;
import org.luxnet.bridge.protocol.Protocol;

/**
 * The client's pipeline for one server connection: framing and codec, a reader-idle timeout (the
 * server answers every heartbeat, so silence means it or the path to it is gone), and the handler.
 * Until the handshake is done (the server proved the password, or there is none to prove) frames
 * are limited to {@link Protocol#HANDSHAKE_FRAME_BYTES}, as on the server: a server that has proven
 * nothing cannot make the client buffer a large frame.
 */
final class ClientInitializer extends ChannelInitializer<SocketChannel> {
    private final ClientSession session;
    private final NodeLink node;
    private final BiFunction<Channel, String, NodeLink> resolver;

    ClientInitializer(NodeLink node) {
        this.session = node.session();
        this.node = node;
        this.resolver = null;
    }

    /** For connections that servers dial in; {@code resolver} finds a node by the server's id. */
    ClientInitializer(ClientSession session, BiFunction<Channel, String, NodeLink> resolver) {
        this.session = session;
        this.node = null;
        this.resolver = resolver;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        install(ch.pipeline(), session, node != null ? new ClientHandler(node, session.options().password())
                : new ClientHandler(session, resolver, session.options().password()));
    }

    /** Builds the pipeline of a connection of {@code session} around {@code handler}. */
    static void install(ChannelPipeline p, ClientSession session, ClientHandler handler) {
        Framing.install(p, Protocol.HANDSHAKE_FRAME_BYTES, Protocol.MAX_FRAME_BYTES);
        long idle = session.options().silenceTimeout().toMillis();
        p.addLast("idle", new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS));
        p.addLast("handler", handler);
    }
}
