package org.luxnet.accumulator.image;

/** The OpenEXR scanline compressions {@link ExrIO} reads; it writes NONE, ZIPS and ZIP. */
public enum ExrCompression {
    /** Uncompressed, one scanline per block. */
    NONE(0, 1),
    /** Byte run lengths per scanline after EXR's byte interleave and predictor (read only). */
    RLE(1, 1),
    /** zlib per scanline, after EXR's byte interleave and predictor. */
    ZIPS(2, 1),
    /** zlib per block of 16 scanlines, after EXR's byte interleave and predictor: the usual choice. */
    ZIP(3, 16),
    /** Wavelet and Huffman coding per block of 32 scanlines (read only): common in HDR environment maps. */
    PIZ(4, 32);

    /** The value of the EXR "compression" attribute. */
    final int code;
    /** Scanlines per chunk. */
    final int linesPerBlock;

    ExrCompression(int code, int linesPerBlock) {
        this.code = code;
        this.linesPerBlock = linesPerBlock;
    }

    /** The compression with EXR attribute value {@code code}, or null if not supported here. */
    static ExrCompression of(int code) {
        for (ExrCompression c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
