package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.monitor.ActionToken;
import org.luxnet.monitor.JsonParser;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.server.ServerConfig;

/** The live monitor and the status port through luxconsole's own command line, on real renders over loopback. */
@Timeout(180)
class MonitorCliTest {
    static final String BOX = NetworkCliTest.BOX;
    private static final JsonParser JSON = new JsonParser(1 << 20, 32);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    private final List<RenderServer> servers = new ArrayList<>();
    private final List<LiveRun> runs = new ArrayList<>();
    private String monitor, token;

    @AfterEach
    void cleanUp() throws Exception {
        for (LiveRun r : runs) {
            // A render a failed test left running is stopped the way a user would, then awaited.
            if (monitor != null && r.isAlive()) {
                try {
                    post("/api/stop", "");
                } catch (IOException alreadyGone) {
                    // It had ended.
                }
            }
            r.close();
        }
        servers.forEach(RenderServer::close);
    }

    private RenderServer server(String id) throws IOException {
        ServerConfig c = ServerConfig.of(0, tmp.resolve("cache-" + id), id).withBindHost("127.0.0.1")
                .withLease(Duration.ofSeconds(20));
        RenderServer s = new RenderServer(c, new SessionBackend(1, null));
        servers.add(s);
        s.start();
        return s;
    }

    private LiveRun run(String... args) throws InterruptedException {
        LiveRun r = LiveRun.start(args);
        runs.add(r);
        java.util.regex.Matcher m = r.awaitOut("Monitor: (http://127\\.0\\.0\\.1:\\d+)/#token=(\\S+)",
                Duration.ofSeconds(60));
        monitor = m.group(1);
        token = m.group(2);
        return r;
    }

    private static HttpResponse<String> send(String url, String method, String body) throws IOException {
        return send(url, method, body, null);
    }

    private static HttpResponse<String> send(String url, String method, String body, String token) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header(ActionToken.HEADER, token);
        }
        HttpRequest req = b.build();
        try {
            return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path) throws Exception {
        HttpResponse<String> r = send(monitor + path, "GET", null);
        assertEquals(200, r.statusCode(), r.body());
        return (Map<String, Object>) JSON.parse(r.body());
    }

    private HttpResponse<String> post(String path, String body) throws IOException {
        return send(monitor + path, "POST", body, token);
    }

    /** Polls {@code path} until {@code p} holds; fails after {@code timeout}. */
    private Map<String, Object> await(String path, Predicate<Map<String, Object>> p, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Map<String, Object> last = get(path);
        while (!p.test(last)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("never true: " + path + " " + last);
            }
            Thread.sleep(100);
            last = get(path);
        }
        return last;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> nodes) {
        return (List<Map<String, Object>>) nodes.get("nodes");
    }

    private static long samples(Map<String, Object> m) {
        return (Long) m.get("samples");
    }

    @Test
    void aLocalRenderIsWatchedWrittenAndStoppedThroughTheApi() throws Exception {
        Path base = tmp.resolve("local");
        LiveRun r = run("--monitor", "0", "-t", "1", "--halt-spp", "0", "--halt-time", "120", "--stats-interval", "0.5",
                "-o", base.toString(), BOX);
        Map<String, Object> st = await("/api/status", s -> samples(s) > 0 && !"".equals(s.get("statsLine")),
                Duration.ofSeconds(60));
        assertEquals("local", st.get("mode"));
        assertEquals(256L, st.get("width"));
        assertEquals(120L, ((Map<?, ?>) st.get("halt")).get("timeSeconds"));
        assertTrue(((String) st.get("statsLine")).matches("\\d\\d:\\d\\d:\\d\\d - 1T: .*"), st.toString());
        List<Map<String, Object>> rows = rows(get("/api/nodes"));
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("device", rows.get(0).get("kind"));
        assertEquals("CPU", rows.get(0).get("label"));
        assertEquals(1L, rows.get(0).get("threads"));
        assertTrue(((Map<?, ?>) rows.get(0).get("host")).containsKey("memoryTotal"), "this machine's load");

        HttpResponse<String> add = post("/api/nodes", "{\"host\":\"127.0.0.1\",\"port\":1}");
        assertEquals(409, add.statusCode(), add.body());
        assertTrue(add.body().contains("no network session"), add.body());
        assertEquals(404, send(monitor + "/api/servers", "GET", null).statusCode());

        assertEquals(403, send(monitor + "/api/stop", "POST", "").statusCode(), "a stop without the token");
        assertEquals(202, post("/api/write", "").statusCode());
        await("/api/status", s -> ((Long) ((Map<?, ?>) s.get("writes")).get("count")) >= 1, Duration.ofSeconds(30));
        BufferedImage written = ImageIO.read(tmp.resolve("local.png").toFile());
        assertEquals(256, written.getWidth(), "Write now wrote the PNG while rendering");

        HttpResponse<String> stop = post("/api/stop", "");
        assertEquals(202, stop.statusCode(), stop.body());
        ConsoleRun done = r.await(Duration.ofSeconds(60));
        assertEquals(0, done.exitCode(), done.toString());
        assertTrue(done.out().contains("Done (stopped)"), done.out());
        assertTrue(done.err().contains("wrote " + tmp.resolve("local.png")), done.err());
    }

    @Test
    void aClientShowsItsServersAndTakesAnotherOneWhileRendering() throws Exception {
        RenderServer a = server("a"), b = server("b");
        LiveRun r = run("--monitor=0", "-t", "1", "-u", "127.0.0.1:" + a.port(), "-i", "0.3", "--stats-interval", "0.5",
                "--halt-spp", "0", "--halt-time", "120", "-o", tmp.resolve("net").toString(), BOX);
        Map<String, Object> nodes = await("/api/nodes", n -> rows(n).size() == 2
                && "rendering".equals(rows(n).get(1).get("state")) && samples(rows(n).get(1)) > 0, Duration.ofSeconds(60));
        Map<String, Object> srv = rows(nodes).get(1);
        assertEquals("server", srv.get("kind"));
        assertEquals("127.0.0.1:" + a.port(), srv.get("label"));
        assertEquals("server-1", srv.get("id"));
        assertTrue((Double) srv.get("lastContactSeconds") < 10, srv.toString());
        assertEquals(1L, srv.get("threads"));
        assertEquals(true, get("/api/status").get("canAddNodes"));

        HttpResponse<String> added = post("/api/nodes", "{\"host\": \"127.0.0.1\", \"port\": " + b.port() + "}");
        assertEquals(201, added.statusCode(), added.body());
        HttpResponse<String> again = post("/api/nodes", "{\"host\": \"127.0.0.1\", \"port\": " + b.port() + "}");
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("is already in this render"), again.body());
        await("/api/nodes", n -> rows(n).size() == 3 && "rendering".equals(rows(n).get(2).get("state"))
                && samples(rows(n).get(2)) > 0, Duration.ofSeconds(60));
        assertEquals(2L, ((Map<?, ?>) get("/api/status").get("network")).get("sources"));

        assertEquals(202, post("/api/stop", "{}").statusCode());
        ConsoleRun done = r.await(Duration.ofSeconds(90));
        assertEquals(0, done.exitCode(), done.toString());
        assertTrue(done.out().contains("Done (stopped)"), done.out());
        assertTrue(done.out().contains("127.0.0.1:" + b.port() + ": done"), "the added server delivered its samples:\n"
                + done.out());
    }

    @Test
    void aServersStatusPortAnswersJsonAboutItself() throws Exception {
        try (LiveRun s = LiveRun.start("-s", "-p", "0", "-t", "1", "--status-port", "0", "--cache-dir",
                tmp.resolve("cache").toString())) {
            monitor = null;
            String url = s.awaitOut("Status: (http://127\\.0\\.0\\.1:\\d+)/api/status", Duration.ofSeconds(30)).group(1);
            HttpResponse<String> st = send(url + "/api/status", "GET", null);
            assertEquals(200, st.statusCode(), st.body());
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) JSON.parse(st.body());
            assertEquals("server", m.get("role"));
            assertEquals("idle", m.get("state"));
            assertEquals(405, send(url + "/api/status", "POST", "{}").statusCode());
            assertEquals(200, send(url + "/api/nodes", "GET", null).statusCode());
        }
    }

    @Test
    void aMonitorPortInUseIsANetworkErrorNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ConsoleRun r = ConsoleRun.run("--monitor", Integer.toString(taken.getLocalPort()), "-t", "1", "--halt-spp",
                    "1", "-o", tmp.resolve("x").toString(), BOX);
            assertEquals(ExitCode.IO, r.exitCode(), r.toString());
            assertTrue(r.err().contains("error: monitor: cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
        }
    }

    @Test
    void monitorWithoutAPortTakesTheDefaultAndLeavesTheSceneAlone() {
        ConsoleRun r = ConsoleRun.run("-t", "1", "--halt-spp", "1", "-o", tmp.resolve("d").toString(), "--monitor", BOX);
        String where = "127.0.0.1:" + MonitorOptions.DEFAULT_PORT;
        // The default port may be taken on a shared machine; either way the scene was read as the scene.
        assertTrue(r.exitCode() == 0 && r.out().contains("Monitor: http://" + where + "/")
                || r.exitCode() == ExitCode.IO && r.err().contains("cannot listen on " + where), r.toString());
        ConsoleRun big = ConsoleRun.run("--monitor", "99999999999", BOX);
        assertEquals(ExitCode.USAGE, big.exitCode(), big.toString());
        assertTrue(big.err().contains("--monitor must be a port from 0 to 65535, got 99999999999"), big.err());
    }

    @Test
    void monitorOptionsInTheWrongModeAreUsageErrors() {
        ConsoleRun status = ConsoleRun.run("--status-port", "0", "--halt-spp", "1", BOX);
        assertEquals(ExitCode.USAGE, status.exitCode(), status.toString());
        assertTrue(status.err().contains("--status-port is for render servers (-s)"), status.err());
        ConsoleRun mon = ConsoleRun.run("-s", "--monitor", "0", "--cache-dir", tmp.resolve("c").toString());
        assertEquals(ExitCode.USAGE, mon.exitCode(), mon.toString());
        assertTrue(mon.err().contains("--monitor watches a render"), mon.err());
        ConsoleRun port = ConsoleRun.run("--monitor", "70000", "--halt-spp", "1", BOX);
        assertEquals(ExitCode.USAGE, port.exitCode(), port.toString());
        assertTrue(port.err().contains("--monitor must be a port from 0 to 65535, got 70000"), port.err());
    }
}
