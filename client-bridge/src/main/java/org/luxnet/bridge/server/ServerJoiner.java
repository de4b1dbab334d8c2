package org.luxnet.bridge.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.luxnet.bridge.protocol.Failures;

/**
 * A server that dials in ({@code -s --join HOST:PORT}): keeps one connection open to a client that
 * listens ({@code --listen PORT}), and dials again with capped back-off whenever it breaks or cannot
 * be made. Only the TCP connect goes the other way: the connection runs the server's usual pipeline,
 * so the client still says HELLO, the server still checks its password, and sessions, leases and
 * delta resends work as on an accepted connection.
 */
final class ServerJoiner {
    private static final Logger LOG = Logger.getLogger(RenderServer.class.getName());
    private static final long BACKOFF_MIN_MS = 250, BACKOFF_MAX_MS = 5000;

    private final EventLoopGroup group;
    private final ServerInitializer pipeline;
    private final String host;
    private final int port;
    private volatile boolean closed;
    private volatile Channel current;
    private int failures;
    private String lastFailure;

    ServerJoiner(EventLoopGroup group, ServerInitializer pipeline, String host, int port) {
        this.group = group;
        this.pipeline = pipeline;
        this.host = host;
        this.port = port;
    }

    /** Dials the client now, and again after every break until {@link #close}. */
    void start() {
        group.next().execute(this::dial);
    }

    private void dial() {
        if (closed) {
            return;
        }
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000).option(ChannelOption.TCP_NODELAY, true)
                .handler(pipeline);
        b.connect(host, port).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                again("cannot reach the client: " + Failures.describe(f.cause()));
                return;
            }
            current = f.channel();
            failures = 0;
            lastFailure = null;
            LOG.info("joined the client at " + host + ":" + port);
            f.channel().closeFuture().addListener(x -> {
                current = null;
                again("the connection to the client closed");
            });
        });
    }

    private void again(String why) {
        if (closed || group.isShuttingDown()) {
            return;
        }
        long wait = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS << Math.min(10, failures++));
        if (!why.equals(lastFailure)) {
            LOG.info("joining " + host + ":" + port + ": " + why + "; dialling again (next in " + wait + " ms)");
            lastFailure = why;
        }
        group.next().schedule(this::dial, wait, TimeUnit.MILLISECONDS);
    }

    /** Stops dialling and closes the connection. */
    void close() {
        closed = true;
        Channel c = current;
        if (c != null) {
            c.close();
        }
    }
}
