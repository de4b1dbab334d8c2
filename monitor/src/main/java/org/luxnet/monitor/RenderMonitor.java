package org.luxnet.monitor;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live monitor of a render: serves the page and JSON API of {@link MonitorApi} over a {@link
 * RenderControls}, and samples the render's progress every second into the {@link History} the
 * plots draw, looking at the node table too so that rates measured between looks are ready. {@link
 * #close} stops both.
 */
public final class RenderMonitor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RenderMonitor.class.getName());
    /** An hour of plots at one point a second. */
    public static final int HISTORY_POINTS = 3600;

    private final RenderControls controls;
    private final History history = new History(HISTORY_POINTS);
    private final Duration tick;
    private final MonitorServer server;
    private final ActionToken token;
    private ScheduledExecutorService sampler;

    /**
     * A monitor of {@code controls} whose actions need {@code token}, sampling every second; nothing
     * runs until {@link #start}.
     */
    public RenderMonitor(RenderControls controls, ActionToken token) {
        this(controls, token, Duration.ofSeconds(1));
    }

    /** As the public constructor, sampling every {@code tick} (tests). */
    RenderMonitor(RenderControls controls, ActionToken token, Duration tick) {
        this.controls = controls;
        this.tick = tick;
        this.token = token;
        this.server = new MonitorServer(MonitorApi.routes(controls, history, token));
    }

    /** The token the monitor's actions need. */
    public ActionToken token() {
        return token;
    }

    /**
     * Starts sampling and serving on {@code host:port}.
     *
     * @return the address listened on, with the real port when {@code port} was 0
     * @throws IOException naming the address when it cannot be bound
     */
    public synchronized InetSocketAddress start(String host, int port) throws IOException {
        InetSocketAddress a = server.start(host, port);
        sampler = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("luxnet-monitor-history", true));
        sampler.scheduleAtFixedRate(this::sample, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        return a;
    }

    private void sample() {
        try {
            history.add(controls.status());
            // Rows may measure their rate from successive looks (local devices): looking every tick
            // means the first request already shows a rate.
            controls.nodes();
        } catch (RuntimeException e) {
            // A failed sample leaves a gap in the plots; the next tick tries again.
            LOG.log(Level.FINE, "monitor could not sample the render status", e);
        }
    }

    /** Stops serving and sampling. */
    @Override
    public synchronized void close() {
        server.close();
        if (sampler != null) {
            sampler.shutdownNow();
            try {
                sampler.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
