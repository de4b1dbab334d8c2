package org.luxnet.console;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code --chunk I/N} adds to a local render: checks that the render can be a chunk, and the
 * FLM entries that let {@code luxconsole merge} check and combine the chunks and write the scene's
 * images without the scene.
 */
final class ChunkRender {
    private ChunkRender() {
    }

    /**
     * The chunk's FLM metadata (empty without {@code --chunk}).
     *
     * @throws CliException (exit 2) when the chunk is not written as a film, or a resumed film is
     *     another chunk's
     */
    static Map<String, String> metadata(RenderOptions o, RenderStart st) {
        if (o.chunk == null) {
            return Map.of();
        }
        if (!o.writeFlm && !st.settings.writeFlm() && !o.resume && o.overrideResume == null) {
            throw new CliException(ExitCode.USAGE, "--chunk renders a film to merge: add --write-flm");
        }
        int total = Halts.chunkTotal(o, st.settings);
        Map<String, String> m = new LinkedHashMap<>(o.chunk.toMetadata(total));
        if (st.prior != null) {
            for (var e : m.entrySet()) {
                if (!e.getValue().equals(st.metadata.get(e.getKey()))) {
                    throw new CliException(ExitCode.USAGE, "cannot resume " + o.chunk + " of " + total + " S/p from "
                            + o.resumeFilm(st.base) + ": it is not that chunk's film (" + e.getKey() + " is "
                            + st.metadata.get(e.getKey()) + ")");
                }
            }
        }
        m.putAll(ImagingMetadata.of(st.settings).toMetadata());
        return m;
    }
}
