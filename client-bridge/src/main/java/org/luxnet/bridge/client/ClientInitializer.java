package org.luxnet.bridge.client;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.luxnet.bridge.protocol.Framing;
import org.luxnet.bridge.protocol.Protocol;

/**
 * The client's pipeline for one server connection: framing and codec, a reader-idle timeout (the
 * server answers every heartbeat, so silence means it or the path to it is gone), and the handler.
 */
final class ClientInitializer extends ChannelInitializer<SocketChannel> {
    private final NodeLink node;

    ClientInitializer(NodeLink node) {
        this.node = node;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        Framing.install(ch.pipeline(), Protocol.MAX_FRAME_BYTES);
        long idle = node.session().options().silenceTimeout().toMillis();
        ch.pipeline().addLast("idle", new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS));
        ch.pipeline().addLast("handler", new ClientHandler(node, node.session().options().password()));
    }
}
