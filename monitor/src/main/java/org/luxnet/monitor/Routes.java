package org.luxnet.monitor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The API's explicit route table: path to method to handler. A path not in the table is a 404, a
 * method the path does not take a 405 listing those it does. Filled once before the server starts,
 * then only read (from any thread).
 */
public final class Routes {
    /** Answers one request; bad input is an {@link ApiException} with its status. */
    @FunctionalInterface
    public interface Handler {
        /** The response to {@code request}. */
        ApiResponse handle(ApiRequest request) throws ApiException;
    }

    private final Map<String, Map<String, Handler>> table = new LinkedHashMap<>();

    /** Adds a GET route. */
    public Routes get(String path, Handler h) {
        return add("GET", path, h);
    }

    /** Adds a POST route. */
    public Routes post(String path, Handler h) {
        return add("POST", path, h);
    }

    /** Adds a route; one handler per path and method. */
    public Routes add(String method, String path, Handler h) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route paths start with '/': " + path);
        }
        Handler old = table.computeIfAbsent(path, p -> new LinkedHashMap<>()).putIfAbsent(method, h);
        if (old != null) {
            throw new IllegalArgumentException("route " + method + " " + path + " is defined twice");
        }
        return this;
    }

    /** The paths served, in the order added. */
    public Set<String> paths() {
        return table.keySet();
    }

    /**
     * Routes {@code r} to its handler.
     *
     * @throws ApiException 404 for an unknown path, 405 for a method the path does not take, or
     *     whatever the handler throws
     */
    public ApiResponse dispatch(ApiRequest r) throws ApiException {
        Map<String, Handler> methods = table.get(r.path());
        if (methods == null) {
            throw new ApiException(404, "no such path: " + r.path());
        }
        Handler h = methods.get(r.method());
        if (h == null) {
            throw ApiException.methodNotAllowed(r.method(), r.path(), String.join(", ", methods.keySet()));
        }
        return h.handle(r);
    }
}
