package org.luxnet.monitor;

/**
 * A request the API answers with an error status and a JSON body naming what was wrong: 400 for a
 * bad query or body, 404 for an unknown path, 405 for a wrong method (with the allowed ones), 409
 * for an action the render's state does not allow.
 */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String allow;

    /** An error with {@code status} and a message for the client. */
    public ApiException(int status, String message) {
        this(status, message, null);
    }

    /** A 405 error listing the allowed methods, e.g. {@code "GET, POST"}. */
    public static ApiException methodNotAllowed(String method, String path, String allow) {
        return new ApiException(405, "method " + method + " is not allowed on " + path + "; use " + allow, allow);
    }

    private ApiException(int status, String message, String allow) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an API error needs a 4xx or 5xx status, got " + status);
        }
        this.status = status;
        this.allow = allow;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The value of the {@code Allow} header (405 only), or null. */
    public String allow() {
        return allow;
    }

    /** The JSON error response: {@code {"status": 400, "error": "Bad Request", "message": "..."}}. */
    public ApiResponse response() {
        ApiResponse r = ApiResponse.json(status, new JsonWriter().beginObject().name("status").value(status)
                .name("error").value(ApiResponse.reason(status)).name("message").value(getMessage()).endObject());
        return allow == null ? r : r.withHeader("Allow", allow);
    }
}
