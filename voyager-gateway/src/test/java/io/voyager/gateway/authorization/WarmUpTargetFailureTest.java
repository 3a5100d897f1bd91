package io.voyager.gateway.authorization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.voyager.gateway.testsupport.GatewayLog;
import io.voyager.gateway.testsupport.JudgedMetrics;
import io.voyager.gateway.testsupport.Payments;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A warm-up whose loopback target cannot start (its port is taken) does not keep the gateway from
 * starting or from being ready: it is logged as a warning naming only the exception type, nothing
 * counts in the judged metrics, and real payments are served as usual.
 */
@QuarkusTest
@TestProfile(WarmUpTargetFailureTest.TakenTargetPort.class)
class WarmUpTargetFailureTest {

    static final Path LOG = Path.of("target", "warm-up-tests", "target-failure.log");

    public static class TakenTargetPort implements QuarkusTestProfile {
        /** Held open for the whole test JVM, so the warm-up's loopback server cannot bind its port. */
        private static ServerSocket taken;

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                if (taken == null) {
                    taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return GatewayLog.to(LOG, Map.of("voyager.warm-up.target-port", String.valueOf(taken.getLocalPort())));
        }
    }

    @Inject
    AuthorizationWarmUp warmUp;

    @Test
    void startsReadyAndServesWithAWarning() throws IOException {
        assertThat(warmUp.state()).isEqualTo(AuthorizationWarmUp.State.FAILED);
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'warm-up' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'warm-up' }.data.state", equalTo("failed"));

        String log = GatewayLog.read(LOG);
        assertThat(log)
                .contains("WARN")
                .contains("Warm-up of the authorization path stopped after 0 made-up "
                        + "authorizations (BindException); readiness does not wait for it");
        assertThat(log)
                .as("no credential of the test configuration in the log")
                .doesNotContain("sk_test_voyager_sandbox")
                .doesNotContain("AQE_voyager_sandbox_key")
                .doesNotContain("TEST-voyager-sandbox-token")
                .doesNotContain("vk_warm_up_")
                .doesNotContain("Bearer");

        assertThat(JudgedMetrics.of(JudgedMetrics.scrape()))
                .allSatisfy((series, value) -> assertThat(value).as(series).isZero());
        Payments.authorize("EUR", "tok_approved").statusCode(201).body("processor", equalTo("adyen"));
    }
}
