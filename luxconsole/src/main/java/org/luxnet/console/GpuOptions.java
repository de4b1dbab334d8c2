package org.luxnet.console;

import java.io.PrintWriter;
import java.util.List;
import org.luxnet.render.device.GpuDevice;
import org.luxnet.render.device.GpuDevices;
import org.luxnet.render.device.GpuMode;
import org.luxnet.render.device.GpuSelectionException;
import org.luxnet.render.device.OpenClDeviceInfo;
import org.luxnet.render.device.RenderDevice;
import picocli.CommandLine.Option;

/** Which devices render beside (or instead of) the CPU threads: the GPU sampler's options (a picocli mixin). */
public final class GpuOptions {
    @Option(names = "--gpu", paramLabel = "MODE", description = "auto: also render on an OpenCL GPU when there is one "
            + "(default); off: CPU only; only: the GPU alone.")
    String gpu = "auto";

    @Option(names = "--gpu-device", paramLabel = "N", description = "Render on OpenCL device N of --list-devices "
            + "(any type, a CPU OpenCL driver too).")
    Integer gpuDevice;

    @Option(names = "--list-devices", description = "List the OpenCL devices and exit.")
    boolean listDevices;

    GpuMode mode() {
        try {
            return GpuMode.parse(gpu);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--gpu: " + e.getMessage());
        }
    }

    /** CPU threads to render with: none with {@code --gpu only}. */
    int cpuThreads(int threads) {
        return mode().usesCpuThreads() ? threads : 0;
    }

    /**
     * The OpenCL device to render on beside the CPU threads, as the options ask, or null; prints once
     * why there is none when {@code auto} finds no GPU.
     *
     * @throws CliException (exit 2) when {@code only} or {@code --gpu-device} names no usable device
     */
    OpenClDeviceInfo select(PrintWriter err) {
        GpuMode mode = mode();
        if (gpuDevice != null && mode == GpuMode.OFF) {
            throw new CliException(ExitCode.USAGE, "--gpu-device needs --gpu auto or only, not off");
        }
        GpuDevices.Selection sel;
        try {
            sel = GpuDevices.select(mode, gpuDevice);
        } catch (GpuSelectionException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        if (sel.message() != null) {
            // Say how to choose: the selection's own words do not name the option.
            err.println(sel.device() == null ? sel.message() + " (--gpu-device N renders on device N of --list-devices;"
                    + " --gpu off says nothing)" : sel.message());
            err.flush();
        }
        return sel.device();
    }

    /** Fresh devices for one render session on the selected device (none for null). */
    static List<RenderDevice> devices(OpenClDeviceInfo selected) {
        return selected == null ? List.of() : List.of(new GpuDevice(selected));
    }

    /** Prints the OpenCL devices, numbered as {@code --gpu-device} takes them. */
    static int list(PrintWriter out) {
        List<OpenClDeviceInfo> devices = GpuDevices.list();
        if (devices.isEmpty()) {
            out.println("No OpenCL device found (install an OpenCL driver: the GPU vendor's, or pocl-opencl-icd for the CPU).");
        }
        for (OpenClDeviceInfo d : devices) {
            out.println(d.describe());
        }
        out.flush();
        return ExitCode.OK;
    }
}
