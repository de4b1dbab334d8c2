package org.luxnet.bridge.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Escaping and capping of peer-supplied strings for logs. */
class LogTextTest {
    @Test
    void controlCharactersBecomeVisibleAndLongStringsAreCapped() {
        assertEquals("a\\nb\\r\\tc\\u001b[0m\\u2028\\u202e", LogText.of("a\nb\r\tc\u001b[0m\u2028\u202e"));
        assertEquals("plain name.ply", LogText.of("plain name.ply"));
        String capped = LogText.of("x".repeat(10_000));
        assertEquals("x".repeat(LogText.MAX_CHARS) + "...(" + (10_000 - LogText.MAX_CHARS) + " more chars)", capped);
        assertEquals("(null)", LogText.of(null));
    }
}
