package org.luxnet.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.luxnet.accumulator.tonemap.DisplayEncoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every endpoint of the render monitor over HTTP, against a fake render: shapes, actions and bad requests. */
@Timeout(60)
class MonitorApiTest {
    private static final JsonParser JSON = new JsonParser(1 << 20, 32);
    private final FakeControls fake = new FakeControls();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ActionToken TOKEN = new ActionToken("test-token-0123456789");
    private RenderMonitor monitor;
    private String base;

    @BeforeEach
    void start() throws Exception {
        monitor = new RenderMonitor(fake, TOKEN, Duration.ofMillis(50));
        base = "http://127.0.0.1:" + monitor.start("127.0.0.1", 0).getPort();
    }

    @AfterEach
    void stop() {
        monitor.close();
    }

    private HttpResponse<byte[]> send(String method, String path, String body) throws Exception {
        return send(method, path, body, TOKEN.value());
    }

    private HttpResponse<byte[]> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header(ActionToken.HEADER, token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(HttpResponse<byte[]> r, int status) throws Exception {
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(status, r.statusCode(), text);
        assertEquals(ApiResponse.JSON, r.headers().firstValue("Content-Type").orElse(""));
        return (Map<String, Object>) JSON.parse(text);
    }

    private void assertError(HttpResponse<byte[]> r, int status, String message) throws Exception {
        Map<String, Object> e = json(r, status);
        assertEquals((long) status, e.get("status"));
        assertTrue(((String) e.get("message")).contains(message), "expected '" + message + "' in " + e);
    }

    @Test
    void actionsWithoutTheTokenAre403AndChangeNothingWhileReadsNeedNone() throws Exception {
        for (String path : List.of("/api/stop", "/api/write", "/api/nodes")) {
            String body = path.equals("/api/nodes") ? "{\"host\": \"impostor\", \"port\": 18018}" : "{}";
            assertError(send("POST", path, body, null), 403, "needs the monitor's token");
            assertError(send("POST", path, body, "test-token-0123456788"), 403, "wrong monitor token");
        }
        assertEquals(0, fake.stops.get() + fake.writes.get() + fake.added.size(), "a refused action did something");
        assertFalse(new String(send("GET", "/", null, null).body(), StandardCharsets.UTF_8).contains(TOKEN.value()),
                "the page itself does not carry the token");
        assertEquals(200, send("GET", "/api/status", null, null).statusCode());
        assertEquals(202, send("POST", "/api/stop", "{}").statusCode());
    }

    @Test
    void thePageIsOneSelfContainedFileThatLoadsNothingFromElsewhere() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/", null);
        assertEquals(200, r.statusCode());
        assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'none'"));
        String page = new String(r.body(), StandardCharsets.UTF_8);
        for (String id : List.of("id=\"image\"", "id=\"statsline\"", "id=\"plot-rate\"", "id=\"plot-spp\"",
                "id=\"nodes\"", "id=\"stop\"", "id=\"write\"", "id=\"add-form\"", "id=\"kernel\"", "id=\"exposure\"")) {
            assertTrue(page.contains(id), id);
        }
        assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no asset from another origin");
        assertFalse(page.contains("@import"), "no imported style sheet");
    }

    @Test
    @SuppressWarnings("unchecked")
    void statusGivesTheStatisticsAsNumbers() throws Exception {
        Map<String, Object> s = json(send("GET", "/api/status", null), 200);
        assertEquals("network", s.get("mode"));
        assertEquals("rendering", s.get("state"));
        assertNull(s.get("haltReason"));
        assertEquals(12.5, s.get("elapsedSeconds"));
        assertEquals(4L, s.get("width"));
        assertEquals(8L, s.get("pixels"));
        assertEquals(80L, s.get("samples"));
        assertEquals(10L, s.get("samplesPerPixel"));
        assertEquals(4000L, s.get("samplesPerSecond"));
        assertEquals(0.75, s.get("efficiency"));
        assertEquals(3000L, s.get("contributionsPerSecond"));
        assertNull(s.get("noise"), "no noise estimate yet");
        assertEquals(Map.of("samplesPerPixel", 20L, "timeSeconds", 100L), withoutNulls((Map<String, Object>) s.get("halt")));
        assertEquals(0.5, s.get("progress"), "10 of 20 S/p is further than 12.5 of 100 s");
        assertTrue(((String) s.get("statsLine")).contains("Tot: 10.0 S/p"));
        Map<String, Object> local = (Map<String, Object>) s.get("local"), net = (Map<String, Object>) s.get("network");
        assertEquals(2L, local.get("threads"));
        assertEquals(5L, local.get("samplesPerPixel"));
        assertEquals(1L, net.get("sources"));
        assertEquals(3000L, net.get("samplesPerSecond"));
        assertEquals(Map.of("count", 0L, "files", List.of("out.png"), "final", false),
                withoutNulls((Map<String, Object>) s.get("writes")));
        assertEquals(true, s.get("canAddNodes"));
        fake.noise = 0.0125;
        assertEquals(0.0125, json(send("GET", "/api/status", null), 200).get("noise"));
        assertError(send("GET", "/api/status?verbose=1", null), 400, "unknown query parameter 'verbose'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void nodesListDevicesAndServersWithStateRatesContactAndHostLoad() throws Exception {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json(send("GET", "/api/nodes", null), 200).get("nodes");
        assertEquals(2, rows.size());
        Map<String, Object> cpu = rows.get(0), srv = rows.get(1);
        assertEquals("device", cpu.get("kind"));
        assertEquals("rendering", cpu.get("state"));
        assertEquals(5L, cpu.get("samplesPerPixel"));
        assertNull(cpu.get("lastContactSeconds"));
        assertNull(cpu.get("host"));
        assertEquals("server", srv.get("kind"));
        assertEquals("render2:18018", srv.get("label"));
        assertEquals("refused", srv.get("state"), "a busy server refused this render");
        assertEquals("busy: session x", srv.get("detail"));
        assertEquals(3000L, srv.get("samplesPerSecond"));
        assertEquals(1L, srv.get("efficiency"));
        assertEquals(0.25, srv.get("lastContactSeconds"));
        assertEquals(Map.of("cpuLoad", 0.5, "memoryUsed", 1L << 30, "memoryTotal", 4L << 30), srv.get("host"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void historyHasAPointPerTickAndOnlyNewOnesOnRequest() throws Exception {
        List<Map<String, Object>> points;
        long end = System.nanoTime() + 30_000_000_000L;
        do {
            Thread.sleep(50);
            points = (List<Map<String, Object>>) json(send("GET", "/api/history", null), 200).get("points");
        } while (points.size() < 3 && System.nanoTime() < end);
        assertTrue(points.size() >= 3, "sampled every tick: " + points);
        assertTrue(fake.nodeLooks.get() >= 3, "each tick looks at the nodes too, feeding their rate meters");
        Map<String, Object> p = points.get(0);
        assertEquals(1L, p.get("seq"));
        assertEquals(12.5, p.get("seconds"));
        assertEquals(4000L, p.get("samplesPerSecond"));
        assertEquals(10L, p.get("samplesPerPixel"));
        long last = (Long) points.get(points.size() - 1).get("seq");
        List<Map<String, Object>> newer = (List<Map<String, Object>>) json(send("GET", "/api/history?since=" + last, null),
                200).get("points");
        assertTrue(newer.stream().allMatch(q -> (Long) q.get("seq") > last), newer.toString());
        assertError(send("GET", "/api/history?since=1.5", null), 400, "must be an integer");
        assertError(send("GET", "/api/history?since=-1", null), 400, "out of range");
    }

    @Test
    void theImageIsTheFilmTonemappedAndItsSettingsNeverTouchTheRender() throws Exception {
        HttpResponse<byte[]> r = send("GET", "/api/image.png", null);
        assertEquals(200, r.statusCode());
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("80", r.headers().firstValue("X-Film-Samples").orElse(""));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertEquals(FakeControls.W, img.getWidth());
        assertEquals(FakeControls.H, img.getHeight());
        // The render's own mapping (scale 1, gamma 1): pixel 4 has radiance (0.5, 0.5, 0).
        assertEquals(0x808000, img.getRGB(0, 1) & 0xFFFFFF);
        BufferedImage brighter = ImageIO.read(new ByteArrayInputStream(
                send("GET", "/api/image.png?exposure=1", null).body()));
        assertEquals(0xFFFF00, brighter.getRGB(0, 1) & 0xFFFFFF, "one stop up doubles the display value");
        assertEquals(0x40FF00, brighter.getRGB(1, 0) & 0xFFFFFF, "radiance 1/8 doubled");
        BufferedImage srgb = ImageIO.read(new ByteArrayInputStream(
                send("GET", "/api/image.png?gamma=srgb", null).body()));
        assertEquals(DisplayEncoding.srgb().quantize(0.5), (srgb.getRGB(0, 1) >> 8) & 0xFF, "the sRGB curve on request");
        assertEquals(200, send("GET", "/api/image.png?kernel=autolinear&gamma=2.2&exposure=-0.5", null).statusCode());
        int before = fake.snapshots.get();
        byte[] again = send("GET", "/api/image.png?gamma=srgb", null).body();
        byte[] same = send("GET", "/api/image.png?gamma=srgb", null).body();
        assertArrayEquals(again, same);
        assertEquals(before + 1, fake.snapshots.get(), "the same film revision and settings are encoded once");
        fake.samples += 8;
        send("GET", "/api/image.png?gamma=srgb", null);
        assertEquals(before + 2, fake.snapshots.get(), "new samples make a new image");
        assertError(send("GET", "/api/image.png?kernel=bogus", null), 400,
                "unknown tonemap kernel 'bogus'; expected scene, linear, reinhard, autolinear, maxwhite, contrast, none");
        assertError(send("GET", "/api/image.png?exposure=99", null), 400, "exposure=99 is out of range");
        assertError(send("GET", "/api/image.png?exposure=bright", null), 400, "is not a number");
        assertError(send("GET", "/api/image.png?gamma=0", null), 400, "gamma=0 is out of range");
        assertError(send("GET", "/api/image.png?size=2", null), 400, "unknown query parameter 'size'");
        assertEquals(0, fake.stops.get() + fake.writes.get(), "looking never acts on the render");
    }

    @Test
    void writeAndStopAreAcceptedAndActOnTheRender() throws Exception {
        Map<String, Object> w = json(send("POST", "/api/write", null), 202);
        assertEquals("write", w.get("accepted"));
        assertEquals(1, fake.writes.get());
        json(send("POST", "/api/write", "{}"), 202);
        assertEquals(2, fake.writes.get());
        assertError(send("POST", "/api/write", "{\"now\":true}"), 400, "/api/write takes no members; got 'now'");
        assertError(send("POST", "/api/stop", "{oops"), 400, "not valid JSON: line 1, column 2");
        assertError(send("POST", "/api/stop", "[]"), 400, "must be a JSON object");
        assertEquals(0, fake.stops.get(), "a bad request does nothing");
        Map<String, Object> s = json(send("POST", "/api/stop", ""), 202);
        assertEquals("stop", s.get("accepted"));
        assertEquals("stopping", s.get("state"));
        assertEquals(1, fake.stops.get());
        assertError(send("POST", "/api/write", null), 409, "the render is stopping");
        assertError(send("GET", "/api/stop", null), 405, "use POST");
    }

    @Test
    @SuppressWarnings("unchecked")
    void addingAServerTakesHostAndPortAndExplainsEveryRefusal() throws Exception {
        Map<String, Object> n = json(send("POST", "/api/nodes", "{\"host\": \"render3\", \"port\": 18018}"), 201);
        assertEquals("render3:18018", n.get("label"));
        assertEquals("connecting", n.get("state"));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json(send("GET", "/api/nodes", null), 200).get("nodes");
        assertEquals("render3:18018", rows.get(2).get("label"));
        String[][] bad = {
            {"", "empty JSON text"},
            {"{\"host\": \"a\", \"port\": 1,}", "not valid JSON"},
            {"{\"port\": 18018}", "member 'host' must be a non-empty string, got null"},
            {"{\"host\": 7, \"port\": 18018}", "member 'host' must be a non-empty string, got a number"},
            {"{\"host\": \"a b\", \"port\": 18018}", "printable ASCII"},
            {"{\"host\": \"a\", \"port\": \"18018\"}", "member 'port' must be an integer from 1 to 65535, got a string"},
            {"{\"host\": \"a\", \"port\": 70000}", "got 70000"},
            {"{\"host\": \"a\", \"port\": 18018.5}", "got 18018.5"},
            {"{\"host\": \"a\", \"port\": 1, \"password\": \"x\"}", "unknown member 'password'; expected host and port"},
        };
        for (String[] b : bad) {
            assertError(send("POST", "/api/nodes", b[0]), 400, b[1]);
        }
        fake.addFailure = new IllegalStateException("render3:18018 is already in this render");
        assertError(send("POST", "/api/nodes", "{\"host\": \"render3\", \"port\": 18018}"), 409, "already in this render");
        fake.addFailure = new IllegalArgumentException("server port must be 1..65535");
        assertError(send("POST", "/api/nodes", "{\"host\": \"x\", \"port\": 1}"), 400, "server port must be");
        fake.network = false;
        assertError(send("POST", "/api/nodes", "{\"host\": \"render4\", \"port\": 18018}"), 409,
                "this render has no network session");
        assertEquals(1, fake.added.size());
    }

    @Test
    void unknownPathsAndWrongMethodsAreJsonErrors() throws Exception {
        assertError(send("GET", "/api/nothing", null), 404, "no such path: /api/nothing");
        assertError(send("GET", "/index.html", null), 404, "no such path");
        HttpResponse<byte[]> put = send("PUT", "/api/status", "{}");
        assertError(put, 405, "method PUT is not allowed on /api/status; use GET");
        assertEquals("GET", put.headers().firstValue("Allow").orElse(""));
        assertEquals("GET, POST", send("DELETE", "/api/nodes", null).headers().firstValue("Allow").orElse(""));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(m);
        out.values().removeIf(v -> v == null);
        return out;
    }
}
