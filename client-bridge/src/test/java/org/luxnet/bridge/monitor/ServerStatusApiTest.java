package org.luxnet.bridge.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.testing.Cluster;
import org.luxnet.bridge.testing.FakeBackend;
import org.luxnet.bridge.testing.FakeJob;
import org.luxnet.monitor.ApiResponse;
import org.luxnet.monitor.JsonParser;
import org.luxnet.monitor.MonitorServer;

/** A real render server's status port on loopback: idle, then rendering for a client, and read-only throughout. */
@Timeout(60)
class ServerStatusApiTest {
    private static final JsonParser JSON = new JsonParser(1 << 20, 32);

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> get(int port, String path) throws Exception {
        RawHttp.Response r = RawHttp.exchange(port, RawHttp.request("GET", path, ""));
        assertEquals(200, r.status(), r.head() + r.body());
        return (Map<String, Object>) JSON.parse(r.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsIdleThenTheClientsRenderAndRefusesToChangeAnything() throws Exception {
        try (Cluster c = new Cluster(dir)) {
            RenderServer server = c.server(c.config("farm-7", Duration.ofSeconds(10)), new FakeBackend(5));
            try (MonitorServer status = new MonitorServer(ServerStatusApi.routes(server))) {
                int port = status.start("127.0.0.1", 0).getPort();
                Map<String, Object> idle = get(port, "/api/status");
                assertEquals("server", idle.get("role"));
                assertEquals("farm-7", idle.get("serverId"));
                assertEquals((long) server.port(), idle.get("port"));
                assertEquals("idle", idle.get("state"));
                assertNull(idle.get("sessionId"));
                assertNull(idle.get("job"));
                assertTrue(idle.containsKey("host") && ((Map<String, Object>) idle.get("host")).containsKey("memoryTotal"));
                assertEquals(0L, ((Map<String, Object>) idle.get("cache")).get("files"));

                ClientSession client = c.client(Cluster.scene("WorldBegin"), "session-42", Cluster.fastOptions(null));
                RenderDriver driver = Cluster.driver(new Film(FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS), 0);
                driver.addRemote(client.addNode(new NodeAddress("127.0.0.1", server.port()), 0, Checkpoint.NONE));
                CompletableFuture<RenderDriver.Result> result = Cluster.runInBackground(driver);
                try {
                    server.awaitSnapshot(s -> s.job() != null && s.job().samples() > 0, Duration.ofSeconds(30));
                    Map<String, Object> busy = get(port, "/api/status");
                    assertEquals("rendering", busy.get("state"), busy.toString());
                    assertFalse(busy.containsKey("sessionId"), "the status port reveals no session id");
                    for (String path : List.of("/api/status", "/api/nodes")) {
                        assertFalse(RawHttp.exchange(port, RawHttp.request("GET", path, "")).body().contains("session-42"),
                                path + " shows the session id");
                    }
                    assertEquals(true, busy.get("clientConnected"));
                    assertTrue(((String) busy.get("clientAddress")).startsWith("127.0.0.1:"));
                    Map<String, Object> job = (Map<String, Object>) busy.get("job");
                    assertEquals(384L, job.get("pixels"));
                    assertEquals("fake CPU", job.get("devices"));
                    assertTrue((Long) job.get("samples") > 0, job.toString());
                    assertEquals(3L, ((Map<String, Object>) busy.get("cache")).get("files"), "the scene's three files");
                    List<Map<String, Object>> rows = (List<Map<String, Object>>) get(port, "/api/nodes").get("nodes");
                    assertEquals(1, rows.size());
                    assertEquals("farm-7", rows.get(0).get("label"));
                    assertEquals("rendering", rows.get(0).get("state"));
                    assertEquals(1L, rows.get(0).get("threads"));

                    RawHttp.Response post = RawHttp.exchange(port, RawHttp.request("POST", "/api/status", "{}"));
                    assertError(post, 405, "use GET");
                    assertEquals("GET", post.header("Allow"));
                    assertError(RawHttp.exchange(port, RawHttp.request("POST", "/api/stop", "")), 404,
                            "no such path: /api/stop");
                } finally {
                    driver.requestStop();
                }
                assertEquals("stopped", result.get(20, TimeUnit.SECONDS).reason());
                server.awaitSnapshot(s -> s.idle(), Duration.ofSeconds(30));
                assertEquals("idle", get(port, "/api/status").get("state"));
            }
        }
    }

    @Test
    void healthzSaysOkWhileTheServerServesAnd503OnceItIsClosed() throws Exception {
        try (Cluster c = new Cluster(dir)) {
            RenderServer server = c.server(c.config("probe", Duration.ofSeconds(10)), new FakeBackend(5));
            try (MonitorServer status = new MonitorServer(ServerStatusApi.routes(server))) {
                int port = status.start("127.0.0.1", 0).getPort();
                RawHttp.Response up = RawHttp.exchange(port, RawHttp.request("GET", "/healthz", ""));
                assertEquals(200, up.status(), up.head());
                assertEquals("ok\n", up.body());
                assertTrue(up.header("Content-Type").startsWith("text/plain"), up.head());
                server.close();
                RawHttp.Response down = RawHttp.exchange(port, RawHttp.request("GET", "/healthz", ""));
                assertEquals(503, down.status(), down.head());
                assertEquals("not serving\n", down.body());
                assertError(RawHttp.exchange(port, RawHttp.request("POST", "/healthz", "")), 405, "use GET");
            }
        }
    }

    /** A JSON error answer with {@code status} whose message contains {@code message}. */
    private static void assertError(RawHttp.Response r, int status, String message) {
        assertEquals(status, r.status(), r.head() + r.body());
        assertEquals(ApiResponse.JSON, r.header("Content-Type"), r.head());
        assertTrue(r.body().startsWith("{\"status\":" + status + ",\"error\":\""), r.body());
        assertTrue(r.body().contains(message), "expected '" + message + "' in " + r.body());
    }
}
