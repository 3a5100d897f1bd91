package io.voyager.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TargetTimelineTest {

    private final StringWriter out = new StringWriter();
    private final TargetTimeline timeline = new TargetTimeline(2, 1_000, out);

    @Test
    void writesOneLinePerTargetForEachFinishedInterval() {
        timeline.record(0, true, 20_000_000, 5_000);
        timeline.record(0, false, 30_000_000, 5_400);
        timeline.record(1, true, 10_000_000, 5_999);

        timeline.flush(6_000);

        assertThat(out.toString().lines())
                .containsExactly(TargetTimeline.HEADER, "5000,0,2,1,1,30.0", "5000,1,1,1,0,10.0");
    }

    @Test
    void holdsBackTheIntervalStillGoingOn() {
        timeline.record(0, true, 20_000_000, 5_000);
        timeline.record(0, true, 20_000_000, 6_100);

        timeline.flush(6_500);

        assertThat(out.toString().lines())
                .containsExactly(TargetTimeline.HEADER, "5000,0,1,1,0,20.0", "5000,1,0,0,0,0.0");
    }

    @Test
    void writesEachIntervalOnlyOnce() {
        timeline.record(1, false, 5_000_000, 7_200);

        timeline.flush(8_000);
        timeline.flush(9_000);

        assertThat(out.toString().lines()).hasSize(3);
    }

    @Test
    void reportsTheSlowestPercentOfAnInterval() {
        for (int i = 1; i <= 100; i++) {
            timeline.record(0, true, i * 1_000_000L, 1_000);
        }

        timeline.flush(2_000);

        // p99 of 1..100 ms is 99 ms, within the histogram's 3 significant digits.
        String line = out.toString().lines().skip(1).findFirst().orElseThrow();
        double p99 = Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
        assertThat(p99).isCloseTo(99.0, org.assertj.core.data.Offset.offset(1.0));
    }
}
