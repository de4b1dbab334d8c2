package org.luxnet.accumulator.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader sees either the old content or the whole new content, never a part:
 * the content goes to a hidden temporary file in the same directory, is flushed to disk, and is then
 * renamed over the target. An interrupted render or a full disk leaves the previous image or film in
 * place. Thread-safe; two writers of the same target race only at the final rename.
 */
public final class AtomicFiles {
    private static final int BUFFER = 1 << 16;
    private static final int NAME_ATTEMPTS = 16;

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with what {@code content} writes.
     *
     * @throws IOException with {@code target} in the message when anything fails; the temporary file is
     *     removed and an existing target is left as it was
     */
    public static void write(Path target, ContentWriter content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = createTemp(abs);
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The write already failed; a stray hidden temp file is the lesser problem.
                }
            }
        }
    }

    /**
     * Creates the temporary file with CREATE_NEW rather than Files.createTempFile, so that it gets the
     * permissions the umask gives ordinary files instead of owner-only ones.
     */
    private static Path createTemp(Path abs) throws IOException {
        Path dir = abs.getParent();
        String base = "." + abs.getFileName() + ".";
        IOException last = null;
        for (int i = 0; i < NAME_ATTEMPTS; i++) {
            Path tmp = dir.resolve(base + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                last = e;
            } catch (IOException e) {
                throw new IOException("cannot write " + abs + ": cannot create a temporary file in " + dir + ": "
                        + e.getMessage(), e);
            }
        }
        throw new IOException("cannot write " + abs + ": no free temporary file name in " + dir, last);
    }
}
