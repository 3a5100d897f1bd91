package io.voyager.gateway.authorization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.testsupport.GatewayLog;
import io.voyager.gateway.testsupport.JudgedMetrics;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Processor credentials that cannot be loaded (the secrets store does not answer) do not stop the
 * start or the warm-up, which never uses real credentials: it goes through every adapter all the
 * same, readiness is DOWN for the credentials alone, and no secret reaches the log.
 */
@QuarkusTest
@TestProfile(WarmUpWithoutCredentialsTest.UnreachableSecretsStore.class)
class WarmUpWithoutCredentialsTest {

    static final Path LOG = Path.of("target", "warm-up-tests", "without-credentials.log");
    private static final String AWS_SECRET = "warmUpTestSecretAccessKey0001";

    public static class UnreachableSecretsStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int closed;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                closed = socket.getLocalPort(); // closed again before the gateway starts: connections are refused
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return GatewayLog.to(
                    LOG,
                    Map.of(
                            "voyager.credentials.source",
                            "secrets-manager",
                            "quarkus.secretsmanager.endpoint-override",
                            "http://127.0.0.1:" + closed,
                            "quarkus.secretsmanager.aws.region",
                            "us-east-1",
                            "quarkus.secretsmanager.aws.credentials.type",
                            "static",
                            "quarkus.secretsmanager.aws.credentials.static-provider.access-key-id",
                            "warm-up-test",
                            "quarkus.secretsmanager.aws.credentials.static-provider.secret-access-key",
                            AWS_SECRET));
        }
    }

    @Inject
    AuthorizationWarmUp warmUp;

    @Test
    void warmsUpEveryAdapterAndIsNotReadyForTheCredentialsAlone() throws IOException {
        assertThat(warmUp.state()).isEqualTo(AuthorizationWarmUp.State.DONE);
        Map<String, Long> answers = warmUp.summary().orElseThrow().answers();
        for (ProcessorId id : ProcessorId.values()) {
            assertThat(answers).containsKey(id.label() + " authorized").containsKey(id.label() + " declined");
        }
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'warm-up' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'warm-up' }.data.state", equalTo("done"))
                .body("checks.find { it.name == 'credentials' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'credentials' }.data.stripe", equalTo("missing"));

        String log = GatewayLog.read(LOG);
        assertThat(log)
                .contains("credentials from")
                .contains("not available yet")
                .contains("Authorization path warmed up in");
        assertThat(log)
                .doesNotContain(AWS_SECRET)
                .doesNotContain("sk_test_voyager_sandbox")
                .doesNotContain("vk_warm_up_")
                .doesNotContain("Bearer");
        assertThat(JudgedMetrics.of(JudgedMetrics.scrape()))
                .allSatisfy((series, value) -> assertThat(value).as(series).isZero());
    }
}
