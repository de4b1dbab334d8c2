package org.luxnet.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.progress.RenderListener;
import org.luxnet.accumulator.progress.RenderStatus;

class RenderEventsTest {
    @Test
    void remembersTheLastLineAndWriteAndPassesEverythingOn() {
        List<String> seen = new ArrayList<>();
        RenderEvents e = new RenderEvents(new RenderListener() {
            @Override
            public void statistics(String line, RenderStatus status) {
                seen.add("line " + line);
            }

            @Override
            public void sourceLines(List<String> lines) {
                seen.add("nodes " + lines);
            }

            @Override
            public void written(List<Path> files, boolean last) {
                seen.add("written " + files + " " + last);
            }

            @Override
            public void writeFailed(Exception ex) {
                seen.add("failed " + ex.getMessage());
            }
        });
        assertEquals("", e.statsLine());
        assertEquals(WriteReport.NONE, e.lastWrite());
        e.statistics("00:00:01 - 1T: 1.00 S/p", null);
        e.sourceLines(List.of("  node a"));
        e.written(List.of(Path.of("a.png"), Path.of("a.exr")), false);
        e.writeFailed(new IOException("disk full"));
        assertEquals("00:00:01 - 1T: 1.00 S/p", e.statsLine());
        assertEquals(new WriteReport(1, List.of("a.png", "a.exr"), false, "disk full"), e.lastWrite());
        e.written(List.of(Path.of("a.png")), true);
        assertEquals(2, e.lastWrite().count());
        assertNull(e.lastWrite().error(), "a successful write clears the error");
        assertEquals(List.of("line 00:00:01 - 1T: 1.00 S/p", "nodes [  node a]", "written [a.png, a.exr] false",
                "failed disk full", "written [a.png] true"), seen);
    }
}
