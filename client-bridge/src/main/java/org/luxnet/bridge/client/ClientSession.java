package org.luxnet.bridge.client;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.luxnet.bridge.job.SceneBundle;

/**
 * One client render across servers: the scene, the session id, the seed, the film's size, and the
 * node indices handed out (the client itself is node 0; servers get 1, 2, ... in the order added;
 * without a pass budget a server that lost its session gets a fresh index, so no two renders ever
 * share a sample stream, and with one it keeps its index and continues its streams, see
 * {@link NodeBudget}). Owns the network thread of all its {@link RemoteNode}s. Thread-safe.
 */
public final class ClientSession implements AutoCloseable {
    private final SceneBundle scene;
    private final String sessionId;
    private final SessionKeys keys;
    private final long seed;
    private final int width, height, scaleBits;
    private final ClientOptions options;
    private final AtomicInteger nextNode;
    private final EventLoopGroup group;
    private final List<RemoteNode> nodes = new CopyOnWriteArrayList<>();
    private final List<JoinListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean holdAcks;
    private volatile ErrorPolicy errorPolicy = ErrorPolicy.DEFAULT;
    private volatile NodeClock clock;

    /**
     * @param scene     the scene and its files, as the client's own parse read them
     * @param sessionId the session's id (new, or from the FLM of a resumed render)
     * @param seed      the render's seed
     * @param width     film width, which every server's deltas must have
     * @param height    film height
     * @param scaleBits film scale, which every server's deltas must have
     * @param firstNode the index of the first server: 1, or after a resume the next unused index
     * @param options   intervals, timeouts and password
     */
    public ClientSession(SceneBundle scene, String sessionId, long seed, int width, int height, int scaleBits,
                         int firstNode, ClientOptions options) {
        this(scene, sessionId, seed, width, height, scaleBits, firstNode, options,
                new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()));
    }

    /**
     * Acknowledge each delta only once a saved film holds it ({@link RemoteNode#saved}), so that a
     * client process that dies loses nothing its servers rendered: servers keep what the client has
     * not acknowledged, and a client restarted with {@code -r} reattaches and collects it. For
     * clients that write a resume film; without one, deltas are acknowledged as they arrive.
     */
    public void holdAcksUntilSaved(boolean hold) {
        holdAcks = hold;
    }

    boolean holdsAcks() {
        return holdAcks;
    }

    /** When servers that keep failing are put aside; for the nodes added after this call. */
    public void errorPolicy(ErrorPolicy policy) {
        errorPolicy = policy;
    }

    ErrorPolicy errorPolicy() {
        return errorPolicy;
    }

    /** The clock the nodes added after this call put servers aside by (tests advance their own). */
    void useClock(NodeClock c) {
        clock = c;
    }

    NodeClock clock(EventLoop loop) {
        NodeClock c = clock;
        return c != null ? c : NodeClock.of(loop);
    }

    /** As the public constructor, on {@code group} (handler tests pass an embedded channel's loop). */
    ClientSession(SceneBundle scene, String sessionId, long seed, int width, int height, int scaleBits, int firstNode,
                  ClientOptions options, EventLoopGroup group) {
        this.group = group;
        if (firstNode < 1) {
            throw new IllegalArgumentException("servers' node indices start at 1 (0 is the client), got " + firstNode);
        }
        this.scene = scene;
        this.sessionId = sessionId;
        this.keys = SessionKeys.of(sessionId);
        this.seed = seed;
        this.width = width;
        this.height = height;
        this.scaleBits = scaleBits;
        this.options = options;
        this.nextNode = new AtomicInteger(firstNode);
    }

    /**
     * Adds a server and starts connecting to it (retrying until it answers).
     *
     * @param address    the server
     * @param passBudget passes it renders before it stops by itself (0: until the client stops it)
     * @param resume     where a resumed film left this server's deltas, or {@link Checkpoint#NONE}
     */
    public RemoteNode addNode(NodeAddress address, long passBudget, Checkpoint resume) {
        // A resumed node with a pass budget keeps its index: its streams go on where the saved film left them.
        int node = passBudget > 0 && resume.node() > 0 ? resume.node() : nextNode();
        RemoteNode n = new RemoteNode(this, address, node, passBudget, resume);
        nodes.add(n);
        n.connect();
        return n;
    }

    /**
     * Takes servers that dial in ({@code -s --join}) on {@code host:port} (host null: every
     * interface); each new server becomes a node rendering {@code passBudget} passes and is handed to
     * {@code joined} (on the network thread). Closed with the session.
     *
     * @return the listener; its address says the port bound
     * @throws IOException naming the port when it cannot be bound
     */
    public InetSocketAddress listen(String host, int port, long passBudget, Consumer<RemoteNode> joined)
            throws IOException {
        JoinListener l = new JoinListener(this, passBudget, joined);
        InetSocketAddress a = l.bind(host, port);
        listeners.add(l);
        return a;
    }

    /** Adds a node for a server that dialled in; its connection is already there. */
    RemoteNode addJoined(NodeAddress address, long passBudget) {
        RemoteNode n = new RemoteNode(this, address, nextNode(), passBudget, Checkpoint.NONE, true);
        nodes.add(n);
        return n;
    }

    /** The next unused node index. */
    int nextNode() {
        return nextNode.getAndIncrement();
    }

    /** The first node index not handed out yet, to save with the film for a resume. */
    public int peekNextNode() {
        return nextNode.get();
    }

    /** The nodes added, in order. */
    public List<RemoteNode> nodes() {
        return List.copyOf(nodes);
    }

    SceneBundle scene() {
        return scene;
    }

    /** The session's id. */
    public String sessionId() {
        return sessionId;
    }

    /** The session's id and secret as servers see them. */
    SessionKeys keys() {
        return keys;
    }

    long seed() {
        return seed;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int scaleBits() {
        return scaleBits;
    }

    ClientOptions options() {
        return options;
    }

    EventLoopGroup group() {
        return group;
    }

    /** Closes every connection at once (nodes not stopped first lose what they had not delivered). */
    @Override
    public void close() {
        listeners.forEach(JoinListener::close);
        for (RemoteNode n : nodes) {
            n.abandon();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
