package org.luxnet.scene.desc;

import java.util.List;
import java.util.Map;
import org.luxnet.scene.SceneWarning;

/**
 * A parsed scene: plain data with a place in the source on every element, produced by the parser and
 * consumed by the scene compiler. Render options that the scene did not write are {@link
 * EntityDesc#absent} entries (their loc is {@link org.luxnet.scene.FileLoc#NONE}).
 *
 * @param file           the main scene file as given
 * @param dialect        LuxRender or pbrt, decided by the statements used
 * @param camera         the camera, or null when the scene has none (the compiler reports that)
 * @param film           Film statement
 * @param sampler        Sampler statement
 * @param integrator     SurfaceIntegrator (LuxRender) or Integrator (pbrt) statement
 * @param pixelFilter    PixelFilter statement
 * @param shapes         all shapes in world order, instances expanded
 * @param lights         LightSource statements
 * @param namedMaterials MakeNamedMaterial definitions by name
 * @param textures       Texture definitions by name
 * @param warnings       what the parser read but does not support, in file order
 */
public record SceneDescription(String file, Dialect dialect, CameraDesc camera, EntityDesc film, EntityDesc sampler,
                               EntityDesc integrator, EntityDesc pixelFilter, List<ShapeDesc> shapes,
                               List<LightDesc> lights, Map<String, MaterialDesc> namedMaterials,
                               Map<String, TextureDesc> textures, List<SceneWarning> warnings) {
    public SceneDescription {
        shapes = List.copyOf(shapes);
        lights = List.copyOf(lights);
        namedMaterials = Map.copyOf(namedMaterials);
        textures = Map.copyOf(textures);
        warnings = List.copyOf(warnings);
    }
}
