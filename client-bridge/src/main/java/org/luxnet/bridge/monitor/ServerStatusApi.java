package org.luxnet.bridge.monitor;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.luxnet.accumulator.progress.SourceStats;
import org.luxnet.bridge.server.BlobCache;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.server.ServerSnapshot;
import org.luxnet.monitor.ApiResponse;
import org.luxnet.monitor.JsonWriter;
import org.luxnet.monitor.NodeStates;
import org.luxnet.monitor.NodeView;
import org.luxnet.monitor.Routes;
import org.luxnet.monitor.StatusJson;

/**
 * A render server's read-only status port ({@code luxconsole -s --status-port PORT}), for farm
 * managers and health checks, in the JSON style of the render monitor:
 *
 * <pre>
 * GET /api/status   the server's state (idle, busy, rendering), session, job statistics, host load, cache
 * GET /api/nodes    the server itself as the single row of a node table
 * GET /healthz      200 "ok" while the server serves (started, not closed), else 503, for liveness
 *                   and readiness probes
 * </pre>
 *
 * Anything else is a 404, any other method a 405: the port observes, it never changes the server.
 * It shows nothing secret: whether a session runs, never its id, which anyone may read here.
 * It lives beside the protocol (it reads a {@link RenderServer}) and serves through the monitor
 * module's HTTP layer, so that module needs nothing from client-bridge.
 */
public final class ServerStatusApi {
    private ServerStatusApi() {
    }

    /** The routes of {@code server}'s status port. */
    public static Routes routes(RenderServer server) {
        return new Routes()
                .get("/healthz", r -> {
                    r.allowQuery(Set.of());
                    boolean ok = server.serving();
                    return ApiResponse.of(ok ? 200 : 503, "text/plain; charset=utf-8",
                            (ok ? "ok\n" : "not serving\n").getBytes(StandardCharsets.UTF_8));
                })
                .get("/api/status", r -> {
                    r.allowQuery(Set.of());
                    return ApiResponse.json(200, status(server));
                })
                .get("/api/nodes", r -> {
                    r.allowQuery(Set.of());
                    ServerSnapshot s = server.snapshot();
                    JsonWriter w = new JsonWriter().beginObject().name("nodes").beginArray();
                    StatusJson.node(w, row(server, s), s.pixels());
                    return ApiResponse.json(200, w.endArray().endObject());
                });
    }

    /** "idle" without a session, "rendering" while its job renders, "busy" otherwise (scene upload, start, stop). */
    static String activity(ServerSnapshot s) {
        return s.idle() ? "idle" : s.state().equals("rendering") ? "rendering" : "busy";
    }

    private static JsonWriter status(RenderServer server) {
        ServerSnapshot s = server.snapshot();
        JsonWriter w = new JsonWriter().beginObject()
                .name("role").value("server")
                .name("serverId").value(server.serverId())
                .name("port").value(server.port())
                .name("state").value(activity(s))
                .name("detail").value(s.state())
                .name("clientAddress").value(s.clientAddress())
                .name("clientConnected").value(s.connected())
                .name("job");
        SourceStats job = s.job();
        if (job == null) {
            w.nullValue();
        } else {
            w.beginObject().name("state").value(job.state()).name("threads").value(job.threads())
                    .name("devices").value(job.devices() == null ? "" : job.devices()).name("pixels").value(s.pixels());
            StatusJson.rates(w, job.samples(), job.contributions(), Math.max(0, job.samplesPerSecond()), s.pixels());
            w.endObject();
        }
        w.name("samplesSent").value(s.samplesSent())
                .name("samplesAcked").value(s.samplesAcked())
                .name("sessionsEnded").value(s.sessionsEnded())
                .name("sessionsExpired").value(s.sessionsExpired());
        StatusJson.host(w.name("host"), server.hostLoad());
        BlobCache.Usage u = server.cacheUsage();
        return w.name("cache").beginObject().name("dir").value(server.cacheDir().toString())
                .name("files").value(u.files() >= 0 ? u.files() : Double.NaN)
                .name("bytes").value(u.bytes() >= 0 ? u.bytes() : Double.NaN).endObject()
                .endObject();
    }

    private static NodeView row(RenderServer server, ServerSnapshot s) {
        SourceStats job = s.job();
        return new NodeView("server", "server", server.serverId(), NodeStates.classify(s.state()), s.state(),
                job == null ? 0 : job.threads(), job == null || job.devices() == null ? "" : job.devices(),
                job == null ? 0 : job.samples(), job == null ? 0 : job.contributions(),
                job == null ? 0 : Math.max(0, job.samplesPerSecond()), Double.NaN, server.hostLoad());
    }
}
