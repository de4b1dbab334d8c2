package org.luxnet.monitor;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers: status, content type, body, and extra headers. Immutable.
 *
 * @param status      HTTP status code
 * @param contentType the Content-Type header
 * @param body        the body bytes (not copied; callers hand over their array)
 * @param headers     extra headers
 */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    /** JSON's media type; the API always speaks UTF-8. */
    public static final String JSON = "application/json; charset=utf-8";

    /** Copies the headers so the response is immutable. */
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** A JSON response holding the document {@code json}. */
    public static ApiResponse json(int status, JsonWriter json) {
        return new ApiResponse(status, JSON, json.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A response of {@code contentType} holding {@code body}. */
    public static ApiResponse of(int status, String contentType, byte[] body) {
        return new ApiResponse(status, contentType, body, Map.of());
    }

    /** This response with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, contentType, body, h);
    }

    /** The reason phrase of the statuses the API uses, for error bodies. */
    static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 201: return "Created";
            case 202: return "Accepted";
            case 400: return "Bad Request";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 409: return "Conflict";
            case 413: return "Payload Too Large";
            case 414: return "URI Too Long";
            case 431: return "Request Header Fields Too Large";
            case 503: return "Service Unavailable";
            default: return status >= 500 ? "Internal Server Error" : "Error";
        }
    }
}
