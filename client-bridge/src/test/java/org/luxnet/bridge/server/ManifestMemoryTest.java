package org.luxnet.bridge.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.luxnet.bridge.client.Checkpoint;
import org.luxnet.bridge.client.ClientSession;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.client.RemoteNode;
import org.luxnet.bridge.job.BundleLimits;
import org.luxnet.bridge.job.JobException;
import org.luxnet.bridge.job.ManifestEntry;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.protocol.ErrorCode;
import org.luxnet.bridge.testing.Cluster;
import org.luxnet.bridge.testing.FakeBackend;

/** A manifest that lists one file under 4,096 names, against a real server on loopback. */
@Timeout(120)
class ManifestMemoryTest {
    @TempDir
    Path dir;

    /** The main file and {@code names - 1} names for the same {@code size}-byte array. */
    private static SceneBundle repeated(int names, int size) {
        byte[] blob = new byte[size];
        for (int i = 0; i < size; i++) {
            blob[i] = (byte) (i * 7 + i / 251);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("main.lxs", "WorldBegin".getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i < names; i++) {
            files.put("tex/" + i + ".png", blob);
        }
        return new SceneBundle("main.lxs", files);
    }

    @Test
    void oneFileUnderManyNamesIsReadOnceAndSharedByTheNames() throws Exception {
        try (Cluster c = new Cluster(dir)) {
            FakeBackend backend = new FakeBackend(1);
            RenderServer s = c.server(c.config("s1", Duration.ofSeconds(30)), backend);
            ClientSession client = c.client(repeated(4096, 200_000), "many-names", Cluster.fastOptions(null));
            RemoteNode n = client.addNode(new NodeAddress("127.0.0.1", s.port()), 0, Checkpoint.NONE);
            assertEquals("rendering", n.awaitState(st -> st.equals("rendering") || st.startsWith("refused"),
                    Duration.ofSeconds(60)));

            SceneBundle got = backend.bundles.get(0);
            assertEquals(4096, got.names().size());
            byte[] first = got.file("tex/1.png");
            for (String name : got.names().subList(1, got.names().size())) {
                assertSame(first, got.file(name), "the server read the file again for " + name);
            }
            assertEquals(2, s.cacheUsage().files(), "two distinct files arrived and are cached");
        }
    }

    @Test
    void aManifestWhoseNamesAddUpPastTheLimitIsRefused() {
        // One 1.6 MB blob under 4,096 names: 6.5 GB to hand the renderer, though only 1.6 MB to upload.
        List<ManifestEntry> m = repeated(4096, 1_600_000).manifest();
        JobException e = org.junit.jupiter.api.Assertions.assertThrows(JobException.class,
                () -> BundleLimits.DEFAULT.check("main.lxs", m));
        assertEquals(ErrorCode.LIMITS, e.code());
        assertTrue(e.getMessage().contains("counted per name"), e.getMessage());
    }
}
