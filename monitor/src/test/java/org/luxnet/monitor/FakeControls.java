package org.luxnet.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.luxnet.accumulator.progress.HaltConditions;
import org.luxnet.accumulator.progress.HostLoad;
import org.luxnet.accumulator.progress.RenderStatus;
import org.luxnet.accumulator.progress.SourceStats;
import org.luxnet.accumulator.tonemap.DisplayEncoding;
import org.luxnet.accumulator.tonemap.ScaleToneMapper;
import org.luxnet.accumulator.tonemap.ToneMapper;

/** A render the monitor can watch without rendering: a 4x2 film of known values and settable numbers. */
final class FakeControls implements RenderControls {
    static final int W = 4, H = 2;

    volatile String state = "rendering";
    volatile long samples = 8 * 10;
    volatile double noise = Double.NaN;
    volatile boolean network = true;
    volatile RuntimeException addFailure;
    final AtomicInteger stops = new AtomicInteger(), writes = new AtomicInteger(), snapshots = new AtomicInteger(),
            nodeLooks = new AtomicInteger();
    final List<NodeView> added = new CopyOnWriteArrayList<>();

    @Override
    public RenderStatus status() {
        SourceStats cpu = new SourceStats("local", "rendering", 2, "CPU", samples / 2, samples / 4, 1000);
        SourceStats srv = new SourceStats("render2:18018", "rendering", 4, "CPU", samples / 2, samples / 2, 3000,
                new HostLoad(0.5, 1L << 30, 4L << 30));
        return new RenderStatus(Duration.ofMillis(12_500), W * H, samples, samples * 3 / 4, 4000, noise, List.of(cpu),
                List.of(srv), new HaltConditions(20, Duration.ofSeconds(100), 0), state,
                state.equals("done") ? "stopped" : null);
    }

    @Override
    public String statsLine() {
        return "00:00:12 - 2T: 5.00 S/p  1.00 kS/s  50% Eff  0.50 kC/s - 1N: 5.0 S/p  3.0 kS/s - Tot: 10.0 S/p  4.0 kS/s";
    }

    @Override
    public WriteReport lastWrite() {
        return new WriteReport(writes.get(), List.of("out.png"), false, null);
    }

    @Override
    public List<NodeView> nodes() {
        nodeLooks.incrementAndGet();
        List<NodeView> rows = new ArrayList<>();
        rows.add(NodeView.of("device-0", "device", new SourceStats("CPU", "rendering", 2, "CPU", samples / 2,
                samples / 4, 1000), Double.NaN));
        rows.add(NodeView.of("server-1", "server", new SourceStats("render2:18018", "busy: session x", 4, "CPU",
                samples / 2, samples / 2, 3000, new HostLoad(0.5, 1L << 30, 4L << 30)), 0.25));
        rows.addAll(added);
        return rows;
    }

    @Override
    public int width() {
        return W;
    }

    @Override
    public int height() {
        return H;
    }

    /** Pixel i has radiance (i/8, 0.5, 0) in linear RGB. */
    @Override
    public float[] snapshotRgb() {
        snapshots.incrementAndGet();
        float[] rgb = new float[3 * W * H];
        for (int i = 0; i < W * H; i++) {
            rgb[3 * i] = i / 8f;
            rgb[3 * i + 1] = 0.5f;
        }
        return rgb;
    }

    @Override
    public ToneMapper toneMapper() {
        return new ScaleToneMapper(1);
    }

    @Override
    public DisplayEncoding encoding() {
        return DisplayEncoding.gamma(1);
    }

    @Override
    public boolean canAddNodes() {
        return network;
    }

    @Override
    public void requestStop() {
        stops.incrementAndGet();
        state = "stopping";
    }

    @Override
    public void requestWrite() {
        writes.incrementAndGet();
    }

    @Override
    public NodeView addNode(String host, int port) {
        if (addFailure != null) {
            throw addFailure;
        }
        NodeView n = NodeView.of("server-" + (2 + added.size()), "server",
                new SourceStats(host + ":" + port, "connecting", 0, "", 0, 0, 0), Double.NaN);
        added.add(n);
        return n;
    }
}
