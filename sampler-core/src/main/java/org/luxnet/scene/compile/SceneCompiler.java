package org.luxnet.scene.compile;

import java.util.ArrayList;
import java.util.List;
import org.luxnet.accumulator.Film;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.SceneWarnings;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.desc.InstanceDesc;
import org.luxnet.scene.desc.LightDesc;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.desc.ShapeDesc;

/**
 * Turns a parsed scene description into the immutable compiled scene: world-space primitives and
 * object instances in a two-level SAH BVH (triangles stored in leaf order, see {@link GeometryLayout}), the material and light tables with the light power
 * distribution, the camera, and the render settings. Deterministic: the same description always
 * compiles to the same arrays, on any machine, which the network mode relies on.
 */
public final class SceneCompiler {
    private SceneCompiler() {
    }

    /**
     * Compiles {@code d}.
     *
     * @throws org.luxnet.scene.SceneException when the scene cannot be rendered as written
     */
    public static CompiledRender compile(SceneDescription d) {
        List<SceneWarning> warnings = new ArrayList<>(d.warnings());
        GeometryBuilder geo = new GeometryBuilder();
        // pbrt-v3 renders media with volpath (and bdpt, mlt); its "path" integrator ignores them.
        boolean pbrt = d.dialect() == org.luxnet.scene.desc.Dialect.PBRT;
        String integrator = d.integrator().type();
        boolean media = !pbrt || integrator.equals("volpath") || integrator.equals("bdpt") || integrator.equals("mlt");
        MediaTable mediaTable = new MediaTable(media, warnings);
        MaterialCompiler materials = new MaterialCompiler(d.dialect(), d.textures(), d.namedMaterials(), warnings,
                mediaTable);
        LightCompiler lights = new LightCompiler(d.dialect(), d.textures(), warnings);
        ShapeCompiler shapes = new ShapeCompiler(geo, warnings, true, d.dialect() == org.luxnet.scene.desc.Dialect.LUXRENDER);
        shapes.displacement(new LuxDisplacement(materials.textures()));
        AlphaMasks alphaMasks = new AlphaMasks(d.dialect(), materials.textures(), warnings);
        for (ShapeDesc s : d.shapes()) {
            int mat = materials.indexOf(s.material());
            int emitter = s.areaLight() == null ? -1 : lights.areaEmitter(s.areaLight());
            geo.beginShape(s);
            geo.alphaMask = alphaMasks.of(s);
            double area = shapes.add(s, mat, emitter);
            geo.alphaMask = -1;
            if (emitter >= 0) {
                lights.finishArea(emitter, area);
            }
            warnings.addAll(s.params().unused("Shape \"" + s.type() + "\""));
        }
        InstanceCompiler instances = new InstanceCompiler(d.dialect(), materials, alphaMasks, warnings);
        for (InstanceDesc in : d.instances()) {
            instances.add(in);
        }
        for (LightDesc l : d.lights()) {
            lights.light(l);
        }
        CompiledScene.Builder b = new CompiledScene.Builder();
        GeometryLayout.layout(geo, instances, b);
        if (LocalFrames.used(materials.textures())) {
            LocalFrames.layout(geo, instances, b, warnings);
        }
        int[] matTypes = materials.types();
        if (matTypes.length == 0) {
            matTypes = new int[] {org.luxnet.scene.compiled.MaterialLayout.MATTE};
            b.matParams = new float[org.luxnet.scene.compiled.MaterialLayout.STRIDE];
        } else {
            b.matParams = materials.params();
        }
        b.matType = matTypes;
        if (materials.types().length > 0) {
            b.matTexStart = materials.texStarts();
            b.matTexRoot = materials.texRoots();
            b.matTexWidth = materials.texWidths();
            b.matTextured = materials.textured();
            b.fourierData = materials.fourierTables().data();
            b.fourierInfo = materials.fourierTables().info();
        }
        // The texture programs: the materials' and the shapes' alpha masks' (which need no material).
        b.texType = materials.textures().types();
        b.texChild = materials.textures().children();
        b.texParams = materials.textures().params();
        b.texTexels = materials.textures().texels();
        b.texImageInfo = materials.textures().imageInfo();
        b.alphaMasks = alphaMasks.table();
        double maxRadiance = layoutLights(geo, lights, b);
        if (!d.integrator().params().getBool("includeenvironment", true)) {
            // LuxRender's path integrators (path.cpp): escaped camera rays see no environment or sun.
            for (int i = 0; i < b.lightType.length; i++) {
                if (b.lightType[i] == LightLayout.INFINITE || b.lightType[i] == LightLayout.SUN) {
                    b.lightParams[i * LightLayout.STRIDE + LightLayout.HIDDEN_FROM_CAMERA] = 1;
                }
            }
        }
        if (b.lightType.length == 0) {
            warnings.add(new SceneWarning(new org.luxnet.scene.FileLoc(d.file(), 1, 1),
                    "the scene has no lights: the image will be black"));
        }
        int scaleBits = Film.chooseScaleBits(maxRadiance);
        var settings = SettingsCompiler.compile(d, scaleBits, warnings);
        b.camera = CameraCompiler.compile(d.camera(), d.file(),
                FilmFrames.of(d.film(), d.dialect() == org.luxnet.scene.desc.Dialect.PBRT), d.dialect(),
                d.film().params().getFloat("diagonal", 35), warnings);
        b.cameraMedium = d.camera() == null ? 0 : mediaTable.idOf(d.camera().exterior());
        mediaTable.bakeLuxVolumes(b, materials.textures());
        b.mediaParams = mediaTable.params();
        b.mediaGrids = mediaTable.grids();
        if (d.dialect() == org.luxnet.scene.desc.Dialect.LUXRENDER && d.volumeIntegrator().equals("emission")) {
            MediaTable.emissionOnly(b.mediaParams, b.mediaGrids);
        }
        if (mediaTable.ignored() != null) {
            org.luxnet.scene.FileLoc at = d.integrator().loc() == org.luxnet.scene.FileLoc.NONE
                    ? mediaTable.ignored().loc() : d.integrator().loc();
            warnings.add(new SceneWarning(at, "the scene has participating media but the \"" + integrator
                    + "\" integrator does not render them (as in pbrt-v3); use Integrator \"volpath\""));
        }
        CompiledScene scene = new CompiledScene(b);
        if (b.camera.lens().autofocus()) {
            // LuxRender focuses on what the centre ray sees: traced once here, kept in the camera.
            b.camera = Autofocus.focus(scene, settings, d.camera().loc(), warnings);
            scene = new CompiledScene(b);
        }
        return new CompiledRender(scene, settings, SceneWarnings.summarize(warnings));
    }

    /** Fills the light table and its power distribution; returns the brightest radiance, for the film scale. */
    private static double layoutLights(GeometryBuilder geo, LightCompiler lights, CompiledScene.Builder b) {
        List<Integer> types = new ArrayList<>();
        List<float[]> params = new ArrayList<>();
        List<Integer> primOf = new ArrayList<>();
        double maxRadiance = 0;
        for (int i = 0; i < b.triangleCount; i++) {
            int e = b.triEmitterScratch[i];
            if (e >= 0) {
                float area = triangleArea(b.triGeom, i);
                float[] p = lights.areaParams(e, area);
                b.triLight[i] = types.size();
                types.add(LightLayout.AREA_TRIANGLE);
                params.add(p);
                primOf.add(i);
                // With a distribution, f / |cos| is unbounded at grazing angles; take it at 60 degrees.
                double peak = p[LightLayout.MAP] > 0 ? 2 * p[LightLayout.DIST_MAX] : 1;
                maxRadiance = Math.max(maxRadiance, max3(p, LightLayout.L) * peak);
            }
        }
        for (int s = 0; s < b.sphereCount; s++) {
            int e = geo.sphEmitter.get(s);
            if (e >= 0) {
                float r = b.sphereGeom[4 * s + 3];
                float[] p = lights.areaParams(e, (float) (4 * Math.PI * r * r), true);
                b.sphereLight[s] = types.size();
                types.add(LightLayout.AREA_SPHERE);
                params.add(p);
                primOf.add(s);
                maxRadiance = Math.max(maxRadiance, max3(p, LightLayout.L));
            }
        }
        float[] sb = b.sceneBounds;
        double dx = sb[3] - sb[0], dy = sb[4] - sb[1], dz = sb[5] - sb[2];
        double diag = Double.isFinite(dx + dy + dz) ? Math.sqrt(dx * dx + dy * dy + dz * dz) : 1;
        double radius = Math.max(diag / 2, 1e-3);
        List<Integer> infinite = new ArrayList<>();
        for (int i = 0; i < lights.otherCount(); i++) {
            float[] p = lights.otherParams(i).clone();
            int type = lights.otherType(i);
            if (type == LightLayout.INFINITE || type == LightLayout.DISTANT || type == LightLayout.SUN) {
                infinite.add(types.size());
                p[LightLayout.POS] = 0.5f * (sb[0] + sb[3]);
                p[LightLayout.POS + 1] = 0.5f * (sb[1] + sb[4]);
                p[LightLayout.POS + 2] = 0.5f * (sb[2] + sb[5]);
                p[LightLayout.COS_TOTAL] = (float) radius;
                maxRadiance = Math.max(maxRadiance, max3(p, LightLayout.L));
            } else {
                // A point light's radiance is unbounded; take its irradiance at 5% of the scene size.
                double d = 0.05 * Math.max(diag, 1e-3);
                double peak = p[LightLayout.MAP] > 0 ? p[LightLayout.DIST_MAX] : 1;
                maxRadiance = Math.max(maxRadiance, max3(p, LightLayout.L) * peak / (d * d));
            }
            types.add(type);
            params.add(p);
            primOf.add(-1);
        }
        int n = types.size();
        b.lightType = types.stream().mapToInt(Integer::intValue).toArray();
        b.lightPrim = primOf.stream().mapToInt(Integer::intValue).toArray();
        b.lightParams = new float[n * LightLayout.STRIDE];
        double[] power = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(params.get(i), 0, b.lightParams, i * LightLayout.STRIDE, LightLayout.STRIDE);
            power[i] = Math.max(0, LightCompiler.power(b.lightType[i], params.get(i), radius));
            total += power[i];
        }
        b.lightSelectPdf = new float[n];
        b.lightCdf = new float[n + 1];
        double acc = 0;
        for (int i = 0; i < n; i++) {
            double p = total > 0 ? power[i] / total : 1.0 / n;
            b.lightSelectPdf[i] = (float) p;
            acc += p;
            b.lightCdf[i + 1] = (float) acc;
        }
        if (n > 0) {
            b.lightCdf[n] = 1f;
        }
        b.infiniteLights = infinite.stream().mapToInt(Integer::intValue).toArray();
        EnvironmentMaps maps = lights.maps();
        b.envTexels = maps.texels();
        b.envDist = maps.distribution();
        b.envXform = maps.rotations();
        b.envInfo = maps.info();
        return maxRadiance;
    }

    private static float triangleArea(float[] g, int i) {
        int o = 9 * i;
        double cx = g[o + 4] * g[o + 8] - g[o + 5] * g[o + 7];
        double cy = g[o + 5] * g[o + 6] - g[o + 3] * g[o + 8];
        double cz = g[o + 3] * g[o + 7] - g[o + 4] * g[o + 6];
        return (float) (0.5 * Math.sqrt(cx * cx + cy * cy + cz * cz));
    }

    private static double max3(float[] p, int o) {
        return Math.max(p[o], Math.max(p[o + 1], p[o + 2]));
    }
}
