package org.luxnet.bridge.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.ArrayList;
import java.util.List;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.ManifestEntry;

/**
 * Turns one frame (type byte and body, the length already stripped by the frame decoder) into its
 * {@link Message}. Anything malformed (unknown type, short or long body, bad lengths, values out of
 * range, invalid UTF-8) raises a {@link ProtocolException}, which the side's handler turns into a
 * closed connection with a logged reason. The same decoder serves both sides; each side's handler
 * refuses the messages that may not come from its peer.
 */
public final class MessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    /** A decoder for frames of at most {@link Protocol#MAX_FRAME_BYTES}. */
    public MessageDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) throws ProtocolException {
        out.add(decode(frame));
    }

    /** Decodes one whole frame. */
    public static Message decode(ByteBuf frame) throws ProtocolException {
        if (!frame.isReadable()) {
            throw new ProtocolException("empty frame: no message type");
        }
        int wire = frame.readUnsignedByte();
        MessageType type = MessageType.fromWire(wire);
        if (type == null) {
            throw new ProtocolException("unknown message type " + wire);
        }
        WireReader r = new WireReader(frame, type);
        Message m;
        try {
            m = body(type, r);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(type + ": " + e.getMessage(), e);
        }
        r.end();
        return m;
    }

    private static Message body(MessageType type, WireReader r) throws ProtocolException {
        switch (type) {
            case HELLO:
                return new Hello(r.u16("version"), r.i32("capabilities"), r.string("clientName"),
                        r.fixed(Protocol.NONCE_BYTES, "clientNonce"));
            case WELCOME:
                return new Welcome(r.u16("version"), r.i32("capabilities"), r.string("serverId"),
                        r.bool("authRequired"), r.fixed(Protocol.NONCE_BYTES, "serverNonce"),
                        r.fixed(Protocol.SALT_BYTES, "salt"), r.i32("iterations"), r.fixed(Protocol.PROOF_BYTES, "serverProof"));
            case AUTH:
                return new Auth(r.fixed(Protocol.PROOF_BYTES, "proof"));
            case AUTH_OK:
                return new AuthOk();
            case ERROR: {
                int code = r.u16("code");
                ErrorCode c = ErrorCode.fromWire(code);
                String text = r.string("message");
                return new ErrorMessage(c == null ? ErrorCode.INTERNAL : c, c == null ? "(error " + code + ") " + text : text);
            }
            case BUSY:
                return new Busy(r.string("sessionTag"), r.string("clientAddress"), r.i64("since"));
            case OPEN:
                return open(r);
            case NEED: {
                int n = r.u32("count", Math.min(Protocol.MAX_MANIFEST_ENTRIES, r.remaining() / Protocol.HASH_BYTES));
                List<Bytes> hashes = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    hashes.add(r.fixed(Protocol.HASH_BYTES, "hash"));
                }
                return new Need(hashes);
            }
            case BLOB_CHUNK:
                return new BlobChunk(r.fixed(Protocol.HASH_BYTES, "sha256"), r.i64("offset"), r.i64("totalSize"),
                        r.blob("data", Protocol.CHUNK_BYTES));
            case STARTED:
                return new Started(r.string("jobId"), r.i32("node"), r.bool("attached"), r.i32("width"),
                        r.i32("height"), r.i32("threads"), r.string("devices"));
            case PULL:
                return new Pull();
            case DELTA_CHUNK: {
                long seq = r.i64("seq"), offset = r.i64("offset"), total = r.i64("totalSize");
                int flags = r.u8("flags");
                if ((flags & ~1) != 0) {
                    throw new ProtocolException("DELTA_CHUNK has unknown flags " + flags);
                }
                List<Long> items = items(r, "stream items");
                return new DeltaChunk(seq, offset, total, (flags & 1) != 0, r.blob("data", Protocol.CHUNK_BYTES), items);
            }
            case ACK:
                return new Ack(r.i64("seq"));
            case HEARTBEAT:
                return new Heartbeat();
            case STATUS:
                return new Status(ServerState.of(r.u8("state")), r.string("detail"), r.i64("samples"), r.i64("contributions"),
                        r.f64("samplesPerSecond"), r.i32("threads"), r.string("devices"), r.f64("cpuLoad"),
                        r.i64("memoryUsed"), r.i64("memoryTotal"));
            case STOP:
                return new Stop();
            case ENDED:
                return new Ended(r.i64("samples"), r.i64("lastSeq"));
            default:
                throw new ProtocolException("no decoder for message type " + type);
        }
    }

    /** u8 count, then count i64 stream positions (at most {@link JobSpec#MAX_STREAMS}). */
    private static List<Long> items(WireReader r, String field) throws ProtocolException {
        int n = r.u8(field + " count");
        if (n > JobSpec.MAX_STREAMS) {
            throw new ProtocolException(field + ": " + n + " streams, the limit is " + JobSpec.MAX_STREAMS);
        }
        List<Long> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(r.i64(field));
        }
        return items;
    }

    private static Open open(WireReader r) throws ProtocolException {
        String session = r.string("sessionId");
        Bytes secret = r.fixed(Protocol.SECRET_BYTES, "secret");
        boolean attachOnly = r.bool("attachOnly");
        long seed = r.i64("seed");
        int node = r.i32("node");
        long budget = r.i64("passBudget"), startSamples = r.i64("startSamples");
        JobSpec spec = new JobSpec(seed, node, budget, startSamples, items(r, "start items"));
        String main = r.string("mainFile");
        // Each entry takes at least 2 + 32 + 8 bytes, which bounds the count by the frame.
        int n = r.u32("entry count", Math.min(Protocol.MAX_MANIFEST_ENTRIES, r.remaining() / 42));
        List<ManifestEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(new ManifestEntry(r.string("name"), r.fixed(Protocol.HASH_BYTES, "sha256"), r.i64("size")));
        }
        return new Open(session, secret, attachOnly, spec, main, entries);
    }
}
