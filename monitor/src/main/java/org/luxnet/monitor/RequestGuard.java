package org.luxnet.monitor;

import java.util.Locale;

/**
 * Keeps web pages the user happens to visit from driving the API through the user's browser. A
 * page on another site may send a POST to {@code 127.0.0.1} (the browser sends it without asking),
 * so a request that changes something must not carry a foreign {@code Origin}; and a site that
 * rebinds its own DNS name to 127.0.0.1 is caught by the {@code Host} check of a loopback-only
 * monitor. Tools such as curl send no Origin and a loopback Host, so they pass.
 */
final class RequestGuard {
    private RequestGuard() {
    }

    /**
     * Checks a request's headers.
     *
     * @param method       the HTTP method
     * @param host         the Host header, or null
     * @param origin       the Origin header, or null
     * @param loopbackOnly true when the monitor listens on a loopback address only
     * @throws ApiException 403 naming what was refused
     */
    static void check(String method, String host, String origin, boolean loopbackOnly) throws ApiException {
        if (loopbackOnly && host != null && !isLoopbackName(hostName(host))) {
            throw new ApiException(403, "this monitor listens on a loopback address only and does not answer for host '"
                    + host + "' (start it with --monitor-bind to serve other names)");
        }
        boolean changes = !method.equals("GET") && !method.equals("HEAD");
        if (changes && origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
            throw new ApiException(403, "cross-origin " + method + " refused: Origin '" + origin
                    + "' is not this monitor");
        }
    }

    /** The host part of a Host header: without the port, and without the brackets of an IPv6 address. */
    static String hostName(String hostHeader) {
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? h : h.substring(1, close);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static boolean isLoopbackName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("localhost") || n.equals("::1") || n.equals("0:0:0:0:0:0:0:1")
                || n.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
