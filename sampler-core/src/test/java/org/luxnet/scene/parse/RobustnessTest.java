package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.SceneException;

/**
 * Bad input never crashes: randomly damaged scenes and PLY files either parse or fail with a
 * SceneException that has a location, never with another exception. Seeds are fixed so a failure
 * reproduces.
 */
class RobustnessTest {
    private static final String SCENE = """
            LookAt 0 1 5  0 0 0  0 1 0
            Camera "perspective" "float fov" [45]
            Film "fleximage" "integer xresolution" [64] "bool write_png" "true"
            WorldBegin
            MakeNamedMaterial "m" "string type" ["matte"] "color Kd" [0.5 0.5 0.5]
            AttributeBegin
              NamedMaterial "m"
              Translate 0 1 0
              AreaLightSource "area" "color L" [1 1 1]
              Shape "trianglemesh" "integer indices" [0 1 2] "point P" [0 0 0 1 0 0 0 1 0]
            AttributeEnd
            ObjectBegin "o"
              Shape "plymesh" "string filename" "m.ply"
            ObjectEnd
            ObjectInstance "o"
            LightGroup "x"
            Include "inc.lxs"
            WorldEnd
            """;
    private static final String INCLUDE = "Rotate 30 0 1 0\nShape \"sphere\" \"float radius\" .5\n";
    private static final char[] NOISE = "[]\"#\n -.e0123456789aZ\\tx".toCharArray();

    @Test
    void damagedScenesOnlyThrowSceneException() {
        Random rnd = new Random(12345);
        byte[] ply = PlyReaderTest.quad("binary_little_endian");
        for (int i = 0; i < 1500; i++) {
            StringBuilder s = new StringBuilder(SCENE);
            int edits = 1 + rnd.nextInt(3);
            for (int k = 0; k < edits; k++) {
                int at = rnd.nextInt(s.length() + 1);
                switch (rnd.nextInt(3)) {
                    case 0: s.delete(at, Math.min(at + 1, s.length())); break;
                    case 1: s.insert(at, NOISE[rnd.nextInt(NOISE.length)]); break;
                    default: s.setLength(at); break;
                }
            }
            MemoryResources files = new MemoryResources().add("scene.lxs", s.toString()).add("inc.lxs", INCLUDE)
                    .add("m.ply", ply);
            parseOrSceneException(files, s.toString());
        }
    }

    @Test
    void damagedPlyFilesOnlyThrowSceneException() {
        Random rnd = new Random(678);
        String scene = "WorldBegin\nShape \"plymesh\" \"string filename\" \"m.ply\"\n";
        for (String format : new String[] {"ascii", "binary_little_endian", "binary_big_endian"}) {
            byte[] good = PlyReaderTest.quad(format);
            for (int i = 0; i < 800; i++) {
                byte[] bad = good.clone();
                int edits = 1 + rnd.nextInt(4);
                for (int k = 0; k < edits; k++) {
                    bad[rnd.nextInt(bad.length)] = (byte) (format.equals("ascii") && rnd.nextBoolean()
                            ? "0123456789 -.\n".charAt(rnd.nextInt(14)) : rnd.nextInt(256));
                }
                MemoryResources files = new MemoryResources().add("scene.lxs", scene).add("m.ply", bad);
                parseOrSceneException(files, format + " " + new String(bad, StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static void parseOrSceneException(MemoryResources files, String what) {
        try {
            files.parse();
        } catch (SceneException e) {
            assertTrue(e.loc().line() > 0 && e.loc().column() > 0, e.getMessage());
        } catch (RuntimeException | Error e) {
            fail("input made the parser throw " + e + " instead of a SceneException:\n" + what, e);
        }
    }
}
