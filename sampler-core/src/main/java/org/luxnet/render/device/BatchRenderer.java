package org.luxnet.render.device;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import com.aparapi.device.OpenCLDevice;
import com.aparapi.exception.CompileFailedException;
import com.aparapi.internal.kernel.KernelManager;
import java.util.LinkedHashSet;
import java.util.List;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.filter.PixelFilter;
import org.luxnet.render.transport.PathTraceKernel;
import org.luxnet.scene.compiled.CompiledScene;
import org.luxnet.scene.compiled.RenderSettings;

/**
 * Runs the path-tracing kernel over a range of work items on one Aparapi device and adds the
 * resulting samples to a film, with the film's usual semantics ({@link Film#addSample}). Work item
 * {@code i} of the device's item space is sample index {@code i / pixels} of pixel {@code i %
 * pixels}, in the stream the kernel was built for. Not thread-safe: one owner thread.
 *
 * <p>On an OpenCL device the kernel runs in explicit-transfer mode (the scene is copied to the device
 * once, only the outputs come back) and every launch is checked to have really run in OpenCL:
 * Aparapi would otherwise quietly run a kernel it cannot build on the CPU's Java threads.
 */
final class BatchRenderer {
    /** Work-group size on OpenCL devices; launches are padded to a multiple of it. */
    static final int LOCAL_SIZE = 64;

    private final PathTraceKernel kernel;
    private final Device device;
    private final boolean openCl;
    private final int width, height;
    private final long pixelCount;
    private long launchedFirst;
    private int launchedCount;
    private boolean executed;

    /**
     * A renderer for up to {@code capacity} work items per launch (a multiple of {@link #LOCAL_SIZE})
     * on {@code device}: an OpenCL device or {@link JavaDevice#THREAD_POOL}.
     *
     * @throws IllegalArgumentException for a pixel filter the kernel cannot sample
     */
    BatchRenderer(Device device, CompiledScene scene, RenderSettings settings, PixelFilter filter, long streamSeed,
                  int capacity) {
        if (capacity <= 0 || capacity % LOCAL_SIZE != 0) {
            throw new IllegalArgumentException("capacity must be a positive multiple of " + LOCAL_SIZE + ", got "
                    + capacity);
        }
        this.device = device;
        this.openCl = device instanceof OpenCLDevice;
        this.width = settings.width();
        this.height = settings.height();
        this.pixelCount = (long) settings.width() * settings.height();
        this.kernel = new PathTraceKernel(scene, settings, filter, streamSeed, capacity);
        KernelManager.instance().setPreferredDevices(kernel, new LinkedHashSet<>(List.of(device)));
        if (openCl) {
            kernel.setExplicit(true);
        }
    }

    /** Work items one launch can hold. */
    int capacity() {
        return kernel.capacity();
    }

    /**
     * Translates the kernel to OpenCL and builds it for the device (nothing to do on the Java thread
     * pool). Throws instead of falling back to Java threads.
     */
    void compile() throws CompileFailedException {
        if (openCl) {
            kernel.compile(device);
        }
    }

    /**
     * Renders work items {@code [first, first + count)} into the kernel's output arrays; {@link
     * #addSamples} then moves them to a film. Blocks until the device has finished.
     *
     * @throws IllegalStateException when the kernel did not run on the OpenCL device
     */
    void launch(long first, int count) {
        if (count <= 0 || count > kernel.capacity()) {
            throw new IllegalArgumentException("batch of " + count + " items, capacity " + kernel.capacity());
        }
        if ((first + count - 1) / pixelCount > Integer.MAX_VALUE) {
            throw new IllegalStateException("sample index overflow: more than 2^31 passes");
        }
        kernel.setBatch((int) (first / pixelCount), (int) (first % pixelCount), count);
        launchedFirst = first;
        launchedCount = count;
        // Padded to whole work groups on every device: items past count do nothing. (Aparapi's Java
        // thread pool, given a bare range of an odd size such as 41 x 41, skipped its last item.)
        int global = (count + LOCAL_SIZE - 1) / LOCAL_SIZE * LOCAL_SIZE;
        if (openCl) {
            if (!executed) {
                kernel.putInputs();
            }
            executed = true;
            kernel.execute(device.createRange(global, LOCAL_SIZE));
            if (!kernel.isRunningCL()) {
                throw new IllegalStateException("the GPU kernel did not run in OpenCL on "
                        + ((OpenCLDevice) device).getName().trim()
                        + " (Aparapi fell back to Java threads; its log says why)");
            }
            kernel.getOutputs();
        } else {
            executed = true;
            kernel.execute(device.createRange(global, LOCAL_SIZE));
        }
    }

    /** Adds the samples of the last launch to {@code film}, as a CPU render thread would. */
    void addSamples(Film film) {
        int pixel = (int) (launchedFirst % pixelCount);
        int x = pixel % width, y = pixel / width;
        for (int i = 0; i < launchedCount; i++) {
            film.addSample(x, y, kernel.output(i, PathTraceKernel.OUT_WEIGHT), kernel.output(i, PathTraceKernel.OUT_R),
                    kernel.output(i, PathTraceKernel.OUT_G), kernel.output(i, PathTraceKernel.OUT_B));
            if (++x == width) {
                x = 0;
                if (++y == height) {
                    y = 0;
                }
            }
        }
    }

    /** True when the last launch ran in OpenCL. */
    boolean ranInOpenCl() {
        return executed && kernel.isRunningCL();
    }

    /**
     * Releases the kernel's device resources. Only a kernel that has run is disposed: disposing one
     * that was compiled but never executed crashes Aparapi's native library.
     */
    void dispose() {
        if (executed) {
            kernel.dispose();
        }
    }
}
