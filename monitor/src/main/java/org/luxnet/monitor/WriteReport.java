package org.luxnet.monitor;

import java.util.List;

/**
 * What the render's image writes have done so far.
 *
 * @param count   successful writes so far
 * @param files   the files of the last successful write
 * @param last    true when that write was the final one of the render
 * @param error   the message of the last write, when it failed; null when it succeeded
 */
public record WriteReport(int count, List<String> files, boolean last, String error) {
    /** No write yet. */
    public static final WriteReport NONE = new WriteReport(0, List.of(), false, null);

    /** Copies the file list so the report is immutable. */
    public WriteReport {
        files = List.copyOf(files);
    }
}
