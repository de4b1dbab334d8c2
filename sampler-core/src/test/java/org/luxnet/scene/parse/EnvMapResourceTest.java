package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.desc.SceneDescription;

/**
 * An environment map is a scene resource like a PLY mesh: read through {@link SceneResources}
 * (resolved as PLY files and Includes are), recorded for shipping to render servers, and a map that is
 * missing or unreadable is an error at the {@code mapname} parameter's place.
 */
class EnvMapResourceTest {
    private static final byte[] MAP = "PF\n2 1\n-1.0\n".getBytes(StandardCharsets.US_ASCII);

    private static byte[] map() {
        byte[] b = new byte[MAP.length + 24];
        System.arraycopy(MAP, 0, b, 0, MAP.length);
        return b;
    }

    @Test
    void mapIsReadAsASceneResourceAndRecorded() {
        byte[] bytes = map();
        MemoryResources files = new MemoryResources()
                .add("scene.lxs", "WorldBegin\nInclude \"light.lxs\"\nWorldEnd\n")
                .add("light.lxs", "LightSource \"infinitesample\" \"string mapname\" [\"maps/sky.pfm\"]\n"
                        + "LightSource \"infinite\" \"color L\" [1 1 1]\n")
                .add("maps/sky.pfm", bytes);
        RecordingResources recorded = new RecordingResources(files);
        SceneDescription d = SceneParser.parse("scene.lxs", recorded);
        assertEquals("maps/sky.pfm", d.lights().get(0).map().name());
        assertArrayEquals(bytes, d.lights().get(0).map().bytes());
        assertNull(d.lights().get(1).map());
        assertTrue(recorded.files().containsKey("maps/sky.pfm"), "shipped to servers: " + recorded.files().keySet());
        assertEquals(1, SceneCompiler.compile(d).scene().envMapCount);
    }

    @Test
    void missingMapIsAnErrorAtItsParameter() {
        MemoryResources files = new MemoryResources()
                .add("scene.lxs", "WorldBegin\n  LightSource \"infinite\" \"string mapname\" [\"nope.exr\"]\nWorldEnd\n");
        SceneException e = assertThrows(SceneException.class, files::parse);
        assertTrue(e.getMessage().contains("scene.lxs:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("nope.exr"), e.getMessage());
    }

    @Test
    void unreadableMapIsAnErrorAtItsParameter() {
        MemoryResources files = new MemoryResources()
                .add("scene.lxs", "WorldBegin\nLightSource \"infinite\"\n   \"string mapname\" [\"sky.hdr\"]\nWorldEnd\n")
                .add("sky.hdr", "not an image".getBytes(StandardCharsets.US_ASCII));
        SceneDescription d = files.parse();
        SceneException e = assertThrows(SceneException.class, () -> SceneCompiler.compile(d));
        assertTrue(e.getMessage().contains("scene.lxs:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot read environment map 'sky.hdr'"), e.getMessage());
    }
}
