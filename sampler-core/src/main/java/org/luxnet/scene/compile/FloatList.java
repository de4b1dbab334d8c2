package org.luxnet.scene.compile;

import java.util.Arrays;

/** A growable array of primitive floats (the compiler's buffers; avoids boxing millions of values). */
final class FloatList {
    private float[] a = new float[64];
    private int n;

    void add(float v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[n++] = v;
    }

    void add(float x, float y, float z) {
        add(x);
        add(y);
        add(z);
    }

    float get(int i) {
        return a[i];
    }

    int size() {
        return n;
    }

    float[] toArray() {
        return Arrays.copyOf(a, n);
    }
}
