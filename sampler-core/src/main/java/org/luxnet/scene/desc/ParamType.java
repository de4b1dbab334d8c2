package org.luxnet.scene.desc;

import java.util.Locale;

/**
 * The type word of a scene parameter ({@code "float fov"}). LuxRender and pbrt spell some of them
 * differently; {@link #fromWord} accepts both dialects.
 */
public enum ParamType {
    FLOAT(1), INTEGER(1), BOOL(1), STRING(1),
    /** 3 numbers per value: "point", "point3". */
    POINT(3),
    /** 3 numbers per value: "normal", "normal3". */
    NORMAL(3),
    /** 3 numbers per value: "vector", "vector3". */
    VECTOR(3),
    /** 2 numbers per value: "point2" (pbrt-v3 uv). */
    POINT2(2),
    /** RGB, 3 numbers per value: LuxRender "color", pbrt "rgb". */
    COLOR(3),
    /** A blackbody emitter: pbrt "blackbody" [temperature scale]. */
    BLACKBODY(2),
    /** A reference to a named texture. */
    TEXTURE(1);

    private final int arity;

    ParamType(int arity) {
        this.arity = arity;
    }

    /** How many numbers make one value (1 for scalars and strings). */
    public int arity() {
        return arity;
    }

    /** True when values are numbers (float, integer, point, color ...). */
    public boolean isNumeric() {
        return this != BOOL && this != STRING && this != TEXTURE;
    }

    /** The type for a declaration word, or {@code null} when the word names no type. */
    public static ParamType fromWord(String word) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "float": return FLOAT;
            case "integer": case "int": return INTEGER;
            case "bool": return BOOL;
            case "string": return STRING;
            case "point": case "point3": return POINT;
            case "normal": case "normal3": return NORMAL;
            case "vector": case "vector3": return VECTOR;
            case "point2": case "vector2": return POINT2;
            case "color": case "rgb": return COLOR;
            case "blackbody": return BLACKBODY;
            case "texture": return TEXTURE;
            default: return null;
        }
    }
}
