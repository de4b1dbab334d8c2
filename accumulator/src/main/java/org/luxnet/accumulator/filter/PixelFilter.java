package org.luxnet.accumulator.filter;

/** A pixel reconstruction filter used by filter importance sampling. */
public interface PixelFilter {
    /** Radius in x, pixels. */
    float radiusX();

    /** Radius in y, pixels. */
    float radiusY();

    /** Filter value at offset (dx, dy) from the pixel centre. */
    float evaluate(float dx, float dy);

    /** Samples an offset: out[0] = dx, out[1] = dy, out[2] = weight. */
    void sample(float u1, float u2, float[] out);
}
