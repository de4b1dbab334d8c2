package org.luxnet.scene.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.SceneWarnings;
import org.luxnet.scene.desc.AnimatedTransform;
import org.luxnet.scene.desc.CameraDesc;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.EntityDesc;
import org.luxnet.scene.desc.InstanceDesc;
import org.luxnet.scene.desc.LightDesc;
import org.luxnet.scene.desc.MaterialDesc;
import org.luxnet.scene.desc.ObjectDesc;
import org.luxnet.scene.desc.SceneDescription;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.TextureDesc;
import org.luxnet.scene.desc.Transform;

/**
 * Everything the parser knows part-way through a scene: the stack of files being read (Includes),
 * which block it is in, the graphics state and its saved copies, named coordinate systems, object
 * definitions, and what has been collected for the {@link SceneDescription}. Statement handlers read
 * and change it; it holds no parsing logic beyond the block and file bookkeeping they share.
 */
final class ParseState {
    /** pbrt's API states: options before WorldBegin, the world after it; LuxNet reads one frame. */
    enum Phase { OPTIONS, WORLD, ENDED }

    private final SceneResources resources;
    private final String mainFile;
    private final TokenStream tokens;
    private final List<SceneWarning> warnings = new ArrayList<>();
    final DialectEvidence dialect = new DialectEvidence();

    Phase phase = Phase.OPTIONS;
    FileLoc worldBeginLoc;
    FileLoc worldEndLoc;
    GraphicsState gs = new GraphicsState();
    final List<OpenBlock> openBlocks = new ArrayList<>();
    final Map<String, DualTransform> coordinateSystems = new HashMap<>();

    /** The end transform of a moving named coordinate system, with LuxRender's knot times (or null). */
    record MotionEnd(DualTransform ctm, double[] luxTimes, DualTransform[] luxMiddle) {
    }

    /** End transforms of the named coordinate systems that move (the start ones are in {@link #coordinateSystems}). */
    final Map<String, MotionEnd> coordinateSystemsEnd = new HashMap<>();

    /** LuxRender motion block: where it began, its knot times and the transforms written in it (one per knot). */
    FileLoc motionBlockLoc;
    double[] motionBlockTimes;
    final List<DualTransform> motionBlockTransforms = new ArrayList<>();

    /** pbrt-v3's TransformTimes (renderOptions->transformStartTime, transformEndTime). */
    double transformStartTime = 0, transformEndTime = 1;

    /** The dialect of a second reading (see {@link #ctm}); null on the first. */
    private final Dialect knownDialect;
    /** Dialects guessed, part-way through the file, for transforms a LookAt made dialect-dependent. */
    private final Set<Dialect> guessedDialects = new HashSet<>();

    final Map<String, ObjectDesc> objects = new HashMap<>();
    ObjectDesc currentObject;
    final List<InstanceDesc> instances = new ArrayList<>();

    CameraDesc camera;
    /** The camera's world-to-camera transform in both dialects; {@link #toDescription} picks one. */
    DualTransform cameraTransform;
    /** The camera's end-time world-to-camera transform, and the times of both (null: a still camera). */
    DualTransform cameraTransformEnd;
    double[] cameraTimes;
    /** LuxRender: the camera's world-to-camera knots between the first and the last, or null. */
    DualTransform[] cameraMiddle;
    EntityDesc film;
    EntityDesc sampler;
    EntityDesc integrator;
    EntityDesc pixelFilter;
    final List<ShapeDesc> shapes = new ArrayList<>();
    final List<LightDesc> lights = new ArrayList<>();
    /** Every MakeNamedMaterial by name, the last definition winning (lookups use the scoped {@link GraphicsState}). */
    final Map<String, MaterialDesc> namedMaterials = new LinkedHashMap<>();
    final Map<String, TextureDesc> textures = new LinkedHashMap<>();
    /** LuxRender's MakeNamedVolume by name (not scoped by attribute blocks), the last definition winning. */
    final Map<String, org.luxnet.scene.desc.VolumeDesc> volumes = new HashMap<>();
    /** glass2 materials with their volumes, one per (material, interior, exterior), so that shapes share them. */
    final Map<java.util.List<Object>, MaterialDesc> materialsInVolumes = new HashMap<>();

    ParseState(SceneResources resources, SceneResources.Resource mainFile, Dialect knownDialect) {
        this.resources = resources;
        this.knownDialect = knownDialect;
        this.mainFile = mainFile.name();
        this.tokens = new TokenStream(mainFile, (path, loc) -> open(path, "Include file", loc));
    }

    /** The tokens of the scene, Includes read in place. */
    TokenStream tokens() {
        return tokens;
    }

    /**
     * Reads a file a statement names ({@code role}: "Include file", "PLY file"). A relative path is
     * relative to the main scene file's directory, wherever it is written: pbrt-v3 resolves it against
     * the search directory set from the scene file (fileutil.cpp ResolveFilename), and luxconsole
     * changes into the scene file's directory before parsing, so LuxRender opens it from there.
     */
    SceneResources.Resource open(String path, String role, FileLoc loc) {
        return resources.open(mainFile, path, role, loc);
    }

    /** Continues reading in {@code r} (pbrt-v4's Import); a file already being read is a cycle. */
    void pushFile(SceneResources.Resource r, FileLoc includeLoc) {
        tokens.push(r, includeLoc);
    }

    void warn(FileLoc loc, String message) {
        warnings.add(new SceneWarning(loc, message));
    }

    /**
     * Warns about an ignored statement kind. Every use is recorded; {@link #toDescription} folds them
     * into one warning at the first use with the count, so big scenes do not drown the log.
     */
    void warnOnce(Token keyword, String message) {
        warn(keyword.loc(), message);
    }

    /** pbrt's VERIFY_WORLD: scene content belongs between WorldBegin and WorldEnd. */
    void requireWorld(Token keyword) {
        if (phase == Phase.OPTIONS) {
            throw new SceneException(keyword.loc(), keyword.text()
                    + " is not allowed before WorldBegin (shapes, lights, materials and attributes belong in the world block)");
        }
    }

    /** pbrt's VERIFY_OPTIONS: camera, film, sampler ... must come before WorldBegin. */
    void requireOptions(Token keyword) {
        if (phase == Phase.WORLD) {
            throw new SceneException(keyword.loc(), keyword.text() + " is not allowed after WorldBegin (at "
                    + worldBeginLoc + "); render options must come before it");
        }
    }

    /**
     * Applies a transform statement: {@code replace} sets the CTM (Transform, Identity,
     * CoordSysTransform), otherwise it is multiplied on the right (pbrt: CTM = CTM * t). Inside a
     * motion block only the first transform is kept, applied at MotionEnd; after {@code
     * ActiveTransform EndTime} nothing changes.
     */
    void applyTransform(Transform t, boolean replace) {
        applyTransform(DualTransform.of(t), replace);
    }

    /** As {@link #applyTransform(Transform, boolean)} for a transform the dialects read differently (LookAt). */
    void applyTransform(DualTransform t, boolean replace) {
        if (motionBlockLoc != null) {
            // LuxRender: each transform in a motion block is one knot, composed onto the CTM at MotionEnd.
            motionBlockTransforms.add(t);
            return;
        }
        if (gs.startTimeActive) {
            gs.ctm = replace ? t : gs.ctm.compose(t);
        }
        if (gs.endTimeActive) {
            gs.ctmEnd = replace ? t : gs.ctmEnd.compose(t);
        }
        if (gs.luxMiddle != null) {
            // LuxRender: MotionTransform * t changes every knot; a replacing transform ends the motion.
            DualTransform[] m = gs.luxMiddle.clone();
            for (int i = 0; i < m.length; i++) {
                m[i] = replace ? t : m[i].compose(t);
            }
            gs.luxMiddle = replace ? null : m;
        }
    }

    /** True when the start and end transforms differ: what is placed now moves during the shutter. */
    boolean ctmAnimated() {
        boolean moves = !gs.ctm.equals(gs.ctmEnd);
        if (gs.luxMiddle != null) {
            for (DualTransform k : gs.luxMiddle) {
                moves |= !k.equals(gs.ctm);
            }
        }
        return moves;
    }

    /**
     * The moving CTM for a statement that keeps it (a shape, an instance), or null when it does not
     * move: pbrt-v3's AnimatedTransform(curTransform[0], transformStartTime, curTransform[1],
     * transformEndTime), or LuxRender's motion system between its first and last knots.
     */
    AnimatedTransform motion(Token keyword) {
        if (!ctmAnimated()) {
            return null;
        }
        Dialect d = dialectNow();
        Transform start = pick(gs.ctm, d), end = pick(gs.ctmEnd, d);
        if (gs.luxMiddle != null) {
            return AnimatedTransform.ofKnots(gs.luxTimes, knots(start, gs.luxMiddle, end, d), AnimatedTransform.Style.LUXRENDER);
        }
        double[] times = gs.luxTimes != null ? gs.luxTimes : new double[] {transformStartTime, transformEndTime};
        return new AnimatedTransform(start, times[0], end, times[times.length - 1],
                gs.luxTimes != null || d == Dialect.LUXRENDER ? AnimatedTransform.Style.LUXRENDER : AnimatedTransform.Style.PBRT);
    }

    /** The knots first, {@code middle}, last, in dialect {@code d}. */
    private Transform[] knots(Transform first, DualTransform[] middle, Transform last, Dialect d) {
        Transform[] k = new Transform[middle.length + 2];
        k[0] = first;
        for (int i = 0; i < middle.length; i++) {
            k[i + 1] = pick(middle[i], d);
        }
        k[k.length - 1] = last;
        return k;
    }

    private Dialect dialectNow() {
        return knownDialect != null ? knownDialect : dialect.decide();
    }

    private Transform pick(DualTransform t, Dialect d) {
        if (t.differs()) {
            guessedDialects.add(d);
        }
        return t.in(d);
    }

    /**
     * The CTM for a statement that keeps it (a shape, light, texture, instance). When a LookAt made it
     * depend on the dialect, the dialect is the one known so far (pbrt-v3 and LuxRender scenes give
     * themselves away in their options block); should the whole file say otherwise, {@link
     * #guessedWrong} asks for a second reading with the dialect known from the start.
     */
    Transform ctm(Token keyword) {
        if (!gs.ctm.differs()) {
            return gs.ctm.pbrt();
        }
        Dialect d = knownDialect != null ? knownDialect : dialect.decide();
        guessedDialects.add(d);
        return gs.ctm.in(d);
    }

    /** True when a transform was taken in a dialect other than the scene's (then read it again). */
    boolean guessedWrong() {
        Dialect d = dialect.decide();
        return guessedDialects.stream().anyMatch(g -> g != d);
    }

    /**
     * A shape goes into the object being defined, or into the world. A moving shape in the world
     * becomes an instance of an object of its own, placed by its moving transform (pbrt-v3 pbrtShape:
     * the shape in its own space inside a TransformedPrimitive with the AnimatedTransform; LuxRender's
     * MotionPrimitive). As in pbrt-v3, a moving shape keeps no area light.
     */
    void addShape(ShapeDesc s, Token keyword) {
        AnimatedTransform motion = motion(keyword);
        if (currentObject != null) {
            if (motion != null && motion.isAnimated()) {
                warnOnce(keyword, "moving shapes inside ObjectBegin/ObjectEnd are not supported (instances do not nest);"
                        + " the shape is placed at its start transform");
            }
            currentObject.shapes().add(s);
        } else if (motion != null && motion.isAnimated()) {
            if (s.areaLight() != null) {
                warnOnce(keyword, "area lights on moving shapes are not supported (pbrt-v3 ignores them too);"
                        + " the shape does not emit");
            }
            ObjectDesc own = new ObjectDesc(s.type() + " at " + s.loc(), s.loc(), new ArrayList<>());
            own.shapes().add(new ShapeDesc(s.type(), s.params(), Transform.IDENTITY, s.reverseOrientation(), s.material(),
                    null, s.loc()));
            instances.add(new InstanceDesc(own, motion.start(), null, s.loc(), motion));
        } else {
            shapes.add(s);
        }
    }

    void pushBlock(OpenBlock.Kind kind, FileLoc loc) {
        openBlocks.add(new OpenBlock(kind, loc, gs.copy()));
    }

    /** Closes the innermost block, which must be of {@code kind}; returns it (its saved state). */
    OpenBlock popBlock(OpenBlock.Kind kind, Token keyword) {
        if (openBlocks.isEmpty()) {
            throw new SceneException(keyword.loc(), keyword.text() + " without a matching " + kind.begin);
        }
        OpenBlock top = openBlocks.get(openBlocks.size() - 1);
        if (top.kind() != kind) {
            throw new SceneException(keyword.loc(), keyword.text() + " does not match the " + top.kind().begin
                    + " at " + top.loc() + " (expected " + top.kind().end + " first)");
        }
        return openBlocks.remove(openBlocks.size() - 1);
    }

    /**
     * At WorldEnd or the end of the main file: blocks still open are closed with a warning, as pbrt
     * does ("Missing end to AttributeBegin").
     */
    void closeOpenBlocks(String where) {
        for (int i = openBlocks.size() - 1; i >= 0; i--) {
            OpenBlock b = openBlocks.get(i);
            warn(b.loc(), b.kind().begin + " has no matching " + b.kind().end + " before " + where);
        }
        if (!openBlocks.isEmpty()) {
            gs = openBlocks.get(0).saved();
            openBlocks.clear();
        }
        currentObject = null;
        if (motionBlockLoc != null) {
            warn(motionBlockLoc, "MotionBegin has no matching MotionEnd before " + where);
            motionBlockLoc = null;
            motionBlockTransforms.clear();
        }
    }

    /**
     * The moving camera's transform (see {@link CameraDesc#motion}), or null: pbrt-v3 interpolates
     * camera-to-world between the inverted CTMs at TransformTimes, LuxRender world-to-camera between
     * its knots.
     */
    private AnimatedTransform cameraMotion(Dialect d) {
        if (cameraTransformEnd == null) {
            return null;
        }
        Transform start = cameraTransform.in(d), end = cameraTransformEnd.in(d);
        if (cameraMiddle != null && d == Dialect.LUXRENDER) {
            AnimatedTransform k = AnimatedTransform.ofKnots(cameraTimes, knots(start, cameraMiddle, end, d),
                    AnimatedTransform.Style.LUXRENDER);
            return k.isAnimated() ? k : null;
        }
        AnimatedTransform m = d == Dialect.PBRT
                ? new AnimatedTransform(start.inverse(), cameraTimes[0], end.inverse(), cameraTimes[cameraTimes.length - 1],
                AnimatedTransform.Style.PBRT)
                : new AnimatedTransform(start, cameraTimes[0], end, cameraTimes[cameraTimes.length - 1],
                AnimatedTransform.Style.LUXRENDER);
        return m.isAnimated() ? m : null;
    }

    /** The finished description; options not written get the defaults of the detected dialect. */
    /** LuxRender's VolumeIntegrator type, the last one written ("multi" when none is). */
    String volumeIntegrator = "multi";

    SceneDescription toDescription(String mainFile) {
        Dialect d = knownDialect != null ? knownDialect : dialect.decide();
        boolean pbrt = d == Dialect.PBRT;
        CameraDesc cam = camera == null ? null
                : new CameraDesc(camera.type(), camera.params(), cameraTransform.in(d), camera.loc(), camera.exterior(),
                        camera.lensFile(), cameraMotion(d));
        return new SceneDescription(mainFile, d, cam,
                film != null ? film : EntityDesc.absent(pbrt ? "image" : "fleximage"),
                sampler != null ? sampler : EntityDesc.absent(pbrt ? "sobol" : "lowdiscrepancy"),
                integrator != null ? integrator : EntityDesc.absent("path"),
                pixelFilter != null ? pixelFilter : EntityDesc.absent(pbrt ? "box" : "mitchell"),
                shapes, lights, namedMaterials, textures, SceneWarnings.summarize(warnings), instances,
                volumeIntegrator);
    }
}
