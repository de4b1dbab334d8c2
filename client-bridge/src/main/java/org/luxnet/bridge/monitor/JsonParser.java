package org.luxnet.bridge.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON (RFC 8259) parser for request bodies and test fixtures. Values become plain Java
 * objects: {@code Map<String, Object>} (insertion-ordered), {@code List<Object>}, {@code String},
 * {@code Long} (integers that fit), {@code Double} (other numbers), {@code Boolean}, and {@code null}.
 *
 * <p>Nothing outside the grammar is accepted: no comments, trailing commas, single quotes, leading
 * zeros, NaN, unescaped control characters or text after the value; duplicate member names are an
 * error too, since which one wins is undefined. Input size and nesting depth are bounded, so hostile
 * input costs at most linear time and never overflows the stack. Stateless; thread-safe.
 */
public final class JsonParser {
    private final int maxChars, maxDepth;

    /**
     * @param maxChars longest input accepted, in UTF-16 chars
     * @param maxDepth deepest nesting of arrays and objects accepted
     */
    public JsonParser(int maxChars, int maxDepth) {
        if (maxChars < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("JSON limits must be positive");
        }
        this.maxChars = maxChars;
        this.maxDepth = maxDepth;
    }

    /**
     * Parses one JSON value that makes up all of {@code text} (whitespace around it allowed).
     *
     * @throws JsonException naming the line, column and what was expected
     */
    public Object parse(String text) throws JsonException {
        if (text.length() > maxChars) {
            throw new JsonException("JSON text is " + text.length() + " characters long; at most " + maxChars
                    + " are accepted");
        }
        JsonCursor c = new JsonCursor(text);
        c.skipSpace();
        if (c.atEnd()) {
            throw new JsonException("empty JSON text: expected a value");
        }
        Object v = value(c, 0);
        c.skipSpace();
        if (!c.atEnd()) {
            throw c.error("expected the end of the text after the value");
        }
        return v;
    }

    private Object value(JsonCursor c, int depth) throws JsonException {
        if (c.atEnd()) {
            throw c.error("expected a value");
        }
        char ch = c.peek();
        switch (ch) {
            case '{': return object(c, depth + 1);
            case '[': return array(c, depth + 1);
            case '"': return c.string();
            case 't': c.literal("true"); return Boolean.TRUE;
            case 'f': c.literal("false"); return Boolean.FALSE;
            case 'n': c.literal("null"); return null;
            default:
                if (ch == '-' || (ch >= '0' && ch <= '9')) {
                    return c.number();
                }
                throw c.error("expected a value (object, array, string, number, true, false or null)");
        }
    }

    private Map<String, Object> object(JsonCursor c, int depth) throws JsonException {
        checkDepth(c, depth);
        c.expect('{');
        Map<String, Object> m = new LinkedHashMap<>();
        c.skipSpace();
        if (c.consume('}')) {
            return m;
        }
        while (true) {
            c.skipSpace();
            if (c.atEnd() || c.peek() != '"') {
                throw c.error("expected a member name in double quotes");
            }
            int line = c.line(), col = c.column();
            String name = c.string();
            if (m.containsKey(name)) {
                throw new JsonException("line " + line + ", column " + col + ": duplicate member \"" + name + "\"");
            }
            c.skipSpace();
            c.expect(':');
            c.skipSpace();
            m.put(name, value(c, depth));
            c.skipSpace();
            if (c.consume('}')) {
                return m;
            }
            if (!c.consume(',')) {
                throw c.error("expected ',' or '}' after an object member");
            }
        }
    }

    private List<Object> array(JsonCursor c, int depth) throws JsonException {
        checkDepth(c, depth);
        c.expect('[');
        List<Object> a = new ArrayList<>();
        c.skipSpace();
        if (c.consume(']')) {
            return a;
        }
        while (true) {
            c.skipSpace();
            a.add(value(c, depth));
            c.skipSpace();
            if (c.consume(']')) {
                return a;
            }
            if (!c.consume(',')) {
                throw c.error("expected ',' or ']' after an array element");
            }
        }
    }

    private void checkDepth(JsonCursor c, int depth) throws JsonException {
        if (depth > maxDepth) {
            throw c.error("nesting deeper than " + maxDepth + " levels");
        }
    }
}
