package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.desc.AnimatedTransform;
import org.luxnet.scene.desc.InstanceDesc;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.desc.Transform;

/**
 * Which transform each motion statement sets: pbrt-v3's ActiveTransform and TransformTimes (api.cpp
 * curTransform[2], activeTransformBits), LuxRender's MotionBegin/MotionEnd knots and MotionInstance;
 * moving shapes become instances of their own; malformed blocks are errors at file:line; and the
 * "not supported" warnings of what is implemented are gone.
 */
class MotionParseTest {
    private static final String PBRT = "Film \"image\"\nCamera \"perspective\"\nWorldBegin\n";
    private static final String LUX = "Film \"fleximage\"\nCamera \"perspective\"\nWorldBegin\n";

    private static InstanceDesc onlyInstance(SceneDescription s) {
        assertEquals(0, s.shapes().size(), "a moving shape is not a still world shape");
        assertEquals(1, s.instances().size());
        return s.instances().get(0);
    }

    private static void assertMatrix(Transform expected, Transform actual) {
        double[] e = expected.toRowMajor(), a = actual.toRowMajor();
        for (int i = 0; i < 16; i++) {
            assertEquals(e[i], a[i], 1e-12, "element " + i + " of " + actual);
        }
    }

    @Test
    void activeTransformChoosesWhichTransformStatementsChange() {
        InstanceDesc in = onlyInstance(MemoryResources.parse(PBRT + "Translate 1 0 0\nActiveTransform EndTime\n"
                + "Translate 5 0 0\nActiveTransform All\nScale 2 2 2\nShape \"sphere\"\n"));
        AnimatedTransform m = in.motion();
        assertNotNull(m);
        assertMatrix(Transform.translate(1, 0, 0).compose(Transform.scale(2, 2, 2)), m.start());
        assertMatrix(Transform.translate(6, 0, 0).compose(Transform.scale(2, 2, 2)), m.end());
        assertEquals(in.instanceToWorld(), m.start());
        assertEquals(0, m.startTime());
        assertEquals(1, m.endTime());
        assertEquals(AnimatedTransform.Style.PBRT, m.style());
        // The shape keeps its own space: identity inside its object.
        assertEquals(Transform.IDENTITY, in.object().shapes().get(0).objectToWorld());
    }

    @Test
    void transformTimesGiveTheTimesAndStartTimeOnlyMovesTheStart() {
        AnimatedTransform m = onlyInstance(MemoryResources.parse("Film \"image\"\nTransformTimes 2 5\nCamera \"perspective\"\n"
                + "WorldBegin\nActiveTransform StartTime\nTranslate 2 0 0\nShape \"sphere\"\n")).motion();
        assertMatrix(Transform.translate(2, 0, 0), m.start());
        assertMatrix(Transform.IDENTITY, m.end());
        assertEquals(2, m.startTime());
        assertEquals(5, m.endTime());
    }

    @Test
    void activeTransformIsScopedByAttributesAndResetByWorldBegin() {
        SceneDescription s = MemoryResources.parse("Film \"image\"\nActiveTransform EndTime\nCamera \"perspective\"\n"
                + "WorldBegin\nTranslate 1 0 0\nShape \"sphere\"\nAttributeBegin\nActiveTransform EndTime\nAttributeEnd\n"
                + "Translate 1 0 0\nShape \"sphere\"\n");
        assertEquals(2, s.shapes().size(), "WorldBegin makes both transforms active again");
        assertMatrix(Transform.translate(2, 0, 0), s.shapes().get(1).objectToWorld());
        assertNull(s.camera().motion(), "an ActiveTransform alone moves nothing");
    }

    @Test
    void objectInstanceUnderAMovingTransformMoves() {
        SceneDescription s = MemoryResources.parse(PBRT + "ObjectBegin \"o\"\nShape \"sphere\"\nObjectEnd\n"
                + "ActiveTransform EndTime\nTranslate 0 3 0\nActiveTransform All\nObjectInstance \"o\"\n"
                + "ObjectInstance \"o\"\n");
        assertEquals(2, s.instances().size());
        for (InstanceDesc in : s.instances()) {
            assertMatrix(Transform.IDENTITY, in.motion().start());
            assertMatrix(Transform.translate(0, 3, 0), in.motion().end());
        }
    }

    @Test
    void pbrtCameraMovesByTheInvertedTransforms() {
        SceneDescription s = MemoryResources.parse("Film \"image\"\nActiveTransform EndTime\nTranslate 1 0 0\n"
                + "ActiveTransform All\nCamera \"perspective\"\nWorldBegin\n");
        AnimatedTransform m = s.camera().motion();
        assertNotNull(m);
        assertEquals(AnimatedTransform.Style.PBRT, m.style());
        assertMatrix(Transform.IDENTITY, m.start());
        assertMatrix(Transform.translate(-1, 0, 0), m.end());
        assertMatrix(Transform.IDENTITY, s.camera().worldToCamera());
    }

    @Test
    void luxRenderMotionBlockComposesItsKnotsOntoTheTransform() {
        AnimatedTransform m = onlyInstance(MemoryResources.parse(LUX + "Translate 2 0 0\nMotionBegin [0.25 0.75]\n"
                + "Translate 1 0 0\nTranslate 5 0 0\nMotionEnd\nScale 2 2 2\nShape \"sphere\"\n")).motion();
        assertEquals(AnimatedTransform.Style.LUXRENDER, m.style());
        assertMatrix(Transform.translate(3, 0, 0).compose(Transform.scale(2, 2, 2)), m.start());
        assertMatrix(Transform.translate(7, 0, 0).compose(Transform.scale(2, 2, 2)), m.end());
        assertEquals(0.25, m.startTime());
        assertEquals(0.75, m.endTime());
    }

    @Test
    void luxRenderMotionBlocksOfMoreKnotsGoThroughEach() {
        AnimatedTransform m = onlyInstance(MemoryResources.parse(LUX + "Translate 0 1 0\nMotionBegin [0 0.5 2]\n"
                + "Translate 0 0 0\nTranslate 4 0 0\nTranslate 0 0 0\nMotionEnd\nScale 2 2 2\nShape \"sphere\"\n")).motion();
        assertTrue(m.isAnimated(), "the first and last knots agree, the middle one differs");
        assertEquals(2, m.recordCount());
        assertEquals(0, m.startTime());
        assertEquals(2, m.endTime());
        Transform s2 = Transform.scale(2, 2, 2);
        assertMatrix(Transform.translate(0, 1, 0).compose(s2), m.interpolate(-1));
        assertMatrix(Transform.translate(2, 1, 0).compose(s2), m.interpolate(0.25));
        assertMatrix(Transform.translate(4, 1, 0).compose(s2), m.interpolate(0.5));
        assertMatrix(Transform.translate(3, 1, 0).compose(s2), m.interpolate(0.875));
        assertMatrix(Transform.translate(0, 1, 0).compose(s2), m.interpolate(2));
    }

    @Test
    void luxRenderCameraInAMotionBlockInterpolatesWorldToCamera() {
        SceneDescription s = MemoryResources.parse("Film \"fleximage\"\nMotionBegin [0 1]\nTranslate 0 0 0\n"
                + "Translate 0 0 4\nMotionEnd\nCamera \"perspective\"\nWorldBegin\n");
        AnimatedTransform m = s.camera().motion();
        assertEquals(AnimatedTransform.Style.LUXRENDER, m.style());
        assertMatrix(Transform.IDENTITY, m.start());
        assertMatrix(Transform.translate(0, 0, 4), m.end());
    }

    @Test
    void motionInstanceMovesToTheNamedCoordinateSystem() {
        InstanceDesc in = onlyInstance(MemoryResources.parse(LUX + "ObjectBegin \"o\"\nShape \"sphere\"\nObjectEnd\n"
                + "TransformBegin\nTranslate 0 0 9\nCoordinateSystem \"there\"\nTransformEnd\nTranslate 1 0 0\n"
                + "MotionInstance \"o\" 0 1 \"there\"\n"));
        assertMatrix(Transform.translate(1, 0, 0), in.motion().start());
        assertMatrix(Transform.translate(0, 0, 9), in.motion().end());
    }

    private static SceneException fails(String text, int line, String expected) {
        SceneException e = assertThrows(SceneException.class, () -> MemoryResources.parse(text));
        assertEquals(new FileLoc("scene.lxs", line, 1), e.loc(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        return e;
    }

    @Test
    void malformedMotionIsAnErrorAtItsLine() {
        fails(LUX + "MotionBegin [0 1]\nTranslate 1 0 0\nMotionEnd\n", 6, "has 2 times but 1 transforms");
        fails(LUX + "MotionBegin [1 0]\nTranslate 1 0 0\nTranslate 2 0 0\nMotionEnd\n", 4, "must increase strictly");
        fails(LUX + "MotionBegin []\nMotionEnd\n", 4, "needs the times");
        fails(LUX + "MotionBegin [0 1]\nMotionBegin [0 1]\n", 5, "MotionBegin inside the motion block begun at scene.lxs:4");
        fails(PBRT + "TransformTimes 0 1\n", 4, "not allowed after WorldBegin");
        fails("TransformTimes 1 0\n", 1, "end time 0.0 is before the start time 1.0");
        fails(LUX + "ObjectBegin \"o\"\nShape \"sphere\"\nObjectEnd\nMotionInstance \"o\" 0 1 \"nowhere\"\n", 7,
                "unknown coordinate system \"nowhere\"");
    }

    @Test
    void implementedMotionNoLongerWarnsAndAnUnknownShutterDistributionDoesOnceWithItsPlace() {
        String text = "Film \"fleximage\" \"integer xresolution\" [4] \"integer yresolution\" [4]\n"
                + "MotionBegin [0 1]\nTranslate 0 0 0\nTranslate 0 0 1\nMotionEnd\n"
                + "Camera \"perspective\" \"string shutterdistribution\" \"triangle\"\nWorldBegin\n"
                + "ObjectBegin \"o\"\nShape \"sphere\"\nObjectEnd\nCoordinateSystem \"here\"\n"
                + "AttributeBegin\nMotionBegin [0 1]\nTranslate 0 0 0\nTranslate 1 0 0\nMotionEnd\nShape \"sphere\"\nAttributeEnd\n"
                + "MotionInstance \"o\" 0 1 \"here\"\nWorldEnd\n";
        SceneDescription s = new MemoryResources().add("scene.lxs", text).parse();
        List<SceneWarning> w = new java.util.ArrayList<>(s.warnings());
        w.addAll(SceneCompiler.compile(s).warnings());
        for (SceneWarning x : w) {
            assertTrue(!x.message().contains("Motion") && !x.message().contains("motion blur"), x.toString());
        }
        List<SceneWarning> shutter = w.stream().filter(x -> x.message().contains("shutterdistribution")).toList();
        assertEquals(1, shutter.size(), w.toString());
        assertEquals("scene.lxs", shutter.get(0).loc().file());
        assertEquals(6, shutter.get(0).loc().line());
        assertTrue(shutter.get(0).message().contains("\"triangle\" is not supported"), shutter.get(0).message());
        // "gaussian" is LuxRender's other distribution, implemented: no warning.
        SceneDescription g = new MemoryResources().add("scene.lxs", text.replace("triangle", "gaussian")).parse();
        assertTrue(SceneCompiler.compile(g).warnings().stream().noneMatch(x -> x.message().contains("shutter")));
        // pbrt-v3 statements too.
        SceneDescription p = MemoryResources.parse("Film \"image\"\nTransformTimes 0 1\nCamera \"perspective\"\nWorldBegin\n"
                + "ActiveTransform EndTime\nTranslate 1 0 0\nActiveTransform All\nShape \"sphere\"\n");
        assertTrue(p.warnings().isEmpty(), p.warnings().toString());
    }
}
