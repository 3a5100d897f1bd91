package io.voyager.gateway.authorization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.sandbox.SandboxServers;
import io.voyager.gateway.testsupport.HeldWarmUp;
import io.voyager.gateway.testsupport.JudgedMetrics;
import io.voyager.gateway.testsupport.Payments;
import io.voyager.gateway.testsupport.ReadyGateway;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The start-up warm-up as a pod shows it: readiness DOWN (liveness and start-up UP) while it runs,
 * UP once it is over; afterwards not one authorization in the series the canary judge reads and
 * not one call to a processor, although made-up authorizations, approved and declined, went
 * through every adapter; then one real authorization is counted exactly once. The warm-up is held
 * before its first request ({@link HeldWarmUp}) until the first test has looked.
 */
@QuarkusTest
@TestProfile(WarmUpBeforeReadinessTest.HeldProfile.class)
@ReadyGateway.WatchesWarmUp
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarmUpBeforeReadinessTest {

    private static final int REQUESTS = 600;

    public static class HeldProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    HeldWarmUp.PROPERTY,
                    "true",
                    "voyager.warm-up.requests",
                    String.valueOf(REQUESTS),
                    // Roomy: a held warm-up must not reach its budget while the test looks.
                    "voyager.warm-up.max-duration",
                    "5m");
        }
    }

    @Inject
    AuthorizationWarmUp warmUp;

    @Inject
    HeldWarmUp held;

    @Inject
    SandboxServers sandbox;

    @Test
    @Order(1)
    void readyOnlyOnceTheWarmUpIsOver() throws InterruptedException {
        ReadyGateway.await("the warm-up's first request", () -> held.reached() || warmUp.over());
        assertThat(warmUp.state()).as("held before its first request").isEqualTo(AuthorizationWarmUp.State.RUNNING);

        Response whileRunning = given().when().get("/q/health/ready");
        assertThat(whileRunning.statusCode()).as(whileRunning.asString()).isEqualTo(503);
        assertThat(check(whileRunning.jsonPath(), "status")).isEqualTo("DOWN");
        assertThat(check(whileRunning.jsonPath(), "data.state")).isEqualTo("running");
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));

        held.release();
        ReadyGateway.await(
                "readiness UP", () -> given().when().get("/q/health/ready").statusCode() == 200);
        JsonPath ready = given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(check(ready, "status")).isEqualTo("UP");
        assertThat(check(ready, "data.state")).isEqualTo("done");
        assertThat(ready.getInt("checks.find { it.name == 'warm-up' }.data.requests"))
                .isEqualTo(REQUESTS);
    }

    @Test
    @Order(2)
    void leavesNoTraceInWhatTheJudgeReads() {
        assertThat(warmUp.state()).isEqualTo(AuthorizationWarmUp.State.DONE);
        AuthorizationWarmUp.Summary summary = warmUp.summary().orElseThrow();
        assertThat(summary.sent()).isEqualTo(REQUESTS);
        assertThat(summary.answers().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("every made-up authorization answered 201 by the lane: %s", summary.answers())
                .isEqualTo(REQUESTS);
        for (ProcessorId id : ProcessorId.values()) {
            assertThat(summary.answers())
                    .as("answers")
                    .containsKey(id.label() + " authorized")
                    .containsKey(id.label() + " declined");
            assertThat(sandbox.received(id))
                    .as("calls the sandbox " + id + " received")
                    .isZero();
        }

        String afterWarmUp = JudgedMetrics.scrape();
        assertThat(JudgedMetrics.of(afterWarmUp))
                .as(afterWarmUp)
                .allSatisfy((series, value) -> assertThat(value).as(series).isZero());
        assertThat(afterWarmUp)
                .doesNotContain("voyager_warm_up")
                .doesNotContain("m_warm_up")
                .doesNotContain("tok_warm_up");
        for (ProcessorId id : ProcessorId.values()) {
            assertThat(afterWarmUp)
                    .as("breaker closed")
                    .containsPattern(
                            "voyager_circuit_breaker_state\\{processor=\"" + id.label() + "\",state=\"closed\",?} 1.0");
        }

        // One real authorization is counted once: had the warm-up counted anywhere this scrape reads, more.
        Payments.authorize("USD", "tok_approved")
                .statusCode(201)
                .body("processor", equalTo("stripe"))
                .header("X-Voyager-Warm-Up", (String) null);
        String afterOne = JudgedMetrics.scrape();
        Map<String, Double> one = JudgedMetrics.of(afterOne);
        assertThat(one.get("voyager_authorizations_total{outcome=\"approved\",processor=\"stripe\"}"))
                .as(afterOne)
                .isEqualTo(1.0);
        assertThat(JudgedMetrics.sum(one, "voyager_authorizations_total"))
                .as(afterOne)
                .isEqualTo(1.0);
        assertThat(JudgedMetrics.sum(one, "http_server_requests_seconds_count"))
                .as(afterOne)
                .isEqualTo(1.0);
        assertThat(JudgedMetrics.sum(one, "voyager_processor_request_seconds_count"))
                .as(afterOne)
                .isEqualTo(1.0);
        assertThat(sandbox.received(ProcessorId.STRIPE)).isEqualTo(1);
    }

    private static String check(JsonPath health, String field) {
        return health.getString("checks.find { it.name == 'warm-up' }." + field);
    }
}
