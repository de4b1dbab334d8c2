package org.luxnet.bridge.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FilmCodec;

/**
 * Compresses deltas off the server's state thread (a 1080p zlib pass takes long enough to hold up
 * heartbeats and lease checks) on one thread of its own, so deltas come out in the order they were
 * drained, and hands each result back to the state thread.
 */
final class DeltaEncoder {
    private static final Logger LOG = Logger.getLogger(RenderServer.class.getName());

    private final ExecutorService thread;
    private final Consumer<Runnable> post;
    private volatile Function<Film, byte[]> encode = new FilmCodec()::encode;

    /** @param post runs a task on the state thread */
    DeltaEncoder(ExecutorService thread, Consumer<Runnable> post) {
        this.thread = thread;
        this.post = post;
    }

    /** Replaces how films are encoded (tests hold an encoding to see the state thread answer meanwhile). */
    void encodeWith(Function<Film, byte[]> e) {
        encode = e;
    }

    /**
     * Encodes {@code film}, then runs {@code done} with the bytes, or {@code failed} with what went
     * wrong, on the state thread.
     */
    void encode(Film film, String what, Consumer<byte[]> done, Consumer<RuntimeException> failed) {
        try {
            thread.execute(() -> {
                try {
                    byte[] bytes = encode.apply(film);
                    post.accept(() -> done.accept(bytes));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "encoding " + what + " failed", e);
                    post.accept(() -> failed.accept(e));
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "server shut down; not encoding " + what);
        }
    }
}
