package org.luxnet.console;

import java.util.List;
import java.util.logging.Logger;
import org.luxnet.bridge.job.JobException;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.RenderBackend;
import org.luxnet.bridge.job.RenderJob;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.protocol.ErrorCode;
import org.luxnet.render.device.CpuDevice;
import org.luxnet.render.device.OpenClDeviceInfo;
import org.luxnet.render.device.RenderDevice;
import org.luxnet.render.session.RenderSession;
import org.luxnet.render.session.SessionOptions;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compile.CompiledRender;
import org.luxnet.scene.compiled.RenderSettings;
import org.luxnet.scene.compile.SceneCompiler;
import org.luxnet.scene.parse.SceneParser;

/**
 * The render server's renderer: parses the scene from the client's bundle only, compiles it, and
 * runs a render session on this machine's CPU threads (and GPU) with the stream (seed, node) and pass budget
 * the client assigned.
 */
final class SessionBackend implements RenderBackend {
    private static final Logger LOG = Logger.getLogger("org.luxnet.bridge.backend");

    private final int threads;
    /** Fresh extra devices (the GPU) for each job; empty for none. */
    private final java.util.function.Supplier<List<RenderDevice>> gpus;
    private final java.nio.file.Path flmDir;

    /** A backend rendering on {@code threads} CPU threads and, when not null, the OpenCL device {@code gpu}. */
    SessionBackend(int threads, OpenClDeviceInfo gpu) {
        this(threads, gpu, null);
    }

    /**
     * As {@link #SessionBackend(int, OpenClDeviceInfo)}; with {@code flmDir}, each job writes the film
     * it delivered to {@code flmDir/node-N.flm} before every transmission ({@code -W}).
     */
    SessionBackend(int threads, OpenClDeviceInfo gpu, java.nio.file.Path flmDir) {
        this(threads, gpu == null ? null : () -> GpuOptions.devices(gpu), flmDir);
    }

    private SessionBackend(int threads, java.util.function.Supplier<List<RenderDevice>> gpus, java.nio.file.Path flmDir) {
        if (threads < 0 || (threads == 0 && gpus == null)) {
            throw new IllegalArgumentException("a server needs a render thread or a GPU, got " + threads + " threads");
        }
        this.threads = threads;
        this.gpus = gpus == null ? List::of : gpus;
        this.flmDir = flmDir;
    }

    /**
     * A backend whose jobs render on {@code threads} CPU threads and the devices {@code gpus} makes
     * for each job, taking the GPU's place (tests use the GPU kernel on Aparapi's Java thread pool).
     */
    static SessionBackend withDevices(int threads, java.util.function.Supplier<List<RenderDevice>> gpus) {
        return new SessionBackend(threads, gpus, null);
    }

    @Override
    public RenderJob start(SceneBundle scene, JobSpec spec) throws JobException {
        CompiledRender cr;
        try {
            cr = SceneCompiler.compile(SceneParser.parse(scene.mainFile(), new BundleResources(scene)));
        } catch (SceneException e) {
            throw new JobException(ErrorCode.SCENE, e.getMessage(), e);
        }
        for (SceneWarning w : cr.warnings()) {
            LOG.fine(w::toString);
        }
        RenderSession session = new RenderSession(cr.scene(), cr.settings(), options(spec, cr.settings()), "server");
        session.start();
        return new SessionJob(session, cr.settings(), flmDir == null ? null : flmDir.resolve("node-" + spec.node() + ".flm"));
    }

    /**
     * The session of {@code spec}. A job continuing a node starts each of its streams right after
     * the items the client holds ({@link JobSpec#startItems}, as earlier jobs' deltas reported them)
     * on whatever devices this server has, and renders only the passes the budget still lacks
     * ({@link RenderSession#passBudget}: passes begun in any stream count). A continued job whose
     * positions are not known (a film saved before they were kept) has only the sample count, a
     * stream position for the CPU stream alone, so it renders on the CPU only.
     */
    private SessionOptions options(JobSpec spec, RenderSettings s) throws JobException {
        if (!spec.startItems().isEmpty()) {
            long[] start = spec.startItemArray();
            List<RenderDevice> extra = gpus.get();
            warnOrphans(spec, start, extra.size(), s);
            LOG.info(() -> "continuing node " + spec.node() + " at stream items " + spec.startItems());
            return new SessionOptions(threads, spec.sessionSeed(), spec.node(),
                    RenderSession.passBudget(spec.passBudget(), start, s.width(), s.height()), extra, start);
        }
        if (spec.startSamples() == 0) {
            return new SessionOptions(threads, spec.sessionSeed(), spec.node(), spec.passBudget(), gpus.get(), null);
        }
        long[] start;
        try {
            start = new long[] {CpuDevice.itemAfter(spec.startSamples(), s.width(), s.height())};
        } catch (IllegalArgumentException e) {
            throw new JobException(ErrorCode.SCENE, "cannot continue node " + spec.node() + ": " + e.getMessage(), e);
        }
        if (threads == 0) {
            throw new JobException(ErrorCode.LIMITS, "cannot continue node " + spec.node() + " of a render: the client "
                    + "knows only its sample count, a position in the CPU stream, and this server renders on the GPU only");
        }
        LOG.info(() -> "continuing node " + spec.node() + " after " + spec.startSamples() + " samples the client holds");
        return new SessionOptions(threads, spec.sessionSeed(), spec.node(),
                RenderSession.passBudget(spec.passBudget(), start, s.width(), s.height()), List.of(), start);
    }

    /**
     * Says so when a stream stops inside a pass and this server has no device to finish it (a GPU
     * stream continued on a server without the GPU, or the CPU stream on one with --gpu only): the
     * begun pass counts against the budget as begun, so the node ends short by its missing part.
     */
    private void warnOrphans(JobSpec spec, long[] start, int gpus, RenderSettings s) {
        long pixels = (long) s.width() * s.height();
        long cpuPass = CpuDevice.itemAfter(pixels, s.width(), s.height());
        for (int d = 0; d < start.length; d++) {
            boolean here = d == 0 ? threads > 0 : d <= gpus;
            long unit = d == 0 ? cpuPass : pixels;
            if (!here && start[d] % unit != 0) {
                int stream = d;
                LOG.warning(() -> "node " + spec.node() + ": stream " + stream + (stream == 0 ? " (CPU)" : " (GPU)")
                        + " stopped inside a pass and this server has no device for it; the node ends "
                        + (unit - start[stream] % unit) + " items short of its passes");
            }
        }
    }
}
