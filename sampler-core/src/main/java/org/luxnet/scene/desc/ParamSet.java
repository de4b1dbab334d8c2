package org.luxnet.scene.desc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;

/**
 * The parameters of one scene statement with typed lookups. A lookup of a parameter that is present
 * with the wrong type, or with the wrong number of values, throws a {@link SceneException} at the
 * parameter's place; a missing one gives the default. Lookups mark parameters used, so that {@link
 * #unused} can report what the renderer ignored. Later duplicates of a name replace earlier ones, as
 * in pbrt.
 */
public final class ParamSet {
    private final Map<String, Param> params = new LinkedHashMap<>();

    public ParamSet() {
    }

    public ParamSet(List<Param> list) {
        for (Param p : list) {
            add(p);
        }
    }

    /** Adds (or replaces) a parameter. */
    public void add(Param p) {
        params.put(p.name(), p);
    }

    /** All parameters in the order written. */
    public List<Param> all() {
        return Collections.unmodifiableList(new ArrayList<>(params.values()));
    }

    public boolean has(String name) {
        return params.containsKey(name);
    }

    /** The parameter itself, or null; marks it used. */
    public Param get(String name) {
        Param p = params.get(name);
        if (p != null) {
            p.markUsed();
        }
        return p;
    }

    public double getFloat(String name, double def) {
        Param p = numeric(name, "float", ParamType.FLOAT, ParamType.INTEGER);
        if (p == null) {
            return def;
        }
        requireSize(p, 1, "float");
        return p.numbers()[0];
    }

    public int getInt(String name, int def) {
        Param p = numeric(name, "integer", ParamType.INTEGER, ParamType.FLOAT);
        if (p == null) {
            return def;
        }
        requireSize(p, 1, "integer");
        return toInt(p, p.numbers()[0]);
    }

    public boolean getBool(String name, boolean def) {
        Param p = get(name);
        if (p == null) {
            return def;
        }
        if (p.type() != ParamType.BOOL) {
            throw wrongType(p, "bool");
        }
        requireSize(p, 1, "bool");
        return p.bools()[0];
    }

    public String getString(String name, String def) {
        Param p = get(name);
        if (p == null) {
            return def;
        }
        if (p.type() != ParamType.STRING) {
            throw wrongType(p, "string");
        }
        requireSize(p, 1, "string");
        return p.strings()[0];
    }

    /** Name of a texture bound to this parameter ({@code "texture Kd" "wood"}), or null. */
    public String getTexture(String name) {
        Param p = params.get(name);
        if (p == null || p.type() != ParamType.TEXTURE) {
            return null;
        }
        p.markUsed();
        requireSize(p, 1, "texture");
        return p.strings()[0];
    }

    /**
     * An RGB color ({@code color}/{@code rgb}, or a single float meaning grey). A blackbody value
     * [temperature scale] is pbrt-v3's: the Planck curve normalised to 1 at its peak, times the
     * scale, in RGB ({@link Blackbody#pbrt}).
     */
    public float[] getRgb(String name, float[] def) {
        Param p = params.get(name);
        if (p == null || p.type() == ParamType.TEXTURE) {
            return def == null ? null : def.clone();
        }
        p.markUsed();
        double[] v = p.numbers();
        switch (p.type()) {
            case COLOR:
                requireSize(p, 3, "color");
                return new float[] {(float) v[0], (float) v[1], (float) v[2]};
            case FLOAT:
            case INTEGER:
                requireSize(p, 1, "color");
                return new float[] {(float) v[0], (float) v[0], (float) v[0]};
            case BLACKBODY:
                if (v.length != 1 && v.length != 2) {
                    throw new SceneException(p.loc(), "parameter \"" + p.name()
                            + "\" expects [temperature] or [temperature scale] for blackbody, got " + v.length + " values");
                }
                return Blackbody.pbrt(v[0], v.length == 2 ? v[1] : 1);
            default:
                throw wrongType(p, "color");
        }
    }

    /** All numbers of a float parameter (any count), or null when absent. */
    public float[] getFloats(String name) {
        Param p = numeric(name, "float", ParamType.FLOAT, ParamType.INTEGER, ParamType.POINT2);
        if (p == null) {
            return null;
        }
        return toFloats(p.numbers());
    }

    /** All values of an integer parameter, or null when absent. */
    public int[] getInts(String name) {
        Param p = numeric(name, "integer", ParamType.INTEGER);
        if (p == null) {
            return null;
        }
        double[] v = p.numbers();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = toInt(p, v[i]);
        }
        return out;
    }

    /** Points (x,y,z per value), flattened, or null. */
    public float[] getPoints(String name) {
        return triples(name, "point", ParamType.POINT);
    }

    /** Normals (x,y,z per value), flattened, or null. */
    public float[] getNormals(String name) {
        return triples(name, "normal", ParamType.NORMAL);
    }

    /** Vectors (x,y,z per value), flattened, or null. */
    public float[] getVectors(String name) {
        return triples(name, "vector", ParamType.VECTOR, ParamType.NORMAL, ParamType.POINT);
    }

    /** A single point/vector (3 numbers), or the default. */
    public float[] getPoint(String name, float[] def) {
        float[] v = triples(name, "point", ParamType.POINT, ParamType.VECTOR, ParamType.NORMAL);
        if (v == null) {
            return def == null ? null : def.clone();
        }
        if (v.length != 3) {
            throw new SceneException(params.get(name).loc(), "parameter \"" + name + "\" expects one point (3 numbers), got "
                    + v.length + " numbers");
        }
        return v;
    }

    /** Parameters nobody looked at, as warnings naming the statement. */
    public List<SceneWarning> unused(String statement) {
        List<SceneWarning> out = new ArrayList<>();
        for (Param p : params.values()) {
            if (!p.isUsed()) {
                out.add(new SceneWarning(p.loc(), "parameter \"" + p.type().name().toLowerCase(Locale.ROOT) + " "
                        + p.name() + "\" of " + statement + " is not supported and was ignored"));
            }
        }
        return out;
    }

    private float[] triples(String name, String what, ParamType... accepted) {
        Param p = numeric(name, what, accepted);
        if (p == null) {
            return null;
        }
        if (p.numbers().length % 3 != 0) {
            throw new SceneException(p.loc(), "parameter \"" + name + "\" expects a multiple of 3 numbers for " + what
                    + " values, got " + p.numbers().length);
        }
        return toFloats(p.numbers());
    }

    private Param numeric(String name, String what, ParamType... accepted) {
        Param p = get(name);
        if (p == null) {
            return null;
        }
        for (ParamType t : accepted) {
            if (p.type() == t) {
                return p;
            }
        }
        throw wrongType(p, what);
    }

    private static void requireSize(Param p, int n, String what) {
        if (p.size() != n) {
            throw new SceneException(p.loc(), "parameter \"" + p.name() + "\" expects " + n + " " + what
                    + (n == 1 ? " value" : " values") + ", got " + p.size());
        }
    }

    private static int toInt(Param p, double v) {
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new SceneException(p.loc(), "parameter \"" + p.name() + "\" expects an integer, got " + v);
        }
        return (int) v;
    }

    private static float[] toFloats(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    private static SceneException wrongType(Param p, String expected) {
        return new SceneException(p.loc(), "parameter \"" + p.name() + "\" must be of type " + expected + ", not "
                + p.type().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return params.values().toString();
    }
}
