package org.luxnet.bridge.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.io.FilmFormatException;
import org.luxnet.accumulator.progress.FilmSource;
import org.luxnet.accumulator.progress.HostLoad;
import org.luxnet.accumulator.progress.SourceStats;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.protocol.Ack;
import org.luxnet.bridge.protocol.Busy;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.DeltaChunk;
import org.luxnet.bridge.protocol.Ended;
import org.luxnet.bridge.protocol.ErrorCode;
import org.luxnet.bridge.protocol.ErrorMessage;
import org.luxnet.bridge.protocol.Failures;
import org.luxnet.bridge.protocol.Heartbeat;
import org.luxnet.bridge.protocol.LogText;
import org.luxnet.bridge.protocol.Message;
import org.luxnet.bridge.protocol.Need;
import org.luxnet.bridge.protocol.Open;
import org.luxnet.bridge.protocol.Protocol;
import org.luxnet.bridge.protocol.ProtocolException;
import org.luxnet.bridge.protocol.Pull;
import org.luxnet.bridge.protocol.Started;
import org.luxnet.bridge.protocol.Status;
import org.luxnet.bridge.protocol.Stop;

/**
 * One render server seen from the client, as a {@link FilmSource} the render driver drains. It
 * connects (retrying with capped exponential backoff until the server answers, so servers may start
 * after the client), authenticates, ships the scene files the server lacks, pulls a delta every
 * upload interval, merges each delta exactly once and acknowledges it, and after a broken connection
 * reconnects and reattaches to its session to collect what the server kept. Its state is one of
 * "connecting", "sending scene", "starting", "rendering", "finished", "stopping", "lost" (retrying),
 * "busy: ..." (retrying), "done", or "refused: ...", "failed: ..." and "unreachable" (given up; the
 * last when nothing listens on its port any more as the render stops).
 *
 * <p>Network work runs on the session's event loop; {@link #drainInto}, {@link #stats}, {@link
 * #requestStop} and {@link #awaitStopped} may be called from any thread.
 */
public final class RemoteNode implements FilmSource {
    private static final Logger LOG = Logger.getLogger(RemoteNode.class.getName());

    private final ClientSession session;
    private final NodeAddress address;
    private final long passBudget;
    private final Checkpoint resume;
    private final EventLoop loop;
    private final NodeFilm film;
    private final DeltaAssembler assembler;
    private final SceneShipper shipper;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object stateMonitor = new Object();
    // Confined to the event loop.
    private Channel ch;
    private boolean openSent, stopSent, pulling, started;
    private int failures, proposedNode;
    private String lastReason, busyReason;
    private ScheduledFuture<?> pullTimer, heartbeatTimer, retryTimer;
    /** Merged deltas of the current job not yet acknowledged: no saved film holds them yet. */
    private final java.util.ArrayDeque<Long> held = new java.util.ArrayDeque<>();
    /** Deltas of the current job up to this one are in a saved film. */
    private long savedSeq;
    // Read from other threads.
    private volatile String state = "connecting";
    private volatile boolean terminal, stopRequested;
    private volatile int node, threads;
    private volatile String devices = "", serverId = "";
    private volatile Status lastStatus;
    private volatile boolean heard;
    private volatile long lastHeardNanos;

    RemoteNode(ClientSession session, NodeAddress address, int node, long passBudget, Checkpoint resume) {
        this.session = session;
        this.address = address;
        this.node = node;
        this.proposedNode = node;
        this.passBudget = passBudget;
        this.resume = resume;
        this.loop = session.group().next();
        this.film = new NodeFilm(session.width(), session.height(), session.scaleBits(), resume);
        // A delta can exceed its raw size a little when incompressible; nothing legitimate is larger.
        this.assembler = new DeltaAssembler((long) session.width() * session.height() * 7 * 9 + 4096);
        this.shipper = new SceneShipper(session.scene());
    }

    ClientSession session() {
        return session;
    }

    void connect() {
        loop.execute(this::dial);
    }

    private void dial() {
        if (terminal) {
            return;
        }
        Bootstrap b = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) session.options().connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true).handler(new ClientInitializer(this));
        b.connect(address.host(), address.port()).addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                if (stopRequested && started && nothingListens(f.cause())) {
                    // Stopping, and the server's port refuses: its process is gone, and with it the
                    // deltas it had not delivered. Waiting out the stop timeout would change nothing.
                    // The state says so too: this often happens during the JVM's shutdown (Ctrl-C),
                    // when java.util.logging has already dropped its handlers.
                    LOG.warning("server " + address + " is unreachable (nothing listens on its port: its process "
                            + "is gone) while the render stops; its undelivered samples are lost");
                    finish("unreachable");
                    return;
                }
                // Nothing listens there (yet, or any more): the server is down, not refusing this client.
                retry((nothingListens(f.cause()) ? "unreachable: " : "cannot connect: ")
                        + Failures.describe(f.cause()));
            }
        });
    }

    /** Whether a connect failed because nothing listens on the port (the server is down). */
    private static boolean nothingListens(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException
                    || c.getMessage() != null && c.getMessage().contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }

    void handshaking(Channel c) {
        ch = c;
        busyReason = null;
    }

    void serverId(String id) {
        serverId = id;
    }

    /** The handshake is done: open (or reattach to) the session. */
    void ready(Channel c) {
        if (c != ch || terminal) {
            return;
        }
        contact();
        JobSpec spec = NodeBudget.spec(session, this, started, film.heldSamples());
        if (spec == null) {
            LOG.info("server " + address + ": the film already holds its " + passBudget + " passes");
            finish("done");
            c.close();
            return;
        }
        proposedNode = spec.node();
        c.writeAndFlush(new Open(session.keys().wireId(), session.keys().secret(), stopRequested && started, spec, session.scene().mainFile(),
                session.scene().manifest()));
        openSent = true;
        setState(started ? "reattaching" : "sending scene");
        long hb = session.options().heartbeatInterval().toMillis();
        heartbeatTimer = loop.scheduleAtFixedRate(() -> c.writeAndFlush(new Heartbeat()), hb, hb, TimeUnit.MILLISECONDS);
        if (stopRequested && !started) {
            sendStop(c);
        }
    }

    void onMessage(Channel c, Message m) {
        if (c != ch || terminal) {
            return;
        }
        contact();
        try {
            switch (m.type()) {
                case ERROR: {
                    ErrorMessage e = (ErrorMessage) m;
                    refused(c, e.code(), LogText.of(e.message()));
                    break;
                }
                case BUSY: {
                    Busy b = (Busy) m;
                    busyReason = "busy: session " + LogText.of(b.sessionTag()) + "... of " + LogText.of(b.clientAddress()) + " since "
                            + Instant.ofEpochMilli(b.sinceEpochMillis());
                    setState(busyReason);
                    c.close();
                    break;
                }
                case NEED:
                    sendFiles(c, ((Need) m).hashes());
                    break;
                case STARTED:
                    started(c, (Started) m);
                    break;
                case DELTA_CHUNK: {
                    DeltaChunk d = (DeltaChunk) m;
                    byte[] bytes = assembler.add(d);
                    if (bytes != null) {
                        delta(c, d.seq(), bytes);
                    }
                    break;
                }
                case STATUS:
                    status(c, (Status) m);
                    break;
                case ENDED: {
                    Ended e = (Ended) m;
                    LOG.info("server " + address + " done: " + e.samples() + " samples rendered by its last job");
                    finish("done");
                    c.close();
                    break;
                }
                default:
                    throw new ProtocolException("a client does not accept " + m.type() + " from a server");
            }
        } catch (ProtocolException e) {
            connectionFailed(c, e.getMessage());
        }
    }

    private void sendFiles(Channel c, List<Bytes> hashes) throws ProtocolException {
        if (stopSent) {
            return;
        }
        setState(hashes.isEmpty() ? "starting" : "sending scene");
        long bytes = shipper.send(c, hashes);
        if (!hashes.isEmpty()) {
            LOG.fine(() -> "sent " + hashes.size() + " scene files (" + bytes + " bytes) to " + address);
        }
    }

    private void started(Channel c, Started s) {
        if (s.width() != session.width() || s.height() != session.height()) {
            refused(c, ErrorCode.SCENE, "the server renders a " + s.width() + "x" + s.height() + " film, the client's is "
                    + session.width() + "x" + session.height());
            return;
        }
        if (!s.jobId().equals(film.job())) {
            // Another job: whatever was held belonged to a session the server no longer has.
            held.clear();
            savedSeq = resume.jobId().equals(s.jobId()) ? resume.seq() : 0;
        }
        film.job(s.jobId(), resume);
        node = s.node();
        threads = s.threads();
        devices = s.devices();
        started = true;
        failures = 0;
        lastReason = null;
        LOG.info("server " + address + " (" + serverId + ") " + (s.attached() ? "reattached" : "renders")
                + " as node " + s.node() + " on " + s.threads() + " threads" + (s.devices().isEmpty() ? "" : ", "
                + s.devices()));
        if (stopRequested) {
            sendStop(c);
            return;
        }
        setState("rendering");
        if (pullTimer == null) {
            long every = session.options().uploadInterval().toMillis();
            pullTimer = loop.scheduleAtFixedRate(() -> pull(c), every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void pull(Channel c) {
        // Holding acknowledgements until the next save: leave the server room for one more delta
        // and its resend, and let the rest wait in its session (nothing is lost, the next delta grows).
        boolean room = held.size() < Protocol.MAX_UNACKED_DELTAS - 2;
        if (c == ch && !pulling && !stopSent && c.isActive() && room) {
            pulling = true;
            c.writeAndFlush(new Pull());
        }
    }

    /**
     * Asks for a delta now instead of at the next upload interval (when connected and none is on its
     * way): a client near its halt collects sooner, so as not to overshoot it by an interval. Any thread.
     */
    public void pullNow() {
        if (loop.isShuttingDown()) {
            return;
        }
        loop.execute(() -> {
            Channel c = ch;
            if (c != null && started && !terminal) {
                pull(c);
            }
        });
    }

    private void delta(Channel c, long seq, byte[] bytes) {
        pulling = false;
        long skipped = film.skippedBefore(seq);
        if (skipped > 0) {
            LOG.warning("server " + address + " (" + serverId + ") sent delta " + seq + " after " + (seq - skipped - 1)
                    + ": another connection acknowledged the " + skipped + " between (another client reattached to this "
                    + "session?); their samples are missing from this render");
        }
        try {
            if (!film.mergeEncoded(seq, bytes)) {
                LOG.fine(() -> "delta " + seq + " from " + address + " was merged before; acknowledging the resend");
            }
        } catch (FilmFormatException e) {
            fail(c, "corrupt delta " + seq + " from " + address + ": " + e.getMessage());
            return;
        }
        if (!session.holdsAcks() || stopRequested || seq <= savedSeq) {
            c.writeAndFlush(new Ack(seq));
        } else if (!held.contains(seq)) {
            held.add(seq);
        }
    }

    /**
     * A film holding this node's deltas up to {@code checkpoint} (taken with {@link #checkpoint()}
     * before the save) has been saved: acknowledge them, so the server may forget them. Any thread.
     */
    public void saved(Checkpoint checkpoint) {
        loop.execute(() -> {
            if (!checkpoint.jobId().equals(film.job())) {
                return;
            }
            savedSeq = Math.max(savedSeq, checkpoint.seq());
            ackHeld(savedSeq);
        });
    }

    /** Acknowledges the held deltas up to {@code seq}; without a connection the server resends them. */
    private void ackHeld(long seq) {
        while (!held.isEmpty() && held.peekFirst() <= seq) {
            long s = held.pollFirst();
            if (ch != null && ch.isActive()) {
                ch.writeAndFlush(new Ack(s));
            }
        }
    }

    private void status(Channel c, Status s) {
        lastStatus = s;
        threads = s.threads();
        devices = s.devices();
        boolean done = s.state().equals("finished") || s.state().startsWith("failed");
        if (done && started && !stopSent) {
            if (s.state().startsWith("failed")) {
                LOG.warning("server " + address + ": " + LogText.of(s.state()));
            }
            sendStop(c);
            setState("finished");
        }
    }

    private void sendStop(Channel c) {
        stopSent = true;
        if (!state.equals("finished")) {
            setState("stopping");
        }
        c.writeAndFlush(new Stop());
    }

    void refused(Channel c, ErrorCode code, String reason) {
        if (code.retryable()) {
            connectionFailed(c, "server error: " + reason);
            return;
        }
        fail(c, "refused: " + reason);
    }

    private void fail(Channel c, String why) {
        LOG.warning("server " + address + " " + why);
        finish(why.startsWith("refused") ? why : "failed: " + why);
        c.close();
    }

    void connectionFailed(Channel c, String reason) {
        if (c != ch) {
            c.close();
            return;
        }
        LOG.warning("connection to server " + address + " failed: " + reason);
        c.close();
    }

    void disconnected(Channel c) {
        if (c != ch) {
            return;
        }
        ch = null;
        openSent = stopSent = pulling = false;
        assembler.reset();
        cancelTimers();
        if (terminal) {
            return;
        }
        retry(busyReason != null ? busyReason : "connection closed");
    }

    private void retry(String reason) {
        if (terminal) {
            return;
        }
        if (stopRequested && !started) {
            finish("stopped");
            return;
        }
        setState(busyReason != null ? busyReason : started ? "lost" : "connecting");
        Duration wait = session.options().backoff(failures++);
        if (!reason.equals(lastReason)) {
            LOG.info("server " + address + ": " + reason + "; retrying (next in " + wait.toMillis() + " ms)");
            lastReason = reason;
        }
        retryTimer = loop.schedule(this::dial, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelTimers() {
        if (pullTimer != null) {
            pullTimer.cancel(false);
            pullTimer = null;
        }
        if (heartbeatTimer != null) {
            heartbeatTimer.cancel(false);
            heartbeatTimer = null;
        }
    }

    private void finish(String finalState) {
        terminal = true;
        setState(finalState);
        cancelTimers();
        stopped.countDown();
    }

    /** Closes the connection at once without collecting anything more. */
    void abandon() {
        if (loop.isShuttingDown()) {
            return;
        }
        loop.execute(() -> {
            if (!terminal) {
                finish(started ? "abandoned" : "stopped");
            }
            if (ch != null) {
                ch.close();
            }
        });
    }

    @Override
    public String label() {
        return address.toString();
    }

    @Override
    public long drainInto(Film total) {
        return film.drainInto(total);
    }

    @Override
    public SourceStats stats() {
        Status s = lastStatus;
        boolean rendering = s != null && (state.equals("rendering") || state.equals("stopping"));
        HostLoad host = s == null ? null : new HostLoad(s.cpuLoad(), s.memoryUsed(), s.memoryTotal());
        return new SourceStats(label(), state, threads, devices, film.samples(), film.contributions(),
                rendering ? s.samplesPerSecond() : 0, host);
    }

    /**
     * Asks the server to stop and send what it has left; returns at once. A node that never reached
     * its server stops at once; one that lost its connection dials again at once and keeps trying to
     * collect until the stop timeout, unless the server's port refuses (its process is gone).
     */
    @Override
    public void requestStop() {
        stopRequested = true;
        loop.execute(() -> {
            if (terminal) {
                return;
            }
            // The final save follows the stop; the server ends only once everything is acknowledged.
            ackHeld(Long.MAX_VALUE);
            if (ch != null && openSent) {
                if (!stopSent) {
                    sendStop(ch);
                }
            } else if (!started) {
                if (ch != null) {
                    ch.close();
                }
                finish("stopped");
                return;
            } else if (ch == null && retryTimer != null && retryTimer.cancel(false)) {
                // Lost and waiting out a backoff: try at once instead (a refusal ends it). When the
                // timer already fired, a connection attempt is in flight and will report.
                dial();
            }
            loop.schedule(() -> {
                if (!terminal) {
                    LOG.warning("server " + address + ": gave up collecting its last delta after "
                            + session.options().stopTimeout().toSeconds() + " s; its undelivered samples are lost");
                    finish("lost");
                    if (ch != null) {
                        ch.close();
                    }
                }
            }, session.options().stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public boolean awaitStopped(Duration timeout) {
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void contact() {
        lastHeardNanos = System.nanoTime();
        heard = true;
    }

    /**
     * Seconds since the server last said anything (handshake, status, delta, end), for the monitor's
     * node table; NaN when it never answered.
     */
    public double secondsSinceContact() {
        return heard ? (System.nanoTime() - lastHeardNanos) / 1e9 : Double.NaN;
    }

    /** The node index the server renders with (its own after a reattach). */
    public int node() {
        return node;
    }

    /** The current state, as in {@link #stats()}. */
    public String state() {
        return state;
    }

    private void setState(String s) {
        synchronized (stateMonitor) {
            state = s;
            stateMonitor.notifyAll();
        }
    }

    /** Waits up to {@code timeout} for a state satisfying {@code p}; returns the state then. */
    public String awaitState(java.util.function.Predicate<String> p, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (stateMonitor) {
            while (!p.test(state)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                stateMonitor.wait(Math.max(1, left / 1_000_000));
            }
            return state;
        }
    }

    /** Where the last drain left this node's deltas; save it with the film to resume. */
    public Checkpoint checkpoint() {
        return film.drained().withNode(node);
    }

    /** Passes this node renders in all (0: until the client stops it). */
    long passBudget() {
        return passBudget;
    }

    /** The node index this node asks its server to render as. */
    int proposedNode() {
        return proposedNode;
    }

    /** The server's address. */
    public NodeAddress address() {
        return address;
    }
}
