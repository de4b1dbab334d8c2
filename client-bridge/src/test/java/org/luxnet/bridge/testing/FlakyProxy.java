package org.luxnet.bridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy that breaks connections on purpose: connection i (from 0) is cut after
 * {@code cuts[i]} bytes have gone from the server to the client, which lands in the middle of
 * frames; later connections pass everything. In the fast-cuts mode ({@link #cuttingEvery}) every
 * connection is cut once it has lived a given time or carried a given number of bytes to the
 * client, whichever comes first. Every socket and thread ends on {@link #close}.
 */
public final class FlakyProxy implements AutoCloseable {
    private final int targetPort;
    private final long[] cuts;
    private final long everyBytes, lifeMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "proxy-timer");
        t.setDaemon(true);
        return t;
    });
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger(), cutsMade = new AtomicInteger();

    public FlakyProxy(int targetPort, long... cuts) throws IOException {
        this(targetPort, cuts, Long.MAX_VALUE, 0);
    }

    /**
     * A proxy that cuts every connection after {@code life} or after {@code bytes} bytes to the
     * client, whichever comes first ({@code Long.MAX_VALUE} bytes: by time only).
     */
    public static FlakyProxy cuttingEvery(int targetPort, Duration life, long bytes) throws IOException {
        return new FlakyProxy(targetPort, new long[0], bytes, life.toMillis());
    }

    private FlakyProxy(int targetPort, long[] cuts, long everyBytes, long lifeMillis) throws IOException {
        this.targetPort = targetPort;
        this.cuts = cuts.clone();
        this.everyBytes = everyBytes;
        this.lifeMillis = lifeMillis;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        start(this::acceptLoop, "proxy-accept");
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Connections cut so far. */
    public int cutsMade() {
        return cutsMade.get();
    }

    private void start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                int i = accepted.getAndIncrement();
                long limit = i < cuts.length ? cuts[i] : everyBytes;
                if (lifeMillis > 0) {
                    timer.schedule(() -> {
                        if (!client.isClosed()) {
                            cutsMade.incrementAndGet();
                            closeQuietly(client);
                            closeQuietly(server);
                        }
                    }, lifeMillis, TimeUnit.MILLISECONDS);
                }
                start(() -> pump(client, server, Long.MAX_VALUE), "proxy-up-" + i);
                start(() -> pump(server, client, limit), "proxy-down-" + i);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, long limit) {
        byte[] buf = new byte[8192];
        long sent = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                int k = (int) Math.min(n, limit - sent);
                out.write(buf, 0, k);
                out.flush();
                sent += k;
                if (sent >= limit) {
                    cutsMade.incrementAndGet();
                    break;
                }
            }
        } catch (IOException e) {
            // The other direction closed the pair.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        listener.close();
        sockets.forEach(FlakyProxy::closeQuietly);
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
