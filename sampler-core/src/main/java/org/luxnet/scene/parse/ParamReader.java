package org.luxnet.scene.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.Param;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.ParamType;

/**
 * Reads a statement's parameter list: {@code "type name" value} pairs up to the next statement, where
 * the value is one bare value or a {@code [ ... ]} list. Values are checked against the declared type
 * as they are read, so a string in a float list is reported at that string's column. {@code
 * spectrum} parameters become RGB colours ({@link SpectrumParams}).
 */
final class ParamReader {
    private static final String TYPE_WORDS = "float, integer, bool, string, point, normal, vector, point2, "
            + "color, rgb, spectrum, blackbody, texture";

    private ParamReader() {
    }

    /** All parameters up to the next statement name or the end of the file. */
    static ParamSet read(ParseState st) {
        TokenStream tz = st.tokens();
        ParamSet set = new ParamSet();
        while (tz.peek().is(Token.Kind.STRING)) {
            Param p = readOne(tz, st, tz.next());
            if (p != null) {
                set.add(p);
            }
        }
        return set;
    }

    private static Param readOne(TokenStream tz, ParseState st, Token decl) {
        String[] words = decl.text().trim().split("\\s+");
        if (words.length != 2) {
            throw new SceneException(decl.loc(), "expected a parameter declaration \"type name\" such as \"float fov\", "
                    + "found \"" + decl.text() + "\"");
        }
        String typeWord = words[0].toLowerCase(Locale.ROOT);
        String name = words[1];
        st.dialect.parameterType(typeWord);
        boolean spectrum = typeWord.equals("spectrum");
        ParamType type = spectrum ? null : ParamType.fromWord(typeWord);
        if (!spectrum && type == null) {
            throw new SceneException(decl.loc(), "unknown parameter type '" + words[0] + "' in \"" + decl.text()
                    + "\" (expected one of " + TYPE_WORDS + ")");
        }
        Values values = new Values(decl, type);
        Token first = tz.peek();
        if (first.is(Token.Kind.LBRACKET)) {
            Token open = tz.next();
            while (!tz.peek().is(Token.Kind.RBRACKET)) {
                Token t = tz.next();
                if (t.is(Token.Kind.EOF) || t.is(Token.Kind.LBRACKET) || (t.is(Token.Kind.IDENT) && !t.isBoolWord())) {
                    throw StatementArgs.unclosedList(open, t);
                }
                values.add(t, open);
            }
            tz.next();
        } else if (first.is(Token.Kind.STRING) || first.is(Token.Kind.NUMBER) || first.isBoolWord()) {
            values.add(tz.next(), null);
        } else {
            throw new SceneException(first.loc(), "parameter \"" + decl.text() + "\" has no value: expected a value or "
                    + "'[' after it, found " + first.describe());
        }
        if (spectrum) {
            return SpectrumParams.toColor(st, decl, name, values.numbers.toArray(), values.strings);
        }
        return values.toParam(name);
    }

    /** True for a string such as "float radius": a parameter declaration where a value was expected. */
    private static boolean looksLikeDeclaration(String s) {
        String[] w = s.trim().split("\\s+");
        return w.length == 2 && (ParamType.fromWord(w[0]) != null || w[0].equalsIgnoreCase("spectrum"));
    }

    /** The values of one parameter, type-checked one token at a time. */
    private static final class Values {
        private final Token decl;
        private final ParamType type;
        private final DoubleList numbers = new DoubleList();
        private final List<String> strings = new ArrayList<>();
        private final List<Boolean> bools = new ArrayList<>();
        private int count;

        Values(Token decl, ParamType type) {
            this.decl = decl;
            this.type = type;
        }

        /** Adds value {@code t}; {@code open} is the list's '[' (null for a bare value). */
        void add(Token t, Token open) {
            count++;
            if (type == null) {
                if (t.isBoolWord()) {
                    throw mismatch(t, open, "numbers or a file name");
                }
                if (t.is(Token.Kind.NUMBER)) {
                    numbers.add(t.number());
                } else {
                    strings.add(t.text());
                }
                return;
            }
            if (type == ParamType.STRING || type == ParamType.TEXTURE) {
                if (!t.is(Token.Kind.STRING)) {
                    throw mismatch(t, open, "quoted strings");
                }
                strings.add(t.text());
            } else if (type == ParamType.BOOL) {
                String v = t.is(Token.Kind.STRING) || t.isBoolWord() ? t.text() : null;
                if (!"true".equals(v) && !"false".equals(v)) {
                    throw mismatch(t, open, "true or false");
                }
                bools.add(v.equals("true"));
            } else {
                if (!t.is(Token.Kind.NUMBER)) {
                    throw mismatch(t, open, "numbers");
                }
                double v = t.number();
                if (type == ParamType.INTEGER && (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE)) {
                    throw new SceneException(t.loc(), "parameter \"" + decl.text() + "\" expects integers, found "
                            + t.describe());
                }
                numbers.add(v);
            }
        }

        private SceneException mismatch(Token t, Token open, String expected) {
            if (t.is(Token.Kind.STRING) && looksLikeDeclaration(t.text())) {
                return new SceneException(t.loc(), open != null
                        ? "missing ']': the list of parameter \"" + decl.text() + "\" opened at " + open.loc()
                                + " runs into the next parameter \"" + t.text() + "\""
                        : "parameter \"" + decl.text() + "\" has no value before the next parameter \"" + t.text() + "\"");
            }
            return new SceneException(t.loc(), "parameter \"" + decl.text() + "\" expects " + expected + ", found "
                    + t.describe());
        }

        Param toParam(String name) {
            if (count == 0) {
                throw new SceneException(decl.loc(), "parameter \"" + decl.text() + "\" has no values inside [ ]");
            }
            if (type == ParamType.STRING || type == ParamType.TEXTURE) {
                return Param.strings(name, type, strings.toArray(new String[0]), decl.loc());
            }
            if (type == ParamType.BOOL) {
                boolean[] b = new boolean[bools.size()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = bools.get(i);
                }
                return Param.bools(name, b, decl.loc());
            }
            // Blackbody is [T] (pbrt-v4) or [T scale] (pbrt-v3): ParamSet checks it on lookup.
            if (type != ParamType.BLACKBODY && numbers.size() % type.arity() != 0) {
                throw new SceneException(decl.loc(), "parameter \"" + decl.text() + "\" expects a multiple of "
                        + type.arity() + " numbers (" + type.arity() + " per " + type.name().toLowerCase(Locale.ROOT)
                        + "), got " + numbers.size());
            }
            return Param.numbers(name, type, numbers.toArray(), decl.loc());
        }
    }
}
