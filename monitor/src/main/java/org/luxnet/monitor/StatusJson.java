package org.luxnet.monitor;

import java.util.List;
import org.luxnet.accumulator.progress.HaltConditions;
import org.luxnet.accumulator.progress.HostLoad;
import org.luxnet.accumulator.progress.RenderStatus;
import org.luxnet.accumulator.progress.SourceStats;

/**
 * The JSON shapes of the monitor's API, in one place so the render monitor and a server's status
 * port speak alike. Unknown numbers (NaN) are written as null.
 */
public final class StatusJson {
    private StatusJson() {
    }

    /** {@code GET /api/status} of a render: the statistics as numbers, halt conditions, elapsed time. */
    static JsonWriter status(RenderControls c) {
        RenderStatus s = c.status();
        JsonWriter w = new JsonWriter().beginObject()
                .name("mode").value(c.canAddNodes() ? "network" : "local")
                .name("state").value(s.state())
                .name("haltReason").value(s.haltReason())
                .name("elapsedSeconds").value(s.elapsed().toNanos() / 1e9)
                .name("width").value(c.width())
                .name("height").value(c.height())
                .name("pixels").value(s.pixels());
        rates(w, s.samples(), s.contributions(), s.samplesPerSecond(), s.pixels());
        w.name("noise").value(s.noise());
        halt(w, s);
        w.name("statsLine").value(c.statsLine());
        segment(w.name("local"), s.local(), s.pixels());
        segment(w.name("network"), s.remote(), s.pixels());
        WriteReport wr = c.lastWrite();
        w.name("writes").beginObject().name("count").value(wr.count()).name("files").beginArray();
        wr.files().forEach(w::value);
        w.endArray().name("final").value(wr.last()).name("error").value(wr.error()).endObject();
        return w.name("canAddNodes").value(c.canAddNodes()).endObject();
    }

    /** Samples, S/p, rate and efficiency, as members of the object being written. */
    public static void rates(JsonWriter w, long samples, long contributions, double perSecond, long pixels) {
        double eff = samples > 0 ? (double) contributions / samples : Double.NaN;
        w.name("samples").value(samples)
                .name("samplesPerPixel").value(pixels > 0 ? (double) samples / pixels : Double.NaN)
                .name("samplesPerSecond").value(perSecond)
                .name("contributions").value(contributions)
                .name("efficiency").value(eff)
                .name("contributionsPerSecond").value(perSecond * (Double.isNaN(eff) ? 0 : eff));
    }

    private static void halt(JsonWriter w, RenderStatus s) {
        HaltConditions h = s.halt();
        double progress = Double.NaN;
        if (h.samplesPerPixel() > 0) {
            progress = s.samplesPerPixel() / h.samplesPerPixel();
        }
        if (h.time() != null) {
            progress = Math.max(Double.isNaN(progress) ? 0 : progress, (double) s.elapsed().toNanos() / h.time().toNanos());
        }
        w.name("halt").beginObject()
                .name("samplesPerPixel").value(h.samplesPerPixel() > 0 ? h.samplesPerPixel() : Double.NaN)
                .name("timeSeconds").value(h.time() == null ? Double.NaN : h.time().toNanos() / 1e9)
                .name("noise").value(h.noise() > 0 ? h.noise() : Double.NaN)
                .endObject();
        w.name("progress").value(Math.min(1, progress));
    }

    private static void segment(JsonWriter w, List<SourceStats> sources, long pixels) {
        long samples = 0, contributions = 0;
        double rate = 0;
        int threads = 0;
        for (SourceStats s : sources) {
            samples += s.samples();
            contributions += s.contributions();
            rate += Math.max(0, s.samplesPerSecond());
            threads += s.threads();
        }
        w.beginObject().name("sources").value(sources.size()).name("threads").value(threads);
        rates(w, samples, contributions, rate, pixels);
        w.endObject();
    }

    /** {@code GET /api/nodes}: {@code {"nodes": [row, ...]}}. */
    static JsonWriter nodes(List<NodeView> rows, long pixels) {
        JsonWriter w = new JsonWriter().beginObject().name("nodes").beginArray();
        for (NodeView n : rows) {
            node(w, n, pixels);
        }
        return w.endArray().endObject();
    }

    /** One node row as an object. */
    public static JsonWriter node(JsonWriter w, NodeView n, long pixels) {
        w.beginObject().name("id").value(n.id()).name("kind").value(n.kind()).name("label").value(n.label())
                .name("state").value(n.state()).name("detail").value(n.detail()).name("threads").value(n.threads())
                .name("devices").value(n.devices());
        rates(w, n.samples(), n.contributions(), n.samplesPerSecond(), pixels);
        w.name("lastContactSeconds").value(n.lastContactSeconds());
        host(w.name("host"), n.host());
        return w.endObject();
    }

    /** A host's load as an object, or null. */
    public static void host(JsonWriter w, HostLoad h) {
        if (h == null) {
            w.nullValue();
            return;
        }
        w.beginObject().name("cpuLoad").value(h.cpuLoad())
                .name("memoryUsed").value(h.memoryUsed() >= 0 ? h.memoryUsed() : Double.NaN)
                .name("memoryTotal").value(h.memoryTotal() >= 0 ? h.memoryTotal() : Double.NaN)
                .endObject();
    }
}
