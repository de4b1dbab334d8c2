package org.luxnet.scene.desc;

import java.util.Arrays;
import org.luxnet.scene.FileLoc;

/**
 * One typed parameter of a scene statement, e.g. {@code "float fov" [45]}. Numeric values are kept
 * as doubles (integers too, checked to be whole when read as integers); strings and texture names as
 * strings; bools as booleans. Remembers whether the renderer looked at it, so unused parameters can
 * be reported.
 */
public final class Param {
    private final String name;
    private final ParamType type;
    private final double[] numbers;
    private final String[] strings;
    private final boolean[] bools;
    private final FileLoc loc;
    private volatile boolean used;

    private Param(String name, ParamType type, double[] numbers, String[] strings, boolean[] bools, FileLoc loc) {
        this.name = name;
        this.type = type;
        this.numbers = numbers;
        this.strings = strings;
        this.bools = bools;
        this.loc = loc;
    }

    public static Param numbers(String name, ParamType type, double[] values, FileLoc loc) {
        if (!type.isNumeric()) {
            throw new IllegalArgumentException(type + " is not numeric");
        }
        return new Param(name, type, values.clone(), null, null, loc);
    }

    public static Param strings(String name, ParamType type, String[] values, FileLoc loc) {
        if (type != ParamType.STRING && type != ParamType.TEXTURE) {
            throw new IllegalArgumentException(type + " does not hold strings");
        }
        return new Param(name, type, null, values.clone(), null, loc);
    }

    public static Param bools(String name, boolean[] values, FileLoc loc) {
        return new Param(name, ParamType.BOOL, null, null, values.clone(), loc);
    }

    public String name() {
        return name;
    }

    public ParamType type() {
        return type;
    }

    public FileLoc loc() {
        return loc;
    }

    /** Number of scalar items as written (numbers, strings or bools). */
    public int size() {
        return numbers != null ? numbers.length : strings != null ? strings.length : bools.length;
    }

    /** The numbers; callers must not modify the array. Only for numeric types. */
    public double[] numbers() {
        return numbers;
    }

    /** The strings; callers must not modify the array. Only for string and texture types. */
    public String[] strings() {
        return strings;
    }

    /** The booleans; callers must not modify the array. Only for bool. */
    public boolean[] bools() {
        return bools;
    }

    public boolean isUsed() {
        return used;
    }

    public void markUsed() {
        used = true;
    }

    @Override
    public String toString() {
        String v = numbers != null ? Arrays.toString(numbers)
                : strings != null ? Arrays.toString(strings) : Arrays.toString(bools);
        return "\"" + type.name().toLowerCase() + " " + name + "\" " + v;
    }
}
