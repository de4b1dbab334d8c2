package org.luxnet.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenes to render: those named on the command line, then those of the list file ({@code -L}),
 * one per line; blank lines and lines starting with {@code #} are skipped, relative names are
 * relative to the list file's directory. {@code -} as the list file reads the list from standard input
 * (names relative to the working directory); {@code -} as a scene reads the scene itself from there.
 */
final class SceneList {
    private SceneList() {
    }

    static List<String> of(List<String> named, String listFile) {
        List<String> all = new ArrayList<>(named);
        if (listFile == null) {
            return all;
        }
        String text;
        Path dir;
        if (listFile.equals("-")) {
            if (named.contains("-")) {
                throw new CliException(ExitCode.USAGE, "standard input cannot hold both the list (-L -) and a scene (-)");
            }
            text = new String(StandardInput.bytes(), StandardCharsets.UTF_8);
            dir = null;
        } else {
            Path file = Path.of(listFile);
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new CliException(ExitCode.IO, "cannot read the list file " + listFile + ": no such file", e);
            } catch (IOException e) {
                throw new CliException(ExitCode.IO, "cannot read the list file " + listFile + ": " + e.getMessage(), e);
            }
            dir = file.toAbsolutePath().getParent();
        }
        for (String line : text.split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            all.add(dir == null || name.equals("-") || Path.of(name).isAbsolute() ? name : dir.resolve(name).normalize().toString());
        }
        if (all.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "the list file " + listFile + " names no scene");
        }
        return all;
    }
}
