package org.luxnet.bridge.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;
import org.luxnet.bridge.job.ManifestEntry;

/**
 * Writes a {@link Message} as one frame: a 4-byte length, the type byte, the body. Refuses to write a
 * frame larger than {@link Protocol#MAX_FRAME_BYTES}, which the peer would reject. Stateless and
 * sharable.
 */
@ChannelHandler.Sharable
public final class MessageEncoder extends MessageToByteEncoder<Message> {

    /** An encoder for every message type. */
    public MessageEncoder() {
        super(Message.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Message m, ByteBuf out) throws ProtocolException {
        encode(m, out);
    }

    /** Appends the frame of {@code m} to {@code out}. */
    public static void encode(Message m, ByteBuf out) throws ProtocolException {
        int start = out.writerIndex();
        out.writeInt(0);
        out.writeByte(m.type().wire());
        body(m, out);
        int length = out.writerIndex() - start - 4;
        if (length > Protocol.MAX_FRAME_BYTES) {
            out.writerIndex(start);
            throw new ProtocolException(m.type() + " frame of " + length + " bytes exceeds the limit of "
                    + Protocol.MAX_FRAME_BYTES);
        }
        out.setInt(start, length);
    }

    private static void body(Message m, ByteBuf out) {
        switch (m.type()) {
            case HELLO: {
                Hello h = (Hello) m;
                out.writeShort(h.version()).writeInt(h.capabilities());
                string(out, h.clientName());
                out.writeBytes(h.clientNonce().unsafeArray());
                break;
            }
            case WELCOME: {
                Welcome w = (Welcome) m;
                out.writeShort(w.version()).writeInt(w.capabilities());
                string(out, w.serverId());
                out.writeByte(w.authRequired() ? 1 : 0).writeBytes(w.serverNonce().unsafeArray());
                out.writeBytes(w.salt().unsafeArray()).writeInt(w.iterations()).writeBytes(w.serverProof().unsafeArray());
                break;
            }
            case AUTH:
                out.writeBytes(((Auth) m).proof().unsafeArray());
                break;
            case AUTH_OK:
                break;
            case ERROR: {
                ErrorMessage e = (ErrorMessage) m;
                out.writeShort(e.code().wire());
                string(out, e.message());
                break;
            }
            case BUSY: {
                Busy b = (Busy) m;
                string(out, b.sessionTag());
                string(out, b.clientAddress());
                out.writeLong(b.sinceEpochMillis());
                break;
            }
            case OPEN: {
                Open o = (Open) m;
                string(out, o.sessionId());
                out.writeBytes(o.secret().unsafeArray());
                out.writeByte(o.attachOnly() ? 1 : 0);
                out.writeLong(o.spec().sessionSeed()).writeInt(o.spec().node()).writeLong(o.spec().passBudget())
                        .writeLong(o.spec().startSamples());
                items(out, o.spec().startItems());
                string(out, o.mainFile());
                out.writeInt(o.manifest().size());
                for (ManifestEntry e : o.manifest()) {
                    string(out, e.name());
                    out.writeBytes(e.sha256().unsafeArray()).writeLong(e.size());
                }
                break;
            }
            case NEED: {
                Need n = (Need) m;
                out.writeInt(n.hashes().size());
                n.hashes().forEach(h -> out.writeBytes(h.unsafeArray()));
                break;
            }
            case BLOB_CHUNK: {
                BlobChunk c = (BlobChunk) m;
                out.writeBytes(c.sha256().unsafeArray()).writeLong(c.offset()).writeLong(c.totalSize());
                blob(out, c.data());
                break;
            }
            case STARTED: {
                Started s = (Started) m;
                string(out, s.jobId());
                out.writeInt(s.node()).writeByte(s.attached() ? 1 : 0).writeInt(s.width()).writeInt(s.height())
                        .writeInt(s.threads());
                string(out, s.devices());
                break;
            }
            case DELTA_CHUNK: {
                DeltaChunk d = (DeltaChunk) m;
                out.writeLong(d.seq()).writeLong(d.offset()).writeLong(d.totalSize()).writeByte(d.last() ? 1 : 0);
                items(out, d.streamItems());
                blob(out, d.data());
                break;
            }
            case ACK:
                out.writeLong(((Ack) m).seq());
                break;
            case STATUS: {
                Status s = (Status) m;
                out.writeByte(s.state().code());
                string(out, s.detail());
                out.writeLong(s.samples()).writeLong(s.contributions()).writeDouble(s.samplesPerSecond())
                        .writeInt(s.threads());
                string(out, s.devices());
                out.writeDouble(s.cpuLoad()).writeLong(s.memoryUsed()).writeLong(s.memoryTotal());
                break;
            }
            case ENDED: {
                Ended e = (Ended) m;
                out.writeLong(e.samples()).writeLong(e.lastSeq());
                break;
            }
            case PULL:
            case HEARTBEAT:
            case STOP:
                break;
            default:
                throw new AssertionError("no encoder for " + m.type());
        }
    }

    private static void string(ByteBuf out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length).writeBytes(b);
    }

    private static void items(ByteBuf out, java.util.List<Long> items) {
        out.writeByte(items.size());
        items.forEach(out::writeLong);
    }

    private static void blob(ByteBuf out, Bytes b) {
        out.writeInt(b.length()).writeBytes(b.unsafeArray());
    }
}
