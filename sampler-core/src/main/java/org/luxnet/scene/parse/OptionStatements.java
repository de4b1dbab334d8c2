package org.luxnet.scene.parse;

import java.util.Map;
import java.util.function.BiConsumer;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.CameraDesc;
import org.luxnet.scene.desc.EntityDesc;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.SceneFile;

/**
 * Render options, allowed only before WorldBegin: Camera, Film, Sampler, the integrator (pbrt's
 * {@code Integrator}, LuxRender's {@code SurfaceIntegrator}) and PixelFilter. A later statement of
 * the same kind replaces an earlier one, as in both renderers.
 */
final class OptionStatements {
    private OptionStatements() {
    }

    static void register(Map<String, StatementHandler> table) {
        table.put("Camera", (st, kw) -> {
            st.requireOptions(kw);
            String type = StatementArgs.string(st.tokens(), kw, "the camera type");
            ParamSet params = ParamReader.read(st);
            DualTransform worldToCamera = st.gs.ctm;
            DualTransform cameraToWorld;
            try {
                cameraToWorld = worldToCamera.inverse();
            } catch (IllegalArgumentException e) {
                throw new SceneException(kw.loc(), "the transform in effect at Camera (world to camera) cannot be "
                        + "inverted: " + worldToCamera.pbrt());
            }
            // Its transform is picked by the dialect once the whole scene is read (ParseState.toDescription).
            // LuxRender: the Exterior in effect at the Camera statement is the volume the camera is in.
            // pbrt-v3's realistic camera: its lens file is read with the statement, so that it ships with the scene.
            SceneFile lens = null;
            if (type.equals("realistic") && params.has("lensfile")) {
                Param p = params.get("lensfile");
                if (p.type() == ParamType.STRING && p.strings().length == 1 && !p.strings()[0].isEmpty()) {
                    SceneResources.Resource r = st.open(p.strings()[0], "lens file", p.loc());
                    lens = new SceneFile(r.name(), r.bytes());
                }
            }
            st.camera = new CameraDesc(type, params, worldToCamera.pbrt(), kw.loc(), st.gs.exterior, lens);
            st.cameraTransform = worldToCamera;
            // pbrt and LuxRender: CoordSysTransform "camera" moves things to where the camera is.
            st.coordinateSystems.put("camera", cameraToWorld);
            st.cameraTransformEnd = null;
            st.cameraMiddle = null;
            st.coordinateSystemsEnd.remove("camera");
            if (st.ctmAnimated()) {
                DualTransform end = st.gs.ctmEnd;
                if (!end.isInvertible()) {
                    throw new SceneException(kw.loc(), "the end-time transform in effect at Camera (world to camera) "
                            + "cannot be inverted: " + end.pbrt());
                }
                st.cameraTransformEnd = end;
                st.cameraTimes = st.gs.luxTimes != null ? st.gs.luxTimes.clone()
                        : new double[] {st.transformStartTime, st.transformEndTime};
                st.cameraMiddle = st.gs.luxMiddle;
                DualTransform[] inverted = null;
                if (st.gs.luxMiddle != null) {
                    inverted = new DualTransform[st.gs.luxMiddle.length];
                    for (int i = 0; i < inverted.length; i++) {
                        if (!st.gs.luxMiddle[i].isInvertible()) {
                            throw new SceneException(kw.loc(), "a knot of the transform in effect at Camera cannot be inverted");
                        }
                        inverted[i] = st.gs.luxMiddle[i].inverse();
                    }
                }
                st.coordinateSystemsEnd.put("camera", new ParseState.MotionEnd(end.inverse(), st.gs.luxTimes, inverted));
            }
        });
        table.put("Film", option((st, e) -> {
            if (e.type().equals("image") || e.type().equals("rgb") || e.type().equals("gbuffer")
                    || e.type().equals("spectral")) {
                st.dialect.pbrt();
            } else if (e.type().equals("fleximage")) {
                st.dialect.luxRender();
            }
            st.film = e;
        }, "the film type"));
        table.put("Sampler", option((st, e) -> st.sampler = e, "the sampler type"));
        table.put("Integrator", option((st, e) -> {
            st.dialect.pbrt();
            st.integrator = e;
        }, "the integrator type"));
        table.put("SurfaceIntegrator", option((st, e) -> {
            st.dialect.luxRender();
            st.integrator = e;
        }, "the integrator type"));
        table.put("PixelFilter", option((st, e) -> st.pixelFilter = e, "the filter type"));
    }

    /** {@code Name "type" params} before WorldBegin, handed to {@code store} as an EntityDesc. */
    private static StatementHandler option(BiConsumer<ParseState, EntityDesc> store, String what) {
        return (st, kw) -> {
            st.requireOptions(kw);
            String type = StatementArgs.string(st.tokens(), kw, what);
            store.accept(st, new EntityDesc(type, ParamReader.read(st), kw.loc()));
        };
    }
}
