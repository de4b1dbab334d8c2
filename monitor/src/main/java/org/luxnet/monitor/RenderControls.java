package org.luxnet.monitor;

import java.util.List;
import org.luxnet.accumulator.progress.RenderStatus;
import org.luxnet.accumulator.tonemap.DisplayEncoding;
import org.luxnet.accumulator.tonemap.ToneMapper;

/**
 * The render as the live monitor sees it and drives it: a status snapshot, the node table, the
 * film's linear RGB, and the few actions the page offers. Implemented by wiring the render driver
 * (and, in network mode, the client session); the monitor never touches the render otherwise.
 * Every method may be called from any thread and returns quickly.
 */
public interface RenderControls {

    /** The latest status of the render; never null. */
    RenderStatus status();

    /** The last statistics line printed, or "" before the first. */
    String statsLine();

    /** What the last image write did. */
    WriteReport lastWrite();

    /** The node table: local devices first, then render servers in the order added. */
    List<NodeView> nodes();

    /** Film width in pixels. */
    int width();

    /** Film height in pixels. */
    int height();

    /** The current image as linear RGB: 3 floats per pixel, row-major, top row first; a copy. */
    float[] snapshotRgb();

    /** The tone mapper of the render's own PNG, the monitor's default. */
    ToneMapper toneMapper();

    /** The display encoding of the render's own PNG, the monitor's default. */
    DisplayEncoding encoding();

    /** True when render servers can be added while rendering (network mode). */
    boolean canAddNodes();

    /** Asks the render to halt: the rest is collected and the final images are written. */
    void requestStop();

    /** Asks for the images to be written at once, without stopping. */
    void requestWrite();

    /**
     * Adds a render server while rendering.
     *
     * @return the new node's row
     * @throws UnsupportedOperationException when this render cannot take servers (local mode)
     * @throws IllegalStateException when the server is already in the render or the render is ending
     * @throws IllegalArgumentException when the address is not valid
     */
    NodeView addNode(String host, int port);
}
