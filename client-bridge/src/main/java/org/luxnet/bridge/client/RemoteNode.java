package org.luxnet.bridge.client;

import java.time.Duration;
import java.util.function.Predicate;
import org.luxnet.accumulator.Film;
import org.luxnet.accumulator.progress.FilmSource;
import org.luxnet.accumulator.progress.HostLoad;
import org.luxnet.accumulator.progress.SourceStats;
import org.luxnet.bridge.protocol.Status;

/**
 * One render server seen from the client, as a {@link FilmSource} the render driver drains. Behind
 * it, a {@link NodeLink} talks to the server (connecting through a {@link NodeDialer} that retries
 * with back-off and puts aside a server that keeps failing), and a {@link DeltaReceipt} merges each
 * delta once into the node's film and acknowledges it by the ack policy. Its state is a {@link
 * NodeStatus}. Every method may be called from any thread.
 */
public final class RemoteNode implements FilmSource {
    private final NodeAddress address;
    private final StatusBoard board = new StatusBoard();
    private final DeltaReceipt receipt;
    private final NodeLink link;

    RemoteNode(ClientSession session, NodeAddress address, int node, long passBudget, Checkpoint resume) {
        this(session, address, node, passBudget, resume, false);
    }

    /** @param inbound the server dials in (it joined a listening client) */
    RemoteNode(ClientSession session, NodeAddress address, int node, long passBudget, Checkpoint resume,
               boolean inbound) {
        this.address = address;
        this.link = new NodeLink(session, address, node, passBudget, resume, board, inbound);
        this.receipt = link.receipt();
    }

    /** The protocol side, for the connection's handler. */
    NodeLink link() {
        return link;
    }

    void connect() {
        link.connect();
    }

    /** Closes the connection at once without collecting anything more. */
    void abandon() {
        link.abandon();
    }

    /**
     * Asks for a delta now instead of at the next upload interval (when connected and none is on its
     * way): a client near its halt collects sooner, so as not to overshoot it by an interval.
     */
    public void pullNow() {
        link.pullNow();
    }

    /**
     * A film holding this node's deltas up to {@code checkpoint} (taken with {@link #checkpoint()}
     * before the save) has been saved: acknowledge them, so the server may forget them.
     */
    public void saved(Checkpoint checkpoint) {
        link.saved(checkpoint);
    }

    @Override
    public String label() {
        return address.toString();
    }

    @Override
    public long drainInto(Film total) {
        return receipt.film().drainInto(total);
    }

    @Override
    public SourceStats stats() {
        Status s = link.facts().lastStatus();
        NodeStatus st = board.get();
        boolean rendering = s != null && (st.state() == NodeState.RENDERING || st.state() == NodeState.STOPPING);
        HostLoad host = s == null ? null : new HostLoad(s.cpuLoad(), s.memoryUsed(), s.memoryTotal());
        NodeFilm film = receipt.film();
        return new SourceStats(label(), st.toString(), link.facts().threads(), link.facts().devices(), film.samples(),
                film.contributions(), rendering ? s.samplesPerSecond() : 0, host);
    }

    /**
     * Asks the server to stop and send what it has left; returns at once. A node that never reached
     * its server stops at once; one that lost its connection dials again at once and keeps trying to
     * collect until the stop timeout, unless the server's port refuses (its process is gone).
     */
    @Override
    public void requestStop() {
        link.requestStop();
    }

    @Override
    public boolean awaitStopped(Duration timeout) {
        try {
            return board.awaitOver(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Seconds since the server last said anything (handshake, status, delta, end), for the monitor's
     * node table; NaN when it never answered.
     */
    public double secondsSinceContact() {
        return link.facts().secondsSinceContact();
    }

    /** The node index the server renders with (its own after a reattach). */
    public int node() {
        return link.facts().node();
    }

    /** The current state and its reason. */
    public NodeStatus status() {
        return board.get();
    }

    /** The current state as shown ("rendering", "busy: session ..."), as in {@link #stats()}. */
    public String state() {
        return board.get().toString();
    }

    /** Waits up to {@code timeout} for a state (as shown) satisfying {@code p}; returns the state then. */
    public String awaitState(Predicate<String> p, Duration timeout) throws InterruptedException {
        return board.await(s -> p.test(s.toString()), timeout).toString();
    }

    /** Waits up to {@code timeout} for a status satisfying {@code p}; returns the status then. */
    public NodeStatus awaitStatus(Predicate<NodeStatus> p, Duration timeout) throws InterruptedException {
        return board.await(p, timeout);
    }

    /** Where the last drain left this node's deltas; save it with the film to resume. */
    public Checkpoint checkpoint() {
        return receipt.film().drained().withNode(link.facts().node());
    }

    /** The server's address. */
    public NodeAddress address() {
        return address;
    }
}
