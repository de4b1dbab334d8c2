package org.luxnet.scene.compile;

import static org.luxnet.scene.compiled.LightLayout.L;
import static org.luxnet.scene.compiled.LightLayout.MAP;

import java.io.IOException;
import java.util.List;
import org.luxnet.accumulator.image.ImageFiles;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.desc.LightDesc;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.SceneFile;
import org.luxnet.scene.desc.Transform;

/** Reads the map of an environment-mapped infinite light as its scene's renderer defines it. */
final class EnvMapLoader {
    private EnvMapLoader() {
    }

    /**
     * Loads the environment map of an infinite light into the scene's map tables and points the light
     * at it; the light's colour slot then holds the map's mean radiance (for light selection). pbrt-v3
     * (lights/infinite.cpp): texels times L times scale; an 8-bit file's values are used as they are,
     * v / 255 with no sRGB curve (imageio.cpp ReadImagePNG/TGA; only ImageTexture applies "gamma").
     * LuxRender (lights/infinite.cpp, infinitesample.cpp): texels raised to
     * {@code "gamma"} (default 1) times L times gain; mapping "latlong" (the default), "angular" or
     * "vcross" ({@link EnvMappings}).
     */
    static void load(LightDesc d, ParamSet ps, String statement, boolean pbrt, EnvironmentMaps maps,
                     List<SceneWarning> warnings, float[] out) {
        SceneFile file = d.map();
        FileLoc loc = ps.get("mapname").loc();
        ps.get("mapname").markUsed();
        RgbImage img;
        try {
            img = ImageFiles.decode(file.name(), file.bytes());
        } catch (IOException e) {
            throw new SceneException(loc, statement + ": cannot read environment map '" + file.name() + "': "
                    + e.getMessage(), e);
        }
        float[] rgb = img.rgb();
        if (!pbrt) {
            double gamma = ps.getFloat("gamma", 1);
            if (gamma != 1) {
                for (int i = 0; i < rgb.length; i++) {
                    rgb[i] = (float) Math.pow(Math.max(0, rgb[i]), gamma);
                }
            }
            String mapping = ps.getString("mapping", "latlong");
            if (!EnvMappings.isKnown(mapping)) {
                warnings.add(new SceneWarning(ps.get("mapping").loc(), statement + ": mapping \"" + mapping
                        + "\" is not one of latlong, angular, vcross; the map is read as \"latlong\""));
            }
            img = EnvMappings.toLatLong(mapping, img);
        }
        Transform l2w = d.lightToWorld();
        if (!l2w.isInvertible()) {
            warnings.add(new SceneWarning(d.loc(), statement + ": its transformation is singular; the map is not rotated"));
            l2w = Transform.IDENTITY;
        }
        float[] mean = new float[3];
        int index = maps.add(img, new float[] {out[L], out[L + 1], out[L + 2]}, l2w, mean);
        System.arraycopy(mean, 0, out, L, 3);
        out[MAP] = index + 1;
    }

    /**
     * A pbrt-v3 infinite light without a map: lights/infinite.cpp CreateInfiniteLight then builds
     * InfiniteAreaLight from a 1 x 1 image holding L, so Sample_Li draws (u, v) uniformly from its
     * one-cell Distribution2D, maps it through the light's transform to the sphere at theta = v pi, phi
     * = u 2 pi, and Pdf_Li is 1 / (2 pi^2 sin theta), not the uniform sphere's 1 / (4 pi). Compiled as
     * that 1 x 1 map (texel L) so that the kernel samples and weighs it as pbrt-v3 does; its radiance
     * is L in every direction as before. (LuxRender's constant infinite light is not compiled so.)
     */
    static void constant(LightDesc d, String statement, EnvironmentMaps maps, List<SceneWarning> warnings,
                         float[] out) {
        Transform l2w = d.lightToWorld();
        if (!l2w.isInvertible()) {
            warnings.add(new SceneWarning(d.loc(), statement + ": its transformation is singular; the light is not rotated"));
            l2w = Transform.IDENTITY;
        }
        float[] mean = new float[3];
        RgbImage one = new RgbImage(1, 1, new float[] {1, 1, 1});
        int index = maps.add(one, new float[] {out[L], out[L + 1], out[L + 2]}, l2w, mean);
        System.arraycopy(mean, 0, out, L, 3);
        out[MAP] = index + 1;
    }
}
