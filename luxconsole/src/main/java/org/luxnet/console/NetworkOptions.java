package org.luxnet.console;

import java.util.ArrayList;
import java.util.List;
import org.luxnet.bridge.protocol.Protocol;
import org.luxnet.bridge.server.ConnectionLimits;
import picocli.CommandLine.Option;

/** Options of the network modes: render server ({@code -s}) and client ({@code -u}); a picocli mixin. */
public final class NetworkOptions {
    @Option(names = {"-s", "--server"}, description = "Run as a headless render server and wait for clients.")
    boolean server;

    @Option(names = {"-p", "--serverport"}, paramLabel = "PORT",
            description = "Server mode: TCP port to listen on (default: ${DEFAULT-VALUE}).")
    int port = Protocol.DEFAULT_PORT;

    @Option(names = {"-P", "--password"}, paramLabel = "P", description = "Shared password of client and servers "
            + "(default: the LUXNET_PASSWORD environment variable; none when unset).")
    String password;

    @Option(names = {"-c", "--cachedir", "--cache-dir"}, paramLabel = "DIR",
            description = "Server mode: where received scene files are cached by hash (default: $XDG_CACHE_HOME/luxnet or ~/.cache/luxnet, created private to the user).")
    String cacheDir;

    @Option(names = {"-W", "--serverwriteflm"},
            description = "Server mode: write the session's film (everything delivered) to DIR/<node>.flm before each transmission.")
    boolean serverWriteFlm;

    @Option(names = "--resetserver", paramLabel = "HOST:PORT",
            description = "LuxRender's server reset: not supported (a server frees itself when its client stops or after --lease).")
    List<String> resetServers = new ArrayList<>();

    @Option(names = "--lease", paramLabel = "SECONDS",
            description = "Server mode: stop a session whose client is silent this long (default: ${DEFAULT-VALUE}).")
    double leaseSeconds = 60;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Server mode: keep at most N connections open (default: ${DEFAULT-VALUE}).")
    int maxConnections = ConnectionLimits.DEFAULT.total();

    @Option(names = "--max-connections-per-host", paramLabel = "N",
            description = "Server mode: keep at most N connections from one address open (default: ${DEFAULT-VALUE}).")
    int maxConnectionsPerHost = ConnectionLimits.DEFAULT.perPeer();

    @Option(names = {"-u", "--useserver"}, paramLabel = "HOST:PORT",
            description = "Client mode: render also on this server (repeatable; the port defaults to 18018).")
    List<String> servers = new ArrayList<>();

    @Option(names = {"-i", "--serverinterval"}, paramLabel = "SECONDS",
            description = "Client mode: collect each server's samples this often (default: ${DEFAULT-VALUE}).")
    double uploadInterval = 10;

    @Option(names = "--node-passes", paramLabel = "N",
            description = "Client mode: every node (this machine and each server) renders N passes, then stops "
                    + "(default: no limit); with the same seed and nodes the image is then the same every time.")
    long nodePasses;

    @Option(names = "--errors-avoid-host", paramLabel = "N",
            description = "Client mode: put a server aside after N errors (error replies, protocol violations, "
                    + "connections that break before its session starts), each within the forgive time of the last "
                    + "(0: never; default: ${DEFAULT-VALUE}).")
    int errorsAvoidHost = 3;

    @Option(names = "--errors-forgive-time", paramLabel = "SECONDS",
            description = "Client mode: how long a server's error counts, and how long it first stays aside; each "
                    + "time it is put aside again without rendering in between, twice as long (default: ${DEFAULT-VALUE}).")
    double errorsForgiveSeconds = 60;

    @Option(names = "--listen", paramLabel = "PORT",
            description = "Client mode: also take servers that dial in (started with -s --join HOST:PORT) on this "
                    + "TCP port; they join and leave as the render goes.")
    Integer listen;

    @Option(names = "--join", paramLabel = "HOST:PORT",
            description = "Server mode: dial out to a client started with --listen PORT (for servers behind NAT or in "
                    + "pods), and dial again whenever the connection breaks.")
    String join;
}
