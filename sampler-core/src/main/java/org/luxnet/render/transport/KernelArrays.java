package org.luxnet.render.transport;

/**
 * Host-side helpers that hand scene arrays to the kernel. OpenCL cannot create a buffer of zero
 * bytes, so an empty array (a scene without spheres, without lights) is replaced by a one-element
 * array the kernel never reads; other arrays are shared, not copied, and the kernel only reads them.
 */
final class KernelArrays {
    private KernelArrays() {
    }

    static float[] floats(float[] a) {
        return a.length == 0 ? new float[1] : a;
    }

    static int[] ints(int[] a) {
        return a.length == 0 ? new int[1] : a;
    }
}
