package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.SceneDescription;

/** Known-but-unsupported statements warn with file:line and parsing continues past their arguments. */
class WarningsTest {

    private static List<String> warnings(String text) {
        return MemoryResources.parse(text).warnings().stream().map(SceneWarning::toString).toList();
    }

    @Test
    void knownUnsupportedStatementWarnsAndIsSkipped() {
        SceneDescription s = MemoryResources.parse("Renderer \"hybrid\" \"bool opencl\" true\nWorldBegin\n"
                + "  LightGroup \"sun\"\n"
                + "MakeNamedVolume \"glass\" \"clear\" \"float fresnel\" [1.5] \"color absorption\" [0.1 0.1 0.1]\n"
                + "Exterior \"glass\"\nShape \"sphere\"\nPortalInstance \"window\"\nWorldEnd\n");
        assertEquals(1, s.shapes().size(), "parsing continued past the ignored statements' arguments");
        SceneWarning lightGroup = s.warnings().get(1);
        assertEquals(new FileLoc("scene.lxs", 3, 3), lightGroup.loc());
        assertEquals("scene.lxs:3: warning: LightGroup is not supported and was ignored (all lights are rendered into one image)",
                lightGroup.toString());
        assertEquals(4, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(0).message().startsWith("Renderer is not supported"));
        // The named volume is read (glass2's index and absorption); the matte sphere does not change the medium.
        assertEquals(6, s.warnings().get(2).loc().line());
        assertTrue(s.warnings().get(2).message().startsWith("shapes of material \"matte\" with an absorbing"),
                s.warnings().get(2).message());
        assertTrue(s.warnings().get(3).message().startsWith("PortalInstance is not supported"));
    }

    @Test
    void eachKindWarnsOnceAtItsFirstUseWithTheCount() {
        assertEquals(List.of("scene.lxs:2: warning: Volume is not supported and was ignored (region volumes are not rendered; volumes bounded by shapes"
                + " (MakeNamedVolume, Interior, Exterior) are)"
                + " (3 times; the first is here)"),
                warnings("WorldBegin\nVolume \"a\"\nVolume \"b\"\nAttributeBegin\nVolume \"c\"\nAttributeEnd\n"));
    }

    @Test
    void pbrtMediaAndV4Statements() {
        List<String> w = warnings("Option \"bool disablepixeljitter\" true\nColorSpace \"aces2065-1\"\n"
                + "Accelerator \"kdtree\" \"integer maxprims\" 4\nWorldBegin\n"
                + "MakeNamedMedium \"fog\" \"string type\" \"homogeneous\" \"rgb sigma_a\" [.1 .1 .1]\n"
                + "MediumInterface \"fog\" \"\"\nAttribute \"shape\" \"float radius\" 0.5\nShape \"sphere\"\n");
        // The medium is read (MediumKernel renders it); an opaque sphere between two media reflects into the one
        // the path is in, as in pbrt-v3: nothing to say about either.
        assertEquals(4, w.size(), w.toString());
        assertTrue(w.stream().noneMatch(s -> s.contains("Medium")), w.toString());
        List<String> t = warnings("WorldBegin\nMakeNamedMedium \"fog\" \"string type\" \"homogeneous\"\n"
                + "MediumInterface \"fog\" \"\"\nMaterial \"translucent\"\nShape \"sphere\"\n");
        assertEquals(1, t.size(), t.toString());
        assertTrue(t.get(0).startsWith("scene.lxs:5: warning: shapes of material \"translucent\" between two media"),
                t.get(0));
    }

    @Test
    void unsupportedStatementArgumentsAreStillBracketChecked() {
        SceneException e = assertThrows(SceneException.class,
                () -> MemoryResources.parse("WorldBegin\nLightGroup \"sun\" \"float gain\" [2\nShape \"sphere\"\n"));
        assertEquals(new FileLoc("scene.lxs", 3, 1), e.loc());
        assertTrue(e.getMessage().contains("missing ']'"), e.getMessage());
    }

    @Test
    void unclosedBlocksWarnAtWorldEndAndAtEndOfFile() {
        assertEquals(List.of("scene.lxs:3: warning: AttributeBegin has no matching AttributeEnd before WorldEnd at scene.lxs:4:1"
                + " (2 times; the first is here)"),
                warnings("WorldBegin\nAttributeBegin\nAttributeBegin\nWorldEnd\n"));
        assertEquals(List.of("scene.lxs:2: warning: ObjectBegin has no matching ObjectEnd before the end of scene.lxs"),
                warnings("WorldBegin\nObjectBegin \"x\"\n"));
    }

    @Test
    void redefinitionsWarn() {
        List<String> w = warnings("WorldBegin\nMakeNamedMaterial \"a\"\nMakeNamedMaterial \"a\" \"string type\" \"glass\"\n"
                + "Texture \"t\" \"float\" \"constant\"\nTexture \"t\" \"float\" \"constant\"\n");
        assertEquals(2, w.size());
        assertTrue(w.get(0).startsWith("scene.lxs:3: warning: MakeNamedMaterial \"a\" redefines"), w.get(0));
        assertTrue(w.get(1).startsWith("scene.lxs:5: warning: Texture \"t\" redefines"), w.get(1));
    }
}
