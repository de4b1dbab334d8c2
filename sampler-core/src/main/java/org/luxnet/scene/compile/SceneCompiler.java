package org.luxnet.scene.compile;

import java.util.ArrayList;
import java.util.List;
import org.luxnet.accumulator.Film;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.SceneWarnings;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.LightLayout;
import org.luxnet.scene.desc.LightDesc;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.desc.ShapeDesc;

/**
 * Turns a parsed scene description into the immutable compiled scene: world-space primitives in a
 * SAH BVH (triangles stored in leaf order), the material and light tables with the light power
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
        MaterialCompiler materials = new MaterialCompiler(d.dialect(), d.textures(), warnings);
        LightCompiler lights = new LightCompiler(d.dialect(), d.textures(), warnings);
        ShapeCompiler shapes = new ShapeCompiler(geo, warnings);
        for (ShapeDesc s : d.shapes()) {
            int mat = materials.indexOf(s.material());
            int emitter = s.areaLight() == null ? -1 : lights.areaEmitter(s.areaLight());
            double area = shapes.add(s, mat, emitter);
            if (emitter >= 0) {
                lights.finishArea(emitter, area);
            }
            warnings.addAll(s.params().unused("Shape \"" + s.type() + "\""));
        }
        for (LightDesc l : d.lights()) {
            lights.light(l);
        }
        CompiledScene.Builder b = new CompiledScene.Builder();
        layoutGeometry(geo, b);
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
            b.texType = materials.textures().types();
            b.texChild = materials.textures().children();
            b.texParams = materials.textures().params();
            b.texTexels = materials.textures().texels();
            b.texImageInfo = materials.textures().imageInfo();
        }
        double maxRadiance = layoutLights(geo, lights, b);
        if (b.lightType.length == 0) {
            warnings.add(new SceneWarning(new org.luxnet.scene.FileLoc(d.file(), 1, 1),
                    "the scene has no lights: the image will be black"));
        }
        int scaleBits = Film.chooseScaleBits(maxRadiance);
        var settings = SettingsCompiler.compile(d, scaleBits, warnings);
        b.camera = CameraCompiler.compile(d.camera(), d.file(),
                FilmFrames.of(d.film(), d.dialect() == org.luxnet.scene.desc.Dialect.PBRT), d.dialect(), warnings);
        CompiledScene scene = new CompiledScene(b);
        if (b.camera.lens().autofocus()) {
            // LuxRender focuses on what the centre ray sees: traced once here, kept in the camera.
            b.camera = Autofocus.focus(scene, settings, d.camera().loc(), warnings);
            scene = new CompiledScene(b);
        }
        return new CompiledRender(scene, settings, SceneWarnings.summarize(warnings));
    }

    /** Builds the BVH and writes triangles in leaf order, spheres in input order. */
    private static void layoutGeometry(GeometryBuilder geo, CompiledScene.Builder b) {
        int nt = geo.triangleCount(), ns = geo.sphereCount();
        float[] boxes = new float[6 * (nt + ns)];
        for (int t = 0; t < nt; t++) {
            for (int a = 0; a < 3; a++) {
                float v0 = geo.triV.get(9 * t + a), v1 = geo.triV.get(9 * t + 3 + a), v2 = geo.triV.get(9 * t + 6 + a);
                boxes[6 * t + a] = Math.min(v0, Math.min(v1, v2));
                boxes[6 * t + 3 + a] = Math.max(v0, Math.max(v1, v2));
            }
        }
        for (int s = 0; s < ns; s++) {
            float r = geo.sph.get(4 * s + 3);
            for (int a = 0; a < 3; a++) {
                float c = geo.sph.get(4 * s + a);
                boxes[6 * (nt + s) + a] = c - r;
                boxes[6 * (nt + s) + 3 + a] = c + r;
            }
        }
        BvhBuilder.Result bvh = BvhBuilder.build(boxes);
        // New triangle numbering: order of first appearance in the leaves.
        int[] newIndex = new int[nt];
        int[] order = new int[nt];
        int next = 0;
        int[] prims = bvh.prims();
        for (int i = 0; i < prims.length; i++) {
            if (prims[i] < nt) {
                order[next] = prims[i];
                newIndex[prims[i]] = next++;
            }
        }
        for (int i = 0; i < prims.length; i++) {
            if (prims[i] < nt) {
                prims[i] = newIndex[prims[i]];
            }
        }
        b.triangleCount = nt;
        b.triGeom = new float[9 * nt];
        b.triNg = new float[3 * nt];
        b.triNs = new float[9 * nt];
        b.triUv = new float[6 * nt];
        b.triMaterial = new int[nt];
        b.triLight = new int[nt];
        b.triHasNs = new int[nt];
        for (int i = 0; i < nt; i++) {
            int t = order[i];
            float ax = geo.triV.get(9 * t), ay = geo.triV.get(9 * t + 1), az = geo.triV.get(9 * t + 2);
            float e1x = geo.triV.get(9 * t + 3) - ax, e1y = geo.triV.get(9 * t + 4) - ay, e1z = geo.triV.get(9 * t + 5) - az;
            float e2x = geo.triV.get(9 * t + 6) - ax, e2y = geo.triV.get(9 * t + 7) - ay, e2z = geo.triV.get(9 * t + 8) - az;
            float[] g = b.triGeom;
            g[9 * i] = ax;
            g[9 * i + 1] = ay;
            g[9 * i + 2] = az;
            g[9 * i + 3] = e1x;
            g[9 * i + 4] = e1y;
            g[9 * i + 5] = e1z;
            g[9 * i + 6] = e2x;
            g[9 * i + 7] = e2y;
            g[9 * i + 8] = e2z;
            double nx = e1y * e2z - e1z * e2y, ny = e1z * e2x - e1x * e2z, nz = e1x * e2y - e1y * e2x;
            double nl = Math.sqrt(nx * nx + ny * ny + nz * nz);
            nx /= nl;
            ny /= nl;
            nz /= nl;
            boolean hasN = geo.triHasN.get(t) != 0;
            for (int k = 0; k < 9; k++) {
                b.triNs[9 * i + k] = geo.triN.get(9 * t + k);
            }
            boolean flip;
            if (hasN) {
                // Vertex normals are authoritative for which side is the front (pbrt).
                double sx = 0, sy = 0, sz = 0;
                for (int v = 0; v < 3; v++) {
                    sx += geo.triN.get(9 * t + 3 * v);
                    sy += geo.triN.get(9 * t + 3 * v + 1);
                    sz += geo.triN.get(9 * t + 3 * v + 2);
                }
                flip = nx * sx + ny * sy + nz * sz < 0;
            } else {
                flip = geo.triFlip.get(t) != 0;
            }
            double k = flip ? -1 : 1;
            b.triNg[3 * i] = (float) (nx * k);
            b.triNg[3 * i + 1] = (float) (ny * k);
            b.triNg[3 * i + 2] = (float) (nz * k);
            for (int k2 = 0; k2 < 6; k2++) {
                b.triUv[6 * i + k2] = geo.triUv.get(6 * t + k2);
            }
            b.triMaterial[i] = geo.triMat.get(t);
            b.triHasNs[i] = hasN ? 1 : 0;
            b.triLight[i] = -1;
        }
        b.sphereCount = ns;
        b.sphereGeom = geo.sph.toArray();
        b.sphereFrame = geo.sphFrame.toArray();
        b.sphereFlip = geo.sphFlip.toArray();
        b.sphereMaterial = geo.sphMat.toArray();
        b.sphereLight = new int[ns];
        java.util.Arrays.fill(b.sphereLight, -1);
        b.bvhBounds = bvh.bounds();
        b.bvhChildren = bvh.children();
        b.bvhPrims = prims;
        b.sceneBounds = bvh.sceneBounds();
        b.triEmitterScratch = new int[nt];
        for (int i = 0; i < nt; i++) {
            b.triEmitterScratch[i] = geo.triEmitter.get(order[i]);
        }
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
                maxRadiance = Math.max(maxRadiance, max3(p, LightLayout.L));
            }
        }
        for (int s = 0; s < b.sphereCount; s++) {
            int e = geo.sphEmitter.get(s);
            if (e >= 0) {
                float r = b.sphereGeom[4 * s + 3];
                float[] p = lights.areaParams(e, (float) (4 * Math.PI * r * r));
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
            if (type == LightLayout.INFINITE || type == LightLayout.DISTANT) {
                infinite.add(types.size());
                p[LightLayout.POS] = 0.5f * (sb[0] + sb[3]);
                p[LightLayout.POS + 1] = 0.5f * (sb[1] + sb[4]);
                p[LightLayout.POS + 2] = 0.5f * (sb[2] + sb[5]);
                p[LightLayout.COS_TOTAL] = (float) radius;
                maxRadiance = Math.max(maxRadiance, max3(p, LightLayout.L));
            } else {
                // A point light's radiance is unbounded; take its irradiance at 5% of the scene size.
                double d = 0.05 * Math.max(diag, 1e-3);
                maxRadiance = Math.max(maxRadiance, max3(p, LightLayout.L) / (d * d));
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
