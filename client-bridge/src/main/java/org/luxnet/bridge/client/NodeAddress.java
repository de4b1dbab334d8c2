package org.luxnet.bridge.client;

import org.luxnet.bridge.protocol.Protocol;

/**
 * A render server's address as given on the command line: {@code host:port}, {@code host} (default
 * port), {@code [v6addr]:port} or {@code [v6addr]}.
 *
 * @param host host name or address, without brackets
 * @param port TCP port
 */
public record NodeAddress(String host, int port) {
    /** Checks the fields. */
    public NodeAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("server host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server port must be 1..65535, got " + port);
        }
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static NodeAddress parse(String text) {
        String t = text.trim();
        String host, port = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("server address '" + text + "': missing ']'");
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("server address '" + text + "': expected ':port' after ']'");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = t.lastIndexOf(':');
            if (colon >= 0 && t.indexOf(':') != colon) {
                throw new IllegalArgumentException("server address '" + text + "': write IPv6 addresses as [addr]:port");
            }
            host = colon < 0 ? t : t.substring(0, colon);
            port = colon < 0 ? null : t.substring(colon + 1);
        }
        if (port == null) {
            return new NodeAddress(host, Protocol.DEFAULT_PORT);
        }
        try {
            return new NodeAddress(host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("server address '" + text + "': port '" + port + "' is not a number", e);
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
