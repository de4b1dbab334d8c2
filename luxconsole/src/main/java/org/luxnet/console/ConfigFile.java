package org.luxnet.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * LuxRender's configuration file ({@code -C FILE}, by default {@code luxconsole.cfg} in the working
 * directory when it exists), read as boost's {@code parse_config_file} reads it: one {@code name =
 * value} per line with the options' long names, {@code #} comments, a switch as {@code name} or
 * {@code name = 1}. Its options are put before the command line's, so the command line wins, and
 * repeatable ones ({@code useserver}) add up.
 */
final class ConfigFile {
    /** The file read when {@code -C} is not given, if it exists. */
    static final String DEFAULT = "luxconsole.cfg";
    private static final Set<String> COMMAND_LINE_ONLY = Set.of("help", "version", "configfile", "list-devices");

    private ConfigFile() {
    }

    /** {@code args} after the options of the configuration file they name (or the default one). */
    static String[] prepend(CommandSpec spec, String[] args) {
        String named = named(args);
        Path file = Path.of(named != null ? named : DEFAULT);
        if (named == null && !Files.isRegularFile(file)) {
            return args;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCode.IO, "cannot read the configuration file " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), e);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            line = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!line.isEmpty()) {
                option(spec, line, file + ":" + (i + 1), out);
            }
        }
        out.addAll(Arrays.asList(args));
        return out.toArray(String[]::new);
    }

    private static void option(CommandSpec spec, String line, String where, List<String> out) {
        int eq = line.indexOf('=');
        String name = (eq < 0 ? line : line.substring(0, eq)).strip();
        String value = eq < 0 ? "" : line.substring(eq + 1).strip();
        OptionSpec opt = find(spec, name);
        if (opt == null || COMMAND_LINE_ONLY.contains(name)) {
            throw new CliException(ExitCode.USAGE, where + ": " + (opt == null ? "unknown option '" + name + "'"
                    : "option '" + name + "' is for the command line only") + " (a configuration file uses the long names: threads = 4)");
        }
        String longName = "--" + name;
        if (opt.arity().max() == 0) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "", "1", "true", "yes", "on" -> out.add(longName);
                case "0", "false", "no", "off" -> { }
                default -> throw new CliException(ExitCode.USAGE, where + ": '" + name + "' is a switch: write "
                        + name + " or " + name + " = 1, not '" + value + "'");
            }
        } else {
            if (value.isEmpty()) {
                throw new CliException(ExitCode.USAGE, where + ": option '" + name + "' needs a value (" + name + " = ...)");
            }
            out.add(longName);
            out.add(value);
        }
    }

    private static OptionSpec find(CommandSpec spec, String name) {
        for (OptionSpec o : spec.options()) {
            for (String n : o.names()) {
                if (n.startsWith("--") && n.substring(2).equals(name)) {
                    return o;
                }
            }
        }
        return null;
    }

    /** The file {@code -C}/{@code --configfile} names in {@code args}, or null. */
    private static String named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            if ((a.equals("-C") || a.equals("--configfile")) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (a.startsWith("--configfile=")) {
                return a.substring("--configfile=".length());
            }
            if (a.startsWith("-C") && a.length() > 2) {
                return a.substring(a.charAt(2) == '=' ? 3 : 2);
            }
        }
        return null;
    }
}
