package org.luxnet.monitor;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP server for the monitor's page and JSON API, on Netty's HTTP codec: request lines,
 * headers and bodies are bounded, connections silent for a minute are closed, and at most {@link
 * #MAX_CONNECTIONS} are open at once. Routes run on their own thread, so encoding an image never
 * stalls the connections; at most {@link #MAX_QUEUED} requests wait for it, later ones get a 503. Binds 127.0.0.1 unless told otherwise; the page then answers only to
 * loopback host names (see {@link RequestGuard}).
 */
public final class MonitorServer implements AutoCloseable {
    /** Open connections beyond this are closed at once; a browser page needs a handful. */
    static final int MAX_CONNECTIONS = 64;
    /** Requests waiting for the route thread beyond this are answered 503 at once. */
    static final int MAX_QUEUED = 256;
    private static final int MAX_LINE = 4096, MAX_HEADERS = 16 * 1024;

    private final Routes routes;
    /** The open connections, so that closing the monitor closes each (event loop shutdown alone left some open). */
    private final ChannelGroup connections = new DefaultChannelGroup("luxnet-monitor", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup group;
    private ExecutorService routeThread;
    private Channel listener;

    /** A server for {@code routes}; nothing listens until {@link #start}. */
    public MonitorServer(Routes routes) {
        this.routes = routes;
    }

    /**
     * Binds {@code host:port} and starts serving.
     *
     * @param host address to listen on, e.g. "127.0.0.1" or "0.0.0.0"
     * @param port TCP port; 0 picks a free one
     * @return the address listened on, with the real port
     * @throws IOException naming the address when it cannot be bound
     */
    public synchronized InetSocketAddress start(String host, int port) throws IOException {
        if (group != null) {
            throw new IllegalStateException("monitor already started");
        }
        if (port < 0 || port > 65535) {
            throw new IOException("cannot listen on " + host + ":" + port + ": the port must be 0..65535");
        }
        InetSocketAddress bind = new InetSocketAddress(host, port);
        if (bind.isUnresolved()) {
            throw new IOException("cannot listen on " + host + ":" + port + ": unknown address " + host);
        }
        boolean loopbackOnly = bind.getAddress().isLoopbackAddress();
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("luxnet-monitor-io", true),
                NioIoHandler.newFactory());
        routeThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_QUEUED),
                new DefaultThreadFactory("luxnet-monitor-api", true));
        ExecutorService executor = routeThread;
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (connections.size() >= MAX_CONNECTIONS) {
                            ch.close();
                            return;
                        }
                        connections.add(ch);
                        ch.pipeline().addLast(new ReadTimeoutHandler(60, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec(new HttpDecoderConfig().setMaxInitialLineLength(MAX_LINE)
                                        .setMaxHeaderSize(MAX_HEADERS)))
                                .addLast(new JsonAggregator())
                                .addLast(new HttpApiHandler(routes, loopbackOnly, executor));
                    }
                });
        try {
            listener = b.bind(bind).sync().channel();
        } catch (Exception e) {
            shutdown();
            throw new IOException("cannot listen on " + host + ":" + port + ": " + reason(e), e);
        }
        return (InetSocketAddress) listener.localAddress();
    }

    /** The one-line reason of a bind failure: its message, or its class when it has none. */
    private static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Stops listening, closes every connection and ends the server's threads. */
    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            listener = null;
        }
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        shutdown();
    }

    private void shutdown() {
        if (group != null) {
            // Routes first: a route still running writes to a connection that then closes with the loop.
            routeThread.shutdownNow();
            try {
                routeThread.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Bounds request bodies; a larger one gets a JSON 413 and the connection closes. */
    private static final class JsonAggregator extends HttpObjectAggregator {
        JsonAggregator() {
            super(ApiRequest.MAX_BODY_BYTES);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            HttpApiHandler.write(ctx, new ApiException(413, "the request body is larger than "
                    + ApiRequest.MAX_BODY_BYTES + " bytes").response(), true);
        }
    }
}
