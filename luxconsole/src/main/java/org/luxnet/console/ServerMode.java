package org.luxnet.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.luxnet.bridge.auth.PasswordProof;
import org.luxnet.bridge.job.BundleLimits;
import org.luxnet.monitor.MonitorServer;
import org.luxnet.bridge.client.NodeAddress;
import org.luxnet.bridge.server.RenderServer;
import org.luxnet.bridge.server.CacheDirs;
import org.luxnet.bridge.server.ConnectionLimits;
import org.luxnet.bridge.server.ServerConfig;

/**
 * {@code luxconsole -s}: a headless render server. Waits for a client, renders its session's frame
 * on this machine's CPU threads, logs the statistics line while rendering, and is idle again when
 * the session ends or its client falls silent past the lease. Runs until interrupted (Ctrl-C).
 */
final class ServerMode {
    private final RenderOptions o;
    private final NetworkOptions net;
    private final GpuOptions gpu;
    private final MonitorOptions mon;
    private final PrintWriter out, err;

    ServerMode(RenderOptions options, NetworkOptions net, GpuOptions gpu, MonitorOptions monitor, PrintWriter out,
               PrintWriter err) {
        this.o = options;
        this.net = net;
        this.gpu = gpu;
        this.mon = monitor;
        this.out = out;
        this.err = err;
    }

    private ConnectionLimits connectionLimits() {
        try {
            return new ConnectionLimits(net.maxConnections, net.maxConnectionsPerHost);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--max-connections " + net.maxConnections
                    + " and --max-connections-per-host " + net.maxConnectionsPerHost + ": both must be positive, the "
                    + "second at most the first");
        }
    }

    int run() {
        int cpuThreads = gpu.cpuThreads(o.threads);
        if (net.port < 0 || net.port > 65535) {
            throw new CliException(ExitCode.USAGE, "--serverport must be 0..65535, got " + net.port);
        }
        if (!(net.leaseSeconds > 0) || !(o.statsInterval > 0)) {
            throw new CliException(ExitCode.USAGE, "--lease and --stats-interval must be positive");
        }
        mon.checkForServer();
        ConnectionLimits connections = connectionLimits();
        // The OpenCL probe only once the command line is known to be good.
        var device = gpu.select(err);
        if (cpuThreads < 1 && device == null) {
            throw new CliException(ExitCode.USAGE, "--threads " + o.threads + " and no GPU leave a server nothing to render on");
        }
        Path cache = net.cacheDir != null ? Path.of(net.cacheDir)
                : CacheDirs.defaultDir(System.getenv(), System.getProperty("user.home"));
        ServerConfig config = new ServerConfig(null, net.port, PasswordProof.resolve(net.password), cache, 4L << 30,
                BundleLimits.DEFAULT, Render.seconds(net.leaseSeconds), Render.seconds(o.statsInterval),
                hostName() + ":" + net.port, connections);
        CountDownLatch stop = new CountDownLatch(1), finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                if (finished.await(10, TimeUnit.SECONDS)) {
                    SignalExit.haltWithCommandResult(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "luxconsole-server-interrupt");
        try (LogBridge logs = LogBridge.install(out, err, o.logLevel());
             RenderServer server = new RenderServer(config, new SessionBackend(cpuThreads, device, net.serverWriteFlm ? cache : null))) {
            server.start();
            if (net.join != null) {
                NodeAddress client;
                try {
                    client = NodeAddress.parse(net.join);
                } catch (IllegalArgumentException e) {
                    throw new CliException(ExitCode.USAGE, "--join " + net.join + ": " + e.getMessage(), e);
                }
                server.join(client.host(), client.port());
            }
            // Idle until a client comes: meanwhile load and compile the renderer's hot code.
            ServerWarmUp.start(Math.max(1, cpuThreads));
            out.println("Render server " + config.serverId() + " on port " + server.port() + " rendering on "
                    + Render.describeDevices(cpuThreads, GpuOptions.devices(device)) + ": waiting for a client (Ctrl-C stops)");
            out.flush();
            try (MonitorServer status = Monitors.status(mon, server, out)) {
                Runtime.getRuntime().addShutdownHook(hook);
                stop.await();
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.IO, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // Shutting down (the hook runs and waits for us) or never added.
            }
        }
        out.println("Render server stopped");
        out.flush();
        return ExitCode.OK;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "luxnet-server";
        }
    }
}
