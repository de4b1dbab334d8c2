package org.luxnet.monitor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request as the routes see it: method, decoded path, query parameters (each at most once) and
 * the body, already bounded in size by the HTTP pipeline. The helpers turn bad input into 400
 * errors that say what was wrong.
 *
 * @param method upper-case HTTP method
 * @param path   the decoded path, e.g. {@code /api/status}
 * @param query  query parameters by name
 * @param body   the request body (empty when none)
 * @param token  the {@link ActionToken#HEADER} header, or null when the request has none
 */
public record ApiRequest(String method, String path, Map<String, String> query, byte[] body, String token) {
    /** Largest JSON body accepted; the HTTP pipeline refuses larger bodies before they get here. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final JsonParser PARSER = new JsonParser(MAX_BODY_BYTES, 16);

    /** Copies the query so the request is immutable. */
    public ApiRequest {
        query = Map.copyOf(query);
    }

    /** A request without a token. */
    public ApiRequest(String method, String path, Map<String, String> query, byte[] body) {
        this(method, path, query, body, null);
    }

    /**
     * Fails unless every query parameter is one of {@code allowed}: a misspelt parameter must not be
     * silently ignored.
     */
    public void allowQuery(Set<String> allowed) throws ApiException {
        for (String name : query.keySet()) {
            if (!allowed.contains(name)) {
                throw new ApiException(400, "unknown query parameter '" + name + "' on " + path
                        + (allowed.isEmpty() ? "; it takes none" : "; expected " + String.join(", ", new TreeSet<>(allowed))));
            }
        }
    }

    /**
     * The query parameter {@code name} as a finite number in [{@code min}, {@code max}], or
     * {@code fallback} when absent.
     */
    public double queryNumber(String name, double min, double max, double fallback) throws ApiException {
        String v = query.get(name);
        if (v == null) {
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "query parameter " + name + "='" + v + "' is not a number");
        }
        if (!(d >= min && d <= max)) {
            throw new ApiException(400, "query parameter " + name + "=" + v + " is out of range [" + min + ", " + max + "]");
        }
        return d;
    }

    /**
     * The body as a JSON object; an empty body counts as {@code {}} when {@code emptyAllowed}.
     *
     * @throws ApiException 400 naming what is wrong: not UTF-8, not JSON (with line and column), not an object
     */
    public Map<String, Object> jsonObject(boolean emptyAllowed) throws ApiException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "the request body is not valid UTF-8");
        }
        if (emptyAllowed && text.isBlank()) {
            return Map.of();
        }
        Object v;
        try {
            v = PARSER.parse(text);
        } catch (JsonException e) {
            throw new ApiException(400, "the request body is not valid JSON: " + e.getMessage());
        }
        if (!(v instanceof Map)) {
            throw new ApiException(400, "the request body must be a JSON object, got " + kind(v));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        return m;
    }

    /** "a string", "an array" ..., for error messages about JSON values. */
    static String kind(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof java.util.List) {
            return "an array";
        }
        if (v instanceof String) {
            return "a string";
        }
        return v instanceof Boolean ? "a boolean" : "a number";
    }
}
