package org.luxnet.scene.parse;

import org.luxnet.scene.FileLoc;

/**
 * One token of a scene file with its place.
 *
 * @param kind   what it is
 * @param text   identifier or string contents (escapes resolved), the number as written, or the
 *               bracket
 * @param number the value of a {@link Kind#NUMBER}, else 0
 * @param loc    file, line and column of its first character
 */
record Token(Kind kind, String text, double number, FileLoc loc) {

    /** Token kinds of the pbrt / LuxRender scene grammar. */
    enum Kind {
        /** A bare word: statement names, and {@code true}/{@code false} in bool parameters. */
        IDENT,
        /** A double-quoted string. */
        STRING,
        NUMBER,
        LBRACKET,
        RBRACKET,
        EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** A bare {@code true} or {@code false}, which LuxRender and pbrt-v4 accept as bool values. */
    boolean isBoolWord() {
        return kind == Kind.IDENT && (text.equals("true") || text.equals("false"));
    }

    /** For messages: {@code statement 'Shape'}, {@code string "abc"}, {@code number 5}, {@code end of file}. */
    String describe() {
        switch (kind) {
            case IDENT:
                return isBoolWord() ? "'" + text + "'" : "statement '" + text + "'";
            case STRING:
                return "string \"" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "\"";
            case NUMBER:
                return "number " + text;
            case EOF:
                return "end of file";
            default:
                return "'" + text + "'";
        }
    }
}
