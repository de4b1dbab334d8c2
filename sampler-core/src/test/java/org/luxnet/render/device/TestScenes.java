package org.luxnet.render.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.FilmTile;
import org.luxnet.accumulator.image.PfmIO;
import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.render.session.RenderSession;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;

/** Scenes the GPU tests render, and the CPU renders they are compared with. */
final class TestScenes {
    static final Path REFERENCE = Path.of("..", "examples", "reference");

    /**
     * Every material, every light type, a null surface, a thin lens and a Gaussian filter, in the
     * Cornell box's frame: the scene that checks the whole port.
     */
    static final String FEATURES = """
            Integrator "path" "integer maxdepth" [ 12 ]
            Transform [ 1 -0 -0 -0 -0 1 -0 -0 -0 -0 -1 -0 -0 -1 6.8 1]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            PixelFilter "gaussian"
            Film "image" "integer xresolution" [ 40 ] "integer yresolution" [ 32 ]
            Camera "perspective" "float fov" [ 22 ] "float lensradius" [ 0.02 ] "float focaldistance" [ 6 ]
            WorldBegin
            LightSource "point" "point from" [ 0.5 1.5 0.5 ] "rgb I" [ 0.6 0.6 0.6 ]
            LightSource "spot" "point from" [ 0 1.9 1 ] "point to" [ 0 0 0 ] "float coneangle" [ 25 ] "rgb I" [ 2 2 2 ]
            LightSource "distant" "point from" [ 1 1 3 ] "point to" [ 0 0 0 ] "rgb L" [ 0.3 0.3 0.3 ]
            LightSource "infinite" "rgb L" [ 0.2 0.25 0.3 ]
            Material "matte" "rgb Kd" [ 0.7 0.7 0.7 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 0 -1 -1 0 1 1 0 1 1 0 -1 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 1 2 1 -1 2 1 -1 2 -1 1 2 -1 ]
            Material "matte" "rgb Kd" [ 0.6 0.6 0.5 ] "float sigma" [ 20 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 0 -1 -1 2 -1 1 2 -1 1 0 -1 ]
            Material "glossy" "rgb Kd" [ 0.1 0.4 0.1 ] "rgb Ks" [ 0.2 0.2 0.2 ] "float uroughness" [ 0.05 ] "float vroughness" [ 0.2 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ 1 0 -1 1 2 -1 1 2 1 1 0 1 ]
                "normal N" [ 1 0 0  0.9 0.1 0  1 0 0.1  1 0 0 ]
            Material "mattetranslucent" "rgb Kr" [ 0.5 0.1 0.1 ] "rgb Kt" [ 0.3 0.3 0.3 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 0 1 -1 2 1 -1 2 -1 -1 0 -1 ]
            Material "null"
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -0.9 0.1 0.9 -0.9 1.9 0.9 0.9 1.9 0.9 0.9 0.1 0.9 ]
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 17 12 4 ]
              Material "matte" "rgb Kd" [ 0 0 0 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -0.24 1.98 -0.22 0.23 1.98 -0.22 0.23 1.98 0.16 -0.24 1.98 0.16 ]
            AttributeEnd
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 2 3 4 ] "bool twosided" "true"
              Translate 0.7 1.5 -0.6
              Shape "sphere" "float radius" [ 0.12 ]
            AttributeEnd
            AttributeBegin
              Material "glass" "float index" [ 1.5 ]
              Translate -0.5 0.3 0.2
              Shape "sphere" "float radius" [ 0.3 ]
            AttributeEnd
            AttributeBegin
              Material "mirror"
              Translate 0.5 0.3 -0.3
              Shape "sphere" "float radius" [ 0.3 ]
            AttributeEnd
            AttributeBegin
              Material "metal" "string name" [ "gold" ] "float roughness" [ 0.15 ]
              Translate 0 0.25 0.5
              Shape "sphere" "float radius" [ 0.25 ]
            AttributeEnd
            AttributeBegin
              Material "plastic" "rgb Kd" [ 0.2 0.2 0.6 ] "rgb Ks" [ 0.4 0.4 0.4 ] "float roughness" [ 0.1 ]
              Translate -0.4 1.0 -0.5
              Shape "sphere" "float radius" [ 0.25 ]
            AttributeEnd
            AttributeBegin
              Material "glass" "bool architectural" "true" "rgb Kt" [ 0.9 0.8 0.9 ]
              Translate 0.2 1.0 0.3
              Shape "sphere" "float radius" [ 0.2 ]
            AttributeEnd
            WorldEnd
            """;

    /**
     * An environment-mapped infinite light ({@link #writeSkyMap}, rotated as pbrt's envmap card is)
     * lighting and reflected by matte, plastic and rough metal spheres on a matte floor, with the map
     * as the visible background: the map lookup, its importance sampling and the MIS weights.
     */
    static final String ENVMAP = """
            Integrator "path" "integer maxdepth" [ 8 ]
            LookAt 0 1.2 -5  0 0.6 0  0 1 0
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            PixelFilter "box" "float xwidth" [ 0.5 ] "float ywidth" [ 0.5 ]
            Film "image" "integer xresolution" [ 40 ] "integer yresolution" [ 32 ]
            Camera "perspective" "float fov" [ 40 ]
            WorldBegin
            AttributeBegin
              Rotate -90 1 0 0
              Rotate 30 0 0 1
              LightSource "infinite" "string mapname" [ "sky.pfm" ] "rgb L" [ 1 0.9 0.8 ]
            AttributeEnd
            Material "matte" "rgb Kd" [ 0.4 0.4 0.4 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -5 0 -5 5 0 -5 5 0 5 -5 0 5 ]
            AttributeBegin
              Translate -1.2 0.5 0
              Material "matte" "rgb Kd" [ 0.7 0.7 0.7 ]
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            AttributeBegin
              Translate 0 0.5 0
              Material "plastic" "rgb Kd" [ 0.3 0.05 0.05 ] "rgb Ks" [ 0.5 0.5 0.5 ] "float roughness" [ 0.05 ]
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            AttributeBegin
              Translate 1.2 0.5 0
              Material "metal" "rgb eta" [ 0.155 0.117 0.138 ] "rgb k" [ 4.83 3.12 2.15 ] "float roughness" [ 0.05 ]
              Shape "sphere" "float radius" [ 0.5 ]
            AttributeEnd
            WorldEnd
            """;

    /**
     * Object instancing in the Cornell box's frame: one object (a wedge with vertex normals, a
     * tessellated sphere, a null-material fin) placed plainly, rotated, scaled non-uniformly and
     * mirrored, the last two inside a parent transform; also a second object nested-transformed.
     */
    static final String INSTANCES = """
            Integrator "path" "integer maxdepth" [ 8 ]
            Transform [ 1 -0 -0 -0 -0 1 -0 -0 -0 -0 -1 -0 -0 -1 6.8 1]
            Sampler "sobol" "integer pixelsamples" [ 16 ]
            PixelFilter "box"
            Film "image" "integer xresolution" [ 40 ] "integer yresolution" [ 32 ]
            Camera "perspective" "float fov" [ 22 ]
            WorldBegin
            LightSource "infinite" "rgb L" [ 0.1 0.12 0.15 ]
            Material "matte" "rgb Kd" [ 0.7 0.7 0.7 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 0 -1 -1 0 1 1 0 1 1 0 -1 ]
            Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -1 0 -1 -1 2 -1 1 2 -1 1 0 -1 ]
            AttributeBegin
              AreaLightSource "diffuse" "rgb L" [ 8 7 6 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 ] "point P" [ -0.5 1.98 -0.5 0.5 1.98 -0.5 0.5 1.98 0.5 -0.5 1.98 0.5 ]
            AttributeEnd
            ObjectBegin "thing"
              Material "plastic" "rgb Kd" [ 0.6 0.2 0.1 ] "rgb Ks" [ 0.3 0.3 0.3 ] "float roughness" [ 0.1 ]
              Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 0 3 1 1 3 2 ]
                  "point P" [ 0 0.4 0  -0.25 0 -0.2  0.25 0 -0.2  0 0 0.3 ]
                  "normal N" [ 0 1 0  -0.7 0.3 -0.6  0.7 0.3 -0.6  0 0.3 1 ]
              AttributeBegin
                Translate 0.15 0.5 0
                Scale 1 1.5 1
                Material "glossy" "rgb Kd" [ 0.1 0.3 0.6 ] "rgb Ks" [ 0.2 0.2 0.2 ] "float roughness" [ 0.05 ]
                Shape "sphere" "float radius" [ 0.1 ]
              AttributeEnd
              Material "null"
              Shape "trianglemesh" "integer indices" [ 0 1 2 ] "point P" [ -0.3 0 0.35  0.3 0 0.35  0 0.3 0.35 ]
            ObjectEnd
            ObjectBegin "block"
              Material "matte" "rgb Kd" [ 0.2 0.6 0.2 ]
              AttributeBegin
                Rotate 30 0 1 0
                Shape "trianglemesh" "integer indices" [ 0 1 2 0 2 3 4 5 6 4 6 7 ]
                    "point P" [ -0.1 0 -0.1  -0.1 0.5 -0.1  0.1 0.5 -0.1  0.1 0 -0.1
                                -0.1 0 0.1  0.1 0 0.1  0.1 0.5 0.1  -0.1 0.5 0.1 ]
              AttributeEnd
            ObjectEnd
            AttributeBegin
              Translate -0.5 0 0.3
              ObjectInstance "thing"
            AttributeEnd
            AttributeBegin
              Translate 0.45 0 0.4
              Rotate 70 0 1 0
              ObjectInstance "thing"
            AttributeEnd
            AttributeBegin
              Translate 0 0.05 -0.3
              Rotate 10 1 0 0
              AttributeBegin
                Translate -0.4 0 0
                Scale 1.6 0.7 1.2
                ObjectInstance "thing"
              AttributeEnd
              AttributeBegin
                Translate 0.4 0 0
                Scale -1 1 1
                ObjectInstance "thing"
              AttributeEnd
              Translate 0 0 0.2
              ObjectInstance "block"
            AttributeEnd
            WorldEnd
            """;

    private static CompiledRender cornell;

    /**
     * {@link #FEATURES} seen through another camera, with a crop window [0.1 0.8 0.2 0.9] (a 28x22 film):
     * "pbrt-orthographic" (pbrt-v3's orthographic camera with its lens), "luxrender-blades" (the scene
     * in LuxRender's dialect, a perspective camera with a 5-bladed aperture, a gaussian lens
     * distribution, autofocus and hither/yon clipping), "pbrt-environment" and "luxrender-environment"
     * (each renderer's environment camera).
     */
    static String cameraVariant(String variant) {
        String camera = "Camera \"perspective\" \"float fov\" [ 22 ] \"float lensradius\" [ 0.02 ] \"float focaldistance\" [ 6 ]";
        String film = "Film \"image\" \"integer xresolution\" [ 40 ] \"integer yresolution\" [ 32 ]";
        String text = FEATURES;
        if (variant.startsWith("luxrender")) {
            text = text.replace("Integrator \"path\"", "SurfaceIntegrator \"path\"").replace("\"rgb ", "\"color ")
                    .replace("Film \"image\"", "Film \"fleximage\"").replace("AreaLightSource \"diffuse\"", "AreaLightSource \"area\"");
            film = film.replace("\"image\"", "\"fleximage\"");
        }
        String newCamera = switch (variant) {
            case "pbrt-orthographic" -> "Camera \"orthographic\" \"float screenwindow\" [ -1.2 1.2 -1 1 ] "
                    + "\"float lensradius\" [ 0.05 ] \"float focaldistance\" [ 6 ]";
            case "luxrender-blades" -> "Camera \"perspective\" \"float fov\" [ 22 ] \"float lensradius\" [ 0.08 ] "
                    + "\"bool autofocus\" \"true\" \"integer blades\" [ 5 ] \"string distribution\" \"gaussian\" "
                    + "\"float hither\" [ 5.5 ] \"float yon\" [ 7.6 ]";
            case "luxrender-environment", "pbrt-environment" -> "Camera \"environment\"";
            default -> throw new IllegalArgumentException(variant);
        };
        return text.replace(camera, newCamera).replace(film, film + " \"float cropwindow\" [ 0.1 0.8 0.2 0.9 ]");
    }

    private TestScenes() {
    }

    /**
     * Writes {@code dir/sky.pfm}: a 32x16 lat-long map, a blue-to-white sky over a dark ground, a
     * warm glow on the horizon, and a small sun of radiance 200 at 40 degrees elevation.
     */
    static void writeSkyMap(Path dir) {
        int w = 32, h = 16;
        float[] rgb = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = 3 * (y * w + x);
                float t = (y + 0.5f) / h;
                boolean sky = t < 0.5f;
                rgb[o] = sky ? 0.3f + t : 0.08f;
                rgb[o + 1] = sky ? 0.4f + t : 0.07f;
                rgb[o + 2] = sky ? 0.9f : 0.05f;
                if (y == 7 && x >= 20 && x <= 23) {
                    rgb[o] += 2f;
                    rgb[o + 1] += 1f;
                }
            }
        }
        rgb[3 * (4 * w + 9)] = 200f;
        rgb[3 * (4 * w + 9) + 1] = 190f;
        rgb[3 * (4 * w + 9) + 2] = 170f;
        try {
            PfmIO.write(dir.resolve("sky.pfm"), rgb, w, h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #ENVMAP} with its map, compiled. */
    static CompiledRender envMap(Path dir) {
        writeSkyMap(dir);
        return compile(dir, ENVMAP);
    }

    /** The Cornell box of examples/reference, compiled once. */
    static synchronized CompiledRender cornellBox() {
        if (cornell == null) {
            cornell = SceneCompiler.compile(SceneParser.parse(REFERENCE.resolve("cornell-box.pbrt")));
        }
        return cornell;
    }

    /** The Cornell box at another resolution. */
    static CompiledRender cornellBox(Path dir, int resolution) {
        return cornellBox(dir, resolution, "box");
    }

    /** The Cornell box at another resolution, with pixel filter {@code filter} at its defaults. */
    static CompiledRender cornellBox(Path dir, int resolution, String filter) {
        try {
            String text = Files.readString(REFERENCE.resolve("cornell-box.pbrt"))
                    .replace("\"integer xresolution\" [ 256 ]", "\"integer xresolution\" [ " + resolution + " ]")
                    .replace("\"integer yresolution\" [ 256 ]", "\"integer yresolution\" [ " + resolution + " ]")
                    .replace("PixelFilter \"box\" \"float xwidth\" [ 0.5 ] \"float ywidth\" [ 0.5 ]",
                            "PixelFilter \"" + filter + "\"");
            return compile(dir, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles scene text written to {@code dir}. */
    static CompiledRender compile(Path dir, String text) {
        try {
            Path file = Files.createTempFile(dir, "scene", ".pbrt");
            Files.writeString(file, text);
            return SceneCompiler.compile(SceneParser.parse(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The render's own pixel filter. */
    static PixelFilter filter(CompiledRender r) {
        return RenderSession.createFilter(r.settings().filter());
    }

    /** Passes [firstPass, firstPass + passes) of stream {@code seed} rendered as a CPU render thread does. */
    static Film cpuFilm(CompiledRender r, PixelFilter filter, long seed, int firstPass, int passes) {
        int w = r.settings().width(), h = r.settings().height();
        Film film = new Film(w, h, r.settings().scaleBits());
        FilmTile tile = new FilmTile(w, h, r.settings().scaleBits());
        TileRenderer renderer = new TileRenderer(r.scene(), r.settings(), filter, seed);
        for (int p = firstPass; p < firstPass + passes; p++) {
            tile.reset(0, 0, w, h);
            renderer.render(tile, 0, 0, w, h, p);
            film.add(tile);
        }
        return film;
    }

    /** How the agreement tests launch the kernel: Aparapi's Java thread pool, or OpenCL. */
    enum Launch {
        JAVA_THREADS, OPENCL
    }

    /** The Aparapi device for {@code launch}; skips the test, saying why, when no OpenCL device exists. */
    static com.aparapi.device.Device device(Launch launch) {
        if (launch == Launch.JAVA_THREADS) {
            return com.aparapi.device.JavaDevice.THREAD_POOL;
        }
        // A GPU before a CPU device.
        OpenClDeviceInfo d = GpuDevices.list().stream()
                .min(java.util.Comparator.comparing(OpenClDeviceInfo::isCpu)).orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(d != null,
                "no OpenCL device: install pocl-opencl-icd ocl-icd-libopencl1 to run this test");
        return d.aparapiDevice();
    }

    /**
     * Renders passes [firstPass, firstPass + passes) of stream {@code seed} on a CPU thread and through
     * the kernel on Aparapi {@code device}, asserts both films hold the same samples (no channel of any
     * pixel more than 2e-4 of its value apart) and, on OpenCL, that the kernel really ran there.
     * Returns the CPU film for further checks.
     */
    static Film assertKernelMatchesCpu(CompiledRender r, PixelFilter filter, long seed, int firstPass, int passes,
                                       com.aparapi.device.Device device, String label) {
        return assertKernelMatchesCpu(r, filter, seed, firstPass, passes, device, label, 0, 2e-4);
    }

    /**
     * As above, but allowing {@code fractionOver} of the pixels to differ by more than 2e-4, none by more
     * than {@code worstAllowed}: for features whose finite differences magnify OpenCL's ulp-level
     * differences (bump maps).
     */
    static Film assertKernelMatchesCpu(CompiledRender r, PixelFilter filter, long seed, int firstPass, int passes,
                                       com.aparapi.device.Device device, String label, double fractionOver,
                                       double worstAllowed) {
        int pixels = r.settings().width() * r.settings().height();
        Film cpu = cpuFilm(r, filter, seed, firstPass, passes);
        Film gpu = new Film(r.settings().width(), r.settings().height(), r.settings().scaleBits());
        int capacity = (pixels + BatchRenderer.LOCAL_SIZE - 1) / BatchRenderer.LOCAL_SIZE * BatchRenderer.LOCAL_SIZE;
        BatchRenderer renderer = new BatchRenderer(device, r.scene(), r.settings(), filter, seed, capacity);
        boolean openCl = device instanceof com.aparapi.device.OpenCLDevice;
        try {
            renderer.compile();
            for (int p = firstPass; p < firstPass + passes; p++) {
                renderer.launch((long) p * pixels, pixels);
                if (openCl && !renderer.ranInOpenCl()) {
                    throw new AssertionError(label + ": the kernel fell back to Java threads");
                }
                renderer.addSamples(gpu);
            }
        } catch (com.aparapi.exception.CompileFailedException e) {
            throw new AssertionError(label + ": the kernel did not build", e);
        } finally {
            renderer.dispose();
        }
        org.junit.jupiter.api.Assertions.assertEquals(cpu.totalSamples(), gpu.totalSamples());
        int differing = 0;
        double worst = 0;
        org.luxnet.accumulator.Channel[] channels = {org.luxnet.accumulator.Channel.R, org.luxnet.accumulator.Channel.G,
            org.luxnet.accumulator.Channel.B, org.luxnet.accumulator.Channel.W};
        for (int i = 0; i < pixels; i++) {
            double d = 0;
            for (org.luxnet.accumulator.Channel c : channels) {
                double a = cpu.get(c, i), b = gpu.get(c, i);
                d = Math.max(d, Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.scalb(1.0, 20)));
            }
            worst = Math.max(worst, d);
            if (d > 2e-4) {
                differing++;
            }
        }
        System.out.printf("%s: %d of %d pixels differ beyond 2e-4, worst %.3g%n", label, differing, pixels, worst);
        // Two black films agree whatever the kernel does (a light facing away once hid that): the scene must be lit.
        int lit = 0;
        for (int i = 0; i < pixels; i++) {
            double v = Math.abs(cpu.get(org.luxnet.accumulator.Channel.R, i))
                    + Math.abs(cpu.get(org.luxnet.accumulator.Channel.G, i))
                    + Math.abs(cpu.get(org.luxnet.accumulator.Channel.B, i));
            lit += v > Math.scalb(1.0, 20) ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(lit >= Math.max(1, pixels / 100),
                label + ": only " + lit + " of " + pixels + " pixels are lit: black films agree whatever the kernel does");
        org.junit.jupiter.api.Assertions.assertTrue(differing <= fractionOver * pixels && worst <= worstAllowed,
                label + ": " + differing + " of " + pixels + " pixels differ by more than 2e-4 of their value (worst"
                + " relative " + worst + "; allowed " + fractionOver + " of the pixels, worst " + worstAllowed + ")");
        return cpu;
    }
}
