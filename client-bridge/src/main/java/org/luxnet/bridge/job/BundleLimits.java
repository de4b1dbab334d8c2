package org.luxnet.bridge.job;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luxnet.bridge.protocol.Bytes;
import org.luxnet.bridge.protocol.ErrorCode;
import org.luxnet.bridge.protocol.LogText;

/**
 * What a server accepts from a client's scene manifest, checked before a byte of any file is
 * accepted: the server holds a bundle in memory to parse it, so these bound its memory and disk use.
 *
 * @param maxEntries    most files in one scene
 * @param maxFileBytes  largest single file
 * @param maxTotalBytes largest sum of all files' sizes, a file listed under several names counted for each
 */
public record BundleLimits(int maxEntries, long maxFileBytes, long maxTotalBytes) {
    /** 4,096 files, 512 MiB per file, 1 GiB in all. */
    public static final BundleLimits DEFAULT = new BundleLimits(4096, 512L << 20, 1L << 30);

    /** Checks that every limit is positive. */
    public BundleLimits {
        if (maxEntries <= 0 || maxFileBytes <= 0 || maxTotalBytes <= 0) {
            throw new IllegalArgumentException("bundle limits must be positive: " + maxEntries + " files, "
                    + maxFileBytes + " bytes per file, " + maxTotalBytes + " bytes in all");
        }
    }

    /**
     * Checks a manifest: within the limits, names unique, the main file listed, one size per hash.
     *
     * @throws JobException with code LIMITS or PROTOCOL saying which entry is wrong
     */
    public void check(String mainFile, List<ManifestEntry> manifest) throws JobException {
        if (manifest.size() > maxEntries) {
            throw new JobException(ErrorCode.LIMITS, "the scene has " + manifest.size() + " files, this server accepts "
                    + maxEntries);
        }
        long total = 0;
        Set<String> names = new HashSet<>();
        Map<Bytes, Long> sizes = new HashMap<>();
        for (ManifestEntry e : manifest) {
            if (!names.add(e.name())) {
                throw new JobException(ErrorCode.PROTOCOL, "the manifest lists '" + LogText.of(e.name()) + "' twice");
            }
            if (e.size() > maxFileBytes) {
                throw new JobException(ErrorCode.LIMITS, "'" + LogText.of(e.name()) + "' has " + e.size()
                        + " bytes, this server accepts files of at most " + maxFileBytes);
            }
            Long other = sizes.putIfAbsent(e.sha256(), e.size());
            if (other != null && other != e.size()) {
                throw new JobException(ErrorCode.PROTOCOL, "the manifest gives hash " + e.sha256().hex()
                        + " two sizes (" + other + " and " + e.size() + ")");
            }
            // Every name counts, even for content listed before: the server hands the renderer a
            // file per name, and a manifest must not multiply what it may ask for by repeating one.
            total += e.size();
        }
        if (total > maxTotalBytes) {
            throw new JobException(ErrorCode.LIMITS, "the scene's files total " + total
                    + " bytes (counted per name), this server accepts at most " + maxTotalBytes);
        }
        if (!names.contains(mainFile)) {
            throw new JobException(ErrorCode.PROTOCOL, "the scene file '" + LogText.of(mainFile) + "' is not in the manifest");
        }
    }
}
