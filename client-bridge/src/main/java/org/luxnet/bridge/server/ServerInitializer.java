package org.luxnet.bridge.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.protocol.Framing;
import org.luxnet.bridge.protocol.Protocol;

/**
 * The server's pipeline per connection, for connections within the limits: framing and codec (small
 * frames only until the client has authenticated), a reader-idle timeout (a connection that
 * says nothing for a lease is dead or hostile), and the server handler.
 */
final class ServerInitializer extends ChannelInitializer<SocketChannel> {
    private final String serverId;
    private final PasswordProof.Key password;
    private final Duration idle;
    private final ServerHandler.MessageSink sink;
    private final PeerLog peerLog;
    private final ConnectionGate gate;

    ServerInitializer(String serverId, PasswordProof.Key password, Duration idle, ServerHandler.MessageSink sink,
                      PeerLog peerLog, ConnectionGate gate) {
        this.gate = gate;
        this.serverId = serverId;
        this.password = password;
        this.idle = idle;
        this.sink = sink;
        this.peerLog = peerLog;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (!gate.admit(ch)) {
            ch.close();
            return;
        }
        Framing.install(ch.pipeline(), Protocol.HANDSHAKE_FRAME_BYTES, Protocol.MAX_FRAME_BYTES);
        ch.pipeline().addLast("idle", new IdleStateHandler(idle.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        ch.pipeline().addLast("handler", new ServerHandler(serverId, password, sink, peerLog));
    }
}
