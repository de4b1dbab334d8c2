package org.luxnet.bridge.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import org.luxnet.bridge.protocol.Message;
import org.luxnet.bridge.protocol.MessageDecoder;
import org.luxnet.bridge.protocol.MessageEncoder;
import org.luxnet.bridge.protocol.ProtocolException;

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
