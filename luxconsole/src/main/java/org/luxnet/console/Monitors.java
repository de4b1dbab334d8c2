package org.luxnet.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.luxnet.monitor.MonitorServer;
import org.luxnet.monitor.RenderControls;
import org.luxnet.monitor.RenderMonitor;
import org.luxnet.bridge.monitor.ServerStatusApi;
import org.luxnet.bridge.server.RenderServer;

/** Starts the live monitor of a render and the status port of a server, as the options ask, and says where. */
final class Monitors {
    private Monitors() {
    }

    /**
     * Starts the monitor of a render when {@code --monitor} was given and prints its URL.
     *
     * @return the running monitor, or null when none was asked for
     * @throws CliException (exit code 3) naming the address when it cannot be bound
     */
    static RenderMonitor start(MonitorOptions o, RenderControls controls, PrintWriter out) {
        if (o.port == null) {
            return null;
        }
        RenderMonitor m = new RenderMonitor(controls, o.actionToken());
        try {
            InetSocketAddress a = m.start(o.bind, o.port);
            // The token travels in the URL's fragment, which the browser never sends; the page reads it.
            out.println("Monitor: " + url(a) + "/#token=" + m.token().value());
            out.flush();
            return m;
        } catch (IOException e) {
            m.close();
            throw new CliException(ExitCode.IO, "monitor: " + e.getMessage(), e);
        }
    }

    /**
     * Starts a server's status port when {@code --status-port} was given and prints its URL.
     *
     * @return the running status server, or null when none was asked for
     * @throws CliException (exit code 3) naming the address when it cannot be bound
     */
    static MonitorServer status(MonitorOptions o, RenderServer server, PrintWriter out) {
        if (o.statusPort == null) {
            return null;
        }
        MonitorServer s = new MonitorServer(ServerStatusApi.routes(server));
        try {
            InetSocketAddress a = s.start(o.bind, o.statusPort);
            out.println("Status: " + url(a) + "/api/status");
            out.flush();
            return s;
        } catch (IOException e) {
            s.close();
            throw new CliException(ExitCode.IO, "status port: " + e.getMessage(), e);
        }
    }

    /** "http://host:port" for an address listened on; a wildcard address is reached through loopback. */
    static String url(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        String host = ip.isAnyLocalAddress() ? "127.0.0.1" : ip.getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + a.getPort();
    }
}
