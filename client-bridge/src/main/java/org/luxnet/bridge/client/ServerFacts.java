package org.luxnet.bridge.client;

import org.luxnet.bridge.protocol.Started;
import org.luxnet.bridge.protocol.Status;

/**
 * What a server last told its node: its id, node index, threads, devices, last status and when it
 * last said anything. Written on the event loop, read from any thread.
 */
final class ServerFacts {
    private volatile int node, threads;
    private volatile String devices = "", serverId = "";
    private volatile Status lastStatus;
    private volatile boolean heard;
    private volatile long lastHeardNanos;

    ServerFacts(int node) {
        this.node = node;
    }

    void serverId(String id) {
        serverId = id;
    }

    String serverId() {
        return serverId;
    }

    void started(Started s) {
        node = s.node();
        threads = s.threads();
        devices = s.devices();
    }

    void status(Status s) {
        lastStatus = s;
        threads = s.threads();
        devices = s.devices();
    }

    /** The server said something now. */
    void contact() {
        lastHeardNanos = System.nanoTime();
        heard = true;
    }

    /** Seconds since the server last said anything; NaN when it never answered. */
    double secondsSinceContact() {
        return heard ? (System.nanoTime() - lastHeardNanos) / 1e9 : Double.NaN;
    }

    /** The node index the server renders with. */
    int node() {
        return node;
    }

    /** The server's last status, or null. */
    Status lastStatus() {
        return lastStatus;
    }

    int threads() {
        return threads;
    }

    String devices() {
        return devices;
    }
}
