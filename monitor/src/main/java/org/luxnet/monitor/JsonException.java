package org.luxnet.monitor;

/** Malformed JSON: the message names the place (line and column) and what was expected there. */
public final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A parse error with its message, which already names the place. */
    public JsonException(String message) {
        super(message);
    }
}
