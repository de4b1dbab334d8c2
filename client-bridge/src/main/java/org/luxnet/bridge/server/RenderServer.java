package org.luxnet.bridge.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.luxnet.accumulator.progress.HostLoad;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.job.RenderBackend;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.DeltaChunk;
import org.luxnet.bridge.protocol.Failures;
import org.luxnet.bridge.protocol.Message;
import org.luxnet.bridge.protocol.Protocol;

/**
 * A headless render server: listens for clients, renders one client session at a time through its
 * {@link RenderBackend}, keeps each film delta until the client acknowledges it, and returns to idle
 * when the session ends or its client falls silent past the lease. A second client gets a BUSY
 * answer naming the session that holds the server.
 *
 * <p>Threads: one Netty event loop thread for all connections, one state thread that owns the
 * session, one helper thread that starts and stops jobs, and one that encodes deltas. {@link #start} and {@link #close} may
 * be called from any thread; {@link #snapshot} and {@link #awaitSnapshot} too.
 */
public final class RenderServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RenderServer.class.getName());

    private final ServerConfig config;
    private final ScheduledExecutorService work;
    private final ExecutorService helper, encoder;
    private final ServerCore core;
    private final BlobCache cache;
    private final PeerLog peerLog = PeerLog.standard(LOG);
    private final ConnectionGate gate;
    private final PasswordProof.Key passwordKey;
    private final Object monitor = new Object();
    private EventLoopGroup group;
    private Channel listener;
    private ServerHandler.MessageSink sink;
    private final java.util.List<ServerJoiner> joiners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile ServerSnapshot snapshot;
    private boolean closed;

    /**
     * A server that renders with {@code backend}; nothing happens until {@link #start}.
     *
     * @throws IOException when the cache directory cannot be created
     */
    public RenderServer(ServerConfig config, RenderBackend backend) throws IOException {
        this.config = config;
        this.work = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "luxnet-server-state"));
        this.helper = Executors.newSingleThreadExecutor(r -> daemon(r, "luxnet-server-jobs"));
        this.encoder = Executors.newSingleThreadExecutor(r -> daemon(r, "luxnet-server-encoder"));
        this.cache = new BlobCache(config.cacheDir(), config.maxCacheBytes());
        this.gate = new ConnectionGate(config.connections(), peerLog);
        // Derived once, with a salt of this server's own: slow on purpose, so that guessing offline is too.
        this.passwordKey = config.password() == null ? null
                : config.password().key(PasswordProof.newSalt(), PasswordProof.ITERATIONS);
        this.core = new ServerCore(config, backend, cache, work, helper, encoder, this::publish, peerLog);
        this.snapshot = core.snapshot();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Binds the port and starts serving.
     *
     * @return the address listened on (with the real port when the config asked for 0)
     * @throws IOException naming the address when the port cannot be bound
     */
    public synchronized InetSocketAddress start() throws IOException {
        if (group != null) {
            throw new IllegalStateException("server already started");
        }
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        sink = new ServerHandler.MessageSink() {
            @Override
            public void message(Channel ch, Message m) {
                core.post(() -> core.onMessage(ch, m));
            }

            @Override
            public void disconnected(Channel ch) {
                core.post(() -> core.onDisconnect(ch));
            }
        };
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ServerInitializer(config.serverId(), passwordKey, config.lease(), sink,
                        peerLog, gate));
        InetSocketAddress bind = config.bindHost() == null ? new InetSocketAddress(config.port())
                : new InetSocketAddress(config.bindHost(), config.port());
        try {
            listener = b.bind(bind).sync().channel();
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            group = null;
            throw new IOException("cannot listen on " + bind.getHostString() + ":" + config.port() + ": " + Failures.describe(e), e);
        }
        long tick = Math.max(20, Math.min(1000, config.lease().toMillis() / 4));
        work.scheduleWithFixedDelay(() -> {
            core.checkLease();
            core.logStats();
            peerLog.flush();
            publish();
        }, tick, tick, TimeUnit.MILLISECONDS);
        InetSocketAddress a = (InetSocketAddress) listener.localAddress();
        LOG.info("render server " + config.serverId() + " listening on port " + a.getPort()
                + (config.password() != null ? " (password required)" : "") + ", scene cache " + config.cacheDir());
        return a;
    }

    /**
     * Also dials out to a client that listens for joining servers ({@code --listen}), and dials again
     * whenever that connection breaks, until {@link #close}. After {@link #start}.
     */
    public synchronized void join(String host, int port) {
        if (group == null || closed) {
            throw new IllegalStateException("join after start, before close");
        }
        ServerJoiner j = new ServerJoiner(group, new ServerInitializer(config.serverId(), passwordKey,
                config.lease(), sink, peerLog, gate), host, port);
        joiners.add(j);
        j.start();
    }

    /** Whether the server serves: started, its port open, not closed. */
    public synchronized boolean serving() {
        return !closed && listener != null && listener.isActive() && !work.isShutdown();
    }

    /** The port listened on; -1 before {@link #start}. */
    public synchronized int port() {
        return listener == null ? -1 : ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** The server's id, as the handshake reports it. */
    public String serverId() {
        return config.serverId();
    }

    /** What the server is doing now. */
    public ServerSnapshot snapshot() {
        return snapshot;
    }

    /** This host's CPU load and memory now, for the status port. */
    public HostLoad hostLoad() {
        return HostProbe.current();
    }

    /** What the scene cache holds, for the status port; lists the cache directory. */
    public BlobCache.Usage cacheUsage() {
        return cache.usage();
    }

    /**
     * What the open connections hold: their number and the bytes their frame decoders buffer for
     * incomplete frames (what peers can make the server keep before a message is whole).
     */
    public ConnectionUsage connectionUsage() throws InterruptedException {
        EventLoopGroup g;
        synchronized (this) {
            g = group;
        }
        if (g == null) {
            return new ConnectionUsage(0, 0);
        }
        try {
            return g.next().submit(() -> new ConnectionUsage(gate.open(), gate.bufferedBytes())).get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the server's event loop did not answer: " + e, e);
        }
    }

    /**
     * What a server's connections hold.
     *
     * @param connections   open connections
     * @param bufferedBytes bytes held for frames not yet complete
     */
    public record ConnectionUsage(int connections, long bufferedBytes) {
    }

    /** The scene cache directory. */
    public Path cacheDir() {
        return cache.dir();
    }

    /** Waits up to {@code timeout} for a snapshot satisfying {@code p}; returns the last snapshot seen. */
    public ServerSnapshot awaitSnapshot(Predicate<ServerSnapshot> p, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!p.test(snapshot)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
            return snapshot;
        }
    }

    private void publish() {
        ServerSnapshot s = core.snapshot();
        synchronized (monitor) {
            snapshot = s;
            monitor.notifyAll();
        }
    }

    /** Stops the render, closes every connection and the port, and ends the server's threads. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            joiners.forEach(ServerJoiner::close);
            if (listener != null) {
                listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
            if (group != null) {
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
        try {
            work.submit(() -> {
                core.shutdown();
                publish();
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warning("server state did not shut down cleanly: " + e);
        }
        work.shutdownNow();
        helper.shutdownNow();
        encoder.shutdownNow();
        try {
            work.awaitTermination(5, TimeUnit.SECONDS);
            helper.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Replaces how deltas are encoded, before {@link #start} (tests hold an encoding with it). */
    void encodeWith(java.util.function.Function<org.luxnet.accumulator.Film, byte[]> e) {
        core.encodeWith(e);
    }

    /** Sends an encoded delta in chunks and flushes. */
    static void writeDelta(Channel ch, ServerSession.PendingDelta d) {
        byte[] bytes = d.bytes();
        int off = 0;
        do {
            int n = Math.min(Protocol.CHUNK_BYTES, bytes.length - off);
            ch.write(new DeltaChunk(d.seq(), off, bytes.length, d.last(), Bytes.of(bytes, off, n), d.streamItems()));
            off += n;
        } while (off < bytes.length);
        ch.flush();
    }

    /** "host:port" of a channel's peer, for messages. */
    static String address(Channel ch) {
        if (ch == null) {
            return "(none)";
        }
        SocketAddress a = ch.remoteAddress();
        if (a instanceof InetSocketAddress i) {
            return i.getAddress() != null ? i.getAddress().getHostAddress() + ":" + i.getPort() : i.getHostString() + ":" + i.getPort();
        }
        return String.valueOf(a);
    }
}
