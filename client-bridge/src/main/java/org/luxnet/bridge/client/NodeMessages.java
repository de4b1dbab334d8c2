package org.luxnet.bridge.client;

import io.netty.channel.Channel;
import java.util.List;
import java.util.logging.Logger;
import org.luxnet.accumulator.io.FilmFormatException;
import org.luxnet.bridge.protocol.Busy;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.DeltaChunk;
import org.luxnet.bridge.protocol.Ended;
import org.luxnet.bridge.protocol.ErrorCode;
import org.luxnet.bridge.protocol.ErrorMessage;
import org.luxnet.bridge.protocol.LogText;
import org.luxnet.bridge.protocol.Message;
import org.luxnet.bridge.protocol.Need;
import org.luxnet.bridge.protocol.ProtocolException;
import org.luxnet.bridge.protocol.ServerState;
import org.luxnet.bridge.protocol.Started;
import org.luxnet.bridge.protocol.Status;

/**
 * What a server says to a {@link NodeLink} once the handshake is done: refusals, the scene files it
 * needs, the start of its job, the deltas (to the node's {@link DeltaReceipt}), its status reports
 * and the end of the session. The connection's lifecycle (dialing, opening, reconnecting, stopping)
 * stays with the link. Confined to the node's event loop.
 */
final class NodeMessages {
    private static final Logger LOG = Logger.getLogger(RemoteNode.class.getName());

    private final NodeLink link;
    private final ClientSession session;
    private final NodeAddress address;
    private final DeltaReceipt receipt;
    private final ServerFacts facts;
    private final NodePulls pulls;
    private final SceneShipper shipper;

    NodeMessages(NodeLink link, ClientSession session, NodeAddress address, DeltaReceipt receipt, ServerFacts facts,
                 NodePulls pulls) {
        this.link = link;
        this.session = session;
        this.address = address;
        this.receipt = receipt;
        this.facts = facts;
        this.pulls = pulls;
        this.shipper = new SceneShipper(session.scene());
    }

    /** A message on the link's current connection {@code c}; a protocol error fails that connection. */
    void onMessage(Channel c, Message m) {
        try {
            switch (m.type()) {
                case ERROR: {
                    ErrorMessage e = (ErrorMessage) m;
                    link.refused(c, e.code(), LogText.of(e.message()));
                    break;
                }
                case BUSY:
                    link.busy((Busy) m);
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
                    // Done, and why it ended early when its job failed (said by the last status).
                    link.finish(new NodeStatus(NodeState.DONE, link.status().reason()));
                    c.close();
                    break;
                }
                default:
                    throw new ProtocolException("a client does not accept " + m.type() + " from a server");
            }
        } catch (ProtocolException e) {
            link.connectionFailed(c, e.getMessage());
        }
    }

    private void sendFiles(Channel c, List<Bytes> hashes) throws ProtocolException {
        if (link.stopSent()) {
            return;
        }
        link.setStatus(NodeStatus.of(hashes.isEmpty() ? NodeState.STARTING : NodeState.SENDING_SCENE));
        long bytes = shipper.send(c, hashes);
        if (!hashes.isEmpty()) {
            LOG.fine(() -> "sent " + hashes.size() + " scene files (" + bytes + " bytes) to " + address);
        }
    }

    private void started(Channel c, Started s) {
        if (s.width() != session.width() || s.height() != session.height()) {
            link.refused(c, ErrorCode.SCENE, "the server renders a " + s.width() + "x" + s.height() + " film, the client's is "
                    + session.width() + "x" + session.height());
            return;
        }
        receipt.started(s.jobId());
        facts.started(s);
        link.sessionStarted();
        LOG.info("server " + address + " (" + facts.serverId() + ") " + (s.attached() ? "reattached" : "renders")
                + " as node " + s.node() + " on " + s.threads() + " threads" + (s.devices().isEmpty() ? "" : ", "
                + s.devices()));
        if (link.stopRequested()) {
            link.sendStop(c);
            return;
        }
        link.setStatus(NodeStatus.of(NodeState.RENDERING));
        pulls.rendering(c, s.attached());
    }

    private void delta(Channel c, DeltaChunk d) throws ProtocolException {
        long seq;
        try {
            seq = receipt.chunk(d, link.stopRequested());
        } catch (FilmFormatException e) {
            link.fail(c, "corrupt delta " + d.seq() + " from " + address + ": " + e.getMessage());
            return;
        }
        if (seq >= 0) {
            pulls.delivered();
        }
    }

    private void status(Channel c, Status s) {
        facts.status(s);
        boolean failed = s.state() == ServerState.FAILED;
        if ((failed || s.state() == ServerState.FINISHED) && link.started() && !link.stopSent()) {
            if (failed) {
                LOG.warning("server " + address + ": " + LogText.of(s.describe()));
            }
            link.sendStop(c);
            link.setStatus(failed ? new NodeStatus(NodeState.FINISHED, LogText.of(s.describe()))
                    : NodeStatus.of(NodeState.FINISHED));
        }
    }
}
