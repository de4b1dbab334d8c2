package org.luxnet.bridge.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads message fields from one frame, checking every length against what the frame holds before
 * allocating, so a lying length can neither overrun the frame nor make the reader allocate wildly.
 */
final class WireReader {
    private final ByteBuf in;
    private final MessageType type;

    WireReader(ByteBuf in, MessageType type) {
        this.in = in;
        this.type = type;
    }

    private void need(int n, String field) throws ProtocolException {
        if (in.readableBytes() < n) {
            throw new ProtocolException(type + " frame ends inside " + field + " (needs " + n + " bytes, "
                    + in.readableBytes() + " left)");
        }
    }

    int u8(String field) throws ProtocolException {
        need(1, field);
        return in.readUnsignedByte();
    }

    boolean bool(String field) throws ProtocolException {
        int b = u8(field);
        if (b > 1) {
            throw new ProtocolException(type + " field " + field + " must be 0 or 1, got " + b);
        }
        return b == 1;
    }

    int u16(String field) throws ProtocolException {
        need(2, field);
        return in.readUnsignedShort();
    }

    int i32(String field) throws ProtocolException {
        need(4, field);
        return in.readInt();
    }

    /** An unsigned 32-bit count or length that must not exceed {@code max}. */
    int u32(String field, long max) throws ProtocolException {
        need(4, field);
        long v = in.readUnsignedInt();
        if (v > max) {
            throw new ProtocolException(type + " field " + field + " is " + v + ", the limit is " + max);
        }
        return (int) v;
    }

    long i64(String field) throws ProtocolException {
        need(8, field);
        return in.readLong();
    }

    double f64(String field) throws ProtocolException {
        need(8, field);
        return in.readDouble();
    }

    String string(String field) throws ProtocolException {
        int len = u16(field + " length");
        if (len > Protocol.MAX_STRING_BYTES) {
            throw new ProtocolException(type + " field " + field + " is " + len + " bytes, the limit is "
                    + Protocol.MAX_STRING_BYTES);
        }
        need(len, field);
        byte[] b = new byte[len];
        in.readBytes(b);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(type + " field " + field + " is not valid UTF-8", e);
        }
    }

    Bytes fixed(int n, String field) throws ProtocolException {
        need(n, field);
        byte[] b = new byte[n];
        in.readBytes(b);
        return Bytes.adopt(b);
    }

    /** A u32-length-prefixed byte string of at most {@code max} bytes. */
    Bytes blob(String field, int max) throws ProtocolException {
        int len = u32(field + " length", max);
        return fixed(len, field);
    }

    /** Refuses bytes after the last field: a peer that sends them does not speak our version. */
    void end() throws ProtocolException {
        if (in.isReadable()) {
            throw new ProtocolException(type + " frame has " + in.readableBytes() + " unexpected bytes after its fields");
        }
    }

    /** Bytes left in the frame. */
    int remaining() {
        return in.readableBytes();
    }
}
