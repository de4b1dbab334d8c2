package org.luxnet.render.device;

/**
 * A scene with every pbrt-v3 material of the light transport's LobeKernel, for the CPU-vs-kernel
 * agreement: uber with every lobe and a textured opacity (pass-through), uber with pbrt's defaults,
 * translucent with a textured roughness, rough glass (anisotropic, and with a textured Kt), a mix
 * with an rgb amount, a mix with a textured amount, and a mix nested in a mix. Every texture here is
 * continuous in space (wrinkled): at a checkerboard's edge or a sphere's (u, v) seam, a hit point an ulp
 * apart on the two devices picks the other value (seen: one pixel 1e-3 apart from a path that met the
 * edge of a checkered floor), a whole path apart rather than float rounding.
 */
final class PbrtMaterialScenes {
    private PbrtMaterialScenes() {
    }

    static final String ALL = """
            Integrator "path" "integer maxdepth" [ 8 ]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            Film "image" "integer xresolution" [ 48 ] "integer yresolution" [ 36 ]
            LookAt 0 1.7 -4.6  0 0.45 0.35  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 3 3 3 ]
              Material "matte" "rgb Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -3.5 4.5 -3.8 -3.5 4.5 2.2 2.5 4.5 2.2 2.5 4.5 -3.8 ] "normal N" [ 0 -1 0 0 -1 0 0 -1 0 0 -1 0 ]
            AttributeEnd
            Texture "wr" "spectrum" "wrinkled" "integer octaves" [ 3 ]
            Texture "rough" "float" "wrinkled" "integer octaves" [ 2 ]
            Texture "op" "spectrum" "scale" "texture tex1" "wr" "rgb tex2" [ 1.2 1.4 1.6 ]
            Material "matte" "rgb Kd" [ 0.5 0.5 0.5 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -8 0 -8 8 0 -8 8 0 8 -8 0 8 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "matte" "rgb Kd" [ 0.6 0.6 0.55 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -8 0 3 8 0 3 8 8 3 -8 8 3 ]
            MakeNamedMaterial "red" "string type" "plastic" "rgb Kd" [ 0.7 0.05 0.05 ] "rgb Ks" [ 0.3 0.3 0.3 ] "float roughness" [ 0.1 ]
            MakeNamedMaterial "silver" "string type" "metal" "rgb eta" [ 0.155 0.117 0.138 ] "rgb k" [ 4.83 3.12 2.15 ] "float roughness" [ 0.05 ]
            MakeNamedMaterial "blend" "string type" "mix" "string namedmaterial1" "red" "string namedmaterial2" "silver" "rgb amount" [ 0.3 0.5 0.8 ]
            MakeNamedMaterial "ut" "string type" "uber" "rgb Kd" [ 0.1 0.3 0.2 ] "rgb Kt" [ 0.5 0.5 0.5 ] "rgb Kr" [ 0.2 0.2 0.2 ]
            AttributeBegin
              Translate -1.5 0.42 1
              Material "uber" "rgb Kd" [ 0.08 0.2 0.35 ] "rgb Ks" [ 0.25 0.25 0.25 ] "rgb Kr" [ 0.3 0.3 0.3 ] "rgb Kt" [ 0.2 0.2 0.2 ] "float uroughness" [ 0.05 ] "float vroughness" [ 0.2 ] "float index" [ 1.5 ] "texture opacity" "op"
              Shape "sphere" "float radius" [ 0.42 ]
            AttributeEnd
            AttributeBegin
              Translate -0.5 0.42 1
              Material "uber"
              Shape "sphere" "float radius" [ 0.42 ]
            AttributeEnd
            AttributeBegin
              Translate 0.5 0.42 1
              Material "translucent" "rgb Kd" [ 0.6 0.65 0.3 ] "rgb Ks" [ 0.15 0.15 0.15 ] "texture roughness" "rough"
              Shape "sphere" "float radius" [ 0.42 ]
            AttributeEnd
            AttributeBegin
              Translate 1.5 0.42 1
              Material "glass" "float index" [ 1.5 ] "float uroughness" [ 0.05 ] "float vroughness" [ 0.2 ] "texture Kt" "wr"
              Shape "sphere" "float radius" [ 0.42 ]
            AttributeEnd
            AttributeBegin
              Translate -1 0.42 -0.25
              NamedMaterial "blend"
              Shape "sphere" "float radius" [ 0.42 ]
            AttributeEnd
            AttributeBegin
              Translate 0 0.42 -0.25
              Material "mix" "string namedmaterial1" "ut" "string namedmaterial2" "silver" "texture amount" "wr"
              Shape "sphere" "float radius" [ 0.42 ]
            AttributeEnd
            AttributeBegin
              Translate 1 0.42 -0.25
              Material "mix" "string namedmaterial1" "blend" "string namedmaterial2" "ut" "float amount" [ 0.4 ]
              Shape "sphere" "float radius" [ 0.42 ]
            AttributeEnd
            WorldEnd
            """;

    /**
     * pbrt-v3's disney (DisneyKernel) in its variants, for the CPU-vs-kernel agreement: every lobe with
     * a textured colour, a thin surface with a textured roughness and diffuse transmission, a rough
     * metal with textured anisotropy (so the frame follows dp/du), clear specular transmission, and
     * pbrt's defaults. The textures are continuous in space, as in {@link #ALL}.
     */
    static final String DISNEY = """
            Integrator "path" "integer maxdepth" [ 8 ]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            Film "image" "integer xresolution" [ 48 ] "integer yresolution" [ 36 ]
            LookAt 0 1.7 -4.6  0 0.45 0.35  0 1 0
            Camera "perspective" "float fov" [ 40 ]
            WorldBegin
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 3 3 3 ]
              Material "matte" "rgb Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -3.5 4.5 -3.8 -3.5 4.5 2.2 2.5 4.5 2.2 2.5 4.5 -3.8 ] "normal N" [ 0 -1 0 0 -1 0 0 -1 0 0 -1 0 ]
            AttributeEnd
            Texture "wr" "spectrum" "wrinkled" "integer octaves" [ 3 ]
            Texture "rough" "float" "wrinkled" "integer octaves" [ 2 ]
            Texture "aniso" "float" "scale" "texture tex1" "rough" "float tex2" [ 0.8 ]
            Material "matte" "rgb Kd" [ 0.5 0.5 0.5 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -8 0 -8 8 0 -8 8 0 8 -8 0 8 ] "float uv" [ 0 0 1 0 1 1 0 1 ]
            Material "matte" "rgb Kd" [ 0.6 0.6 0.55 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -8 0 3 8 0 3 8 8 3 -8 8 3 ]
            AttributeBegin
              Translate -1.5 0.42 1
              Material "disney" "texture color" "wr" "float metallic" [ 0.2 ] "float roughness" [ 0.35 ] "float speculartint" [ 0.4 ] "float sheen" [ 0.6 ] "float clearcoat" [ 0.7 ] "float clearcoatgloss" [ 0.5 ] "float spectrans" [ 0.3 ] "float eta" [ 1.45 ]
              Shape "sphere" "float radius" [ 0.42 ]
            AttributeEnd
            AttributeBegin
              Translate -0.5 0.42 1
              Material "disney" "bool thin" "true" "float flatness" [ 0.6 ] "float difftrans" [ 0.8 ] "float spectrans" [ 0.2 ] "texture roughness" "rough" "rgb color" [ 0.3 0.7 0.4 ]
              Shape "sphere" "float radius" [ 0.42 ]
            AttributeEnd
            AttributeBegin
              Translate 0.5 0.42 1
              Material "disney" "float metallic" [ 1 ] "float roughness" [ 0.3 ] "texture anisotropic" "aniso" "rgb color" [ 0.9 0.6 0.3 ]
              Shape "sphere" "float radius" [ 0.42 ]
            AttributeEnd
            AttributeBegin
              Translate 1.5 0.42 1
              Material "disney" "float spectrans" [ 1 ] "float roughness" [ 0.1 ] "rgb color" [ 0.9 0.95 1 ]
              Shape "sphere" "float radius" [ 0.42 ]
            AttributeEnd
            AttributeBegin
              Translate 0 0.42 -0.25
              Material "disney"
              Shape "sphere" "float radius" [ 0.42 ]
            AttributeEnd
            WorldEnd
            """;
}
