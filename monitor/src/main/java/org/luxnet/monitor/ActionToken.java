package org.luxnet.monitor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret a monitor's actions (its POST routes) require, so that another user of the machine,
 * who can reach a loopback port as well, cannot stop a render or add an impostor server. The
 * monitor prints it at start as the fragment of its URL ({@code #token=...}), which the browser
 * keeps to itself; the page reads it from there and sends it in the {@link #HEADER} of each action.
 * Immutable and thread-safe.
 */
public final class ActionToken {
    /** The request header that carries the token. */
    public static final String HEADER = "X-Luxnet-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    /** A token of {@code value}: 8 to 256 printable ASCII characters without spaces. */
    public ActionToken(String value) {
        if (value == null || value.length() < 8 || value.length() > 256
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("a monitor token must be 8 to 256 printable ASCII characters without "
                    + "spaces");
        }
        this.value = value;
    }

    /** A new random token (32 bytes, URL-safe Base64). */
    public static ActionToken random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return new ActionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }

    /** The token's text, to print for the user. */
    public String value() {
        return value;
    }

    /**
     * Passes when {@code r} carries this token; compared in constant time.
     *
     * @throws ApiException 403 saying what is missing
     */
    void check(ApiRequest r) throws ApiException {
        String given = r.token();
        if (given == null) {
            throw new ApiException(403, r.method() + " " + r.path() + " needs the monitor's token in the " + HEADER
                    + " header (the #token=... part of the URL the monitor printed at start)");
        }
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(403, r.method() + " " + r.path() + ": wrong monitor token");
        }
    }

    @Override
    public String toString() {
        return "ActionToken[hidden]";
    }
}
