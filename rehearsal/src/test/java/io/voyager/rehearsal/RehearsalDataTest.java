package io.voyager.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RehearsalDataTest {

    @TempDir
    Path dir;

    @Test
    void putsDriverSecondsAndControllerEventsOnTheCanaryClock() throws Exception {
        Path csv = dir.resolve("driver.csv");
        Files.writeString(csv, """
                start_ms,target,requests,succeeded,failed,p99_ms
                100000,0,90,90,0,40.0
                100000,1,90,89,1,41.0
                100000,2,20,15,5,45.0
                101000,0,95,95,0,40.0
                101000,1,95,95,0,40.0
                101000,2,0,0,0,0.0
                """);
        Path jsonl = dir.resolve("timeline.jsonl");
        Files.writeString(jsonl, """
                {"event":"weight","weight":5,"t":0.0,"wallMs":100000}
                {"event":"measurement","run":"background","metric":"canary-vs-stable","phase":"Failed","t":0.9,"wallMs":100900}
                {"event":"weight","weight":0,"t":1.0,"wallMs":101000}
                """);

        RehearsalData data = RehearsalData.read(csv, jsonl);

        assertThat(data.canary()).hasSize(1);
        assertThat(data.canary().get(0).rate()).isCloseTo(0.75, within(1e-9));
        assertThat(data.stable()).hasSize(2);
        assertThat(data.stable().get(0).rate())
                .as("two stable instances summed")
                .isCloseTo(179 / 180.0, within(1e-9));
        assertThat(data.stable().get(1).seconds()).isEqualTo(1.0);
        assertThat(data.weights()).extracting(RehearsalData.WeightPoint::weight).containsExactly(5, 0);
        assertThat(data.measurements())
                .singleElement()
                .extracting(RehearsalData.MeasurementMark::phase)
                .isEqualTo("Failed");

        BufferedImage chart = RehearsalChart.draw("test", data);
        assertThat(chart.getWidth()).isEqualTo(RehearsalChart.WIDTH);
    }
}
