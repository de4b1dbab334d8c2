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

    /** LuxRender motion block: only its first transform (the shutter-open one) is kept. */
    FileLoc motionBlockLoc;
    DualTransform motionFirstTransform;

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
            if (motionFirstTransform == null) {
                motionFirstTransform = t;
            }
            return;
        }
        if (!gs.startTimeActive) {
            return;
        }
        gs.ctm = replace ? t : gs.ctm.compose(t);
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

    /** A shape goes into the object being defined, or into the world. */
    void addShape(ShapeDesc s) {
        if (currentObject != null) {
            currentObject.shapes().add(s);
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
        }
    }

    /** The finished description; options not written get the defaults of the detected dialect. */
    /** LuxRender's VolumeIntegrator type, the last one written ("multi" when none is). */
    String volumeIntegrator = "multi";

    SceneDescription toDescription(String mainFile) {
        Dialect d = knownDialect != null ? knownDialect : dialect.decide();
        boolean pbrt = d == Dialect.PBRT;
        CameraDesc cam = camera == null ? null
                : new CameraDesc(camera.type(), camera.params(), cameraTransform.in(d), camera.loc(), camera.exterior());
        return new SceneDescription(mainFile, d, cam,
                film != null ? film : EntityDesc.absent(pbrt ? "image" : "fleximage"),
                sampler != null ? sampler : EntityDesc.absent(pbrt ? "sobol" : "lowdiscrepancy"),
                integrator != null ? integrator : EntityDesc.absent("path"),
                pixelFilter != null ? pixelFilter : EntityDesc.absent(pbrt ? "box" : "mitchell"),
                shapes, lights, namedMaterials, textures, SceneWarnings.summarize(warnings), instances,
                volumeIntegrator);
    }
}
