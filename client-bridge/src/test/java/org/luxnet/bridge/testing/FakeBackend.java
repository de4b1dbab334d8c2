package org.luxnet.bridge.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.luxnet.bridge.job.JobException;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.job.RenderBackend;
import org.luxnet.bridge.job.RenderJob;
import org.luxnet.bridge.job.SceneBundle;
import org.luxnet.bridge.protocol.ErrorCode;

/** A backend of {@link FakeJob}s that records what it was asked to render. */
public final class FakeBackend implements RenderBackend {
    public final List<SceneBundle> bundles = new CopyOnWriteArrayList<>();
    public final List<JobSpec> specs = new CopyOnWriteArrayList<>();
    public final List<FakeJob> jobs = new CopyOnWriteArrayList<>();
    private final long passPauseMillis;
    private final int[] streams;

    /** A backend rendering on the CPU stream alone. */
    public FakeBackend(long passPauseMillis) {
        this(passPauseMillis, 0);
    }

    /** A backend whose jobs render the device streams {@code streams} (0: CPU, 1..: GPUs). */
    public FakeBackend(long passPauseMillis, int... streams) {
        this.passPauseMillis = passPauseMillis;
        this.streams = streams.clone();
    }

    @Override
    public RenderJob start(SceneBundle scene, JobSpec spec) throws JobException {
        String main = new String(scene.file(scene.mainFile()), StandardCharsets.UTF_8);
        if (main.contains("syntax error")) {
            throw new JobException(ErrorCode.SCENE, scene.mainFile() + ":1:1: syntax error");
        }
        if (main.contains("huge film")) {
            throw new OutOfMemoryError("Java heap space"); // as a 16384x16384 film past the heap
        }
        if (main.contains("compiler bug")) {
            throw new IllegalStateException("no BVH for 0 primitives");
        }
        bundles.add(scene);
        specs.add(spec);
        FakeJob j = new FakeJob(spec, passPauseMillis, streams);
        if (main.contains("device fails")) {
            j.failWhenFinished(new IllegalStateException("the GPU path tracer could not be built"));
        }
        jobs.add(j);
        return j;
    }
}
