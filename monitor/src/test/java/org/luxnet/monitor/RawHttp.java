package org.luxnet.monitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Sends hand-written (and deliberately broken) HTTP over a loopback socket and reads one response. */
final class RawHttp {
    /** One response: status code, header block and body text. */
    record Response(int status, String head, String body) {
        /** The value of header {@code name} (case-insensitive), or null. */
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private RawHttp() {
    }

    /** Writes {@code request} as is and reads the first response (bounded by a 5 s socket timeout). */
    static Response exchange(int port, String request) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Response exchange(int port, byte[] request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            return read(s.getInputStream());
        }
    }

    /** Reads one response: the head up to the blank line, then Content-Length bytes (or to the end). */
    static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside the response head: " + head);
            }
            head.write(b);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(h.substring(9, 12));
        Response r = new Response(status, h, "");
        String len = r.header("Content-Length");
        byte[] body = len == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(len));
        return new Response(status, h, new String(body, StandardCharsets.UTF_8));
    }

    /** A complete request with Host, Content-Length and the given extra header lines. */
    static String request(String method, String target, String body, String... headers) {
        StringBuilder b = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        b.append(String.format(Locale.ROOT, "Content-Length: %d\r\nConnection: close\r\n\r\n", bytes.length));
        return b + new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
