package org.luxnet.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The render monitor's routes: the page, the JSON API and its actions, over a {@link
 * RenderControls}. See the README's "Live monitor" section for the shapes; {@link StatusJson} writes
 * them.
 *
 * <pre>
 * GET  /                 the page (HTML with inline CSS and JS; no other assets)
 * GET  /api/status       statistics, halt conditions, elapsed time, last write
 * GET  /api/nodes        the node table
 * POST /api/nodes        add a render server: {"host": "render2", "port": 18018} (network mode)
 * GET  /api/history      points for the plots; ?since=SEQ returns only newer ones
 * GET  /api/image.png    the tonemapped image; ?kernel=&amp;exposure=&amp;gamma=
 * POST /api/write        write the images now
 * POST /api/stop         halt, collect and write the final images
 * </pre>
 *
 * Every POST needs the monitor's {@link ActionToken}; without it the answer is a 403.
 */
public final class MonitorApi {
    private static final String PAGE = "monitor.html";
    /** Keeps the page from loading anything that is not served by this process. */
    static final String PAGE_POLICY = "default-src 'none'; connect-src 'self'; img-src 'self' blob:; "
            + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private MonitorApi() {
    }

    /** The routes of a monitor over {@code c}, plotting from {@code history}, its actions guarded by {@code token}. */
    public static Routes routes(RenderControls c, History history, ActionToken token) {
        byte[] page = page();
        PreviewImages images = new PreviewImages(c);
        return new Routes()
                .get("/", r -> {
                    r.allowQuery(Set.of());
                    return ApiResponse.of(200, "text/html; charset=utf-8", page)
                            .withHeader("Content-Security-Policy", PAGE_POLICY);
                })
                .get("/api/status", r -> {
                    r.allowQuery(Set.of());
                    return ApiResponse.json(200, StatusJson.status(c));
                })
                .get("/api/nodes", r -> {
                    r.allowQuery(Set.of());
                    return ApiResponse.json(200, StatusJson.nodes(c.nodes(), c.status().pixels()));
                })
                .post("/api/nodes", r -> {
                    token.check(r);
                    return addNode(c, r);
                })
                .get("/api/history", r -> history(history, r))
                .get("/api/image.png", images::png)
                .post("/api/write", r -> {
                    token.check(r);
                    noMembers(r);
                    String state = c.status().state();
                    if (state.equals("stopping") || state.equals("done")) {
                        throw new ApiException(409, "the render is " + state + "; its final images are written as it ends");
                    }
                    c.requestWrite();
                    return accepted("write", c);
                })
                .post("/api/stop", r -> {
                    token.check(r);
                    noMembers(r);
                    c.requestStop();
                    return accepted("stop", c);
                });
    }

    private static ApiResponse accepted(String action, RenderControls c) {
        return ApiResponse.json(202, new JsonWriter().beginObject().name("accepted").value(action)
                .name("state").value(c.status().state()).name("writes").value(c.lastWrite().count()).endObject());
    }

    private static void noMembers(ApiRequest r) throws ApiException {
        r.allowQuery(Set.of());
        Map<String, Object> body = r.jsonObject(true);
        if (!body.isEmpty()) {
            throw new ApiException(400, r.path() + " takes no members; got '" + body.keySet().iterator().next() + "'");
        }
    }

    private static ApiResponse addNode(RenderControls c, ApiRequest r) throws ApiException {
        r.allowQuery(Set.of());
        Map<String, Object> body = r.jsonObject(false);
        for (String k : body.keySet()) {
            if (!k.equals("host") && !k.equals("port")) {
                throw new ApiException(400, "unknown member '" + k + "'; expected host and port");
            }
        }
        Object host = body.get("host"), port = body.get("port");
        if (!(host instanceof String h) || h.isBlank()) {
            throw new ApiException(400, "member 'host' must be a non-empty string, got " + ApiRequest.kind(host));
        }
        if (h.length() > 255 || !h.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw new ApiException(400, "member 'host' must be a host name or address of at most 255 printable ASCII characters");
        }
        if (!(port instanceof Long p) || p < 1 || p > 65535) {
            throw new ApiException(400, "member 'port' must be an integer from 1 to 65535, got "
                    + (port instanceof Number ? port : ApiRequest.kind(port)));
        }
        if (!c.canAddNodes()) {
            throw new ApiException(409, "this render has no network session; start luxconsole with -u HOST:PORT to "
                    + "render on servers");
        }
        NodeView n;
        try {
            n = c.addNode(h, (int) (long) p);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            throw new ApiException(409, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        return ApiResponse.json(201, StatusJson.node(new JsonWriter(), n, c.status().pixels()));
    }

    private static ApiResponse history(History history, ApiRequest r) throws ApiException {
        r.allowQuery(Set.of("since"));
        double since = r.queryNumber("since", 0, 1e15, 0);
        if (since != Math.rint(since)) {
            throw new ApiException(400, "query parameter since=" + r.query().get("since") + " must be an integer");
        }
        List<History.Point> points = history.since((long) since);
        JsonWriter w = new JsonWriter().beginObject().name("capacity").value(history.capacity())
                .name("points").beginArray();
        for (History.Point p : points) {
            w.beginObject().name("seq").value(p.seq()).name("seconds").value(p.seconds())
                    .name("samplesPerSecond").value(p.samplesPerSecond()).name("samplesPerPixel").value(p.samplesPerPixel())
                    .name("noise").value(p.noise()).endObject();
        }
        return ApiResponse.json(200, w.endArray().endObject());
    }

    private static byte[] page() {
        try (InputStream in = MonitorApi.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException("the monitor page " + PAGE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the monitor page", e);
        }
    }
}
