package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.luxnet.render.FourierFiles;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.compiled.MaterialLayout;
import org.luxnet.scene.desc.SceneDescription;

/**
 * A pbrt-v3 "fourier" material's "bsdffile" is a scene resource: read with the Material or
 * MakeNamedMaterial statement through {@link SceneResources}, resolved against the main scene file's
 * directory as pbrt-v3 resolves it (also from an Include in another directory), and recorded, so that it is
 * shipped to render servers with the scene as image textures, meshes and light maps are.
 */
class FourierFileResourceTest {
    @Test
    void bsdfFilesAreReadWithTheStatementAndRecorded() {
        byte[] paint = FourierFiles.write(FourierFiles.random(1, 5, 3, 3, 1.5f));
        byte[] paper = FourierFiles.write(FourierFiles.lambertian(0.6));
        MemoryResources files = new MemoryResources()
                .add("job/scene.pbrt", """
                        Camera "perspective"
                        WorldBegin
                        LightSource "point"
                        Include "geometry/objects.pbrt"
                        WorldEnd
                        """)
                .add("job/geometry/objects.pbrt", """
                        MakeNamedMaterial "paper" "string type" "fourier" "string bsdffile" "bsdfs/paper.bsdf"
                        Material "fourier" "string bsdffile" "bsdfs/paint.bsdf"
                        Shape "sphere"
                        NamedMaterial "paper"
                        Shape "sphere"
                        """)
                .add("job/bsdfs/paint.bsdf", paint)
                .add("job/bsdfs/paper.bsdf", paper);
        RecordingResources recorded = new RecordingResources(files);
        SceneDescription d = SceneParser.parse("job/scene.pbrt", recorded);
        assertEquals("job/bsdfs/paint.bsdf", d.shapes().get(0).material().file().name());
        assertArrayEquals(paint, d.shapes().get(0).material().file().bytes());
        assertEquals("job/bsdfs/paper.bsdf", d.shapes().get(1).material().file().name());
        assertTrue(recorded.files().containsKey("job/bsdfs/paint.bsdf"), "shipped: " + recorded.files().keySet());
        assertTrue(recorded.files().containsKey("job/bsdfs/paper.bsdf"), "shipped: " + recorded.files().keySet());
        assertArrayEquals(paper, recorded.files().get("job/bsdfs/paper.bsdf"));
        var r = SceneCompiler.compile(d);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertEquals(MaterialLayout.FOURIER, r.scene().matType[0]);
        assertEquals(MaterialLayout.FOURIER, r.scene().matType[1]);
    }
}
