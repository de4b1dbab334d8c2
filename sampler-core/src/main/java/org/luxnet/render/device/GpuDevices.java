package org.luxnet.render.device;

import com.aparapi.Config;
import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.opencl.OpenCLLoader;
import com.aparapi.internal.opencl.OpenCLPlatform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The OpenCL devices of this machine and the policy that picks one for a render. The command line
 * calls {@link #list()} for {@code --list-devices} and {@link #select} for {@code --gpu} and {@code
 * --gpu-device}, then wraps the chosen device in a {@link GpuDevice} for the render session:
 *
 * <pre>{@code
 * GpuDevices.Selection sel = GpuDevices.select(mode, deviceIndex);   // may throw GpuSelectionException
 * if (sel.message() != null) print(sel.message());                   // once, e.g. "no OpenCL GPU found ..."
 * List<RenderDevice> extra = sel.device() == null ? List.of() : List.of(new GpuDevice(sel.device()));
 * int cpuThreads = mode.usesCpuThreads() ? threads : 0;
 * }</pre>
 *
 * <p>Policy: {@link GpuMode#OFF} never touches OpenCL. Without an index, {@link GpuMode#AUTO} takes
 * the best GPU or accelerator and otherwise renders on the CPU alone with a message; it ignores
 * CPU-type OpenCL devices such as PoCL, which would only compete with the CPU threads for the same
 * cores. {@link GpuMode#ONLY} takes the best GPU or accelerator, else a CPU-type device, else fails.
 * An explicit index selects exactly that device, of any type, in both modes. "Best" is a GPU before
 * an accelerator, then the most compute units, then the lowest index.
 */
public final class GpuDevices {
    private static final Logger APARAPI_LOG = Logger.getLogger(Config.getLoggerName());

    private GpuDevices() {
    }

    /**
     * The outcome of {@link #select}.
     *
     * @param device  the device to render on, or null to render without one
     * @param message a line for the user about the choice (which device, or why none), or null
     */
    public record Selection(OpenClDeviceInfo device, String message) {
    }

    /** What an enumeration found, and why it found nothing when OpenCL is missing. */
    record Scan(List<OpenClDeviceInfo> devices, String problem) {
    }

    /**
     * Every OpenCL device of every platform, numbered in platform order then device order (the
     * numbering {@code --gpu-device} uses). Empty when OpenCL is not installed or has no device.
     */
    public static List<OpenClDeviceInfo> list() {
        return scan().devices();
    }

    /**
     * Chooses the device for a render (see the class comment for the policy).
     *
     * @param mode  auto, off or only
     * @param index an explicit device number from {@link #list()}, or null to choose automatically
     * @throws GpuSelectionException when {@code only} finds no device or {@code index} does not exist
     */
    public static Selection select(GpuMode mode, Integer index) {
        return mode == GpuMode.OFF ? new Selection(null, null) : choose(mode, index, scan());
    }

    /** {@link #select} over the devices of {@code scan}. */
    static Selection choose(GpuMode mode, Integer index, Scan scan) {
        if (mode == GpuMode.OFF) {
            return new Selection(null, null);
        }
        List<OpenClDeviceInfo> all = scan.devices();
        if (index != null) {
            if (index < 0 || index >= all.size()) {
                throw new GpuSelectionException("there is no OpenCL device " + index + ": " + (all.isEmpty()
                        ? noDevice(scan) : "the devices are " + all.stream().map(OpenClDeviceInfo::describe)
                        .collect(Collectors.joining("; "))));
            }
            return new Selection(all.get(index), using(all.get(index)));
        }
        Optional<OpenClDeviceInfo> gpu = best(all, false);
        if (gpu.isPresent()) {
            return new Selection(gpu.get(), using(gpu.get()));
        }
        List<OpenClDeviceInfo> cpus = all.stream().filter(OpenClDeviceInfo::isCpu).toList();
        if (mode == GpuMode.ONLY) {
            Optional<OpenClDeviceInfo> cpu = best(all, true);
            if (cpu.isEmpty()) {
                throw new GpuSelectionException("GPU only was asked for, but " + noDevice(scan));
            }
            return new Selection(cpu.get(), using(cpu.get()));
        }
        String why = cpus.isEmpty() ? noDevice(scan)
                : "only CPU OpenCL devices (" + cpus.stream().map(d -> d.index() + ": " + d.name())
                .collect(Collectors.joining(", ")) + "), which would compete with the CPU threads;"
                + " select one by number to use it anyway";
        return new Selection(null, "no OpenCL GPU found: " + why + "; rendering on the CPU alone");
    }

    private static Optional<OpenClDeviceInfo> best(List<OpenClDeviceInfo> all, boolean cpu) {
        return all.stream()
                .filter(d -> cpu ? d.isCpu() : d.type() == OpenClDeviceInfo.Type.GPU
                        || d.type() == OpenClDeviceInfo.Type.ACCELERATOR)
                .min(Comparator.comparing((OpenClDeviceInfo d) -> d.type() != OpenClDeviceInfo.Type.GPU)
                        .thenComparing(d -> -d.computeUnits())
                        .thenComparing(OpenClDeviceInfo::index));
    }

    private static String using(OpenClDeviceInfo d) {
        return "GPU sampler on OpenCL device " + d.describe()
                + (d.isCpu() ? "; it is a CPU device and shares the cores with any CPU render threads" : "");
    }

    private static String noDevice(Scan scan) {
        return scan.problem() != null ? scan.problem() : "OpenCL reports no device";
    }

    private static synchronized Scan scan() {
        Level level = APARAPI_LOG.getLevel();
        // Aparapi logs a SEVERE line when OpenCL is missing; the selection message says it instead.
        APARAPI_LOG.setLevel(Level.OFF);
        try {
            if (!OpenCLLoader.isOpenCLAvailable()) {
                return new Scan(List.of(), "OpenCL is not available (no OpenCL library or no Aparapi native library"
                        + " for this platform; on Debian/Ubuntu install ocl-icd-libopencl1 and a driver)");
            }
            List<OpenClDeviceInfo> out = new ArrayList<>();
            for (OpenCLPlatform p : new OpenCLPlatform().getOpenCLPlatforms()) {
                for (OpenCLDevice d : p.getOpenCLDevices()) {
                    out.add(new OpenClDeviceInfo(out.size(), d, typeOf(d.getType()), p.getVendor(), p.getName()));
                }
            }
            return new Scan(List.copyOf(out), out.isEmpty() ? "OpenCL is installed but reports no device" : null);
        } catch (RuntimeException | LinkageError e) {
            return new Scan(List.of(), "OpenCL could not be queried: " + e);
        } finally {
            APARAPI_LOG.setLevel(level);
        }
    }

    private static OpenClDeviceInfo.Type typeOf(Device.TYPE t) {
        if (t == Device.TYPE.GPU) {
            return OpenClDeviceInfo.Type.GPU;
        }
        if (t == Device.TYPE.CPU) {
            return OpenClDeviceInfo.Type.CPU;
        }
        return t == Device.TYPE.ACC ? OpenClDeviceInfo.Type.ACCELERATOR : OpenClDeviceInfo.Type.OTHER;
    }
}
