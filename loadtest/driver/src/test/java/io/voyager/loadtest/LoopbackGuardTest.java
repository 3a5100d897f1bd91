package io.voyager.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LoopbackGuardTest {

    @Test
    void acceptsLoopbackTargets() {
        assertThat(LoopbackGuard.requireLoopback(URI.create("http://127.0.0.1:8080")))
                .isNotNull();
        assertThat(LoopbackGuard.requireLoopback(URI.create("http://localhost:8080")))
                .isNotNull();
        assertThat(LoopbackGuard.requireLoopback(URI.create("http://[::1]:8080")))
                .isNotNull();
    }

    @Test
    void refusesAnyOtherAddress() {
        assertThatThrownBy(() -> LoopbackGuard.requireLoopback(URI.create("http://10.0.0.1:8080")))
                .hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> LoopbackGuard.requireLoopback(URI.create("http://192.168.1.10")))
                .hasMessageContaining("not a loopback address");
    }
}
