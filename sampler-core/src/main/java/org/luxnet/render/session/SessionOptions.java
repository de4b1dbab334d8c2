package org.luxnet.render.session;

import java.util.List;
import org.luxnet.render.device.RenderDevice;

/**
 * How a render session runs on this machine.
 *
 * @param cpuThreads   CPU render threads (0: no CPU device)
 * @param sessionSeed  the render's seed; device streams derive from it and {@code node}
 * @param node         this machine's node index in the render (0 for a local render or the client;
 *                     servers get distinct indices from the client)
 * @param haltPasses   full-frame passes to render in total, shared by the devices, besides those the
 *                     start items had begun (0: no limit; negative: only complete the begun ones);
 *                     see {@link RenderSession#passBudget}
 * @param extraDevices further devices (a GPU sampler), each with its own stream
 * @param startItems   per device stream (index 0: the CPU, 1, 2 ...: the extra devices in order,
 *                     whether or not the CPU takes part), the work item to start from when resuming;
 *                     missing entries start at 0
 */
public record SessionOptions(int cpuThreads, long sessionSeed, int node, long haltPasses,
                             List<RenderDevice> extraDevices, long[] startItems) {
    public SessionOptions {
        if (cpuThreads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + cpuThreads);
        }
        extraDevices = List.copyOf(extraDevices);
        startItems = startItems == null ? new long[0] : startItems.clone();
    }

    /** A local render on {@code threads} CPU threads with no other device. */
    public static SessionOptions cpu(int threads, long seed, long haltPasses) {
        return new SessionOptions(threads, seed, 0, haltPasses, List.of(), null);
    }
}
