package org.luxnet.bridge.server;

import java.time.Duration;
import java.util.List;
import org.luxnet.accumulator.progress.SourceStats;
import org.luxnet.accumulator.stats.SegmentStats;
import org.luxnet.accumulator.stats.StatsLine;
import org.luxnet.bridge.protocol.ServerState;
import org.luxnet.bridge.protocol.Started;
import org.luxnet.bridge.protocol.Status;

/** What a server says about its session's render: the STARTED and STATUS messages and the statistics line. */
final class JobReports {
    private JobReports() {
    }

    /** STARTED for session {@code s}, whose job runs; {@code attached}: to a client that reattached. */
    static Started started(ServerSession s, boolean attached) {
        SourceStats st = s.job.stats();
        return new Started(s.jobId, s.spec.node(), attached, s.width, s.height, st.threads(),
                st.devices() == null ? "" : st.devices());
    }

    /** The status of session {@code s} and of this host. */
    static Status status(ServerSession s) {
        ServerState state;
        String detail = "";
        long samples = 0, contributions = 0;
        double rate = 0;
        int threads = 0;
        String devices = "";
        if (s.job != null) {
            SourceStats st = s.job.stats();
            samples = st.samples();
            contributions = st.contributions();
            rate = Math.max(0, st.samplesPerSecond());
            threads = st.threads();
            devices = st.devices() == null ? "" : st.devices();
            Throwable failure = s.job.failure();
            if (failure != null) {
                state = ServerState.FAILED;
                detail = String.valueOf(failure);
            } else {
                state = s.state == ServerSession.State.STOPPING ? ServerState.STOPPING
                        : s.job.isFinished() ? ServerState.FINISHED : ServerState.RENDERING;
            }
        } else {
            state = s.state == ServerSession.State.RECEIVING ? ServerState.RECEIVING_SCENE : ServerState.STARTING;
        }
        long[] mem = HostProbe.memory();
        return new Status(state, detail, samples, contributions, rate, threads, devices, HostProbe.cpuLoad(), mem[0], mem[1]);
    }

    /** LuxRender's statistics line for the render of session {@code s}, which must have a job. */
    static String statsLine(ServerSession s, long nowNanos) {
        SourceStats st = s.job.stats();
        SegmentStats seg = new SegmentStats(st.threads() + "T", st.samples(), st.contributions(),
                Math.max(0, st.samplesPerSecond()));
        String devices = st.devices() == null || st.devices().isBlank() ? null : "Using " + st.devices();
        return StatsLine.format(Duration.ofNanos(nowNanos - s.startNanos), s.pixels, seg, List.of(), devices);
    }
}
