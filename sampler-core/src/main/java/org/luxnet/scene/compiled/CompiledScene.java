package org.luxnet.scene.compiled;

/**
 * The immutable, flat form of a scene that every sampler reads: the CPU path tracer and the GPU
 * kernel alike. Everything is primitive arrays in a structure-of-arrays layout, built once by the
 * scene compiler. Arrays are shared, never copied: callers must treat them as read-only.
 *
 * <p>Primitives are numbered in one space: {@code [0, triangleCount)} are triangles, {@code
 * [triangleCount, triangleCount + sphereCount)} spheres, then {@link #curveCount} pieces of pbrt-v3
 * curves. Triangles are stored in BVH leaf order.
 *
 * <p>BVH: a binary tree whose node {@code n} stores the bounds of both of its children ({@code
 * bvhBounds[12n .. 12n+5]} = left child min xyz, max xyz; {@code [12n+6 .. 12n+11]} = right child),
 * and {@code bvhChildren[4n .. 4n+3]} = left ref, left count, right ref, right count. A count of 0
 * means the ref is an interior node index; a count above 0 means a leaf whose primitives are {@code
 * bvhPrims[ref .. ref+count)}; a ref of -1 with count 0 is an empty child (its box is inverted and
 * never hit); a ref {@code r <= -2} with count 0 is object instance {@code -2 - r}. Node 0 is the root.
 *
 * <p>Instancing is a two-level BVH in these same arrays. The nodes from 0 on form the top level, over
 * world-space triangles and spheres and over instance bounds. Each instanced object's geometry is
 * stored once, in its own object space: its triangles follow the world's ({@code [worldTriangleCount,
 * triangleCount)}), its curve pieces follow the world's, its bottom-level BVH follows the top level's nodes and prims, and {@link
 * #instRoot} gives each instance its object's root node. A ray reaching an instance child continues in
 * that root with its origin and direction transformed by the instance's world-to-object matrix (the
 * direction is not renormalised, so distances t are the same in both spaces).
 */
public final class CompiledScene {
    // Triangles (in BVH leaf order).
    public final int triangleCount;
    /** 9 floats per triangle: v0 xyz, edge1 = v1 - v0, edge2 = v2 - v0. */
    public final float[] triGeom;
    /** 3 floats per triangle: unit geometric normal, oriented (see the compiler). */
    public final float[] triNg;
    /** 9 floats per triangle: shading normals at v0, v1, v2 (all zero when the mesh has none). */
    public final float[] triNs;
    /** 6 floats per triangle: uv at v0, v1, v2. */
    public final float[] triUv;
    /** Material index per triangle. */
    public final int[] triMaterial;
    /** Light index per triangle, -1 when it does not emit. */
    public final int[] triLight;
    /** 1 when the triangle has shading normals, else 0. */
    public final int[] triHasNs;
    /**
     * LuxRender vertex colours: per triangle its first float in {@link #triColourData}, -1 when it has
     * none; empty when no triangle has any (a scene without vertex colours stores nothing).
     */
    public final int[] triColour;
    /** 12 floats per coloured triangle: rgb at v0, v1, v2, then alpha at v0, v1, v2. */
    public final float[] triColourData;
    /**
     * pbrt-v3 alpha masks (shapes/triangle.cpp): per triangle its row in {@link #alphaMasks}, -1 when it has
     * none; empty when no triangle has one (a scene without masks stores nothing).
     */
    public final int[] triAlpha;
    /**
     * {@link #ALPHA_STRIDE} ints per mask: the start and root nodes of its "alpha" texture program, then of
     * its "shadowalpha" program, each -1 when absent. A hit where alpha evaluates to exactly 0 is ignored by
     * every ray, one where shadowalpha does by shadow rays (Triangle::Intersect, Triangle::IntersectP).
     */
    public final int[] alphaMasks;
    /** Ints per row of {@link #alphaMasks}. */
    public static final int ALPHA_STRIDE = 4;

    // Spheres.
    public final int sphereCount;
    /** 4 floats per sphere: centre xyz, radius. */
    public final float[] sphereGeom;
    /** 1 when the sphere's normals point inwards (ReverseOrientation), else 0. */
    public final int[] sphereFlip;
    public final int[] sphereMaterial;
    public final int[] sphereLight;
    /** 9 floats per sphere: world-to-object rotation, row-major (for the sphere's (u, v)). */
    public final float[] sphereFrame;

    // Curves (pbrt-v3 shapes/curve.cpp; the kernel's CurveKernel explains the split).
    /** Floats per common segment in {@link #curveGeom}. */
    public static final int CURVE_STRIDE = 22;
    /** Curve types in {@link #curveInfo}. */
    public static final int CURVE_FLAT = 0, CURVE_RIBBON = 1, CURVE_CYLINDER = 2;
    /** Curve pieces: primitives {@code [triangleCount + sphereCount, + curveCount)}. */
    public final int curveCount;
    /**
     * {@link #CURVE_STRIDE} floats per common segment (one cubic Bezier of a curve statement, as
     * pbrt-v3's CreateCurveShape makes it): control points (12, world space), width0, width1 (the
     * segment's, CurveCommon::width), ribbon normals n0, n1 (unit, world space), their angle
     * (CurveCommon::normalAngle) and 1 / sin of it.
     */
    public final float[] curveGeom;
    /**
     * 4 ints per common segment: type ({@link #CURVE_FLAT}, ...), flip (ReverseOrientation xor a
     * mirroring transform: the normal is negated), mirror (the transform swaps handedness: pbrt's
     * object-space v is 1 - the v found in world space), material.
     */
    public final int[] curveInfo;
    /**
     * 2 ints per curve piece: its common segment, and {@code s << 10 | splitdepth << 5 | D}: the
     * piece is number s of the 2^(splitdepth + D) equal parts of the common segment's u, and the
     * Curve it belongs to (one of CreateCurve's 2^splitdepth) is split in 2^D pieces.
     */
    public final int[] curveSeg;

    /** Triangles outside instanced objects; those from here to triangleCount are in object space. */
    public final int worldTriangleCount;

    // Object instances.
    /** Floats per instance in {@link #instXform}. */
    public static final int INST_STRIDE = 25;
    /** Offsets in an instance's {@link #instXform} entry: world-to-object and object-to-world (3x4, row-major), scale. */
    public static final int INST_W2O = 0, INST_O2W = 12, INST_SCALE = 24;
    public final int instanceCount;
    /**
     * {@link #INST_STRIDE} floats per instance: the world-to-object matrix, the object-to-world matrix
     * (rows of 4: the top 3 rows of the 4x4 affine matrix) and the largest scale of the object-to-world
     * matrix (a bound on how much it lengthens a vector, for ray offsets).
     */
    public final float[] instXform;
    /** Per instance: the node of its object's bottom-level BVH root. */
    public final int[] instRoot;
    /** Per instance: the material that replaces its object's (LuxRender's instance material), or -1. */
    public final int[] instMaterial;
    /**
     * Per instance: its record in {@link #motion} when it moves during the shutter, else -1 (then
     * {@link #instXform} places it; a moving instance's entry there holds its start transform).
     */
    public final int[] instMotion;
    /** The moving instances' records ({@link org.luxnet.scene.desc.AnimatedTransform#record}, one or more each). */
    public final float[] motion;

    // LuxRender's "local" 3D texture coordinates (TextureLayout#MAP3D_LOCAL); both empty in scenes without.
    /** Floats per entry of {@link #localXform}: world-to-object, then object-to-world (3x4, row-major). */
    public static final int LOCAL_STRIDE = 24;
    /**
     * Per primitive (triangles, then spheres): its shape's object space in {@link #localXform}, which
     * LuxRender's LocalMapping3D takes (dg.handle->GetLocalToWorld: the shape's ObjectToWorld), or -1
     * for none further: a triangle of an instanced object is in its instance's space already, as
     * LuxRender's instance of an aggregate (its GetLocalToWorld is the identity); only an object of one
     * quadric, which LuxRender intersects directly, maps on into that shape's space. Empty when no
     * texture uses "local" or "localnormal".
     */
    public final int[] primLocal;
    /** {@link #LOCAL_STRIDE} floats per shape space of {@link #primLocal}. */
    public final float[] localXform;
    /** Distinct instanced objects whose geometry is stored (once each). */
    public final int objectCount;

    // BVH.
    public final float[] bvhBounds;
    public final int[] bvhChildren;
    public final int[] bvhPrims;
    public final int bvhNodeCount;
    /** Scene bounds: min xyz, max xyz. */
    public final float[] sceneBounds;

    // Materials.
    public final int materialCount;
    public final int[] matType;
    /** {@link MaterialLayout#STRIDE} floats per material. */
    public final float[] matParams;
    /** Per material slot ({@link MaterialLayout#STRIDE} per material): its texture program's first node, -1 if constant. */
    public final int[] matTexStart;
    /** Per material slot: its program's root (last) node. */
    public final int[] matTexRoot;
    /** Per material slot: values its program writes, 3 (colour) or 1 (float). */
    public final int[] matTexWidth;
    /** Per material: 1 when any slot is textured. */
    public final int[] matTextured;

    // Texture programs (see TextureLayout).
    /** Node type per node. */
    public final int[] texType;
    /** {@link TextureLayout#CHILDREN} registers per node, -1 when absent. */
    public final int[] texChild;
    /** {@link TextureLayout#NODE_STRIDE} floats per node. */
    public final float[] texParams;
    /** Image texels, RGB, rows from the bottom (v = 0) up, final values (gamma and scale applied). */
    public final float[] texTexels;
    /** {@link TextureLayout#IMAGE_INFO} integers per image: its pyramid's levels in {@link #texTexels}. */
    public final int[] texImageInfo;

    // Lights.
    public final int lightCount;
    public final int[] lightType;
    /** {@link LightLayout#STRIDE} floats per light. */
    public final float[] lightParams;
    /** Triangle or sphere index of area lights, -1 for others. */
    public final int[] lightPrim;
    /** Probability of choosing each light for next-event estimation (sums to 1). */
    public final float[] lightSelectPdf;
    /** Cumulative distribution for choosing a light: {@code lightCount + 1} entries, 0 first, 1 last. */
    public final float[] lightCdf;
    /** Indices of infinite and distant lights, which rays that escape the scene can see. */
    public final int[] infiniteLights;

    // Environment maps of infinite lights (EnvMapLayout).
    /** Number of environment maps. */
    public final int envMapCount;
    /** Texels of every map, 3 floats each, the light's colour folded in. */
    public final float[] envTexels;
    /** Sampling distributions of every map. */
    public final float[] envDist;
    /** Rotations of every map: world to light, light to world. */
    public final float[] envXform;
    /** Per map: texel offset, width, height, distribution offset. */
    public final int[] envInfo;

    public final CameraData camera;
    /**
     * The media table ({@link MediumLayout}): {@link MediumLayout#STRIDE} floats per homogeneous
     * medium, row 0 vacuum; glass2 and null material rows and {@link #cameraMedium} index it.
     */
    public final float[] mediaParams;
    /**
     * The density grids of the media table's grid media, one after another (pbrt-v3 GridDensityMedium's
     * "density", x fastest, then y, then z); each medium's row says where its grid starts.
     */
    public final float[] mediaGrids;
    /**
     * pbrt-v3 "fourier" materials' tables, values (eta, mu, cdf, a0, 1 / k, coefficients) and their
     * directory (sizes, series offsets and lengths): see FourierTables in the compiler for the layout.
     */
    public final float[] fourierData;
    public final int[] fourierInfo;
    /** The medium camera rays start in (LuxRender: the Exterior at the Camera statement; pbrt-v3: its "outside"). */
    public final int cameraMedium;
    /**
     * True when some primitive has the null material: shadow rays must then pass through those
     * primitives as camera and bounce rays do ({@link #isNullSurface}).
     */
    public final boolean hasNullSurfaces;

    /** Creates a compiled scene from arrays the compiler built; takes ownership of them. */
    public CompiledScene(Builder b) {
        triangleCount = b.triangleCount;
        triGeom = b.triGeom;
        triNg = b.triNg;
        triNs = b.triNs;
        triUv = b.triUv;
        triMaterial = b.triMaterial;
        triLight = b.triLight;
        triHasNs = b.triHasNs;
        triColour = b.triColour == null ? new int[0] : b.triColour;
        triColourData = b.triColourData == null ? new float[0] : b.triColourData;
        triAlpha = b.triAlpha == null ? new int[0] : b.triAlpha;
        alphaMasks = b.alphaMasks == null ? new int[0] : b.alphaMasks;
        worldTriangleCount = b.worldTriangleCount;
        instanceCount = b.instRoot.length;
        instXform = b.instXform;
        instRoot = b.instRoot;
        instMaterial = b.instMaterial;
        instMotion = b.instMotion.length == instRoot.length ? b.instMotion : filled(instRoot.length);
        motion = b.motion;
        primLocal = b.primLocal;
        localXform = b.localXform;
        objectCount = b.objectCount;
        sphereCount = b.sphereCount;
        sphereGeom = b.sphereGeom;
        sphereFlip = b.sphereFlip;
        sphereMaterial = b.sphereMaterial;
        sphereLight = b.sphereLight;
        sphereFrame = b.sphereFrame == null ? identityFrames(sphereCount) : b.sphereFrame;
        curveCount = b.curveSeg == null ? 0 : b.curveSeg.length / 2;
        curveGeom = b.curveGeom == null ? new float[0] : b.curveGeom;
        curveInfo = b.curveInfo == null ? new int[0] : b.curveInfo;
        curveSeg = b.curveSeg == null ? new int[0] : b.curveSeg;
        bvhBounds = b.bvhBounds;
        bvhChildren = b.bvhChildren;
        bvhPrims = b.bvhPrims;
        bvhNodeCount = b.bvhChildren.length / 4;
        sceneBounds = b.sceneBounds;
        materialCount = b.matType.length;
        matType = b.matType;
        matParams = b.matParams;
        int slots = matParams.length;
        matTexStart = b.matTexStart == null ? filled(slots, -1) : b.matTexStart;
        matTexRoot = b.matTexRoot == null ? filled(slots, -1) : b.matTexRoot;
        matTexWidth = b.matTexWidth == null ? new int[slots] : b.matTexWidth;
        matTextured = b.matTextured == null ? new int[matType.length] : b.matTextured;
        texType = b.texType == null ? new int[0] : b.texType;
        texChild = b.texChild == null ? new int[0] : b.texChild;
        texParams = b.texParams == null ? new float[0] : b.texParams;
        texTexels = b.texTexels == null ? new float[0] : b.texTexels;
        texImageInfo = b.texImageInfo == null ? new int[0] : b.texImageInfo;
        lightCount = b.lightType.length;
        lightType = b.lightType;
        lightParams = b.lightParams;
        lightPrim = b.lightPrim;
        lightSelectPdf = b.lightSelectPdf;
        lightCdf = b.lightCdf;
        infiniteLights = b.infiniteLights;
        envTexels = b.envTexels == null ? new float[0] : b.envTexels;
        envDist = b.envDist == null ? new float[0] : b.envDist;
        envXform = b.envXform == null ? new float[0] : b.envXform;
        envInfo = b.envInfo == null ? new int[0] : b.envInfo;
        envMapCount = envInfo.length / EnvMapLayout.INFO_STRIDE;
        camera = b.camera;
        mediaParams = b.mediaParams == null ? new float[MediumLayout.STRIDE] : b.mediaParams;
        cameraMedium = b.cameraMedium;
        mediaGrids = b.mediaGrids == null ? new float[0] : b.mediaGrids;
        fourierData = b.fourierData == null ? new float[0] : b.fourierData;
        fourierInfo = b.fourierInfo == null ? new int[0] : b.fourierInfo;
        boolean anyNull = false;
        for (int t : b.matType) {
            anyNull |= t == MaterialLayout.NULL;
        }
        hasNullSurfaces = anyNull;
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static float[] identityFrames(int n) {
        float[] f = new float[9 * n];
        for (int i = 0; i < n; i++) {
            f[9 * i] = 1;
            f[9 * i + 4] = 1;
            f[9 * i + 8] = 1;
        }
        return f;
    }

    /** True when primitive {@code p} (triangle, sphere or curve index space) has the null material. */
    public boolean isNullSurface(int p) {
        int m = p < triangleCount ? triMaterial[p] : p < triangleCount + sphereCount ? sphereMaterial[p - triangleCount]
                : curveInfo[4 * curveSeg[2 * (p - triangleCount - sphereCount)] + 3];
        return matType[m] == MaterialLayout.NULL;
    }

    /** True when some triangle has a pbrt-v3 alpha mask ({@link #triAlpha}). */
    public boolean hasAlphaMasks() {
        return triAlpha.length > 0;
    }

    /** Number of primitives (triangles, spheres and curve pieces). */
    public int primitiveCount() {
        return triangleCount + sphereCount + curveCount;
    }

    /** Mutable holder the compiler fills; handed to the constructor once complete. */
    public static final class Builder {
        public int triangleCount;
        public float[] triGeom, triNg, triNs, triUv;
        public int[] triMaterial, triLight, triHasNs;
        /** See {@link CompiledScene#triColour}; null or empty without vertex colours. */
        public int[] triColour;
        public float[] triColourData;
        /** See {@link CompiledScene#triAlpha} and {@link CompiledScene#alphaMasks}; null or empty without masks. */
        public int[] triAlpha, alphaMasks;
        /** See {@link CompiledScene#primLocal}; empty without "local" texture coordinates. */
        public int[] primLocal = new int[0];
        public float[] localXform = new float[0];
        public int worldTriangleCount;
        public float[] instXform = new float[0];
        public int[] instRoot = new int[0];
        public int[] instMaterial = new int[0];
        public int[] instMotion = new int[0];
        public float[] motion = new float[0];
        public int objectCount;
        public int sphereCount;
        public float[] sphereGeom;
        public int[] sphereFlip, sphereMaterial, sphereLight;
        public float[] curveGeom;
        public int[] curveInfo, curveSeg;
        public float[] bvhBounds;
        public int[] bvhChildren, bvhPrims;
        public float[] sceneBounds;
        public int[] matType;
        public float[] matParams;
        public int[] matTexStart, matTexRoot, matTexWidth, matTextured, texType, texChild, texImageInfo;
        public float[] texParams, sphereFrame, texTexels;
        public int[] lightType;
        public float[] lightParams;
        public int[] lightPrim;
        public float[] lightSelectPdf, lightCdf;
        public int[] infiniteLights;
        public float[] envTexels, envDist, envXform;
        public int[] envInfo;
        public CameraData camera;
        public float[] mediaParams;
        public int cameraMedium;
        public float[] mediaGrids;
        public float[] fourierData;
        public int[] fourierInfo;
        /** Emitter group of each triangle in leaf order; used by the compiler only, not kept in the scene. */
        public int[] triEmitterScratch;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, -1);
        return a;
    }
}
