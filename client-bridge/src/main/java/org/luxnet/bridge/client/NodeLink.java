package org.luxnet.bridge.client;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.luxnet.bridge.job.JobSpec;
import org.luxnet.bridge.protocol.Ack;
import org.luxnet.bridge.protocol.Busy;
import org.luxnet.bridge.protocol.ErrorCode;
import org.luxnet.bridge.protocol.Failures;
import org.luxnet.bridge.protocol.LogText;
import org.luxnet.bridge.protocol.Message;
import org.luxnet.bridge.protocol.Open;
import org.luxnet.bridge.protocol.Stop;

/**
 * The protocol side of a {@link RemoteNode}: its connections (through its {@link NodeDialer}), the
 * handshake's outcome, opening or reattaching the session, and reconnecting after a broken
 * connection to collect what the server kept. What the server says in the session (scene requests,
 * the job's start, deltas for the {@link DeltaReceipt}, status) goes to its {@link NodeMessages},
 * the heartbeats and pulls are its {@link NodePulls}', and stopping is its {@link NodeStop}'s. Its
 * state goes to the node's {@link StatusBoard}. Confined to the session's event loop, except for the
 * methods that say otherwise.
 */
final class NodeLink {
    private static final Logger LOG = Logger.getLogger(RemoteNode.class.getName());

    private final ClientSession session;
    private final NodeAddress address;
    private final long passBudget;
    private final EventLoop loop;
    private final DeltaReceipt receipt;
    private final NodeDialer dialer;
    private final NodePulls pulls;
    private final NodeMessages messages;
    private final NodeStop stop;
    private final StatusBoard board;
    private final ServerFacts facts;
    // Confined to the event loop.
    private Channel ch;
    private boolean openSent, stopSent, started, startedHere, failedHere;
    private int proposedNode;
    private Busy busy;
    // Read from other threads.
    private volatile boolean stopRequested;

    NodeLink(ClientSession session, NodeAddress address, int node, long passBudget, Checkpoint resume,
             StatusBoard board, boolean inbound) {
        this.session = session;
        this.board = board;
        this.address = address;
        this.facts = new ServerFacts(node);
        this.proposedNode = node;
        this.passBudget = passBudget;
        this.loop = session.group().next();
        this.receipt = new DeltaReceipt(session, () -> address + " (" + facts.serverId() + ")", resume, this::sendAck);
        this.dialer = new NodeDialer(this, loop, address, session.options(), session.errorPolicy(),
                session.clock(loop), inbound);
        this.pulls = new NodePulls(this, loop, session.options(), receipt);
        this.messages = new NodeMessages(this, session, address, receipt, facts, pulls);
        this.stop = new NodeStop(this, loop, receipt, dialer, address, session.options().stopTimeout());
    }

    DeltaReceipt receipt() {
        return receipt;
    }

    ClientSession session() {
        return session;
    }

    void connect() {
        loop.execute(this::redial);
    }

    /** Dials again unless the node is over (back-off timer). */
    void redial() {
        if (!terminal()) {
            dialer.dial();
        }
    }

    /** The server was aside long enough: try it again. */
    void forgiven() {
        if (!terminal() && ch == null) {
            setStatus(NodeStatus.of(started ? NodeState.LOST : NodeState.CONNECTING));
            dialer.dial();
        }
    }

    /** A connect failed. */
    void dialFailed(Throwable cause) {
        if (terminal()) {
            return;
        }
        boolean nothing = NodeDialer.nothingListens(cause);
        if (stopRequested && started && nothing) {
            // Stopping, and the server's port refuses: its process is gone, and with it the deltas
            // it had not delivered. Waiting out the stop timeout would change nothing. The state says
            // so too: this often happens during the JVM's shutdown (Ctrl-C), when java.util.logging
            // has already dropped its handlers.
            LOG.warning("server " + address + " is unreachable (nothing listens on its port: its process "
                    + "is gone) while the render stops; its undelivered samples are lost");
            finish(NodeStatus.of(NodeState.UNREACHABLE));
            return;
        }
        // Nothing listens there (yet, or any more): the server is down, not refusing this client.
        retry((nothing ? "unreachable: " : "cannot connect: ") + Failures.describe(cause));
    }

    void handshaking(Channel c) {
        ch = c;
        busy = null;
        startedHere = failedHere = false;
    }

    /**
     * A joined server dialled in again on {@code c}: whether this node takes it (it has no live
     * connection, is not aside and not over).
     */
    boolean takes(Channel c) {
        return ch == null && !dialer.aside() && !terminal() && c.eventLoop() == loop;
    }

    ServerFacts facts() {
        return facts;
    }

    /** The handshake is done: open (or reattach to) the session. */
    void ready(Channel c) {
        if (c != ch || terminal()) {
            return;
        }
        facts.contact();
        JobSpec spec = NodeBudget.spec(session, passBudget, proposedNode, started, receipt.film().heldSamples(),
                receipt.film().heldItems());
        if (spec == null) {
            LOG.info("server " + address + ": the film already holds its " + passBudget + " passes");
            finish(NodeStatus.of(NodeState.DONE));
            c.close();
            return;
        }
        proposedNode = spec.node();
        c.writeAndFlush(new Open(session.keys().wireId(), session.keys().secret(), stopRequested && started, spec,
                session.scene().mainFile(),
                session.scene().manifest()));
        openSent = true;
        setStatus(NodeStatus.of(started ? NodeState.REATTACHING : NodeState.SENDING_SCENE));
        pulls.heartbeats(c);
        if (stopRequested && !started) {
            sendStop(c);
        }
    }

    /** A message from the server after the handshake (see {@link NodeMessages}). */
    void onMessage(Channel c, Message m) {
        if (c != ch || terminal()) {
            return;
        }
        facts.contact();
        messages.onMessage(c, m);
    }

    /** The server is busy with another client's session. */
    void busy(Busy b) {
        busy = b;
        setStatus(busyStatus());
    }

    private NodeStatus busyStatus() {
        return new NodeStatus(NodeState.BUSY, "session " + LogText.of(busy.sessionTag()) + "... of " + LogText.of(busy.clientAddress()) + " since "
                + Instant.ofEpochMilli(busy.sinceEpochMillis()));
    }

    /** Asks for a delta now, when connected and none is on its way. Any thread. */
    void pullNow() {
        pulls.pullNow();
    }

    private void sendAck(long seq) {
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(new Ack(seq));
        }
    }

    /** A film holding this node's deltas up to {@code checkpoint} is saved. Any thread. */
    void saved(Checkpoint checkpoint) {
        loop.execute(() -> receipt.saved(checkpoint));
    }

    /** The server's job started (or was reattached to) on the current connection. */
    void sessionStarted() {
        started = startedHere = true;
        dialer.progress();
    }

    /** The current connection, or null. */
    Channel channel() {
        return ch;
    }

    /** Whether a job of this node has started (in this run). */
    boolean started() {
        return started;
    }

    /** Whether STOP went out on the current connection. */
    boolean stopSent() {
        return stopSent;
    }

    /** Whether the render is stopping. */
    boolean stopRequested() {
        return stopRequested;
    }

    void sendStop(Channel c) {
        stopSent = true;
        if (status().state() != NodeState.FINISHED) {
            setStatus(NodeStatus.of(NodeState.STOPPING));
        }
        c.writeAndFlush(new Stop());
    }

    void refused(Channel c, ErrorCode code, String reason) {
        if (code.retryable()) {
            connectionFailed(c, "server error: " + reason);
            return;
        }
        LOG.warning("server " + address + " refused: " + reason);
        finish(new NodeStatus(NodeState.REFUSED, reason));
        c.close();
    }

    void fail(Channel c, String why) {
        LOG.warning("server " + address + " " + why);
        finish(new NodeStatus(NodeState.FAILED, why));
        c.close();
    }

    void connectionFailed(Channel c, String reason) {
        if (c != ch) {
            c.close();
            return;
        }
        LOG.warning("connection to server " + address + " failed: " + reason);
        failedHere = true;
        c.close();
    }

    void disconnected(Channel c) {
        if (c != ch) {
            return;
        }
        ch = null;
        openSent = stopSent = false;
        receipt.reset();
        pulls.connectionGone();
        if (terminal()) {
            return;
        }
        if (busy == null && (failedHere || !startedHere)) {
            // An error, or a connection that broke before its session (re)started: the server fails.
            Duration aside = dialer.error(failedHere ? "an error" : "the connection broke before the session started");
            if (aside != null && !(stopRequested && !started)) {
                setStatus(new NodeStatus(NodeState.ASIDE, "failed too often; retried in " + aside.toSeconds() + " s"));
                return;
            }
        }
        retry(busy != null ? busyStatus().toString() : "connection closed");
    }

    private void retry(String reason) {
        if (terminal()) {
            return;
        }
        if (stopRequested && !started) {
            finish(NodeStatus.of(NodeState.STOPPED));
            return;
        }
        setStatus(busy != null ? busyStatus() : NodeStatus.of(started ? NodeState.LOST : NodeState.CONNECTING));
        dialer.retry(reason);
    }

    void finish(NodeStatus last) {
        setStatus(last);
        pulls.cancel();
    }

    /** Closes the connection at once without collecting anything more. Any thread. */
    void abandon() {
        stop.abandon();
    }

    /** Asks the server to stop and send what it has left; returns at once. Any thread. */
    void requestStop() {
        stop.requestStop();
    }

    /** The render is stopping (see {@link NodeStop}). */
    void markStopRequested() {
        stopRequested = true;
    }

    /** Whether OPEN went out on the current connection. */
    boolean openSent() {
        return openSent;
    }

    void setStatus(NodeStatus s) {
        board.set(s);
    }

    NodeStatus status() {
        return board.get();
    }

    boolean terminal() {
        return board.get().state().terminal();
    }
}
