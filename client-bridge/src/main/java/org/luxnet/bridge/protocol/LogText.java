package org.luxnet.bridge.protocol;

/**
 * Makes a string a peer supplied (session id, error text, host or file name) safe to put in a log
 * line: control characters, line and paragraph separators become visible escapes ({@code \n},
 * {@code \u001b}), so a peer cannot forge log lines or drive a terminal, and the length is capped.
 */
public final class LogText {
    /** Characters kept of a peer's string; the rest is counted, not shown. */
    public static final int MAX_CHARS = 200;

    private LogText() {
    }

    /** {@code s} escaped and capped at {@link #MAX_CHARS}; "(null)" for null. */
    public static String of(String s) {
        if (s == null) {
            return "(null)";
        }
        int n = Math.min(s.length(), MAX_CHARS);
        StringBuilder b = new StringBuilder(n + 16);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                            || Character.getType(c) == Character.FORMAT) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        if (s.length() > n) {
            b.append("...(").append(s.length() - n).append(" more chars)");
        }
        return b.toString();
    }
}
