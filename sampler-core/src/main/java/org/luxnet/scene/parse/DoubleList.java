package org.luxnet.scene.parse;

import java.util.Arrays;

/** A growable array of doubles: inline meshes hold millions of numbers, too many to box. */
final class DoubleList {
    private double[] values = new double[16];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
