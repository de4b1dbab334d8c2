package org.luxnet.bridge.client;

import io.netty.channel.Channel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.protocol.BlobChunk;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.Protocol;
import org.luxnet.bridge.protocol.ProtocolException;

/** Sends the scene files a server asks for, by hash, in pieces of at most {@link Protocol#CHUNK_BYTES}. Immutable. */
final class SceneShipper {
    private final Map<Bytes, byte[]> byHash = new HashMap<>();

    SceneShipper(SceneBundle scene) {
        scene.manifest().forEach(e -> byHash.put(e.sha256(), scene.file(e.name())));
    }

    /**
     * Writes every piece of the files {@code hashes} names, in that order, and flushes.
     *
     * @return the bytes sent
     * @throws ProtocolException when the server asks for a file that is not in the scene
     */
    long send(Channel c, List<Bytes> hashes) throws ProtocolException {
        long total = 0;
        for (Bytes h : hashes) {
            byte[] data = byHash.get(h);
            if (data == null) {
                throw new ProtocolException("the server asks for file " + h.hex() + ", which is not in the scene");
            }
            int off = 0;
            do {
                int n = Math.min(Protocol.CHUNK_BYTES, data.length - off);
                c.write(new BlobChunk(h, off, data.length, Bytes.of(data, off, n)));
                off += n;
            } while (off < data.length);
            total += data.length;
        }
        c.flush();
        return total;
    }
}
