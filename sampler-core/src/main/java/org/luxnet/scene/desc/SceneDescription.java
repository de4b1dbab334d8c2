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
 * @param shapes         the shapes outside object definitions, in file order
 * @param lights         LightSource statements
 * @param namedMaterials MakeNamedMaterial definitions by name
 * @param textures       Texture definitions by name
 * @param warnings       what the parser read but does not support, in file order
 * @param instances      object instances in file order; each object's shapes are in object space
 * @param volumeIntegrator LuxRender's VolumeIntegrator type ("multi" when the scene names none)
 */
public record SceneDescription(String file, Dialect dialect, CameraDesc camera, EntityDesc film, EntityDesc sampler,
                               EntityDesc integrator, EntityDesc pixelFilter, List<ShapeDesc> shapes,
                               List<LightDesc> lights, Map<String, MaterialDesc> namedMaterials,
                               Map<String, TextureDesc> textures, List<SceneWarning> warnings,
                               List<InstanceDesc> instances, String volumeIntegrator) {
    public SceneDescription {
        shapes = List.copyOf(shapes);
        instances = List.copyOf(instances);
        lights = List.copyOf(lights);
        namedMaterials = Map.copyOf(namedMaterials);
        textures = Map.copyOf(textures);
        warnings = List.copyOf(warnings);
    }

    /** A scene with LuxRender's default volume integrator, "multi". */
    public SceneDescription(String file, Dialect dialect, CameraDesc camera, EntityDesc film, EntityDesc sampler,
                            EntityDesc integrator, EntityDesc pixelFilter, List<ShapeDesc> shapes,
                            List<LightDesc> lights, Map<String, MaterialDesc> namedMaterials,
                            Map<String, TextureDesc> textures, List<SceneWarning> warnings,
                            List<InstanceDesc> instances) {
        this(file, dialect, camera, film, sampler, integrator, pixelFilter, shapes, lights, namedMaterials, textures,
                warnings, instances, "multi");
    }

    /** A scene without object instances. */
    public SceneDescription(String file, Dialect dialect, CameraDesc camera, EntityDesc film, EntityDesc sampler,
                            EntityDesc integrator, EntityDesc pixelFilter, List<ShapeDesc> shapes,
                            List<LightDesc> lights, Map<String, MaterialDesc> namedMaterials,
                            Map<String, TextureDesc> textures, List<SceneWarning> warnings) {
        this(file, dialect, camera, film, sampler, integrator, pixelFilter, shapes, lights, namedMaterials, textures,
                warnings, List.of());
    }
}
