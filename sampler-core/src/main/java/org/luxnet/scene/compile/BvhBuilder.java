package org.luxnet.scene.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a binary BVH over primitive bounding boxes with the surface area heuristic, binned (pbrt's
 * "sah" split: 16 buckets along the largest centroid axis), and flattens it into the layout of
 * {@link org.luxnet.scene.compiled.CompiledScene}: each node stores both children's boxes, so a
 * traversal step tests two boxes from one cache line pair and visits the nearer child first.
 *
 * <p>Depth is capped: past {@link #MAX_SAH_DEPTH} levels, splits fall back to the object median,
 * which halves the count each time; the tree is then never deeper than the traversal stacks of the
 * CPU tracer and the GPU kernel ({@link #MAX_DEPTH}).
 *
 * <p>Primitives numbered from {@code firstSingle} on (object instances in a top-level BVH) are each
 * given a leaf of their own, so that the scene compiler can turn that leaf into a reference to the
 * instance.
 */
public final class BvhBuilder {
    /** No path from the root is longer than this; traversal stacks of this size cannot overflow. */
    public static final int MAX_DEPTH = 64;
    static final int MAX_SAH_DEPTH = 40;
    static final int BUCKETS = 16;
    static final int MAX_LEAF = 4;

    private final float[] bmin, bmax, centroid;
    private final int[] prims;
    private final int firstSingle;

    /** Result: flattened arrays. */
    public record Result(float[] bounds, int[] children, int[] prims, float[] sceneBounds) {
    }

    private static final class Node {
        float[] box = new float[6];
        Node left, right;
        int start, count; // leaf range when left == null
    }

    /**
     * @param boxes 6 floats per primitive: min xyz, max xyz
     */
    public static Result build(float[] boxes) {
        return new BvhBuilder(boxes, boxes.length / 6).run();
    }

    /**
     * @param boxes       6 floats per primitive: min xyz, max xyz
     * @param firstSingle primitives from this number on each get a leaf of their own
     */
    public static Result build(float[] boxes, int firstSingle) {
        return new BvhBuilder(boxes, firstSingle).run();
    }

    private BvhBuilder(float[] boxes, int firstSingle) {
        this.firstSingle = firstSingle;
        int n = boxes.length / 6;
        bmin = new float[3 * n];
        bmax = new float[3 * n];
        centroid = new float[3 * n];
        prims = new int[n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                bmin[3 * i + a] = boxes[6 * i + a];
                bmax[3 * i + a] = boxes[6 * i + 3 + a];
                centroid[3 * i + a] = 0.5f * (boxes[6 * i + a] + boxes[6 * i + 3 + a]);
            }
            prims[i] = i;
        }
    }

    private Result run() {
        int n = prims.length;
        float[] scene = emptyBox();
        for (int i = 0; i < n; i++) {
            grow(scene, i);
        }
        if (n == 0) {
            // An empty scene still gets a root whose two children are empty.
            return new Result(emptyPair(), new int[] {-1, 0, -1, 0}, new int[0], scene);
        }
        Node root = build(0, n, 0);
        List<Node> interior = new ArrayList<>();
        if (root.left == null) {
            // A single leaf: wrap it in a root with an empty right child.
            Node wrap = new Node();
            wrap.box = root.box;
            wrap.left = root;
            wrap.right = null;
            root = wrap;
        }
        collect(root, interior);
        float[] bounds = new float[12 * interior.size()];
        int[] children = new int[4 * interior.size()];
        java.util.IdentityHashMap<Node, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < interior.size(); i++) {
            index.put(interior.get(i), i);
        }
        for (int i = 0; i < interior.size(); i++) {
            Node node = interior.get(i);
            writeChild(node.left, bounds, children, 12 * i, 4 * i, index);
            writeChild(node.right, bounds, children, 12 * i + 6, 4 * i + 2, index);
        }
        return new Result(bounds, children, prims.clone(), scene);
    }

    private static void writeChild(Node c, float[] bounds, int[] children, int bo, int co,
                                   java.util.IdentityHashMap<Node, Integer> index) {
        if (c == null) {
            float[] e = emptyBox();
            System.arraycopy(e, 0, bounds, bo, 6);
            children[co] = -1;
            children[co + 1] = 0;
            return;
        }
        System.arraycopy(c.box, 0, bounds, bo, 6);
        if (c.left == null) {
            children[co] = c.start;
            children[co + 1] = c.count;
        } else {
            children[co] = index.get(c);
            children[co + 1] = 0;
        }
    }

    /** Interior nodes in depth-first order (root first, near-child-first layout helps locality). */
    private static void collect(Node root, List<Node> out) {
        ArrayList<Node> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            out.add(n);
            if (n.right != null && n.right.left != null) {
                stack.add(n.right);
            }
            if (n.left != null && n.left.left != null) {
                stack.add(n.left);
            }
        }
    }

    private Node build(int start, int end, int depth) {
        Node node = new Node();
        node.box = emptyBox();
        float[] cbox = emptyBox();
        for (int i = start; i < end; i++) {
            grow(node.box, prims[i]);
            growPoint(cbox, prims[i]);
        }
        int count = end - start;
        if (count == 1) {
            return leaf(node, start, count);
        }
        int axis = largestAxis(cbox);
        float lo = cbox[axis], hi = cbox[3 + axis];
        if (!(hi > lo)) {
            // All centroids coincide: no split separates them.
            if ((count <= MAX_LEAF && !hasSingle(start, end)) || depth >= MAX_DEPTH - 2) {
                return leaf(node, start, count);
            }
            return split(node, start, start + count / 2, end, depth);
        }
        if (depth >= MAX_SAH_DEPTH) {
            int mid = start + count / 2;
            nthElement(start, end, mid, axis);
            return split(node, start, mid, end, depth);
        }
        // Bin centroids into buckets and evaluate the SAH cost of each bucket boundary.
        int[] bucketCount = new int[BUCKETS];
        float[][] bucketBox = new float[BUCKETS][];
        for (int b = 0; b < BUCKETS; b++) {
            bucketBox[b] = emptyBox();
        }
        float k = BUCKETS / (hi - lo);
        for (int i = start; i < end; i++) {
            int b = bucketOf(prims[i], axis, lo, k);
            bucketCount[b]++;
            grow(bucketBox[b], prims[i]);
        }
        float[] leftArea = new float[BUCKETS - 1];
        int[] leftCount = new int[BUCKETS - 1];
        float[] acc = emptyBox();
        int c = 0;
        for (int b = 0; b < BUCKETS - 1; b++) {
            union(acc, bucketBox[b]);
            c += bucketCount[b];
            leftArea[b] = area(acc);
            leftCount[b] = c;
        }
        acc = emptyBox();
        c = 0;
        float best = Float.POSITIVE_INFINITY;
        int bestSplit = -1;
        float total = area(node.box);
        for (int b = BUCKETS - 1; b >= 1; b--) {
            union(acc, bucketBox[b]);
            c += bucketCount[b];
            if (c == 0 || leftCount[b - 1] == 0) {
                continue;
            }
            float cost = 0.125f + (leftCount[b - 1] * leftArea[b - 1] + c * area(acc)) / total;
            if (cost < best) {
                best = cost;
                bestSplit = b;
            }
        }
        if (count <= MAX_LEAF && (bestSplit < 0 || best >= count) && !hasSingle(start, end)) {
            return leaf(node, start, count);
        }
        if (bestSplit < 0) {
            int mid = start + count / 2;
            nthElement(start, end, mid, axis);
            return split(node, start, mid, end, depth);
        }
        // Partition primitives by bucket.
        int i = start, j = end - 1;
        while (i <= j) {
            if (bucketOf(prims[i], axis, lo, k) < bestSplit) {
                i++;
            } else {
                int t = prims[i];
                prims[i] = prims[j];
                prims[j] = t;
                j--;
            }
        }
        int mid = i;
        if (mid == start || mid == end) {
            mid = start + count / 2;
            nthElement(start, end, mid, axis);
        }
        return split(node, start, mid, end, depth);
    }

    /** True when prims[start, end) holds a primitive that needs a leaf of its own. */
    private boolean hasSingle(int start, int end) {
        for (int i = start; i < end; i++) {
            if (prims[i] >= firstSingle) {
                return true;
            }
        }
        return false;
    }

    private Node split(Node node, int start, int mid, int end, int depth) {
        node.left = build(start, mid, depth + 1);
        node.right = build(mid, end, depth + 1);
        return node;
    }

    private static Node leaf(Node node, int start, int count) {
        node.start = start;
        node.count = count;
        return node;
    }

    private int bucketOf(int p, int axis, float lo, float k) {
        int b = (int) ((centroid[3 * p + axis] - lo) * k);
        return Math.max(0, Math.min(BUCKETS - 1, b));
    }

    /** Partially sorts prims[start, end) so that the element at mid is where a sort by centroid would put it. */
    private void nthElement(int start, int end, int mid, int axis) {
        int lo = start, hi = end - 1;
        while (lo < hi) {
            float pivot = centroid[3 * prims[(lo + hi) >>> 1] + axis];
            int i = lo, j = hi;
            while (i <= j) {
                while (centroid[3 * prims[i] + axis] < pivot) {
                    i++;
                }
                while (centroid[3 * prims[j] + axis] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = prims[i];
                    prims[i] = prims[j];
                    prims[j] = t;
                    i++;
                    j--;
                }
            }
            if (mid <= j) {
                hi = j;
            } else if (mid >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    private void grow(float[] box, int p) {
        for (int a = 0; a < 3; a++) {
            box[a] = Math.min(box[a], bmin[3 * p + a]);
            box[3 + a] = Math.max(box[3 + a], bmax[3 * p + a]);
        }
    }

    private void growPoint(float[] box, int p) {
        for (int a = 0; a < 3; a++) {
            box[a] = Math.min(box[a], centroid[3 * p + a]);
            box[3 + a] = Math.max(box[3 + a], centroid[3 * p + a]);
        }
    }

    private static void union(float[] box, float[] o) {
        for (int a = 0; a < 3; a++) {
            box[a] = Math.min(box[a], o[a]);
            box[3 + a] = Math.max(box[3 + a], o[3 + a]);
        }
    }

    private static float area(float[] b) {
        float dx = b[3] - b[0], dy = b[4] - b[1], dz = b[5] - b[2];
        if (dx < 0 || dy < 0 || dz < 0) {
            return 0;
        }
        return 2 * (dx * dy + dy * dz + dz * dx);
    }

    private static int largestAxis(float[] b) {
        float dx = b[3] - b[0], dy = b[4] - b[1], dz = b[5] - b[2];
        return dx >= dy && dx >= dz ? 0 : (dy >= dz ? 1 : 2);
    }

    static float[] emptyBox() {
        float inf = Float.POSITIVE_INFINITY;
        return new float[] {inf, inf, inf, -inf, -inf, -inf};
    }

    private static float[] emptyPair() {
        float[] e = emptyBox();
        float[] out = new float[12];
        System.arraycopy(e, 0, out, 0, 6);
        System.arraycopy(e, 0, out, 6, 6);
        return out;
    }
}
