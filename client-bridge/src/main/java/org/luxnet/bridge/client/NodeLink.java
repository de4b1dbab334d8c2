package org.luxnet.bridge.client;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.luxnet.accumulator.io.FilmFormatException;
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
import org.luxnet.bridge.protocol.ProtocolException;
import org.luxnet.bridge.protocol.Pull;
import org.luxnet.bridge.protocol.ServerState;
import org.luxnet.bridge.protocol.Started;
import org.luxnet.bridge.protocol.Status;
import org.luxnet.bridge.protocol.Stop;

/**
 * The protocol side of a {@link RemoteNode}: its connections (through its {@link NodeDialer}), the
 * handshake's outcome, opening or reattaching the session, shipping the scene, pulling a delta every
 * upload interval (and at once after a reattach), handing each delta to its {@link DeltaReceipt},
 * stopping, and reconnecting after a broken connection to collect what the server kept. Its state
 * goes to the node's {@link StatusBoard}. Confined to the session's event loop, except for the
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
    private final SceneShipper shipper;
    private final StatusBoard board;
    private final ServerFacts facts;
    // Confined to the event loop.
    private Channel ch;
    private boolean openSent, stopSent, pulling, started, startedHere, failedHere;
    private int proposedNode;
    private Busy busy;
    private ScheduledFuture<?> pullTimer, heartbeatTimer;
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
        this.shipper = new SceneShipper(session.scene());
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
        long hb = session.options().heartbeatInterval().toMillis();
        heartbeatTimer = loop.scheduleAtFixedRate(() -> c.writeAndFlush(new Heartbeat()), hb, hb, TimeUnit.MILLISECONDS);
        if (stopRequested && !started) {
            sendStop(c);
        }
    }

    void onMessage(Channel c, Message m) {
        if (c != ch || terminal()) {
            return;
        }
        facts.contact();
        try {
            switch (m.type()) {
                case ERROR: {
                    ErrorMessage e = (ErrorMessage) m;
                    refused(c, e.code(), LogText.of(e.message()));
                    break;
                }
                case BUSY:
                    busy = (Busy) m;
                    setStatus(busyStatus());
                    c.close();
                    break;
                case NEED:
                    sendFiles(c, ((Need) m).hashes());
                    break;
                case STARTED:
                    started(c, (Started) m);
                    break;
                case DELTA_CHUNK:
                    delta(c, (DeltaChunk) m);
                    break;
                case STATUS:
                    status(c, (Status) m);
                    break;
                case ENDED: {
                    Ended e = (Ended) m;
                    LOG.info("server " + address + " done: " + e.samples() + " samples rendered by its last job");
                    finish(NodeStatus.of(NodeState.DONE));
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

    private NodeStatus busyStatus() {
        return new NodeStatus(NodeState.BUSY, "session " + LogText.of(busy.sessionTag()) + "... of " + LogText.of(busy.clientAddress()) + " since "
                + Instant.ofEpochMilli(busy.sinceEpochMillis()));
    }

    private void sendFiles(Channel c, List<Bytes> hashes) throws ProtocolException {
        if (stopSent) {
            return;
        }
        setStatus(NodeStatus.of(hashes.isEmpty() ? NodeState.STARTING : NodeState.SENDING_SCENE));
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
        receipt.started(s.jobId());
        facts.started(s);
        started = startedHere = true;
        dialer.progress();
        LOG.info("server " + address + " (" + facts.serverId() + ") " + (s.attached() ? "reattached" : "renders")
                + " as node " + s.node() + " on " + s.threads() + " threads" + (s.devices().isEmpty() ? "" : ", "
                + s.devices()));
        if (stopRequested) {
            sendStop(c);
            return;
        }
        setStatus(NodeStatus.of(NodeState.RENDERING));
        if (pullTimer == null) {
            long every = session.options().uploadInterval().toMillis();
            pullTimer = loop.scheduleAtFixedRate(() -> pull(c), every, every, TimeUnit.MILLISECONDS);
        }
        if (s.attached()) {
            // Back after a cut: collect at once, or links that live shorter than an upload interval
            // would never deliver anything.
            pull(c);
        }
    }

    private void pull(Channel c) {
        // Holding acknowledgements until the next save: leave the server room for one more delta
        // and its resend, and let the rest wait in its session (nothing is lost, the next delta grows).
        if (c == ch && !pulling && !stopSent && c.isActive() && receipt.roomToPull()) {
            pulling = true;
            c.writeAndFlush(new Pull());
        }
    }

    /** Asks for a delta now, when connected and none is on its way. Any thread. */
    void pullNow() {
        if (loop.isShuttingDown()) {
            return;
        }
        loop.execute(() -> {
            Channel c = ch;
            if (c != null && started && !terminal()) {
                pull(c);
            }
        });
    }

    private void delta(Channel c, DeltaChunk d) throws ProtocolException {
        long seq;
        try {
            seq = receipt.chunk(d, stopRequested);
        } catch (FilmFormatException e) {
            fail(c, "corrupt delta " + d.seq() + " from " + address + ": " + e.getMessage());
            return;
        }
        if (seq >= 0) {
            pulling = false;
        }
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

    private void status(Channel c, Status s) {
        facts.status(s);
        boolean failed = s.state() == ServerState.FAILED;
        if ((failed || s.state() == ServerState.FINISHED) && started && !stopSent) {
            if (failed) {
                LOG.warning("server " + address + ": " + LogText.of(s.describe()));
            }
            sendStop(c);
            setStatus(NodeStatus.of(NodeState.FINISHED));
        }
    }

    private void sendStop(Channel c) {
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

    private void fail(Channel c, String why) {
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
        openSent = stopSent = pulling = false;
        receipt.reset();
        cancelTimers();
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

    private void finish(NodeStatus last) {
        setStatus(last);
        cancelTimers();
    }

    /** Closes the connection at once without collecting anything more. */
    void abandon() {
        if (loop.isShuttingDown()) {
            return;
        }
        loop.execute(() -> {
            if (!terminal()) {
                finish(NodeStatus.of(started ? NodeState.ABANDONED : NodeState.STOPPED));
            }
            if (ch != null) {
                ch.close();
            }
        });
    }

    /** Asks the server to stop and send what it has left; returns at once. Any thread. */
    void requestStop() {
        stopRequested = true;
        loop.execute(() -> {
            if (terminal()) {
                return;
            }
            // The final save follows the stop; the server ends only once everything is acknowledged.
            receipt.release(Long.MAX_VALUE);
            if (ch != null && openSent) {
                if (!stopSent) {
                    sendStop(ch);
                }
            } else if (!started) {
                if (ch != null) {
                    ch.close();
                }
                finish(NodeStatus.of(NodeState.STOPPED));
                return;
            } else if (ch == null) {
                // Lost and waiting out a back-off (or aside): try at once instead (a refusal ends it).
                // When the timer already fired, a connection attempt is in flight and will report.
                dialer.hurry();
            }
            loop.schedule(() -> {
                if (!terminal()) {
                    LOG.warning("server " + address + ": gave up collecting its last delta after "
                            + session.options().stopTimeout().toSeconds() + " s; its undelivered samples are lost");
                    finish(NodeStatus.of(NodeState.GAVE_UP));
                    if (ch != null) {
                        ch.close();
                    }
                }
            }, session.options().stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private void setStatus(NodeStatus s) {
        board.set(s);
    }

    private NodeStatus status() {
        return board.get();
    }

    private boolean terminal() {
        return board.get().state().terminal();
    }
}
