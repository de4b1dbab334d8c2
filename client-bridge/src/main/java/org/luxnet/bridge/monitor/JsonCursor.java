package org.luxnet.bridge.monitor;

/**
 * The position of {@link JsonParser} in its text, with the lexical rules: strings with their escapes,
 * numbers, literals and whitespace. Errors name the line and column of the offending character.
 */
final class JsonCursor {
    private final String s;
    private int pos, line = 1, lineStart;

    JsonCursor(String s) {
        this.s = s;
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    char peek() {
        return s.charAt(pos);
    }

    int line() {
        return line;
    }

    int column() {
        return pos - lineStart + 1;
    }

    JsonException error(String what) {
        String found = atEnd() ? "the end of the text" : describe(peek());
        return new JsonException("line " + line + ", column " + column() + ": " + what + ", found " + found);
    }

    private static String describe(char c) {
        return c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    void skipSpace() {
        while (!atEnd()) {
            char c = peek();
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    boolean consume(char c) {
        if (!atEnd() && peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char c) throws JsonException {
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    void literal(String word) throws JsonException {
        if (!s.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
    }

    String string() throws JsonException {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("unterminated string: expected '\"'");
            }
            char c = peek();
            if (c == '"') {
                pos++;
                return b.toString();
            }
            if (c < 0x20) {
                throw error("control characters must be escaped in strings");
            }
            pos++;
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (atEnd()) {
                throw error("unterminated escape sequence");
            }
            char e = peek();
            pos++;
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u': b.append(hex4()); break;
                default:
                    pos--;
                    throw error("invalid escape sequence: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
            }
        }
    }

    private char hex4() throws JsonException {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = atEnd() ? -1 : hexDigit(peek());
            if (d < 0) {
                throw error("expected 4 hexadecimal digits after \\u");
            }
            v = v * 16 + d;
            pos++;
        }
        return (char) v;
    }

    /** The value of an ASCII hexadecimal digit, -1 for anything else (Character.digit takes other scripts' digits too). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    Object number() throws JsonException {
        int start = pos;
        consume('-');
        if (consume('0')) {
            if (!atEnd() && peek() >= '0' && peek() <= '9') {
                throw error("leading zeros are not allowed in numbers");
            }
        } else if (!digits()) {
            throw error("expected a digit");
        }
        boolean integral = true;
        if (consume('.')) {
            integral = false;
            if (!digits()) {
                throw error("expected a digit after the decimal point");
            }
        }
        if (consume('e') || consume('E')) {
            integral = false;
            if (!consume('+')) {
                consume('-');
            }
            if (!digits()) {
                throw error("expected a digit in the exponent");
            }
        }
        String text = s.substring(start, pos);
        if (integral) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooLong) {
                // Beyond 64 bits: fall through to a double, like JavaScript.
            }
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            pos = start;
            throw error("number " + text + " is out of range");
        }
        return d;
    }

    /** Consumes one or more digits; false when there is none. */
    private boolean digits() {
        int start = pos;
        while (!atEnd() && peek() >= '0' && peek() <= '9') {
            pos++;
        }
        return pos > start;
    }
}
