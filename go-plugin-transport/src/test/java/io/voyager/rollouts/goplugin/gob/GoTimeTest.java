package io.voyager.rollouts.goplugin.gob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GoTimeTest {

    private static final Instant T = Instant.parse("2024-01-02T03:04:05.000000006Z");

    @Test
    void utcTimeUsesVersionOneAndMinusOneOffset() {
        byte[] go = Bytes.of("01 00 00 00 0e dd 25 74 25 00 00 00 06 ff ff");

        assertThat(GoTime.utc(T).toBinary()).isEqualTo(go);
        assertThat(GoTime.marshalBinary(T, -1)).isEqualTo(go);
        assertThat(GoTime.fromBinary(go)).isEqualTo(GoTime.utc(T));
    }

    @Test
    void fixedZoneCarriesItsOffsetInMinutes() {
        byte[] go = Bytes.of("01 00 00 00 0e dd 25 74 25 00 00 00 06 00 78");

        assertThat(GoTime.at(T, ZoneOffset.ofHours(2)).toBinary()).isEqualTo(go);
        assertThat(GoTime.marshalBinary(T, 120)).isEqualTo(go);
        assertThat(GoTime.fromBinary(go).toOffsetDateTime().toString())
                .isEqualTo("2024-01-02T05:04:05.000000006+02:00");
    }

    @Test
    void localZoneAtUtcIsNotTheUtcLocation() {
        GoTime local = GoTime.fromBinary(Bytes.of("01 00 00 00 0e dd 25 74 25 00 00 00 00 00 00"));

        assertThat(local.utc()).isFalse();
        assertThat(local.offsetSeconds()).isZero();
        assertThat(local.instant()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    }

    @Test
    void offsetWithSecondsUsesVersionTwo() {
        GoTime odd = GoTime.at(T, ZoneOffset.ofTotalSeconds(-(3600 + 30)));
        byte[] binary = odd.toBinary();

        assertThat(binary).hasSize(16);
        assertThat(binary[0]).isEqualTo((byte) 2);
        assertThat(GoTime.fromBinary(binary)).isEqualTo(odd);
    }

    @Test
    void rejectsWhatGoRejects() {
        assertThatThrownBy(() -> GoTime.fromBinary(new byte[0])).isInstanceOf(GobException.class);
        assertThatThrownBy(() -> GoTime.fromBinary(Bytes.of("03 00 00 00 0e dd 25 74 25 00 00 00 06 ff ff")))
                .isInstanceOf(GobException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> GoTime.fromBinary(Bytes.of("01 00 00 00 0e dd 25 74 25 00 00 00 06 ff")))
                .isInstanceOf(GobException.class)
                .hasMessageContaining("length");
        assertThatThrownBy(() -> GoTime.fromBinary(Bytes.of("02 00 00 00 0e dd 25 74 25 00 00 00 06 ff ff")))
                .isInstanceOf(GobException.class)
                .hasMessageContaining("length");
        assertThatThrownBy(() -> GoTime.at(T, ZoneOffset.ofTotalSeconds(-90)).toBinary())
                .isInstanceOf(GobException.class)
                .hasMessageContaining("offset");
    }

    @Test
    void secondsBeyondJavaRangeAreAnError() {
        assertThatThrownBy(() -> GoTime.fromBinary(Bytes.of("01 7f ff ff ff ff ff ff ff 00 00 00 00 ff ff")))
                .isInstanceOf(GobException.class);
    }
}
