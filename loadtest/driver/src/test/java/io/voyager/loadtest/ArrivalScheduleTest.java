package io.voyager.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void plansRateTimesDurationRequestsEvenlySpaced() {
        ArrivalSchedule schedule = new ArrivalSchedule(2_000, Duration.ofSeconds(3));
        assertThat(schedule.totalRequests()).isEqualTo(6_000);
        assertThat(schedule.offsetNanos(0)).isZero();
        assertThat(schedule.offsetNanos(1)).isEqualTo(500_000);
        assertThat(schedule.offsetNanos(2_000)).isEqualTo(1_000_000_000L);
    }

    @Test
    void dueCountFollowsTheClockAndStopsAtTheTotal() {
        ArrivalSchedule schedule = new ArrivalSchedule(1_000, Duration.ofSeconds(1));
        assertThat(schedule.dueBy(0)).isEqualTo(1);
        assertThat(schedule.dueBy(10_000_000L)).isEqualTo(11);
        assertThat(schedule.dueBy(5_000_000_000L)).isEqualTo(1_000);
    }

    @Test
    void refusesUnboundedOrEmptyRuns() {
        assertThatThrownBy(() -> new ArrivalSchedule(0, Duration.ofSeconds(1))).hasMessageContaining("rate");
        assertThatThrownBy(() -> new ArrivalSchedule(1e9, Duration.ofSeconds(1)))
                .hasMessageContaining("rate");
        assertThatThrownBy(() -> new ArrivalSchedule(10, Duration.ofDays(2))).hasMessageContaining("duration");
        assertThatThrownBy(() -> new ArrivalSchedule(10, Duration.ZERO)).hasMessageContaining("duration");
    }
}
