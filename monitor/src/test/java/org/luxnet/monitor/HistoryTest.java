package org.luxnet.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.luxnet.accumulator.progress.HaltConditions;
import org.luxnet.accumulator.progress.RenderStatus;

class HistoryTest {
    private static RenderStatus status(int second) {
        return new RenderStatus(Duration.ofSeconds(second), 100, 100L * second, 50L * second, 1000 + second,
                second % 2 == 0 ? Double.NaN : 1.0 / second, List.of(), List.of(), HaltConditions.NEVER, "rendering", null);
    }

    @Test
    void keepsTheNewestPointsInOrderAndAnswersOnlyWhatIsNewer() {
        History h = new History(4);
        assertEquals(List.of(), h.since(0));
        for (int s = 1; s <= 6; s++) {
            h.add(status(s));
        }
        List<History.Point> all = h.since(0);
        assertEquals(List.of(3L, 4L, 5L, 6L), all.stream().map(History.Point::seq).toList(), "oldest two dropped");
        History.Point p = all.get(0);
        assertEquals(3.0, p.seconds());
        assertEquals(1003.0, p.samplesPerSecond());
        assertEquals(3.0, p.samplesPerPixel());
        assertEquals(1.0 / 3, p.noise());
        assertEquals(Double.NaN, all.get(1).noise());
        assertEquals(List.of(6L), h.since(5).stream().map(History.Point::seq).toList());
        assertEquals(List.of(), h.since(6));
        assertEquals(List.of(), h.since(1000));
        assertEquals(4, h.since(-7).size());
        assertThrows(IllegalArgumentException.class, () -> new History(0));
    }
}
