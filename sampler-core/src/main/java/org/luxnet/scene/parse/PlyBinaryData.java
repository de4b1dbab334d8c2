package org.luxnet.scene.parse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.luxnet.scene.SceneException;

/** PLY data in binary_little_endian or binary_big_endian. */
final class PlyBinaryData implements PlyData {
    private final ByteBuffer buf;
    private final PlySource src;

    PlyBinaryData(byte[] bytes, int offset, ByteOrder order, PlySource src) {
        this.buf = ByteBuffer.wrap(bytes, offset, bytes.length - offset).order(order);
        this.src = src;
    }

    @Override
    public double read(PlyType t, PlyElement e, long item, PlyProperty p) {
        if (buf.remaining() < t.size) {
            throw src.error("the file ends early: " + PlyData.where(e, item, p) + " needs " + t.size
                    + " bytes, " + buf.remaining() + " left (truncated file?)");
        }
        return t.read(buf);
    }

    @Override
    public SceneException error(String detail) {
        return src.error(detail);
    }
}
