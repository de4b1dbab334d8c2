package org.luxnet.scene.compiled;

/**
 * Texture programs in {@link CompiledScene}: every textured material parameter is a small program of
 * nodes stored in post-order ({@link CompiledScene#texType}, {@link CompiledScene#texChild}, {@link
 * CompiledScene#texParams}), so that the kernel evaluates it front to back without recursion. Node
 * {@code start + r} of a program writes value register {@code r}; its children are named by their
 * registers. A material slot's program is {@link CompiledScene#matTexStart} to {@link
 * CompiledScene#matTexRoot} (the root is last); -1 means the slot keeps its constant value, so an
 * untextured material costs nothing.
 */
public final class TextureLayout {
    private TextureLayout() {
    }

    /** Value registers (nodes) a program may use. */
    public static final int MAX_NODES = 16;
    /** Children per node: registers in {@link CompiledScene#texChild}, -1 when absent. */
    public static final int CHILDREN = 4;
    /** Floats per node in {@link CompiledScene#texParams}. */
    public static final int NODE_STRIDE = 32;

    // Node types.
    /** A constant colour: VALUE. */
    public static final int CONSTANT = 0;
    /** child0 x child1. */
    public static final int SCALE = 1;
    /** (1 - a) child0 + a child1, a = child2 (a float texture's value). */
    public static final int MIX = 2;
    /** 2D checkerboard over the mapped (s, t): child0 on even cells, child1 on odd (AAMODE: pbrt-v3's closed form). */
    public static final int CHECKER2D = 3;
    /** 3D checkerboard over the texture-space point: child0 on even cells, child1 on odd. */
    public static final int CHECKER3D = 4;
    /** (frac(s), frac(t), 0). */
    public static final int UV = 5;
    /** Bilinear blend of child0..3 = v00, v01, v10, v11 at the mapped (s, t). */
    public static final int BILERP = 6;
    /** pbrt-v3 polka dots: child0 inside a dot, child1 outside (the compiler applies pbrt-v3's swap). */
    public static final int DOTS = 7;
    /** pbrt-v3 FBm of the texture-space point. */
    public static final int FBM = 8;
    /** pbrt-v3 Turbulence of the texture-space point. */
    public static final int WRINKLED = 9;
    /** pbrt-v3 windy waves. */
    public static final int WINDY = 10;
    /** Marble: pbrt-v3's (with its spline-index quirk) or, MARBLE_LUX set, LuxRender's. */
    public static final int MARBLE = 11;
    /** An image, bilinear at full resolution (pbrt-v3 MIPMap::triangle at level 0). */
    public static final int IMAGEMAP = 12;
    /** LuxRender add: child0 + child1. */
    public static final int ADD = 13;
    /** LuxRender subtract: child0 - child1. */
    public static final int SUBTRACT = 14;
    /**
     * One segment [BAND_LO, BAND_HI) of LuxRender's band (textures/band.h): below BAND_LO child3 (the
     * earlier segments' value), from BAND_HI on child1, between them child0 to child1 lerped by child2.
     */
    public static final int BAND = 15;
    /** LuxRender colordepth (textures/colordepth.h): -ln(clamp(child0, 1e-9, 1)) / DEPTH. */
    public static final int COLORDEPTH = 16;
    /** LuxRender harlequin (textures/harlequin.h): a palette colour per primitive. */
    public static final int HARLEQUIN = 17;
    /**
     * LuxRender hitpointcolor (textures/hitpointcolor.h, HitPointRGBColorTexture): the hit triangle's
     * vertex colours ("C") interpolated by its barycentrics; 1 where the shape has none.
     */
    public static final int HITPOINTCOLOR = 18;
    /** LuxRender hitpointalpha (HitPointAlphaTexture): the interpolated vertex alpha ("A"); 1 where there is none. */
    public static final int HITPOINTALPHA = 19;
    /**
     * LuxRender hitpointgrey (HitPointGreyTexture): channel CHANNEL (0, 1, 2) of the interpolated vertex
     * colour, or for any other channel its luminance RGBColor::Y().
     */
    public static final int HITPOINTGREY = 20;
    /**
     * LuxRender densitygrid (textures/densitygrid.h DensityGridTexture): a float grid of nx x ny x nz
     * values over the texture space's unit cube, trilinear between samples at integer grid coordinates
     * (the index clamped to the grid), under a wrap mode; the values lie in {@link
     * CompiledScene#texTexels} from DG_OFFSET_HI * 4096 + DG_OFFSET_LO on, x fastest. (Numbered apart
     * from the types above so that textures added meanwhile elsewhere keep theirs.)
     */
    public static final int DENSITYGRID = 60;
    /**
     * LuxRender exponential (textures/exponential.h ExponentialTexture): clamp(exp(-decay (P - origin) .
     * updir), 0, 1) at texture-space point P; updir as given, not normalized (as LuxRender keeps it).
     */
    public static final int EXPONENTIAL = 61;

    /**
     * LuxRender brick (textures/brick.h BrickTexture3D::Evaluate): child0 ("bricktex") times child2
     * ("brickmodtex", absent: 1) inside a brick, child1 ("mortartex") in the mortar, at the texture-space
     * point of its 3D mapping; child3, when present, is the {@link #BRICK_AT} node whose register holds
     * the hit point it replaced. Parameters from {@link #BR_WIDTH} on. (Numbered from 70, apart from the
     * types above, so that textures added meanwhile elsewhere keep theirs.)
     */
    public static final int BRICK = 70;
    /**
     * Before a brick's "brickmodtex" nodes: evaluates brick.h at the current point (the brick's mapping and
     * parameters, as the {@link #BRICK} node after them has) and makes the brick's index the point the
     * following nodes see (brick.h: dgb.p = brickIndex), keeping the point it replaced in its register.
     */
    public static final int BRICK_AT = 71;
    /** LuxRender multimix (textures/multimix.h), one term: child1 (the earlier terms; absent: 0) + MM_WEIGHT child0. */
    public static final int MULTIMIX = 72;
    /**
     * LuxRender uvmask (textures/uvmask.h UVMaskTexture::Evaluate): child0 ("innertex") where the 2D
     * mapping's (s, t) lies in [0, 1]^2, child1 ("outertex") elsewhere.
     */
    public static final int UVMASK = 73;

    // Parameter offsets within a node.
    /** 3x4 row-major matrix: world to texture space (3D textures, spherical and cylindrical mappings). */
    public static final int XFORM = 0;
    /** 2D mapping kind, one of the MAP_ constants; for 3D textures LuxRender's coordinates, a MAP3D_ constant. */
    public static final int MAPPING = 12;
    /** uv mapping: su, sv, du, dv (planar: ds at DU, dt at DV). */
    public static final int SU = 13, SV = 14, DU = 15, DV = 16;
    /** Planar mapping axes vs (3 floats) and vt (3 floats). */
    public static final int VS = 17, VT = 20;
    /** Constant: the colour (3 floats). */
    public static final int VALUE = 23;
    /** Image map: image index in {@link CompiledScene#texImageInfo} and wrap mode (WRAP_ constants). */
    public static final int IMAGE = 23, WRAP = 24;
    /** Image wrap modes. */
    public static final int WRAP_REPEAT = 0, WRAP_BLACK = 1, WRAP_CLAMP = 2, WRAP_WHITE = 3;
    /** Image map: filter (FILTER_ constants) and, for EWA, the largest ratio of the footprint's axes. */
    public static final int FILTER = 25, MAX_ANISOTROPY = 26;
    /**
     * Image filters: pbrt-v3 MIPMap::triangle at level 0 (LuxRender "bilinear"), MIPMap::Lookup with a
     * width (pbrt-v3 "trilinear", LuxRender "mipmap_trilinear"), MIPMap::EWA (pbrt-v3's default,
     * LuxRender "mipmap_ewa"), LuxRender "nearest".
     */
    public static final int FILTER_BILINEAR = 0, FILTER_TRILINEAR = 1, FILTER_EWA = 2, FILTER_NEAREST = 3;
    /** Most levels of an image's pyramid (32768 texels a side). */
    public static final int MAX_LEVELS = 16;
    /**
     * Integers per image in {@link CompiledScene#texImageInfo}: first texel, width and height of level
     * 0, the number of levels, then per level (up to {@link #MAX_LEVELS}) its first texel, width, height.
     * Levels lie one after the other in {@link CompiledScene#texTexels}, finest first.
     */
    public static final int IMAGE_INFO = 4 + 3 * MAX_LEVELS;
    /** Offsets in an image's info: level count, and the first level's (first texel, width, height). */
    public static final int INFO_LEVELS = 3, INFO_LEVEL0 = 4;
    /** 2D checkerboard: 1 for "closedform" antialiasing over the footprint, 0 for point sampling. */
    public static final int AAMODE = 23;
    /**
     * Marble: 1 for LuxRender's (textures/marble.h: spline index floor(6 t) over all nine colours, FBm
     * with zero differentials), 0 for pbrt-v3's (index min(1, floor(6 t)), FBm over the footprint).
     */
    public static final int MARBLE_LUX = 23;
    /** Band segment: its offsets. */
    public static final int BAND_LO = 23, BAND_HI = 24;
    /** Colordepth: max(1e-3, "depth"). */
    public static final int DEPTH = 23;
    /** Hitpointgrey: the channel, 0 to 2, or -1 for the luminance. */
    public static final int CHANNEL = 23;
    /** Noise textures: octaves, omega (roughness), scale, variation. */
    public static final int OCTAVES = 26, OMEGA = 27, SCALE_P = 28, VARIATION = 29;

    /** Densitygrid: first value (HI * 4096 + LO, each exact in a float), wrap mode (WRAP_*), nx, ny, nz. */
    public static final int DG_OFFSET_HI = 23, DG_OFFSET_LO = 24, DG_WRAP = 25, DG_NX = 26, DG_NY = 27, DG_NZ = 28;
    /** Exponential: origin (3 floats), updir (3 floats), decay. */
    public static final int EXP_ORIGIN = 23, EXP_UP = 26, EXP_DECAY = 29;

    /**
     * Brick: brick width, height, depth (herringbone and basket: all the width), mortar size, run, the
     * bond (BOND_ constants), the bond's offset in brick units (x, y), and herringbone's and basket's
     * proportion floorf(width / height).
     */
    public static final int BR_WIDTH = 23, BR_HEIGHT = 24, BR_DEPTH = 25, BR_MORTAR = 26, BR_RUN = 27, BR_BOND = 28,
            BR_OFFSET_X = 29, BR_OFFSET_Y = 30, BR_PROPORTION = 31;
    /** Brick bonds (brick.h MasonryBond): running (and stacked), flemish, english, herringbone, basket, chain link. */
    public static final int BOND_RUNNING = 0, BOND_FLEMISH = 1, BOND_ENGLISH = 2, BOND_HERRINGBONE = 3, BOND_BASKET = 4,
            BOND_CHAIN = 5;
    /** Multimix: the term's weight. */
    public static final int MM_WEIGHT = 23;

    /** 2D mappings. */
    public static final int MAP_UV = 0, MAP_SPHERICAL = 1, MAP_CYLINDRICAL = 2, MAP_PLANAR = 3;
    /**
     * 3D textures (which have no 2D mapping) keep LuxRender's "coordinates" in {@link #MAPPING}
     * (core/texture.cpp TextureMapping3D::Create): the point a texture's {@link #XFORM} maps is the
     * world point ("global", 0 like {@link #MAP_UV}, what every scene had before), the point in the
     * shape's object space ("local", {@link CompiledScene#primLocal}), (u, v, 0) of the hit ("uv"), or
     * the shading normal in world or object space ("globalnormal", "localnormal"; {@link #XFORM} then
     * holds the inverse transpose of the mapping, as LuxRender transforms a Normal).
     */
    public static final int MAP3D_GLOBAL = 0, MAP3D_LOCAL = 4, MAP3D_UV = 5, MAP3D_GLOBALNORMAL = 6,
            MAP3D_LOCALNORMAL = 7;

    // LuxRender 1.x's Blender procedural textures (textures/blender_*.cpp, blender_base.h), numbered from 30
    // so that other texture families can append from 18. One node type; BL_KIND says which texture.
    /**
     * A Blender texture (float): (1 - f) child0 + f child1, f its intensity at the texture-space point
     * (BlenderTexture3D::Evaluate: Lerp(GetF(P), tex1, tex2)).
     */
    public static final int BLENDER = 30;
    /** Blender texture: which one, Blender's TEX_ number (the BL_ constants below). */
    public static final int BL_KIND = 17;
    /** Blender texture: its "type" (stype; voronoi: the distance metric 0..6). */
    public static final int BL_STYPE = 18;
    /** Blender texture: noise basis (Blender's numbers: 0 blender_original .. 8 crackle, 14 cell noise). */
    public static final int BL_BASIS = 19;
    /**
     * Blender texture: noisebasis2 (wood and marble: waveform 0 sin, 1 saw, 2 tri; distortednoise: the
     * "type" basis; blend: 1 for flipxy; voronoi: coltype).
     */
    public static final int BL_BASIS2 = 20;
    /** Blender texture: noisesize. */
    public static final int BL_NOISESIZE = 21;
    /** Blender texture: 1 for "hard_noise", 0 for "soft_noise". */
    public static final int BL_HARD = 22;
    /** Blender texture: noisedepth. */
    public static final int BL_DEPTH = 23;
    /** Blender texture: turbulence; musgrave and voronoi: outscale (they have no turbulence). */
    public static final int BL_TURB = 24, BL_OUTSCALE = 24;
    /** Blender texture: bright and contrast. */
    public static final int BL_BRIGHT = 25, BL_CONTRAST = 26;
    /** Musgrave: H, lacunarity, octaves, offset, gain. */
    public static final int BL_H = 27, BL_LACU = 28, BL_OCTS = 29, BL_OFFSET = 30, BL_GAIN = 31;
    /** Voronoi: the weights w1..w4 and the Minkowski exponent. */
    public static final int BL_W1 = 27, BL_MEXP = 31;
    /** Distortednoise: distamount. */
    public static final int BL_DISTAMOUNT = 27;
    /** Blender texture kinds (Blender's TEX_ numbers in blender_texlib.h). */
    public static final int BL_CLOUDS = 1, BL_WOOD = 2, BL_MARBLE = 3, BL_MAGIC = 4, BL_BLEND = 5, BL_STUCCI = 6,
            BL_NOISE = 7, BL_MUSGRAVE = 11, BL_VORONOI = 12, BL_DISTNOISE = 13;

    /** Values a slot's program writes: a colour (3 floats) or a float. */
    public static final int WIDTH_COLOUR = 3, WIDTH_FLOAT = 1;
}
