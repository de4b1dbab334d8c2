package org.luxnet.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * A strict JSON (RFC 8259) parser for request bodies and test fixtures, on jackson-core's streaming
 * parser. Values become plain Java objects: {@code Map<String, Object>} (insertion-ordered),
 * {@code List<Object>}, {@code String}, {@code Long} (integers that fit), {@code Double} (other
 * numbers), {@code Boolean}, and {@code null}.
 *
 * <p>Jackson's defaults already refuse what the grammar does not allow (comments, trailing commas,
 * single quotes, leading zeros, NaN, unescaped control characters); duplicate member names are an
 * error too, since which one wins is undefined, and so is text after the value. Input size, nesting
 * depth, string and number length are bounded by {@link StreamReadConstraints}, so hostile input
 * costs at most linear time and never overflows the stack. Thread-safe.
 */
public final class JsonParser {
    /** Longest number accepted, in characters; no request needs a longer one. */
    private static final int MAX_NUMBER_CHARS = 100;

    private final int maxChars;
    private final JsonFactory factory;

    /**
     * @param maxChars longest input accepted, in UTF-16 chars (so also the longest string in it)
     * @param maxDepth deepest nesting of arrays and objects accepted
     */
    public JsonParser(int maxChars, int maxDepth) {
        if (maxChars < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("JSON limits must be positive");
        }
        this.maxChars = maxChars;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(maxChars)
                        .maxStringLength(maxChars).maxNameLength(maxChars)
                        .maxNumberLength(MAX_NUMBER_CHARS).maxNestingDepth(maxDepth).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * Parses one JSON value that makes up all of {@code text} (whitespace around it allowed).
     *
     * @throws JsonException naming the line, column and what was wrong there
     */
    public Object parse(String text) throws JsonException {
        if (text.length() > maxChars) {
            throw new JsonException("JSON text is " + text.length() + " characters long; at most " + maxChars
                    + " are accepted");
        }
        try (tools.jackson.core.JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
            try {
                JsonToken t = p.nextToken();
                if (t == null) {
                    throw new JsonException("empty JSON text: expected a value");
                }
                Object v = value(p, t);
                if (p.nextToken() != null) {
                    throw at(p.currentTokenLocation(), "expected the end of the text after the value");
                }
                return v;
            } catch (JacksonException e) {
                // Constraint violations carry no location of their own: the parser's position is theirs.
                throw at(e.getLocation() != null ? e.getLocation() : p.currentLocation(), e.getOriginalMessage());
            }
        }
    }

    private static Object value(tools.jackson.core.JsonParser p, JsonToken t) throws JsonException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> a = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    a.add(value(p, e));
                }
                return a;
            }
            case VALUE_STRING: return p.getString();
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            case VALUE_NUMBER_INT:
                if (p.getNumberType() != tools.jackson.core.JsonParser.NumberType.BIG_INTEGER) {
                    return p.getLongValue();
                }
                return finite(p); // beyond 64 bits: a double, like JavaScript
            case VALUE_NUMBER_FLOAT: return finite(p);
            default: throw at(p.currentTokenLocation(), "unexpected " + t);
        }
    }

    private static Double finite(tools.jackson.core.JsonParser p) throws JsonException {
        double d = p.getDoubleValue();
        if (Double.isInfinite(d)) {
            throw at(p.currentTokenLocation(), "number " + p.getString() + " is out of range");
        }
        return d;
    }

    private static JsonException at(TokenStreamLocation where, String what) {
        if (where == null || where.getLineNr() < 1) {
            return new JsonException(what);
        }
        return new JsonException("line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + what);
    }
}
