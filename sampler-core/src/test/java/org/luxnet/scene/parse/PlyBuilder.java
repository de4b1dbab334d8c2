package org.luxnet.scene.parse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes small PLY files for tests: header lines as given, then values in the chosen format. In
 * ASCII, {@link #row} ends a line; in binary it does nothing.
 */
final class PlyBuilder {
    private final StringBuilder header = new StringBuilder("ply\n");
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final String format;
    private boolean rowStarted;

    /** {@code format}: "ascii", "binary_little_endian" or "binary_big_endian". */
    PlyBuilder(String format) {
        this.format = format;
        header.append("format ").append(format).append(" 1.0\n");
    }

    PlyBuilder header(String... lines) {
        for (String l : lines) {
            header.append(l).append('\n');
        }
        return this;
    }

    /** Values of one PLY type ("float", "uchar", "int", "double" ...). */
    PlyBuilder values(String type, double... values) {
        for (double v : values) {
            if (format.equals("ascii")) {
                String s = type.startsWith("float") || type.equals("double") ? Double.toString(v)
                        : Long.toString((long) v);
                byte[] b = ((rowStarted ? " " : "") + s).getBytes(StandardCharsets.US_ASCII);
                body.write(b, 0, b.length);
                rowStarted = true;
                continue;
            }
            ByteBuffer buf = ByteBuffer.allocate(8).order(format.equals("binary_little_endian")
                    ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            switch (type) {
                case "char": case "uchar": buf.put((byte) v); break;
                case "short": case "ushort": buf.putShort((short) v); break;
                case "int": buf.putInt((int) v); break;
                case "uint": buf.putInt((int) (long) v); break;
                case "float": buf.putFloat((float) v); break;
                case "double": buf.putDouble(v); break;
                default: throw new IllegalArgumentException(type);
            }
            body.write(buf.array(), 0, buf.position());
        }
        return this;
    }

    PlyBuilder row() {
        if (format.equals("ascii")) {
            body.write('\n');
            rowStarted = false;
        }
        return this;
    }

    byte[] bytes() {
        byte[] h = (header + "end_header\n").getBytes(StandardCharsets.US_ASCII);
        byte[] b = body.toByteArray();
        byte[] out = new byte[h.length + b.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(b, 0, out, h.length, b.length);
        return out;
    }
}
