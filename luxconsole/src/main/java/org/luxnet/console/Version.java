package org.luxnet.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven stamped into {@code luxconsole-version.properties}. */
public final class Version implements IVersionProvider {
    /** The project version, or "unknown" when run from unpackaged classes without resources. */
    public static String version() {
        try (InputStream in = Version.class.getResourceAsStream("/luxconsole-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"luxconsole " + version() + " (LuxNet)",
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores"};
    }
}
