package org.luxnet.scene.compile;

import java.util.List;
import java.util.Map;
import org.luxnet.accumulator.filter.FilterParams;
import org.luxnet.accumulator.filter.PixelFilters;
import org.luxnet.render.transport.PathTraceKernel;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.CameraData;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * LuxRender's autofocus, once at compile time: the light transport traces the camera's centre ray
 * (see the camera layer's {@code autofocus}) and the compiled camera keeps the distance it found, so
 * every device and every render server focuses alike. When the ray hits nothing the focal distance
 * stays as given, and the scene is told so, as LuxRender warns "Unable to define the Autofocus
 * focal distance".
 */
final class Autofocus {
    private Autofocus() {
    }

    /** The camera of {@code scene} with its focal distance found; {@code scene}'s camera when it has no autofocus. */
    static CameraData focus(CompiledScene scene, RenderSettings settings, FileLoc loc, List<SceneWarning> warnings) {
        CameraData c = scene.camera;
        if (!c.lens().autofocus()) {
            return c;
        }
        var spec = settings.filter();
        PathTraceKernel k = new PathTraceKernel(scene, settings,
                PixelFilters.create(spec.name(), new FilterParams(Map.copyOf(spec.params()))), 1, 1);
        if (!k.autofocusHit()) {
            warnings.add(new SceneWarning(loc, "autofocus: the ray through the middle of the image hits nothing; "
                    + "focaldistance " + c.lens().focalDistance() + " is kept, as LuxRender does"));
        }
        CameraData.Lens l = c.lens();
        CameraData.Lens found = new CameraData.Lens(l.radius(), k.focalDistance(), false, l.blades(), l.distribution(),
                l.power(), l.orthoOriginOnLens());
        return new CameraData(c.projection(), c.cameraToWorld(), c.tanHalfFov(), c.screenWindow(), found, c.frame(),
                c.hither(), c.yon(), c.realistic(), c.motion(), c.shutterOpen(), c.shutterClose(),
                c.shutterGaussian());
    }
}
