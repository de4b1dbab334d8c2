package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The files under {@code deploy/} are well formed and every luxconsole command line in them is one
 * luxconsole's own parser accepts: no unknown option, no bad value.
 */
class DeployFilesTest {

    /** Parses {@code args} as luxconsole does; an unknown option or bad value fails the test. */
    static ParseResult parse(String where, List<String> args) {
        try {
            return LuxConsole.commandLine().parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError(where + ": luxconsole " + String.join(" ", args) + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, List<String>> kind(List<Map<String, List<String>>> docs, String kind) {
        return docs.stream().filter(d -> List.of(kind).equals(d.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + docs));
    }

    private static String one(Map<String, List<String>> doc, String path) {
        List<String> v = doc.get(path);
        assertTrue(v != null && v.size() == 1, path + " once in " + doc);
        return v.get(0);
    }

    @Test
    void theIndexedJobRendersChunkIndexOfItsCompletionsIntoTheSharedVolume() throws Exception {
        var docs = DeployFiles.yaml(DeployFiles.DIR.resolve("k8s/chunk-job.yaml"));
        var pvc = kind(docs, "PersistentVolumeClaim");
        var job = kind(docs, "Job");
        assertEquals("batch/v1", one(job, "apiVersion"));
        assertEquals("Indexed", one(job, "spec.completionMode"));
        int completions = Integer.parseInt(one(job, "spec.completions"));
        assertEquals("Never", one(job, "spec.template.spec.restartPolicy"));
        assertEquals(one(pvc, "metadata.name"), one(job, "spec.template.spec.volumes.persistentVolumeClaim.claimName"));
        List<String> args = DeployFiles.flowList(one(job, "spec.template.spec.containers.args"));
        for (int index : new int[] {0, completions - 1}) {
            List<String> expanded = args.stream().map(a -> a.replace("$(JOB_COMPLETION_INDEX)", Integer.toString(index))).toList();
            ParseResult r = parse("chunk-job.yaml", expanded);
            Chunk c = r.matchedOptionValue("--chunk", null);
            assertEquals(new Chunk(index, completions), c, "--chunk I/N with N = completions");
            assertTrue(r.hasMatchedOption("--write-flm") && r.hasMatchedOption("--halt-spp"), expanded.toString());
            assertTrue(r.matchedOptionValue("-o", "").startsWith("/frames/"), "writes to the shared volume");
        }
    }

    @Test
    void theMergeJobMergesThePartsOnTheSharedVolume() throws Exception {
        var job = kind(DeployFiles.yaml(DeployFiles.DIR.resolve("k8s/merge-job.yaml")), "Job");
        assertEquals(List.of("sh", "-c"), DeployFiles.flowList(one(job, "spec.template.spec.containers.command")));
        String script = DeployFiles.flowList(one(job, "spec.template.spec.containers.args")).get(0);
        ParseResult r = parse("merge-job.yaml", DeployFiles.afterJar(script));
        assertTrue(r.hasSubcommand(), script);
        assertEquals("merge", r.subcommand().commandSpec().name());
        assertEquals(List.of(Path.of("/frames/out/part-*.flm")), r.subcommand().matchedPositional(0).getValue());
    }

    @Test
    void renderServersHaveProbesOnTheirStatusPortAndAServiceSelectsThem() throws Exception {
        var docs = DeployFiles.yaml(DeployFiles.DIR.resolve("k8s/render-servers.yaml"));
        var dep = kind(docs, "Deployment");
        var svc = kind(docs, "Service");
        String c = "spec.template.spec.containers.";
        ParseResult r = parse("render-servers.yaml", DeployFiles.flowList(one(dep, c + "args")));
        assertTrue(r.hasMatchedOption("-s"), "server mode");
        String statusPort = r.matchedOptionValue("--status-port", 0).toString();
        assertEquals("0.0.0.0", r.matchedOptionValue("--monitor-bind", ""), "probes come from outside the pod");
        List<String> names = dep.get(c + "ports.name"), ports = dep.get(c + "ports.containerPort");
        assertEquals(statusPort, ports.get(names.indexOf("status")));
        assertEquals(r.matchedOptionValue("-p", 0).toString(), ports.get(names.indexOf("render")));
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            assertEquals("/healthz", one(dep, c + probe + ".httpGet.path"), "probes ask the health route");
            assertEquals("status", one(dep, c + probe + ".httpGet.port"));
        }
        assertEquals(one(dep, "spec.template.metadata.labels.app"), one(svc, "spec.selector.app"));
        assertEquals(one(dep, "spec.selector.matchLabels.app"), one(svc, "spec.selector.app"));
        assertEquals(List.of("render", "status"), svc.get("spec.ports.targetPort"));
    }

    @Test
    void theSystemdUnitRestartsAFailedServer() throws Exception {
        var unit = DeployFiles.ini(DeployFiles.DIR.resolve("systemd/luxnet-server.service"));
        assertEquals(List.of("Unit", "Service", "Install"), List.copyOf(unit.keySet()));
        Map<String, String> service = unit.get("Service");
        assertEquals("on-failure", service.get("Restart"));
        ParseResult r = parse("luxnet-server.service", DeployFiles.afterJar(service.get("ExecStart")));
        assertTrue(r.hasMatchedOption("-s") && r.hasMatchedOption("--status-port"), service.get("ExecStart"));
        assertTrue(service.get("ExecStart").startsWith("/"), "systemd needs an absolute ExecStart");
        assertEquals("multi-user.target", unit.get("Install").get("WantedBy"));
    }

    @Test
    void theImageIsATemurinJreRunningTheBuiltJar() throws Exception {
        List<String> lines = Files.readAllLines(DeployFiles.DIR.resolve("Dockerfile")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals("FROM eclipse-temurin:17-jre", lines.get(0));
        String copy = lines.stream().filter(l -> l.startsWith("COPY ")).findFirst().orElseThrow();
        String jar = copy.split("\\s+")[1];
        assertEquals(Path.of("luxconsole", "target", "luxconsole.jar"), Path.of(jar), "the jar mvn package builds");
        String entry = lines.stream().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        List<String> cmd = DeployFiles.flowList(entry.substring("ENTRYPOINT ".length()));
        assertEquals("java", cmd.get(0));
        assertEquals(copy.split("\\s+")[2], cmd.get(cmd.size() - 1), "runs the jar it copied");
    }
}
