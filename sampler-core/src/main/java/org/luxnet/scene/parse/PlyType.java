package org.luxnet.scene.parse;

import java.nio.ByteBuffer;

/** The scalar types of PLY properties, under both their old and their sized names. */
enum PlyType {
    INT8(1, true), UINT8(1, true), INT16(2, true), UINT16(2, true), INT32(4, true), UINT32(4, true),
    FLOAT32(4, false), FLOAT64(8, false);

    /** Bytes in binary files. */
    final int size;
    final boolean integer;

    PlyType(int size, boolean integer) {
        this.size = size;
        this.integer = integer;
    }

    /** The type for a header word ({@code uchar}, {@code uint8}, {@code float32} ...), or null. */
    static PlyType fromWord(String w) {
        switch (w) {
            case "char": case "int8": return INT8;
            case "uchar": case "uint8": return UINT8;
            case "short": case "int16": return INT16;
            case "ushort": case "uint16": return UINT16;
            case "int": case "int32": return INT32;
            case "uint": case "uint32": return UINT32;
            case "float": case "float32": return FLOAT32;
            case "double": case "float64": return FLOAT64;
            default: return null;
        }
    }

    /** Reads one value; the caller has checked that {@link #size} bytes remain. */
    double read(ByteBuffer b) {
        switch (this) {
            case INT8: return b.get();
            case UINT8: return b.get() & 0xFF;
            case INT16: return b.getShort();
            case UINT16: return b.getShort() & 0xFFFF;
            case INT32: return b.getInt();
            case UINT32: return b.getInt() & 0xFFFFFFFFL;
            case FLOAT32: return b.getFloat();
            default: return b.getDouble();
        }
    }
}
