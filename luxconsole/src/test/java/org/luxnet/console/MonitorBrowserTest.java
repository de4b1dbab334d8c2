package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.monitor.ActionToken;
import org.luxnet.monitor.JsonParser;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.server.ServerConfig;

/**
 * The monitor page in a real headless Chromium, driven over the DevTools protocol, during a render on
 * two loopback servers and this machine: the image and the node table update, and pressing Stop halts
 * the render, which writes its image. Skips, saying why, where no Chromium is installed. With
 * {@code -Dluxnet.monitor.screenshot=FILE} it also saves what the page looked like.
 */
@Timeout(240)
class MonitorBrowserTest {
    private static final JsonParser JSON = new JsonParser(1 << 20, 32);
    private static final int WIDTH = 1400, HEIGHT = 1000;

    @TempDir
    Path tmp;

    private final List<RenderServer> servers = new ArrayList<>();
    private LiveRun render;
    private Chromium browser;
    private Cdp cdp;
    private String url, token;

    @AfterEach
    void cleanUp() throws Exception {
        if (cdp != null) {
            cdp.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (render != null && render.isAlive()) {
            // A failed test leaves the render running: stop it as the page would, so its threads end too.
            if (url != null) {
                try {
                    HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "api/stop"))
                            .header(ActionToken.HEADER, token)
                            .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.discarding());
                    render.await(Duration.ofSeconds(60));
                } catch (IOException | AssertionError stillRunning) {
                    render.close();
                }
            }
            render.close();
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

    /** Evaluates {@code js} in the page until {@code p} holds for its value; fails after {@code timeout}. */
    private Object until(String session, String js, Predicate<Object> p, Duration timeout, String what) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Object v = cdp.evaluate(session, js);
        while (!p.test(v)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the page never showed " + what + "; last value " + v + "\n" + render
                        + "\n--- browser\n" + browser.log());
            }
            Thread.sleep(200);
            v = cdp.evaluate(session, js);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String session) throws Exception {
        String json = (String) cdp.evaluate(session, "JSON.stringify([...document.querySelectorAll('#nodes tbody tr')]"
                + ".map(r => ({id: r.dataset.id, state: r.dataset.state, samples: Number(r.dataset.samples),"
                + " text: r.innerText})))");
        return (List<Map<String, Object>>) JSON.parse(json);
    }

    private static long samples(Map<String, Object> row) {
        return (Long) row.get("samples");
    }

    private static boolean serversRendering(List<Map<String, Object>> rows) {
        return rows.size() == 3 && rows.stream().filter(r -> ((String) r.get("id")).startsWith("server"))
                .allMatch(r -> "rendering".equals(r.get("state")) && samples(r) > 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePageShowsTheRenderConvergingAndItsStopButtonHaltsAndWrites() throws Exception {
        Optional<Path> binary = Chromium.find();
        Assumptions.assumeTrue(binary.isPresent(), "no Chromium to drive (looked for " + Chromium.searched()
                + "); install it with: apt-get install -y chromium");
        RenderServer a = server("render-a"), b = server("render-b");
        Path base = tmp.resolve("browser");
        render = LiveRun.start("--monitor", "0", "-t", "1", "-u", "127.0.0.1:" + a.port(), "-u", "127.0.0.1:" + b.port(),
                "-i", "0.5", "--stats-interval", "1", "--halt-spp", "0", "--halt-time", "180", "-o", base.toString(),
                NetworkCliTest.BOX);
        java.util.regex.Matcher printed = render.awaitOut("Monitor: (http://127\\.0\\.0\\.1:\\d+/)#token=(\\S+)",
                Duration.ofSeconds(60));
        url = printed.group(1);
        token = printed.group(2);
        String pageUrl = url + "#token=" + token;

        browser = Chromium.start(binary.get(), tmp.resolve("chromium-profile"), WIDTH, HEIGHT);
        cdp = Cdp.connect(browser.endpoint());
        String target = (String) cdp.call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId");
        String page = (String) cdp.call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .get("sessionId");
        cdp.call(page, "Emulation.setDeviceMetricsOverride", Map.of("width", WIDTH, "height", HEIGHT,
                "deviceScaleFactor", 1, "mobile", false));
        cdp.call(page, "Page.navigate", Map.of("url", pageUrl));
        until(page, "location.href + ' ' + document.readyState", (pageUrl + " complete")::equals, Duration.ofSeconds(30),
                "the monitor page loaded");

        // The image arrives and the table lists this machine's CPU and both servers, rendering.
        long firstImage = (Long) until(page, "(() => { const i = document.getElementById('image');"
                + " return i.complete && i.naturalWidth > 0 ? Number(i.dataset.samples || 0) : -1; })()",
                v -> v instanceof Long l && l > 0, Duration.ofSeconds(60), "the image");
        assertEquals(256L, cdp.evaluate(page, "document.getElementById('image').naturalWidth"));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<Map<String, Object>> before = rows(page);
        while (!serversRendering(before) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            before = rows(page);
        }
        assertTrue(serversRendering(before), "both servers rendering in the table: " + before + "\n" + render);
        assertEquals("device", ((String) before.get(0).get("id")).split("-")[0]);
        assertTrue(((String) before.get(1).get("text")).contains("127.0.0.1:" + a.port()), before.toString());

        // Both update as samples arrive: a newer image, and more samples on every server's row.
        until(page, "Number(document.getElementById('image').dataset.samples)", v -> (Long) v > firstImage,
                Duration.ofSeconds(60), "a newer image");
        List<Map<String, Object>> first = before;
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Map<String, Object>> after = rows(page);
        while (!(samples(after.get(1)) > samples(first.get(1)) && samples(after.get(2)) > samples(first.get(2)))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = rows(page);
        }
        assertTrue(samples(after.get(1)) > samples(first.get(1)) && samples(after.get(2)) > samples(first.get(2)),
                "the node table updates: " + first + " then " + after);
        String line = (String) until(page, "document.getElementById('statsline').textContent",
                v -> ((String) v).contains(" - 2N: "), Duration.ofSeconds(30), "the statistics line with 2 nodes");
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d - 1T: .*Tot: .*"), line);
        until(page, "(() => { const c = document.getElementById('plot-spp');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + " for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; })()",
                v -> (Long) v > 200, Duration.ofSeconds(30), "a drawn S/p plot");

        Map<String, Object> shot = cdp.call(page, "Page.captureScreenshot", Map.of("format", "png"));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        BufferedImage screen = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(WIDTH, screen.getWidth());
        String keep = System.getProperty("luxnet.monitor.screenshot");
        if (keep != null && !keep.isBlank()) {
            Files.write(Path.of(keep), png);
        }

        // Stop: the render halts, collects the servers' last samples and writes its image.
        cdp.evaluate(page, "document.getElementById('stop').click()");
        ConsoleRun done = render.await(Duration.ofSeconds(90));
        assertEquals(0, done.exitCode(), done.toString());
        assertTrue(done.out().contains("Done (stopped)"), done.out());
        assertTrue(done.out().contains("127.0.0.1:" + a.port() + ": done") && done.out().contains("127.0.0.1:" + b.port()
                + ": done"), done.out());
        Path written = tmp.resolve("browser.png");
        assertTrue(done.err().contains("wrote " + written), done.err());
        assertEquals(256, ImageIO.read(written.toFile()).getWidth());
        until(page, "document.getElementById('state').textContent", "offline"::equals, Duration.ofSeconds(30),
                "that the render has ended");
    }
}
