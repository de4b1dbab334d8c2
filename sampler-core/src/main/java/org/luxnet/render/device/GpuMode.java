package org.luxnet.render.device;

import java.util.Locale;

/** Whether a render uses an OpenCL device beside the CPU threads (the command line's {@code --gpu}). */
public enum GpuMode {
    /**
     * Use the best OpenCL GPU or accelerator when there is one, beside the CPU threads; otherwise
     * render on the CPU alone and say so once. CPU-type OpenCL devices (PoCL, Intel's CPU runtime) are
     * not chosen: they would only take cores from the CPU threads.
     */
    AUTO,
    /** Never touch OpenCL. */
    OFF,
    /**
     * Render on the OpenCL device alone, without CPU threads; a CPU-type OpenCL device is taken when
     * there is no GPU. No device at all is an error.
     */
    ONLY;

    /** Whether CPU render threads run beside the GPU in this mode. */
    public boolean usesCpuThreads() {
        return this != ONLY;
    }

    /**
     * The mode called {@code name} ("auto", "off" or "only", any case).
     *
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static GpuMode parse(String name) {
        for (GpuMode m : values()) {
            if (m.name().equalsIgnoreCase(name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown GPU mode \"" + name + "\"; valid: auto, off, only");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
