package org.luxnet.render.device;

import java.time.Duration;
import org.luxnet.accumulator.Film;

/**
 * One device of a render session (all CPU threads together, or one GPU). A device renders its own
 * sample stream on its own threads into its own film; the session drains the films. Thread-safe.
 */
public interface RenderDevice {

    /** Short description for the statistics line, e.g. "CPU" or "OpenCL (NVIDIA H100)". */
    String description();

    /** CPU threads this device keeps busy (the "T" count of the statistics line counts a GPU as 1). */
    int threads();

    /** Starts rendering; returns at once. Called once. */
    void start(DeviceContext context);

    /** Asks the device to stop after the work in flight; returns at once. */
    void requestStop();

    /** Waits until the device's threads have finished; true when they have. */
    boolean awaitStopped(Duration timeout);

    /** True when the device has finished (stopped, budget spent, or failed). */
    boolean isStopped();

    /** Moves the device's accumulated sums into {@code target} and clears them. */
    void drainInto(Film target);

    /** Samples rendered so far. */
    long samples();

    /** Samples with non-zero radiance so far. */
    long contributions();

    /**
     * The first work item not yet claimed: with {@link DeviceContext#startItem} it is where a resumed
     * render continues. Exact once the device has stopped.
     */
    long nextItem();

    /**
     * {@link #nextItem()} as of the last {@link #drainInto}: the sums drained so far hold exactly the
     * items from {@link DeviceContext#startItem} to this one, so a render saved after a drain resumes
     * here without a gap or a repeat.
     */
    long drainedItem();

    /** The error that stopped the device, or null. */
    Throwable failure();
}
