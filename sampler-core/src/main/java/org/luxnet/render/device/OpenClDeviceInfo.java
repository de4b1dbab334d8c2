package org.luxnet.render.device;

import com.aparapi.device.OpenCLDevice;
import java.util.Locale;

/**
 * One OpenCL device of this machine, as {@link GpuDevices#list} found it: what {@code luxconsole
 * --list-devices} prints, and what {@link GpuDevice} renders on.
 */
public final class OpenClDeviceInfo {
    /** OpenCL device types. */
    public enum Type {
        GPU, CPU, ACCELERATOR, OTHER
    }

    private final int index;
    private final String name;
    private final Type type;
    private final String vendor;
    private final String platform;
    private final int computeUnits;
    private final long globalMemoryBytes;
    private final long maxAllocationBytes;
    private final OpenCLDevice device;

    OpenClDeviceInfo(int index, OpenCLDevice device, Type type, String vendor, String platform) {
        this(index, device, device.getName() == null ? "unnamed OpenCL device" : device.getName().trim(), type, vendor,
                platform, device.getMaxComputeUnits(), device.getGlobalMemSize(), device.getMaxMemAllocSize());
    }

    /** A device described by values; {@code device} is null only in tests of the selection policy. */
    OpenClDeviceInfo(int index, OpenCLDevice device, String name, Type type, String vendor, String platform,
                     int computeUnits, long globalMemoryBytes, long maxAllocationBytes) {
        this.index = index;
        this.device = device;
        this.name = name;
        this.type = type;
        this.vendor = vendor;
        this.platform = platform;
        this.computeUnits = computeUnits;
        this.globalMemoryBytes = globalMemoryBytes;
        this.maxAllocationBytes = maxAllocationBytes;
    }

    /** Position in {@link GpuDevices#list}: the number {@code --gpu-device} takes. */
    public int index() {
        return index;
    }

    /** The device's name, e.g. "NVIDIA H100 80GB HBM3". */
    public String name() {
        return name;
    }

    /** GPU, CPU or accelerator. */
    public Type type() {
        return type;
    }

    /** The vendor of the device's OpenCL platform. */
    public String vendor() {
        return vendor;
    }

    /** The name of the device's OpenCL platform. */
    public String platform() {
        return platform;
    }

    /** Compute units (NVIDIA: streaming multiprocessors; CPU: cores). */
    public int computeUnits() {
        return computeUnits;
    }

    /** Global memory in bytes. */
    public long globalMemoryBytes() {
        return globalMemoryBytes;
    }

    /** Largest single buffer the device accepts, in bytes. */
    public long maxAllocationBytes() {
        return maxAllocationBytes;
    }

    /** True for a CPU-type device, which competes with the CPU render threads for cores. */
    public boolean isCpu() {
        return type == Type.CPU;
    }

    OpenCLDevice aparapiDevice() {
        return device;
    }

    /** One line for a device listing: index, name, type, vendor, compute units, memory. */
    public String describe() {
        return String.format(Locale.ROOT, "%d: %s (%s, %s, %d compute units, %.1f GiB)", index, name, type, vendor,
                computeUnits, globalMemoryBytes / (double) (1L << 30));
    }

    @Override
    public String toString() {
        return describe();
    }
}
