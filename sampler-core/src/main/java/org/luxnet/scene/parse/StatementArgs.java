package org.luxnet.scene.parse;

import org.luxnet.scene.SceneException;

/**
 * Reads the positional arguments of a statement (the {@code "sphere"} of {@code Shape "sphere"}, the
 * three numbers of {@code Translate}) and reports a missing or wrong one at the token found, naming
 * the statement and what it expects.
 */
final class StatementArgs {
    private StatementArgs() {
    }

    /** A quoted string argument; {@code what} says what it means ("the shape type"). */
    static String string(TokenStream tz, Token stmt, String what) {
        Token t = tz.next();
        if (!t.is(Token.Kind.STRING)) {
            throw expected(stmt, what + " (a quoted string)", t);
        }
        return t.text();
    }

    /** A bare word or a quoted string ({@code ActiveTransform StartTime}). */
    static String word(TokenStream tz, Token stmt, String what) {
        Token t = tz.next();
        if (!t.is(Token.Kind.STRING) && !t.is(Token.Kind.IDENT)) {
            throw expected(stmt, what, t);
        }
        return t.text();
    }

    /**
     * Exactly {@code n} numbers, written bare ({@code Translate 1 2 3}) or in brackets ({@code
     * Transform [ ... ]}); both renderers accept both forms for some statements, so all accept both.
     */
    static double[] numbers(TokenStream tz, Token stmt, int n, String what) {
        double[] v = new double[n];
        if (tz.peek().is(Token.Kind.LBRACKET)) {
            Token open = tz.next();
            double[] got = bracketed(tz, stmt, open, n + " numbers (" + what + ")");
            if (got.length != n) {
                throw new SceneException(open.loc(), stmt.text() + " expects " + n + " numbers (" + what
                        + ") inside [ ], got " + got.length);
            }
            return got;
        }
        for (int i = 0; i < n; i++) {
            Token t = tz.next();
            if (!t.is(Token.Kind.NUMBER)) {
                throw expected(stmt, n + " numbers (" + what + ")" + (i > 0 ? " but has only " + i : ""), t);
            }
            v[i] = t.number();
        }
        return v;
    }

    /** Any count of numbers, in brackets or bare (LuxRender's {@code MotionBegin [0 1]}). */
    static double[] numberList(TokenStream tz, Token stmt, String what) {
        DoubleList v = new DoubleList();
        if (tz.peek().is(Token.Kind.LBRACKET)) {
            return bracketed(tz, stmt, tz.next(), "numbers (" + what + ")");
        } else {
            while (tz.peek().is(Token.Kind.NUMBER)) {
                v.add(tz.next().number());
            }
        }
        return v.toArray();
    }

    /** The numbers up to the ']' closing {@code open}; anything else is an error saying {@code expectation}. */
    private static double[] bracketed(TokenStream tz, Token stmt, Token open, String expectation) {
        DoubleList v = new DoubleList();
        while (true) {
            Token t = tz.next();
            if (t.is(Token.Kind.RBRACKET)) {
                return v.toArray();
            }
            if (!t.is(Token.Kind.NUMBER)) {
                if (t.is(Token.Kind.EOF) || (t.is(Token.Kind.IDENT) && !t.isBoolWord()) || t.is(Token.Kind.LBRACKET)) {
                    throw unclosedList(open, t);
                }
                throw expected(stmt, expectation, t);
            }
            v.add(t.number());
        }
    }

    /**
     * Skips the arguments of a statement LuxNet ignores: strings, numbers, bracketed lists and bare
     * {@code true}/{@code false}, up to the next statement name or the end of the file. Brackets are
     * still checked, so a broken list is reported even inside an ignored statement.
     */
    static void skip(TokenStream tz) {
        while (true) {
            Token t = tz.peek();
            if (t.is(Token.Kind.STRING) || t.is(Token.Kind.NUMBER) || t.isBoolWord()) {
                tz.next();
            } else if (t.is(Token.Kind.LBRACKET)) {
                Token open = tz.next();
                while (true) {
                    Token x = tz.next();
                    if (x.is(Token.Kind.RBRACKET)) {
                        break;
                    }
                    if (!x.is(Token.Kind.STRING) && !x.is(Token.Kind.NUMBER) && !x.isBoolWord()) {
                        throw unclosedList(open, x);
                    }
                }
            } else {
                return;
            }
        }
    }

    /** A list that runs into something that cannot be inside it: a statement, '[' or the end of the file. */
    static SceneException unclosedList(Token open, Token found) {
        if (found.is(Token.Kind.LBRACKET)) {
            return new SceneException(found.loc(), "unexpected '[' inside the list opened at " + open.loc()
                    + " (lists do not nest; is a ']' missing?)");
        }
        return new SceneException(found.loc(), "missing ']': the list opened at " + open.loc() + " runs into "
                + found.describe());
    }

    /** "{@code Shape} expects the shape type (a quoted string), found number 5", at the token found. */
    static SceneException expected(Token stmt, String expectation, Token found) {
        String where = found.loc().line() != stmt.loc().line() || !found.loc().file().equals(stmt.loc().file())
                ? " (the " + stmt.text() + " statement is at " + stmt.loc() + ")" : "";
        return new SceneException(found.loc(), stmt.text() + " expects " + expectation + ", found " + found.describe()
                + where);
    }
}
