package org.luxnet.bridge.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with value equality, for the byte fields of messages (nonces, proofs,
 * content hashes, data chunks), so that messages are true values. Thread-safe.
 */
public final class Bytes {
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** A copy of {@code data}. */
    public static Bytes of(byte[] data) {
        return new Bytes(data.clone());
    }

    /** A copy of {@code data[offset, offset + length)}. */
    public static Bytes of(byte[] data, int offset, int length) {
        return new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /** The bytes of lower-case or upper-case hex digits {@code hex}. */
    public static Bytes fromHex(String hex) {
        return new Bytes(HEX.parseHex(hex));
    }

    /** Wraps {@code data} without copying; the caller gives up the array. Package-private for decoders. */
    static Bytes adopt(byte[] data) {
        return new Bytes(data);
    }

    /** Number of bytes. */
    public int length() {
        return data.length;
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return data.clone();
    }

    /** The bytes as lower-case hex. */
    public String hex() {
        return HEX.formatHex(data);
    }

    /** The array itself, for encoders that only read it. */
    byte[] unsafeArray() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return data.length <= 32 ? hex() : data.length + " bytes";
    }
}
