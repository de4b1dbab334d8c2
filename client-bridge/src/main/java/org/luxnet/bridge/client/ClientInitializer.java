package org.luxnet.bridge.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.luxnet.bridge.protocol.Framing;
import org.luxnet.bridge.protocol.Protocol;

/**
 * The client's pipeline for one server connection: framing and codec, a reader-idle timeout (the
 * server answers every heartbeat, so silence means it or the path to it is gone), and the handler.
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
        Framing.install(ch.pipeline(), Protocol.MAX_FRAME_BYTES);
        long idle = session.options().silenceTimeout().toMillis();
        ch.pipeline().addLast("idle", new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS));
        ch.pipeline().addLast("handler", node != null ? new ClientHandler(node, session.options().password())
                : new ClientHandler(session, resolver, session.options().password()));
    }
}
