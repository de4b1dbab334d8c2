package org.luxnet.bridge.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.progress.HaltConditions;
import org.luxnet.accumulator.progress.RenderDriver;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.client.ClientOptions;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.server.ServerConfig;

/** Loopback servers with fake backends and a client configured with short intervals, for end-to-end tests. */
public final class Cluster implements AutoCloseable {
    public static final long SEED = 20240601L;
    private final Path dir;
    private final List<AutoCloseable> closing = new ArrayList<>();

    public Cluster(Path dir) {
        this.dir = dir;
    }

    /** A scene of three files: the main file, an Include and a binary "mesh". */
    public static SceneBundle scene(String mainText) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("scenes/main.lxs", mainText.getBytes(StandardCharsets.UTF_8));
        files.put("scenes/geometry.lxs", "Shape \"plymesh\" \"string filename\" \"mesh.ply\"".getBytes(StandardCharsets.UTF_8));
        byte[] mesh = new byte[3_000_000];
        for (int i = 0; i < mesh.length; i++) {
            mesh[i] = (byte) (i * 31 + i / 977);
        }
        files.put("scenes/mesh.ply", mesh);
        return new SceneBundle("scenes/main.lxs", files);
    }

    /** A server config on a free loopback port with its own cache, a lease of {@code lease}. */
    public ServerConfig config(String id, Duration lease) {
        return ServerConfig.of(0, dir.resolve("cache-" + id), id).withBindHost("127.0.0.1").withLease(lease)
                .withStatsInterval(Duration.ofMillis(500));
    }

    /** Starts a server; closed with the cluster. */
    public RenderServer server(ServerConfig config, FakeBackend backend) throws IOException {
        RenderServer s = new RenderServer(config, backend);
        closing.add(s);
        s.start();
        return s;
    }

    /** Client options with fast uploads, heartbeats and retries. */
    public static ClientOptions fastOptions(PasswordProof password) {
        return new ClientOptions(Duration.ofMillis(60), Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(3), password,
                "test client");
    }

    /** A client session over the fake film; closed with the cluster. */
    public ClientSession client(SceneBundle scene, String sessionId, ClientOptions options) {
        ClientSession c = new ClientSession(scene, sessionId, SEED, FakeJob.WIDTH, FakeJob.HEIGHT, FakeJob.SCALE_BITS, 1,
                options);
        closing.add(c);
        return c;
    }

    /** A driver over an empty total film that halts at {@code spp} total samples per pixel. */
    public static RenderDriver driver(Film total, int spp) {
        return new RenderDriver(total, new HaltConditions(spp, null, 0), (f, last) -> List.of(), (line, st) -> { },
                Duration.ofMillis(100), null, Duration.ZERO);
    }

    /** Runs {@code driver} on a thread of its own; the future completes with its result. */
    public static java.util.concurrent.CompletableFuture<RenderDriver.Result> runInBackground(RenderDriver driver) {
        java.util.concurrent.CompletableFuture<RenderDriver.Result> result = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(driver.run());
            } catch (InterruptedException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "test-render-driver");
        t.setDaemon(true);
        t.start();
        return result;
    }

    @Override
    public void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }
}
