package org.luxnet.bridge.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.Hello;
import org.luxnet.bridge.protocol.Message;
import org.luxnet.bridge.protocol.MessageDecoder;
import org.luxnet.bridge.protocol.MessageEncoder;
import org.luxnet.bridge.protocol.Open;
import org.luxnet.bridge.protocol.Protocol;
import org.luxnet.bridge.protocol.ProtocolException;
import org.luxnet.bridge.protocol.Welcome;

/** One side of a protocol connection over a plain socket, speaking whole messages: a hand-made peer for tests. */
public final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;

    public RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects to a loopback port. */
    public static RawPeer connect(int port) throws IOException {
        return new RawPeer(new Socket("127.0.0.1", port));
    }

    /**
     * Connects, handshakes as a client without a password and sends an OPEN of {@code scene} for
     * {@code sessionId} with {@code secret}: a peer that chose its own id and secret.
     */
    public static RawPeer open(int port, SceneBundle scene, String sessionId, Bytes secret) throws IOException {
        RawPeer p = connect(port);
        p.send(new Hello(Protocol.VERSION, Protocol.CAPABILITIES, "raw peer\n", Bytes.of(new byte[Protocol.NONCE_BYTES])));
        Message w = p.receive();
        if (!(w instanceof Welcome)) {
            throw new IOException("expected WELCOME, got " + w);
        }
        p.send(new Open(sessionId, secret, false, new JobSpec(1, 9, 0), scene.mainFile(), scene.manifest()));
        return p;
    }

    /** Sends {@code m} as one frame. */
    public void send(Message m) throws IOException {
        ByteBuf b = Unpooled.buffer();
        try {
            MessageEncoder.encode(m, b);
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (ProtocolException e) {
            throw new IOException(e);
        } finally {
            b.release();
        }
    }

    /** The next message; fails at the end of the stream or after the socket's timeout. */
    public Message receive() throws IOException {
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        try {
            return MessageDecoder.decode(Unpooled.wrappedBuffer(frame));
        } catch (ProtocolException e) {
            throw new IOException(e);
        }
    }

    /** Every message until the peer closes the connection. */
    public java.util.List<Message> drain() throws IOException {
        java.util.List<Message> got = new java.util.ArrayList<>();
        try {
            while (true) {
                got.add(receive());
            }
        } catch (java.io.EOFException | java.net.SocketException end) {
            return got;
        }
    }

    /** True when the peer has closed the connection (after any messages still on their way). */
    public boolean closedByPeer() throws IOException {
        try {
            while (true) {
                receive();
            }
        } catch (java.io.EOFException | java.net.SocketException end) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
