package org.luxnet.bridge.protocol;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;

/** One-line reasons for pipeline failures, for logs and refusals on both sides. */
public final class Failures {
    private Failures() {
    }

    /** The reason of {@code t}: the decoder's own cause rather than Netty's wrapper, never empty. */
    public static String describe(Throwable t) {
        Throwable c = t;
        while (c instanceof DecoderException && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof TooLongFrameException) {
            return "frame too large: " + c.getMessage();
        }
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
    }
}
