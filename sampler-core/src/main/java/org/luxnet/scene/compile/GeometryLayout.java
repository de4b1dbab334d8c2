package org.luxnet.scene.compile;

import java.util.List;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.desc.AnimatedTransform;
import org.luxnet.scene.desc.Transform;

/**
 * Lays the compiled geometry out in the arrays of {@link CompiledScene}: a top-level BVH over the
 * world's triangles, spheres and curve pieces and over instance bounds (each instance in a leaf of its own, which
 * becomes an instance reference), then one bottom-level BVH per instanced object in object space.
 * Triangles are written in leaf order: the world's first, then each object's.
 */
final class GeometryLayout {
    private GeometryLayout() {
    }

    static void layout(GeometryBuilder world, InstanceCompiler inst, CompiledScene.Builder b) {
        int nw = world.triangleCount(), ns = world.sphereCount(), ni = inst.instanceCount();
        // World curve pieces follow the spheres in the top level's input and in the primitive numbers.
        int nc = world.curvePieceCount();
        List<GeometryBuilder> objects = inst.objects;
        int no = objects.size();
        // Bottom level: one BVH per object, in object space.
        BvhBuilder.Result[] obvh = new BvhBuilder.Result[no];
        int[] objBase = new int[no];
        // Each object's curve pieces follow the world's in the curve numbers.
        int[] objCurveBase = new int[no];
        int nt = nw, ncAll = nc;
        for (int o = 0; o < no; o++) {
            GeometryBuilder g = objects.get(o);
            objBase[o] = nt;
            objCurveBase[o] = ncAll;
            if (g.triangleCount() > 0 || g.curvePieceCount() > 0) {
                obvh[o] = BvhBuilder.build(boxes(g, 0));
                nt += g.triangleCount();
                ncAll += g.curvePieceCount();
            }
        }
        // Top level: world triangles, spheres, curve pieces, then instance bounds in world space.
        float[] boxes = boxes(world, ni);
        int nwp = nw + ns + nc;
        for (int k = 0; k < ni; k++) {
            float[] ob = obvh[inst.instanceObject.get(k)].sceneBounds();
            AnimatedTransform m = inst.instanceMotion.get(k);
            if (m == null) {
                worldBox(inst.instanceToWorld.get(k), ob, boxes, 6 * (nwp + k));
            } else {
                motionBox(m, ob, boxes, 6 * (nwp + k));
            }
        }
        BvhBuilder.Result top = BvhBuilder.build(boxes, nwp);
        int[] topPrims = top.prims();
        int[] children = top.children();
        for (int c = 0; c < children.length; c += 2) {
            int ref = children[c], count = children[c + 1];
            if (count == 1 && topPrims[ref] >= nwp) {
                children[c] = -2 - (topPrims[ref] - nwp);
                children[c + 1] = 0;
            } else if (count > 1) {
                for (int i = ref; i < ref + count; i++) {
                    if (topPrims[i] >= nwp) {
                        throw new IllegalStateException("an instance shares a BVH leaf");
                    }
                }
            }
        }
        int[] worldOrder = leafOrder(topPrims, nw);
        world.layoutOrder = worldOrder;
        int[] newIndex = inverse(worldOrder);
        for (int i = 0; i < topPrims.length; i++) {
            int p = topPrims[i];
            topPrims[i] = p < nw ? newIndex[p] : p < nwp ? nt + p - nw : -1;
        }
        TriangleWriter tw = new TriangleWriter(b, nt);
        for (int i = 0; i < nw; i++) {
            tw.write(world, worldOrder[i], i, world.triEmitter.get(worldOrder[i]));
        }
        // Append each object's nodes and prims behind the top level's, with refs offset.
        int nodes = children.length / 4, prims = topPrims.length;
        int[] objRoot = new int[no];
        for (int o = 0; o < no; o++) {
            if (obvh[o] != null) {
                objRoot[o] = nodes;
                nodes += obvh[o].children().length / 4;
                prims += obvh[o].prims().length;
            }
        }
        float[] allBounds = new float[12 * nodes];
        int[] allChildren = new int[4 * nodes];
        int[] allPrims = new int[prims];
        System.arraycopy(top.bounds(), 0, allBounds, 0, top.bounds().length);
        System.arraycopy(children, 0, allChildren, 0, children.length);
        System.arraycopy(topPrims, 0, allPrims, 0, topPrims.length);
        int primOff = topPrims.length;
        for (int o = 0; o < no; o++) {
            BvhBuilder.Result r = obvh[o];
            if (r == null) {
                continue;
            }
            GeometryBuilder g = objects.get(o);
            int[] order = leafOrder(r.prims(), g.triangleCount());
            g.layoutOrder = order;
            int[] local = inverse(order);
            for (int i = 0; i < order.length; i++) {
                tw.write(g, order[i], objBase[o] + i, -1);
            }
            int nodeOff = objRoot[o];
            System.arraycopy(r.bounds(), 0, allBounds, 12 * nodeOff, r.bounds().length);
            int[] ch = r.children();
            for (int c = 0; c < ch.length; c += 2) {
                int ref = ch[c], count = ch[c + 1];
                allChildren[4 * nodeOff + c] = ref < 0 ? ref : count > 0 ? ref + primOff : ref + nodeOff;
                allChildren[4 * nodeOff + c + 1] = count;
            }
            for (int i = 0; i < r.prims().length; i++) {
                int p = r.prims()[i];
                allPrims[primOff + i] = p < g.triangleCount() ? objBase[o] + local[p]
                        : nt + ns + objCurveBase[o] + p - g.triangleCount();
            }
            primOff += r.prims().length;
        }
        tw.finish();
        b.triangleCount = nt;
        b.worldTriangleCount = nw;
        b.objectCount = (int) java.util.Arrays.stream(obvh).filter(r -> r != null).count();
        b.sphereCount = ns;
        b.sphereGeom = world.sph.toArray();
        b.sphereFlip = world.sphFlip.toArray();
        b.sphereFrame = world.sphFrame.toArray();
        b.sphereMaterial = world.sphMat.toArray();
        b.sphereLight = new int[ns];
        java.util.Arrays.fill(b.sphereLight, -1);
        curves(world, objects, obvh, b);
        b.bvhBounds = allBounds;
        b.bvhChildren = allChildren;
        b.bvhPrims = allPrims;
        b.sceneBounds = top.sceneBounds();
        b.instMaterial = inst.instanceMaterial.toArray();
        b.instRoot = new int[ni];
        b.instXform = new float[ni * CompiledScene.INST_STRIDE];
        b.instMotion = new int[ni];
        int motions = 0;
        for (AnimatedTransform m : inst.instanceMotion) {
            motions += m != null ? m.recordCount() : 0;
        }
        b.motion = new float[motions * AnimatedTransform.RECORD];
        motions = 0;
        for (int k = 0; k < ni; k++) {
            b.instRoot[k] = objRoot[inst.instanceObject.get(k)];
            instanceMatrices(inst.instanceToWorld.get(k), b.instXform, k * CompiledScene.INST_STRIDE);
            AnimatedTransform m = inst.instanceMotion.get(k);
            b.instMotion[k] = -1;
            if (m != null) {
                m.record(b.motion, motions * AnimatedTransform.RECORD, false);
                b.instMotion[k] = motions;
                motions += m.recordCount();
            }
        }
    }

    /** The world's curves, then each stored object's (its segment numbers offset), into the scene's arrays. */
    private static void curves(GeometryBuilder world, List<GeometryBuilder> objects, BvhBuilder.Result[] obvh,
                               CompiledScene.Builder b) {
        FloatList geom = new FloatList();
        IntList info = new IntList(), seg = new IntList();
        for (int o = -1; o < objects.size(); o++) {
            GeometryBuilder g = o < 0 ? world : objects.get(o);
            if (o >= 0 && obvh[o] == null) {
                continue;
            }
            int off = info.size() / 4;
            for (int i = 0; i < g.curveGeom.size(); i++) {
                geom.add(g.curveGeom.get(i));
            }
            for (int i = 0; i < g.curveInfo.size(); i++) {
                info.add(g.curveInfo.get(i));
            }
            for (int i = 0; i < g.curveSeg.size(); i += 2) {
                seg.add(g.curveSeg.get(i) + off);
                seg.add(g.curveSeg.get(i + 1));
            }
        }
        b.curveGeom = geom.toArray();
        b.curveInfo = info.toArray();
        b.curveSeg = seg.toArray();
    }

    /** Bounding boxes of g's triangles, spheres and curve pieces, with room for {@code extra} more. */
    private static float[] boxes(GeometryBuilder g, int extra) {
        int nt = g.triangleCount(), ns = g.sphereCount(), nc = g.curvePieceCount();
        float[] boxes = new float[6 * (nt + ns + nc + extra)];
        for (int i = 0; i < 6 * nc; i++) {
            boxes[6 * (nt + ns) + i] = g.curveBox.get(i);
        }
        for (int t = 0; t < nt; t++) {
            for (int a = 0; a < 3; a++) {
                float v0 = g.triV.get(9 * t + a), v1 = g.triV.get(9 * t + 3 + a), v2 = g.triV.get(9 * t + 6 + a);
                boxes[6 * t + a] = Math.min(v0, Math.min(v1, v2));
                boxes[6 * t + 3 + a] = Math.max(v0, Math.max(v1, v2));
            }
        }
        for (int s = 0; s < ns; s++) {
            float r = g.sph.get(4 * s + 3);
            for (int a = 0; a < 3; a++) {
                float c = g.sph.get(4 * s + a);
                boxes[6 * (nt + s) + a] = c - r;
                boxes[6 * (nt + s) + 3 + a] = c + r;
            }
        }
        return boxes;
    }

    /** The world box of an object box (its 8 corners transformed), written at {@code out[o..o+5]}, padded outwards. */
    static void worldBox(Transform t, float[] ob, float[] out, int o) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        double[] p = new double[3];
        for (int corner = 0; corner < 8; corner++) {
            t.applyPoint(ob[(corner & 1) == 0 ? 0 : 3], ob[(corner & 2) == 0 ? 1 : 4], ob[(corner & 4) == 0 ? 2 : 5], p, 0);
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], p[a]);
                hi[a] = Math.max(hi[a], p[a]);
            }
        }
        for (int a = 0; a < 3; a++) {
            // float rounding of the transformed triangles must stay inside the box
            double pad = 1e-6 * (Math.abs(lo[a]) + Math.abs(hi[a]) + (hi[a] - lo[a]));
            out[o + a] = Math.nextDown((float) (lo[a] - pad));
            out[o + 3 + a] = Math.nextUp((float) (hi[a] + pad));
        }
    }

    /** The box a moving instance sweeps during the shutter ({@link AnimatedTransform#motionBounds}), padded as {@link #worldBox}. */
    static void motionBox(AnimatedTransform m, float[] ob, float[] out, int o) {
        double[] b = m.motionBounds(new double[] {ob[0], ob[1], ob[2], ob[3], ob[4], ob[5]});
        for (int a = 0; a < 3; a++) {
            // the kernel interpolates in float: a wider pad than a still instance needs
            double pad = 1e-5 * (Math.abs(b[a]) + Math.abs(b[3 + a]) + (b[3 + a] - b[a]));
            out[o + a] = Math.nextDown((float) (b[a] - pad));
            out[o + 3 + a] = Math.nextUp((float) (b[3 + a] + pad));
        }
    }

    /** World-to-object and object-to-world 3x4 matrices and the scale bound of one instance. */
    private static void instanceMatrices(Transform o2w, float[] x, int o) {
        Transform w2o = o2w.inverse();
        double frob = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                x[o + CompiledScene.INST_W2O + 4 * r + c] = (float) w2o.get(r, c);
                x[o + CompiledScene.INST_O2W + 4 * r + c] = (float) o2w.get(r, c);
                if (c < 3) {
                    frob += o2w.get(r, c) * o2w.get(r, c);
                }
            }
        }
        x[o + CompiledScene.INST_SCALE] = (float) Math.sqrt(frob);
    }

    /** Triangles (numbers below {@code n}) in order of first appearance in the leaves. */
    private static int[] leafOrder(int[] prims, int n) {
        int[] order = new int[n];
        int next = 0;
        for (int p : prims) {
            if (p >= 0 && p < n) {
                order[next++] = p;
            }
        }
        return order;
    }

    private static int[] inverse(int[] order) {
        int[] inv = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inv[order[i]] = i;
        }
        return inv;
    }
}
