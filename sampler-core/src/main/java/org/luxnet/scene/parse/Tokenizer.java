package org.luxnet.scene.parse;

import java.nio.charset.StandardCharsets;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/**
 * Splits one scene file into {@link Token}s, one token of lookahead, each with file:line:column
 * (1-based; a tab counts as one column). The grammar is the one pbrt-v3 and LuxRender share:
 * {@code #} comments to the end of the line, double-quoted strings with backslash escapes, numbers,
 * {@code [} {@code ]} and bare identifiers. Tokens are produced on demand, so a file with millions
 * of inline mesh numbers never exists as a token list.
 */
final class Tokenizer {
    private final String file;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;
    private Token peeked;

    Tokenizer(SceneResources.Resource resource) {
        this(resource.name(), new String(resource.bytes(), StandardCharsets.UTF_8));
    }

    Tokenizer(String file, String text) {
        this.file = file;
        this.text = text;
        // Editors on Windows may write a UTF-8 byte order mark; it is not part of the scene.
        if (text.startsWith("\uFEFF")) {
            pos = 1;
            lineStart = 1;
        }
    }

    /** The resolved name of the file being read. */
    String file() {
        return file;
    }

    /** The next token without consuming it. */
    Token peek() {
        if (peeked == null) {
            peeked = read();
        }
        return peeked;
    }

    /** Consumes and returns the next token; at the end of the file, an {@link Token.Kind#EOF} token. */
    Token next() {
        Token t = peek();
        peeked = null;
        return t;
    }

    private FileLoc locAt(int p) {
        return new FileLoc(file, line, p - lineStart + 1);
    }

    private Token read() {
        skipSpaceAndComments();
        int len = text.length();
        if (pos >= len) {
            return new Token(Token.Kind.EOF, "", 0, locAt(pos));
        }
        char c = text.charAt(pos);
        FileLoc at = locAt(pos);
        if (c == '"') {
            return readString(at);
        }
        if (c == '[' || c == ']') {
            pos++;
            return new Token(c == '[' ? Token.Kind.LBRACKET : Token.Kind.RBRACKET, String.valueOf(c), 0, at);
        }
        if (isIdentStart(c)) {
            int start = pos;
            while (pos < len && isIdentPart(text.charAt(pos))) {
                pos++;
            }
            return new Token(Token.Kind.IDENT, text.substring(start, pos), 0, at);
        }
        if (c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) {
            return readNumber(at);
        }
        throw new SceneException(at, "unexpected character " + describeChar(c)
                + ": expected a statement name, a \"string\", a number, '[' or ']'");
    }

    private void skipSpaceAndComments() {
        int len = text.length();
        while (pos < len) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B') {
                pos++;
            } else if (c == '#') {
                while (pos < len && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private Token readString(FileLoc at) {
        int len = text.length();
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= len) {
                throw new SceneException(at, "unterminated string: the file ends before the closing '\"'");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return new Token(Token.Kind.STRING, sb.toString(), 0, at);
            }
            if (c == '\n') {
                throw new SceneException(at, "unterminated string: the line ends before the closing '\"'");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= len) {
                throw new SceneException(at, "unterminated string: the file ends before the closing '\"'");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n': sb.append('\n'); break;
                case 't': sb.append('\t'); break;
                case 'r': sb.append('\r'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case '\\': case '"': case '\'': sb.append(e); break;
                case '\n':
                    // LuxRender's lexer takes backslash-newline as a line continuation.
                    line++;
                    lineStart = pos;
                    break;
                default:
                    // Keep unknown escapes literally: LuxRender files written on Windows contain
                    // paths such as "C:\scenes\wood.png".
                    sb.append('\\').append(e);
            }
        }
    }

    private Token readNumber(FileLoc at) {
        int start = pos;
        int len = text.length();
        while (pos < len && !isDelimiter(text.charAt(pos))) {
            pos++;
        }
        String s = text.substring(start, pos);
        if (!isWellFormedNumber(s)) {
            throw new SceneException(at, "malformed number '" + s + "': expected digits with an optional sign, "
                    + "decimal point and exponent, such as 1, -0.5, .25 or 1.74846e-007");
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new SceneException(at, "number '" + s + "' is out of range");
        }
        return new Token(Token.Kind.NUMBER, s, v, at);
    }

    /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, checked by hand: hot path. */
    static boolean isWellFormedNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    private static boolean isDelimiter(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B'
                || c == '"' || c == '[' || c == ']' || c == '#';
    }

    private static String describeChar(char c) {
        if (c < 0x20 || c == 0x7F || Character.isWhitespace(c) || Character.isISOControl(c)) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
