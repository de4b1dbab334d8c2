package org.luxnet.monitor;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes strict JSON (RFC 8259) into a string, one token at a time:
 *
 * <pre>
 * new JsonWriter().beginObject().name("spp").value(12.5).name("nodes").beginArray().endArray().endObject()
 * </pre>
 *
 * <p>Misuse (a value where a member name is due, a name outside an object, an unclosed container)
 * throws {@link IllegalStateException}, so a bug cannot produce malformed output. Numbers that JSON
 * cannot hold (NaN, infinities) are written as {@code null}: the monitor uses NaN for "not known
 * yet". Strings are escaped so that the output is ASCII-safe for control characters, quotes,
 * backslashes, the JavaScript line separators U+2028/U+2029 and unpaired surrogates. Not thread-safe.
 */
public final class JsonWriter {
    private enum Scope { ARRAY, OBJECT }

    private final StringBuilder out = new StringBuilder(256);
    private final Deque<Scope> scopes = new ArrayDeque<>();
    /** True when the current container already holds an element, so the next one needs a comma. */
    private boolean needComma;
    /** True right after {@link #name}: the member's value is due. */
    private boolean nameDone;
    private boolean rootDone;

    /** Starts an object. */
    public JsonWriter beginObject() {
        beforeValue(false);
        out.append('{');
        scopes.push(Scope.OBJECT);
        needComma = false;
        return this;
    }

    /** Ends the innermost object. */
    public JsonWriter endObject() {
        return end(Scope.OBJECT, '}');
    }

    /** Starts an array. */
    public JsonWriter beginArray() {
        beforeValue(false);
        out.append('[');
        scopes.push(Scope.ARRAY);
        needComma = false;
        return this;
    }

    /** Ends the innermost array. */
    public JsonWriter endArray() {
        return end(Scope.ARRAY, ']');
    }

    private JsonWriter end(Scope scope, char c) {
        if (scopes.isEmpty() || scopes.peek() != scope || nameDone) {
            throw new IllegalStateException("cannot close " + scope + " here: " + out);
        }
        scopes.pop();
        out.append(c);
        needComma = true;
        if (scopes.isEmpty()) {
            rootDone = true;
        }
        return this;
    }

    /** Writes a member name; its value must follow. */
    public JsonWriter name(String name) {
        if (scopes.peek() != Scope.OBJECT || nameDone) {
            throw new IllegalStateException("a member name is only allowed inside an object, before its value");
        }
        if (needComma) {
            out.append(',');
        }
        string(name);
        out.append(':');
        nameDone = true;
        return this;
    }

    /** Writes a string, or null. */
    public JsonWriter value(String s) {
        beforeValue(true);
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    /** Writes an integer. */
    public JsonWriter value(long v) {
        beforeValue(true);
        out.append(v);
        return this;
    }

    /** Writes a number; NaN and infinities become null. */
    public JsonWriter value(double v) {
        beforeValue(true);
        if (Double.isFinite(v)) {
            // Integral values print without ".0" so that counts stay counts; others in shortest form.
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                out.append((long) v);
            } else {
                out.append(v);
            }
        } else {
            out.append("null");
        }
        return this;
    }

    /** Writes true or false. */
    public JsonWriter value(boolean b) {
        beforeValue(true);
        out.append(b);
        return this;
    }

    /** Writes null. */
    public JsonWriter nullValue() {
        beforeValue(true);
        out.append("null");
        return this;
    }

    private void beforeValue(boolean scalar) {
        if (rootDone) {
            throw new IllegalStateException("the JSON document is already complete");
        }
        Scope s = scopes.peek();
        if (s == Scope.OBJECT) {
            if (!nameDone) {
                throw new IllegalStateException("a value inside an object needs a member name first");
            }
            nameDone = false;
        } else if (s == Scope.ARRAY) {
            if (needComma) {
                out.append(',');
            }
        }
        needComma = true;
        if (s == null && scalar) {
            // A scalar at the root completes the document; containers complete when closed.
            rootDone = true;
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || unpairedSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                        if (Character.isHighSurrogate(c)) {
                            out.append(s.charAt(++i));
                        }
                    }
            }
        }
        out.append('"');
    }

    private static boolean unpairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c);
    }

    /**
     * The document.
     *
     * @throws IllegalStateException when a container is still open or nothing was written
     */
    @Override
    public String toString() {
        if (!rootDone || !scopes.isEmpty()) {
            throw new IllegalStateException("the JSON document is incomplete: " + out);
        }
        return out.toString();
    }
}
