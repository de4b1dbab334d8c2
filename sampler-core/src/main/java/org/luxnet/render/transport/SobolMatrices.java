package org.luxnet.render.transport;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * 32-bit generator matrices of the first four Sobol dimensions, taken from Commons Math's
 * Joe-Kuo direction numbers. Commons Math walks the sequence in Gray-code order; the point it
 * returns for index {@code 2^k - 1} is the single direction number {@code v_k}, which is how the
 * matrices are read out here. Column {@code b} of dimension {@code d} is {@link #column}.
 */
public final class SobolMatrices {
    /** Dimensions provided. */
    public static final int DIMENSIONS = 4;
    private static final int[][] COLUMNS = load();

    private SobolMatrices() {
    }

    /** Direction number for bit {@code bit} (0 = least significant index bit) of dimension {@code dim}, as 32-bit fraction. */
    public static int column(int dim, int bit) {
        return COLUMNS[dim][bit];
    }

    /** All columns of a dimension, bit-reversed (for sampling in the reversed domain), a copy. */
    public static int[] reversedColumns(int dim) {
        int[] out = new int[32];
        for (int b = 0; b < 32; b++) {
            out[b] = Integer.reverse(COLUMNS[dim][b]);
        }
        return out;
    }

    private static int[][] load() {
        SobolSequenceGenerator gen = new SobolSequenceGenerator(DIMENSIONS);
        int[][] cols = new int[DIMENSIONS][32];
        for (int k = 1; k <= 31; k++) {
            double[] v = gen.skipTo((1 << k) - 1);
            for (int d = 0; d < DIMENSIONS; d++) {
                cols[d][k - 1] = (int) (long) (v[d] * 0x1p32);
            }
        }
        // Column 31 stays zero: sample indices are non-negative ints, so index bit 31 is never set.
        return cols;
    }

    /** The unscrambled Sobol point of {@code index} in dimension {@code dim}, as a 32-bit fraction. */
    public static int point(int index, int dim) {
        int x = 0;
        for (int b = 0; index != 0; b++, index >>>= 1) {
            if ((index & 1) != 0) {
                x ^= COLUMNS[dim][b];
            }
        }
        return x;
    }
}
