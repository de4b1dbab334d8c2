package org.luxnet.scene.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.Transform;

/** Transform statements and graphics-state blocks against hand-computed matrices. */
class TransformStatementsTest {

    /** The object-to-world matrices (row-major) of the scene's shapes. */
    private static List<double[]> matrices(String world) {
        SceneDescription s = MemoryResources.parse("WorldBegin\n" + world + "\nWorldEnd\n");
        return s.shapes().stream().map(sh -> sh.objectToWorld().toRowMajor()).toList();
    }

    private static double[] only(String world) {
        List<double[]> m = matrices(world);
        assertEquals(1, m.size());
        return m.get(0);
    }

    private static double[] apply(Transform t, double x, double y, double z) {
        double[] out = new double[3];
        t.applyPoint(x, y, z, out, 0);
        return out;
    }

    @Test
    void translateThenScaleAppliesTheScaleFirst() {
        // CTM = T * S: scale the object, then move it.
        assertArrayEquals(new double[] {2, 0, 0, 1, 0, 2, 0, 2, 0, 0, 2, 3, 0, 0, 0, 1},
                only("Translate 1 2 3\nScale 2 2 2\nShape \"sphere\""), 0);
        assertArrayEquals(new double[] {2, 0, 0, 2, 0, 2, 0, 4, 0, 0, 2, 6, 0, 0, 0, 1},
                only("Scale 2 2 2\nTranslate 1 2 3\nShape \"sphere\""), 0);
    }

    @Test
    void rotateAboutZThenTranslate() {
        // T(1,0,0) * Rz(90): (x, y, z) -> (1 - y, x, z)
        assertArrayEquals(new double[] {0, -1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1},
                only("Translate 1 0 0\nRotate 90 0 0 1\nShape \"sphere\""), 1e-15);
        // Rotate 90 about the (unnormalized) x axis: y -> z, z -> -y
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1},
                only("Rotate 90 5 0 0\nShape \"sphere\""), 1e-15);
    }

    @Test
    void concatTransformIsColumnMajorAndMultipliesOnTheRight() {
        // File order: three columns of scale 2, 3, 4, then the translation column (1, 2, 3).
        assertArrayEquals(new double[] {2, 0, 0, 2, 0, 3, 0, 3, 0, 0, 4, 4, 0, 0, 0, 1},
                only("Translate 1 1 1\nConcatTransform [2 0 0 0  0 3 0 0  0 0 4 0  1 2 3 1]\nShape \"sphere\""), 0);
    }

    @Test
    void transformAndIdentityReplaceTheCtm() {
        assertArrayEquals(Transform.translate(1, 2, 3).toRowMajor(),
                only("Translate 5 5 5\nTransform [1 0 0 0 0 1 0 0 0 0 1 0 1 2 3 1]\nShape \"sphere\""), 0);
        assertArrayEquals(Transform.IDENTITY.toRowMajor(), only("Translate 5 5 5\nIdentity\nShape \"sphere\""), 0);
        // LuxRender writes bare numbers after Transform too.
        assertArrayEquals(Transform.translate(1, 2, 3).toRowMajor(),
                only("Transform 1 0 0 0 0 1 0 0 0 0 1 0 1 2 3 1\nShape \"sphere\""), 0);
    }

    @Test
    void pbrtLookAtIsLeftHanded() {
        SceneDescription s = MemoryResources.parse("LookAt 0 0 5  0 0 0  0 1 0\nCamera \"perspective\"\n"
                + "Integrator \"path\"\nWorldBegin\nWorldEnd\n");
        assertEquals(Dialect.PBRT, s.dialect());
        // pbrt-v3: right = cross(up, dir); camera at z=5 looking down -z: camera x = -world x, z = 5 - world z.
        assertArrayEquals(new double[] {-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 5, 0, 0, 0, 1},
                s.camera().worldToCamera().toRowMajor(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0}, apply(s.camera().worldToCamera(), 0, 0, 5), 1e-12);
    }

    @Test
    void luxRenderLookAtIsRightHanded() {
        // LuxRender core/geometry/transform.cpp: right = cross(dir, up), so camera x = +world x here.
        SceneDescription s = MemoryResources.parse("LookAt 0 0 5  0 0 0  0 1 0\nCamera \"perspective\"\n"
                + "SurfaceIntegrator \"path\"\nWorldBegin\nWorldEnd\n");
        assertEquals(Dialect.LUXRENDER, s.dialect());
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 5, 0, 0, 0, 1},
                s.camera().worldToCamera().toRowMajor(), 1e-12);
        // A scene with no pbrt-only spelling is LuxRender's.
        assertEquals(Dialect.LUXRENDER, MemoryResources.parse("LookAt 0 0 5  0 0 0  0 1 0\nCamera \"perspective\"\n")
                .dialect());
    }

    @Test
    void theDialectDecidedAfterTheCameraStillPicksItsLookAt() {
        // The pbrt-only "rgb" comes long after LookAt and Camera: the camera follows the final verdict.
        SceneDescription s = MemoryResources.parse("LookAt 0 0 5  0 0 0  0 1 0\nCamera \"perspective\"\nWorldBegin\n"
                + "Material \"matte\" \"rgb Kd\" [0.5 0.5 0.5]\nShape \"sphere\"\nWorldEnd\n");
        assertEquals(Dialect.PBRT, s.dialect());
        assertEquals(-1, s.camera().worldToCamera().get(0, 0), 1e-12);
    }

    @Test
    void aWorldLookAtReadBeforeTheDialectWasKnownIsReadAgain() {
        // The light is placed by a LookAt before the file shows it is pbrt's ("rgb"): the parser's first
        // guess (LuxRender) is wrong, so it reads the file again knowing the dialect.
        SceneDescription s = MemoryResources.parse("Camera \"perspective\"\nWorldBegin\nAttributeBegin\n"
                + "LookAt 0 0 0  0 0 1  0 1 0\nTranslate 1 0 0\nLightSource \"point\"\nAttributeEnd\n"
                + "Material \"matte\" \"rgb Kd\" [0.5 0.5 0.5]\nWorldEnd\n");
        assertEquals(Dialect.PBRT, s.dialect());
        Transform pbrt = Transform.lookAt(0, 0, 0, 0, 0, 1, 0, 1, 0).compose(Transform.translate(1, 0, 0));
        assertArrayEquals(pbrt.toRowMajor(), s.lights().get(0).lightToWorld().toRowMajor(), 1e-12);
        assertEquals(1, s.lights().size());
    }

    @Test
    void scaleBeforeLookAtMirrorsEitherDialectIntoTheOther() {
        // What exported pbrt scenes and the old examples wrote: Scale -1 1 1 then LookAt, CTM = S * LookAt.
        SceneDescription pbrt = MemoryResources.parse("Scale -1 1 1\nLookAt 0 0 5  0 0 0  0 1 0\nCamera \"perspective\"\n"
                + "Integrator \"path\"\n");
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 5, 0, 0, 0, 1},
                pbrt.camera().worldToCamera().toRowMajor(), 1e-12);
        SceneDescription lux = MemoryResources.parse("Scale -1 1 1\nLookAt 0 0 5  0 0 0  0 1 0\nCamera \"perspective\"\n");
        assertArrayEquals(new double[] {-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -1, 5, 0, 0, 0, 1},
                lux.camera().worldToCamera().toRowMajor(), 1e-12);
    }

    @Test
    void worldBeginResetsTheCtm() {
        assertArrayEquals(Transform.IDENTITY.toRowMajor(),
                MemoryResources.parse("Translate 4 4 4\nCamera \"perspective\"\nWorldBegin\nShape \"sphere\"\n")
                        .shapes().get(0).objectToWorld().toRowMajor(), 0);
    }

    @Test
    void namedCoordinateSystems() {
        assertArrayEquals(Transform.translate(1, 0, 0).toRowMajor(), only("Translate 1 0 0\nCoordinateSystem \"mine\"\n"
                + "Translate 0 7 0\nCoordSysTransform \"mine\"\nShape \"sphere\""), 0);
        assertArrayEquals(Transform.IDENTITY.toRowMajor(), only("Translate 1 0 0\nCoordSysTransform \"world\"\nShape \"sphere\""), 0);
    }

    @Test
    void cameraCoordinateSystemIsCameraToWorld() {
        SceneDescription s = MemoryResources.parse("LookAt 0 0 5  0 0 0  0 1 0\nCamera \"perspective\"\nWorldBegin\n"
                + "AttributeBegin\nCoordSysTransform \"camera\"\nLightSource \"point\"\nTranslate 0 0 1\n"
                + "LightSource \"point\"\nAttributeEnd\nWorldEnd\n");
        assertArrayEquals(new double[] {0, 0, 5}, apply(s.lights().get(0).lightToWorld(), 0, 0, 0), 1e-12);
        // One unit along the camera's viewing direction (world -z).
        assertArrayEquals(new double[] {0, 0, 4}, apply(s.lights().get(1).lightToWorld(), 0, 0, 0), 1e-12);
    }

    @Test
    void cameraCoordinateSystemFollowsTheDialectsHandedness() {
        String scene = "LookAt 0 0 5  0 0 0  0 1 0\nCamera \"perspective\"\n%sWorldBegin\nCoordSysTransform \"camera\"\n"
                + "Translate 1 0 0\nLightSource \"point\"\nWorldEnd\n";
        // One unit to the image's right: world -x in pbrt-v3, world +x in LuxRender.
        assertArrayEquals(new double[] {-1, 0, 5}, apply(MemoryResources.parse(String.format(scene, "Integrator \"path\"\n"))
                .lights().get(0).lightToWorld(), 0, 0, 0), 1e-12);
        assertArrayEquals(new double[] {1, 0, 5}, apply(MemoryResources.parse(String.format(scene, ""))
                .lights().get(0).lightToWorld(), 0, 0, 0), 1e-12);
    }

    @Test
    void attributeBlocksRestoreTransformMaterialAreaLightAndOrientation() {
        SceneDescription s = MemoryResources.parse("WorldBegin\nMaterial \"plastic\"\nAttributeBegin\n"
                + "Translate 1 0 0\nMaterial \"glass\"\nAreaLightSource \"diffuse\" \"rgb L\" [1 1 1]\nReverseOrientation\n"
                + "Shape \"sphere\"\nAttributeEnd\nShape \"disk\"\nWorldEnd\n");
        ShapeDesc inside = s.shapes().get(0);
        ShapeDesc after = s.shapes().get(1);
        assertEquals("glass", inside.material().type());
        assertTrue(inside.reverseOrientation());
        assertEquals("diffuse", inside.areaLight().type());
        assertEquals(Transform.translate(1, 0, 0), inside.objectToWorld());
        assertEquals("plastic", after.material().type());
        assertFalse(after.reverseOrientation());
        assertNull(after.areaLight());
        assertEquals(Transform.IDENTITY, after.objectToWorld());
    }

    @Test
    void reverseOrientationToggles() {
        SceneDescription s = MemoryResources.parse("WorldBegin\nReverseOrientation\nReverseOrientation\nShape \"sphere\"\n");
        assertFalse(s.shapes().get(0).reverseOrientation());
    }

    @Test
    void transformBlocksRestoreOnlyTheTransform() {
        SceneDescription s = MemoryResources.parse("TransformBegin\nTranslate 9 9 9\nTransformEnd\nCamera \"perspective\"\n"
                + "WorldBegin\nTransformBegin\nTranslate 1 0 0\nMaterial \"glass\"\nTransformEnd\nShape \"sphere\"\n");
        assertEquals(Transform.IDENTITY, s.camera().worldToCamera(), "allowed before WorldBegin, as LuxRender does");
        assertEquals(Transform.IDENTITY, s.shapes().get(0).objectToWorld());
        assertEquals("glass", s.shapes().get(0).material().type());
    }

    @Test
    void defaultMaterialIsMatte() {
        ShapeDesc s = MemoryResources.parse("WorldBegin\nShape \"sphere\"\n").shapes().get(0);
        assertEquals("matte", s.material().type());
    }

    @Test
    void transformsAfterActiveTransformEndTimeLeaveTheStartAlone() {
        // The end transform differs, so the shape moves: it is no longer a still world shape (MotionParseTest).
        assertEquals(0, matrices("Translate 1 0 0\nActiveTransform EndTime\nTranslate 5 0 0\nActiveTransform All\n"
                + "Shape \"sphere\"").size());
        assertArrayEquals(Transform.translate(3, 0, 0).toRowMajor(), only("Translate 1 0 0\nActiveTransform EndTime\n"
                + "Translate 5 0 0\nActiveTransform All\nTranslate -5 0 0\nActiveTransform EndTime\nTranslate 2 0 0\n"
                + "ActiveTransform StartTime\nTranslate 7 0 0\nShape \"sphere\""), 0);
    }
}
