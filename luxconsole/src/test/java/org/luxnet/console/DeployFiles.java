package org.luxnet.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minimal readers for the deployment files under {@code deploy/}: the block-style YAML subset the
 * manifests use (documents, nested keys, list items, flow lists of strings on one line) and systemd's
 * INI format. Each reader fails, naming file and line, on what it does not understand.
 */
final class DeployFiles {
    static final Path DIR = Path.of("..", "deploy");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private DeployFiles() {
    }

    /** Per YAML document, each key's dotted path (list items not counted) to the values it has, in order. */
    static List<Map<String, List<String>>> yaml(Path file) throws IOException {
        List<Map<String, List<String>>> docs = new ArrayList<>();
        Map<String, List<String>> doc = new LinkedHashMap<>();
        Deque<Object[]> open = new ArrayDeque<>(); // {indent, path}
        List<String> lines = Files.readAllLines(file);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n), where = file + ":" + (n + 1);
            String t = line.strip();
            if (t.equals("---")) {
                docs.add(doc);
                doc = new LinkedHashMap<>();
                open.clear();
                continue;
            }
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            assertFalse(line.contains("\t"), where + ": a tab in YAML indentation");
            int indent = line.length() - line.stripLeading().length();
            String body = line.substring(indent);
            if (body.startsWith("- ")) {
                indent += 2;
                body = body.substring(2);
            }
            int colon = body.indexOf(':');
            assertTrue(colon > 0 && (colon == body.length() - 1 || body.charAt(colon + 1) == ' '),
                    where + ": not a key: value line: " + line);
            String key = body.substring(0, colon), value = body.substring(colon + 1).strip();
            assertTrue(key.matches("[A-Za-z0-9_.-]+"), where + ": odd key " + key);
            while (!open.isEmpty() && (int) open.peek()[0] >= indent) {
                open.pop();
            }
            String path = open.isEmpty() ? key : open.peek()[1] + "." + key;
            doc.computeIfAbsent(path, k -> new ArrayList<>()).add(value);
            if (value.isEmpty()) {
                open.push(new Object[] {indent, path});
            }
        }
        docs.add(doc);
        return docs;
    }

    /** The strings of a one-line flow list such as {@code ["-s", "-p", "18018"]}. */
    static List<String> flowList(String value) {
        assertTrue(value.startsWith("[") && value.endsWith("]"), "not a flow list: " + value);
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(value);
        while (m.find()) {
            out.add(m.group(1).replace("\\\"", "\""));
        }
        return out;
    }

    /** systemd's unit file: section to key to value (a repeated key keeps its last value). */
    static Map<String, Map<String, String>> ini(Path file) throws IOException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> section = null;
        List<String> lines = Files.readAllLines(file);
        for (int n = 0; n < lines.size(); n++) {
            String t = lines.get(n).strip(), where = file + ":" + (n + 1);
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            if (t.startsWith("[")) {
                assertTrue(t.endsWith("]"), where + ": bad section header");
                section = sections.computeIfAbsent(t.substring(1, t.length() - 1), k -> new LinkedHashMap<>());
                continue;
            }
            assertTrue(section != null, where + ": a setting before any section");
            int eq = t.indexOf('=');
            assertTrue(eq > 0, where + ": not Key=Value: " + t);
            section.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
        }
        return sections;
    }

    /** The words after {@code luxconsole.jar} in a command line. */
    static List<String> afterJar(String commandLine) {
        List<String> words = List.of(commandLine.strip().split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).endsWith("luxconsole.jar")) {
                return words.subList(i + 1, words.size());
            }
        }
        throw new AssertionError("no luxconsole.jar in: " + commandLine);
    }
}
