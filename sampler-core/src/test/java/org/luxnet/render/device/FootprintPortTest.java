package org.luxnet.render.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aparapi.device.Device;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.luxnet.render.device.TestScenes.Launch;
import org.luxnet.scene.compile.CompiledRender;

/**
 * Texture footprints beyond the first hit's uv compute the same samples on every device: image maps
 * under planar, spherical and cylindrical mappings (MIP/EWA filtered over pbrt-v3 Mapping2D::Map's
 * derivatives), seen directly, in a flat mirror, a mirror sphere, an instanced mirror with vertex
 * normals and through a glass sphere and a glass pane (ray differentials carried through specular
 * reflection and transmission), on a CPU render thread against the kernel on Aparapi's Java thread
 * pool and on OpenCL.
 */
class FootprintPortTest {
    static final String SCENE = """
            Integrator "path" "integer maxdepth" [ 5 ]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            Film "image" "integer xresolution" [ 40 ] "integer yresolution" [ 30 ]
            LookAt 0 2.2 -6  0 0.8 0.5  0 1 0
            Camera "perspective" "float fov" [ 45 ]
            WorldBegin
            LightSource "distant" "point from" [ 1 4 -3 ] "point to" [ 0 0 0 ] "rgb L" [ 2 2 2 ]
            LightSource "infinite" "rgb L" [ 0.2 0.2 0.25 ]
            Texture "floorimg" "spectrum" "imagemap" "string filename" "sky.pfm" "float uscale" [ 20 ] "float vscale" [ 20 ] "float maxanisotropy" [ 4 ]
            Material "matte" "texture Kd" "floorimg"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -8 0 -8 8 0 -8 8 0 10 -8 0 10 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Texture "wallimg" "spectrum" "imagemap" "string filename" "sky.pfm" "string mapping" "planar" "vector v1" [ 0.7 0 0 ] "vector v2" [ 0 0.7 0 ] "bool trilinear" "true"
            Material "matte" "texture Kd" "wallimg"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -8 0 6 8 0 6 8 8 6 -8 8 6 ]
            AttributeBegin
              Translate -1.6 0.7 2.5
              Texture "sph" "spectrum" "imagemap" "string filename" "sky.pfm" "string mapping" "spherical"
              Material "matte" "texture Kd" "sph"
              Shape "sphere" "float radius" [ 0.7 ]
            AttributeEnd
            AttributeBegin
              Translate 1.6 0.7 2.5
              Rotate -90 1 0 0
              Texture "cyl" "spectrum" "imagemap" "string filename" "sky.pfm" "string mapping" "cylindrical" "float maxanisotropy" [ 16 ]
              Material "plastic" "texture Kd" "cyl" "rgb Ks" [ 0.2 0.2 0.2 ]
              Shape "sphere" "float radius" [ 0.7 ]
            AttributeEnd
            AttributeBegin
              Material "mirror" "rgb Kr" [ 0.9 0.9 0.9 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -3.5 0 4 -2 0 1 -2 3 1 -3.5 3 4 ]
            AttributeEnd
            AttributeBegin
              Translate 0 0.6 0.8
              Material "mirror"
              Shape "sphere" "float radius" [ 0.6 ]
            AttributeEnd
            AttributeBegin
              Translate -0.9 0.45 -1.2
              Material "glass" "float index" [ 1.5 ]
              Shape "sphere" "float radius" [ 0.45 ]
            AttributeEnd
            AttributeBegin
              Material "glass" "float index" [ 1.33 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 0.3 0 -1.5 1.5 0 -1.5 1.5 1.4 -1.2 0.3 1.4 -1.2 ]
            AttributeEnd
            ObjectBegin "bent"
              Material "mirror"
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -0.5 0 0 0.5 0 0 0.5 1 0 -0.5 1 0 ]
                "normal N" [ -0.3 0 -1  0.3 0 -1  0.3 0 -1  -0.3 0 -1 ]
            ObjectEnd
            AttributeBegin
              Translate 2.6 0.2 1
              Rotate -35 0 1 0
              Scale 1.2 1.5 1
              ObjectInstance "bent"
            AttributeEnd
            WorldEnd
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Launch.class)
    void footprintsSampleForSample(Launch launch) {
        Device device = TestScenes.device(launch);
        TestScenes.writeSkyMap(dir);
        CompiledRender r = TestScenes.compile(dir, SCENE);
        assertTrue(r.warnings().isEmpty(), "warnings: " + r.warnings());
        assertTrue(r.scene().instXform.length > 0, "the scene has an instance");
        TestScenes.assertKernelMatchesCpu(r, TestScenes.filter(r), 97L, 2, 2, device, "footprints, " + launch);
    }
}
