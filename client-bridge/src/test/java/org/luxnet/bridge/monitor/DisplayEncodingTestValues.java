package org.luxnet.bridge.monitor;

import org.luxnet.accumulator.tonemap.DisplayEncoding;

/** Expected 8-bit codes, computed by the encoding under test's own definition. */
final class DisplayEncodingTestValues {
    /** sRGB code of display-linear 0.5. */
    static final int SRGB_HALF = DisplayEncoding.srgb().quantize(0.5);

    private DisplayEncodingTestValues() {
    }
}
