package org.luxnet.scene.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneFileException;
import org.luxnet.scene.desc.AreaLightDesc;
import org.luxnet.scene.desc.LightDesc;
import org.luxnet.scene.desc.MaterialDesc;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;
import org.luxnet.scene.desc.SceneFile;
import org.luxnet.scene.desc.ShapeDesc;
import org.luxnet.scene.desc.TextureDesc;

/**
 * Scene content, allowed only after WorldBegin: shapes, materials, lights, textures. Type names are
 * passed through unchecked (the scene compiler reports what it cannot render); only what the parser
 * itself must resolve (named materials, PLY files) is checked here.
 */
final class WorldStatements {
    /** How many defined names an "unknown NamedMaterial" message lists. */
    private static final int NAMES_IN_MESSAGE = 12;

    private WorldStatements() {
    }

    static void register(Map<String, StatementHandler> table) {
        table.put("Shape", WorldStatements::shape);
        table.put("Material", (st, kw) -> {
            st.requireWorld(kw);
            String type = StatementArgs.string(st.tokens(), kw, "the material type");
            st.gs.material = withNkFile(st, new MaterialDesc(type, ParamReader.read(st), null, kw.loc()));
        });
        table.put("MakeNamedMaterial", WorldStatements::makeNamedMaterial);
        table.put("NamedMaterial", WorldStatements::namedMaterial);
        table.put("LightSource", (st, kw) -> {
            st.requireWorld(kw);
            String type = StatementArgs.string(st.tokens(), kw, "the light type");
            if (st.ctmAnimated()) {
                // pbrt-v3: "Animated lights aren't supported. Using the start transform."
                st.warnOnce(kw, "moving lights are not supported; the light stays at its start transform");
            }
            st.lights.add(new LightDesc(type, ParamReader.read(st), st.ctm(kw), kw.loc()));
        });
        table.put("AreaLightSource", (st, kw) -> {
            st.requireWorld(kw);
            String type = StatementArgs.string(st.tokens(), kw, "the area light type");
            if (type.equals("diffuse")) {
                st.dialect.pbrt();
            } else if (type.equals("area")) {
                st.dialect.luxRender();
            }
            ParamSet params = ParamReader.read(st);
            SceneFile map = null, ies = null;
            if (type.equals("area")) {
                // LuxRender's area light takes a spherical function (area.cpp CreateAreaLight), read here to ship.
                String mapName = fileName(params, "mapname"), iesName = fileName(params, "iesname");
                if (mapName != null) {
                    SceneResources.Resource r = openOrWarn(st, mapName, "light emission map",
                            params.get("mapname").loc(), "the light emits without the map, as LuxRender does when it"
                                    + " cannot read it");
                    map = r == null ? null : new SceneFile(r.name(), r.bytes());
                }
                if (iesName != null) {
                    SceneResources.Resource r = openOrWarn(st, iesName, "IES file", params.get("iesname").loc(),
                            "the light emits uniformly, as LuxRender does with an invalid IES file");
                    ies = r == null ? null : new SceneFile(r.name(), r.bytes());
                }
            }
            st.gs.areaLight = new AreaLightDesc(type, params, kw.loc(), map, ies);
        });
        table.put("ReverseOrientation", (st, kw) -> {
            st.requireWorld(kw);
            st.gs.reverseOrientation = !st.gs.reverseOrientation;
        });
        table.put("Texture", (st, kw) -> {
            st.requireWorld(kw);
            String name = StatementArgs.string(st.tokens(), kw, "the texture's name");
            String valueType = StatementArgs.string(st.tokens(), kw, "the texture's value type (\"float\" or \"color\")");
            String textureClass = StatementArgs.string(st.tokens(), kw, "the texture class (\"imagemap\", ...)");
            TextureDesc t = new TextureDesc(name, valueType, textureClass, ParamReader.read(st), st.ctm(kw), kw.loc(),
                    null);
            boolean image = textureClass.equals("imagemap") || textureClass.equals("normalmap");
            boolean nk = valueType.equals("fresnel") && (textureClass.equals("sopra") || textureClass.equals("luxpop")
                    || textureClass.equals("fresnelname") || textureClass.equals("preset"));
            if ((image || nk || textureClass.equals("tabulateddata")) && t.params().has("filename")) {
                // The image (or spectrum, or .nk data) is read with the statement, so that it ships with the scene like a PLY file.
                Param p = t.params().get("filename");
                if (p.type() == ParamType.STRING && p.strings().length == 1 && !p.strings()[0].isEmpty()) {
                    SceneResources.Resource r = image ? openOrWarn(st, p.strings()[0], "image texture", p.loc(),
                            imageFallback(textureClass))
                            : st.open(p.strings()[0], nk ? "index of refraction (.nk) file" : "spectrum file", p.loc());
                    if (r != null) {
                        t = t.withFile(new SceneFile(r.name(), r.bytes()));
                    }
                }
            }
            TextureDesc previous = st.textures.put(name, t);
            if (previous != null) {
                st.warn(kw.loc(), "Texture \"" + name + "\" redefines the texture of that name at " + previous.loc()
                        + "; the later one is kept");
            }
        });

        // An environment light's map is read with the statement, so that it ships with the scene.
        StatementHandler light = table.get("LightSource");
        table.put("LightSource", (st, kw) -> {
            light.handle(st, kw);
            int last = st.lights.size() - 1;
            LightDesc d = st.lights.get(last);
            SceneFile map = lightMap(st, d.type(), d.params());
            if (map != null) {
                d = d.withMap(map);
            }
            SceneFile ies = iesFile(st, d.type(), d.params());
            if (ies != null) {
                d = d.withIes(ies);
            }
            st.lights.set(last, d);
        });
    }

    /**
     * The environment map of an {@code infinite} or {@code infinitesample} light, read like a PLY file so
     * that it is shipped to render servers with the scene; null when the light names none.
     */
    private static SceneFile lightMap(ParseState st, String type, ParamSet params) {
        boolean env = type.equals("infinite") || type.equals("infinitesample");
        // The emission map of a point light (LuxRender: an image spherical function; "goniometric" is its
        // alias) or of pbrt-v3's goniometric and projection lights.
        boolean emission = type.equals("point") || type.equals("goniometric") || type.equals("projection");
        String name = fileName(params, "mapname");
        if (!(env || emission) || name == null) {
            return null;
        }
        Param p = params.get("mapname");
        SceneResources.Resource r = env
                ? openOrWarn(st, name, "environment map", p.loc(),
                        "the light is its constant radiance times its scale, as pbrt-v3's InfiniteAreaLight and"
                                + " LuxRender's infinite light are without a map")
                : openOrWarn(st, name, "light emission map", p.loc(),
                        "the light emits without the map, as pbrt-v3 and LuxRender do when they cannot read it");
        return r == null ? null : new SceneFile(r.name(), r.bytes());
    }

    /**
     * The IES profile that a LuxRender point light (or its alias "goniometric") names with "iesname",
     * read with the statement so that it ships with the scene; null when there is none or it cannot be
     * read (LuxRender then warns "Invalid IES file" and the light emits uniformly).
     */
    private static SceneFile iesFile(ParseState st, String type, ParamSet params) {
        String name = fileName(params, "iesname");
        if (!(type.equals("point") || type.equals("goniometric")) || name == null) {
            return null;
        }
        SceneResources.Resource r = openOrWarn(st, name, "IES file", params.get("iesname").loc(),
                "the light emits uniformly, as LuxRender does with an invalid IES file");
        return r == null ? null : new SceneFile(r.name(), r.bytes());
    }

    /** The single non-empty string of parameter {@code name}, or null. */
    private static String fileName(ParamSet params, String name) {
        if (!params.has(name)) {
            return null;
        }
        Param p = params.get(name);
        String s = p.type() == ParamType.STRING && p.strings().length > 0 ? p.strings()[0] : null;
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * A file that pbrt-v3 and LuxRender both render without when they cannot read it (an image texture,
     * an environment map, a PLY mesh): the reason becomes a warning at the statement, with what is
     * rendered instead, and the result is null. Third-party scenes often arrive without some of their
     * images; both renderers print an error and go on (pbrt-v3 ImageTexture::GetTexture and LuxRender's
     * ImageTexture::GetTexture make a one-texel map, plymesh.cpp of both returns no shape).
     */
    static SceneResources.Resource openOrWarn(ParseState st, String path, String role, FileLoc loc, String instead) {
        try {
            return st.open(path, role, loc);
        } catch (SceneFileException e) {
            String why = e.getMessage();
            String prefix = loc + ": ";
            if (why.startsWith(prefix)) {
                why = why.substring(prefix.length());
            }
            st.warn(loc, why + "; " + instead);
            return null;
        }
    }

    /** What an image texture without its image renders as. */
    private static String imageFallback(String textureClass) {
        if (textureClass.equals("normalmap")) {
            return "the normal map is flat (no perturbation)";
        }
        return "the texture is a constant, as the renderers' one-texel map: pbrt-v3 its \"scale\" (default 1),"
                + " LuxRender 1";
    }

    private static void shape(ParseState st, Token kw) {
        st.requireWorld(kw);
        String type = StatementArgs.string(st.tokens(), kw, "the shape type");
        ParamSet params = ParamReader.read(st);
        if (type.equals("plymesh")) {
            params = PlyShapes.toTriangleMesh(st, params, kw.loc());
            if (params == null) {
                return;
            }
            type = "trianglemesh";
        } else {
            FiniteVertices.check(params.all().stream().filter(p -> p.name().equals("P")).findFirst().orElse(null));
        }
        st.addShape(new ShapeDesc(type, params, st.ctm(kw), st.gs.reverseOrientation,
                VolumeStatements.inVolumes(st, st.gs.material, kw),
                st.gs.areaLight, kw.loc()), kw);
    }

    private static void makeNamedMaterial(ParseState st, Token kw) {
        st.requireWorld(kw);
        String name = StatementArgs.string(st.tokens(), kw, "the material's name");
        ParamSet params = ParamReader.read(st);
        if (params.has("type")) {
            st.dialect.namedMaterialType();
        }
        // pbrt requires "string type"; LuxRender defaults it to matte. Accept the LuxRender form.
        String type = params.getString("type", "matte");
        if (st.gs.hasNamedMaterial(name)) {
            st.warn(kw.loc(), "MakeNamedMaterial \"" + name + "\" redefines the material of that name at "
                    + st.gs.namedMaterial(name).loc() + "; the later one is used from here on");
        }
        MaterialDesc m = withNkFile(st, new MaterialDesc(type, params, name, kw.loc()));
        st.gs.defineNamedMaterial(m);
        st.namedMaterials.put(name, m);
    }

    /**
     * A LuxRender "metal" whose "name" is not one of LuxRender's presets and looks like a file (has a
     * '.'): metal.cpp reads it as .nk data (IORFromFile), so the file is read here, with the statement,
     * to travel with the scene. A missing file is an error (LuxRender falls back to aluminium).
     */
    private static MaterialDesc withNkFile(ParseState st, MaterialDesc m) {
        if (m.type().equals("fourier")) {
            return withBsdfFile(st, m);
        }
        if (!m.type().equals("metal")) {
            return m;
        }
        Param p = m.params().all().stream().filter(q -> q.name().equals("name")).findFirst().orElse(null);
        if (p == null || p.type() != ParamType.STRING || p.strings().length != 1) {
            return m;
        }
        String name = p.strings()[0];
        if (org.luxnet.scene.desc.NkData.preset(name) != null || !name.contains(".")) {
            return m;
        }
        SceneResources.Resource r = st.open(name, "metal index of refraction (.nk) file", p.loc());
        return m.withFile(new SceneFile(r.name(), r.bytes()));
    }

    /**
     * A pbrt-v3 "fourier" material's "bsdffile" (CreateFourierMaterial's FindFilename: relative to the
     * scene file's directory), read with the statement so that it travels with the scene to render
     * servers; FourierTables reads the table when the scene is compiled. A file that cannot be read is an
     * error at the parameter (pbrt-v3 reports it and renders the material black).
     */
    private static MaterialDesc withBsdfFile(ParseState st, MaterialDesc m) {
        Param p = m.params().all().stream().filter(q -> q.name().equals("bsdffile")).findFirst().orElse(null);
        if (p == null || p.type() != ParamType.STRING || p.strings().length != 1 || p.strings()[0].isEmpty()) {
            return m;
        }
        SceneResources.Resource r = st.open(p.strings()[0], "tabulated BSDF (.bsdf) file", p.loc());
        return m.withFile(new SceneFile(r.name(), r.bytes()));
    }

    private static void namedMaterial(ParseState st, Token kw) {
        st.requireWorld(kw);
        String name = StatementArgs.string(st.tokens(), kw, "the name of a material");
        MaterialDesc m = st.gs.namedMaterial(name);
        if (m == null) {
            List<String> known = new ArrayList<>(st.gs.namedMaterialNames());
            Collections.sort(known);
            String list = known.isEmpty() ? "none is defined here"
                    : "defined here: \"" + String.join("\", \"", known.subList(0, Math.min(known.size(), NAMES_IN_MESSAGE)))
                            + "\"" + (known.size() > NAMES_IN_MESSAGE ? " and " + (known.size() - NAMES_IN_MESSAGE) + " more" : "");
            throw new SceneException(kw.loc(), "NamedMaterial \"" + name + "\" is not defined (" + list
                    + "); MakeNamedMaterial must come first, in this attribute block or an enclosing one");
        }
        st.gs.material = m;
    }
}
