package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.desc.SceneDescription;

/**
 * The files a light's emission distribution names (a LuxRender point or area light's "iesname" and
 * "mapname", pbrt-v3's goniometric and projection "mapname") are scene resources: read with the
 * statement through {@link SceneResources}, resolved as other scene files are, and recorded for shipping to
 * render servers.
 */
class LightFileResourceTest {
    private static final String IES = """
            IESNA:LM-63-2002
            TILT=NONE
            1 1000 1 2 1 1 2 0 0 0
            1 1 100
            0 90
            0
            100 50
            """;

    @Test
    void iesAndMapFilesAreReadWithTheStatementAndRecorded() {
        byte[] ies = IES.getBytes(StandardCharsets.US_ASCII);
        byte[] pfm = pfm();
        MemoryResources files = new MemoryResources()
                .add("scene.lxs", "Camera \"perspective\"\nWorldBegin\nInclude \"lights/lamps.lxs\"\nWorldEnd\n")
                .add("lights/lamps.lxs", """
                        LightSource "point" "string iesname" ["lights/ies/down.ies"] "string mapname" ["lights/tint.pfm"]
                        AreaLightSource "area" "string iesname" ["lights/ies/down.ies"]
                        Shape "trianglemesh" "integer indices" [0 1 2] "point P" [0 0 1 1 0 1 0 1 1]
                        LightSource "point"
                        """)
                .add("lights/ies/down.ies", ies)
                .add("lights/tint.pfm", pfm);
        RecordingResources recorded = new RecordingResources(files);
        SceneDescription d = SceneParser.parse("scene.lxs", recorded);
        assertEquals("lights/ies/down.ies", d.lights().get(0).ies().name());
        assertArrayEquals(ies, d.lights().get(0).ies().bytes());
        assertEquals("lights/tint.pfm", d.lights().get(0).map().name());
        assertNull(d.lights().get(1).ies());
        assertEquals("lights/ies/down.ies", d.shapes().get(0).areaLight().ies().name());
        assertTrue(recorded.files().containsKey("lights/ies/down.ies"), "shipped: " + recorded.files().keySet());
        assertTrue(recorded.files().containsKey("lights/tint.pfm"), "shipped: " + recorded.files().keySet());
        var r = SceneCompiler.compile(d);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        // The point light's map times its profile, and the area light's profile.
        assertEquals(2, r.scene().envMapCount);
        int withMap = 0;
        for (int i = 0; i < r.scene().lightCount; i++) {
            withMap += r.scene().lightParams[i * LightLayout.STRIDE + LightLayout.MAP] > 0 ? 1 : 0;
        }
        assertEquals(2, withMap);
    }

    @Test
    void pbrtGoniometricAndProjectionMapsAreRecorded() {
        MemoryResources files = new MemoryResources()
                .add("scene.pbrt", """
                        WorldBegin
                        LightSource "goniometric" "string mapname" ["g.pfm"]
                        LightSource "projection" "string mapname" ["p.pfm"]
                        WorldEnd
                        """)
                .add("g.pfm", pfm())
                .add("p.pfm", pfm());
        RecordingResources recorded = new RecordingResources(files);
        SceneDescription d = SceneParser.parse("scene.pbrt", recorded);
        assertEquals("g.pfm", d.lights().get(0).map().name());
        assertEquals("p.pfm", d.lights().get(1).map().name());
        assertTrue(recorded.files().keySet().containsAll(java.util.List.of("g.pfm", "p.pfm")));
    }

    /** A 2 x 1 PFM of ones. */
    private static byte[] pfm() {
        byte[] head = "PF\n2 1\n-1.0\n".getBytes(StandardCharsets.US_ASCII);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(head.length + 24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(head);
        for (int i = 0; i < 6; i++) {
            b.putFloat(1f);
        }
        return b.array();
    }
}
