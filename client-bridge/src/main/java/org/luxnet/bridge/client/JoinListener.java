package org.luxnet.bridge.client;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.luxnet.bridge.protocol.Failures;

/**
 * A client's port for servers that dial in ({@code luxconsole --listen PORT}, servers started with
 * {@code -s --join HOST:PORT}): only the TCP connect goes the other way; the client still says HELLO,
 * checks the server's password proof, opens the session and pulls, so authentication, leases and
 * the delta guarantees are the same. A server is known by the id it names in WELCOME: the first
 * connection of an id adds a node, a later one (after a cut) reattaches that node's session.
 */
public final class JoinListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RemoteNode.class.getName());

    private final ClientSession session;
    private final long passBudget;
    private final Consumer<RemoteNode> joined;
    private final Map<String, RemoteNode> byServerId = new ConcurrentHashMap<>();
    private Channel listener;

    JoinListener(ClientSession session, long passBudget, Consumer<RemoteNode> joined) {
        this.session = session;
        this.passBudget = passBudget;
        this.joined = joined;
    }

    /** Binds {@code host:port} (host null: every interface); returns the address bound. */
    InetSocketAddress bind(String host, int port) throws IOException {
        ServerBootstrap b = new ServerBootstrap().group(session.group()).channel(NioServerSocketChannel.class)
                .childHandler(new ClientInitializer(session, this::resolve));
        InetSocketAddress at = host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        try {
            listener = b.bind(at).sync().channel();
        } catch (Exception e) {
            throw new IOException("cannot listen for joining servers on port " + port + ": " + Failures.describe(e), e);
        }
        InetSocketAddress a = (InetSocketAddress) listener.localAddress();
        LOG.info("listening for joining servers on port " + a.getPort());
        return a;
    }

    /** The node of the server {@code serverId} that dialled in on {@code ch}; null refuses the connection. */
    private NodeLink resolve(Channel ch, String serverId) {
        RemoteNode known = byServerId.get(serverId);
        if (known != null && known.status().state() == NodeState.DONE) {
            // It delivered everything and ended its session: this render has nothing more for it.
            LOG.fine(() -> "server " + serverId + " is done with this render; closing its new connection");
            return null;
        }
        if (known != null && !known.status().state().terminal()) {
            if (known.link().takes(ch)) {
                LOG.info("server " + serverId + " dialled in again from " + ch.remoteAddress());
                return known.link();
            }
            LOG.warning("refusing a connection from " + ch.remoteAddress() + ": server " + serverId
                    + " is connected already, or aside");
            return null;
        }
        InetSocketAddress peer = (InetSocketAddress) ch.remoteAddress();
        NodeAddress address = new NodeAddress(peer.getAddress().getHostAddress(), peer.getPort());
        RemoteNode n = session.addJoined(address, passBudget);
        byServerId.put(serverId, n);
        LOG.info("server " + serverId + " joined from " + address);
        joined.accept(n);
        return n.link();
    }

    /** Stops taking new connections; joined nodes go on. */
    @Override
    public void close() {
        if (listener != null) {
            listener.close().awaitUninterruptibly();
        }
    }
}
