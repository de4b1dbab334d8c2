package org.luxnet.bridge.protocol;

import java.nio.charset.StandardCharsets;

/** Range checks shared by the message records, so that no message exists that cannot be encoded. */
final class Fields {
    private Fields() {
    }

    static void u16(int v, String name) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException(name + " must fit 16 bits unsigned, got " + v);
        }
    }

    static void nonNegative(long v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + v);
        }
    }

    static void string(String s, String name) {
        if (s == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        if (n > Protocol.MAX_STRING_BYTES) {
            throw new IllegalArgumentException(name + " is " + n + " bytes of UTF-8, the limit is "
                    + Protocol.MAX_STRING_BYTES);
        }
    }

    static void length(Bytes b, int expected, String name) {
        if (b == null || b.length() != expected) {
            throw new IllegalArgumentException(name + " must be " + expected + " bytes, got "
                    + (b == null ? "null" : b.length()));
        }
    }

    /** {@code s} cut to at most {@link Protocol#MAX_STRING_BYTES} bytes of UTF-8 (on a character boundary). */
    static String truncate(String s) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= Protocol.MAX_STRING_BYTES) {
            return s;
        }
        int end = Math.min(s.length(), Protocol.MAX_STRING_BYTES / 4);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "...";
    }
}
