package io.voyager.gateway.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.voyager.gateway.processor.ProcessorId;
import io.voyager.gateway.testsupport.Payments;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway against its in-process sandbox processors, as in dev mode. */
@QuarkusTest
class SandboxProcessorsTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    SandboxServers servers;

    @BeforeEach
    @AfterEach
    void healthyProcessors() {
        given().when().delete("/sandbox/faults").then().statusCode(200);
        breakers.resetAll();
    }

    @ParameterizedTest(name = "{0} through {1}")
    @CsvSource({"USD, stripe", "EUR, adyen", "BRL, mercadopago"})
    void authorizesThroughEachSandboxProcessor(String currency, String processor) {
        Payments.authorize(
                        currency, "tok_approved", processor, UUID.randomUUID().toString())
                .statusCode(201)
                .header("X-Voyager-Version", equalTo("1.0.0-SNAPSHOT"))
                .body("status", equalTo("AUTHORIZED"))
                .body("processor", equalTo(processor))
                .body("declineCode", nullValue())
                .body("amount.value", equalTo(1299))
                .body("amount.currency", equalTo(currency));
    }

    @ParameterizedTest(name = "{0} through {1}")
    @CsvSource({"USD, stripe", "EUR, adyen", "BRL, mercadopago"})
    void declineIsA201WithInsufficientFunds(String currency, String processor) {
        Payments.authorize(
                        currency, "tok_declined", processor, UUID.randomUUID().toString())
                .statusCode(201)
                .body("status", equalTo("DECLINED"))
                .body("declineCode", equalTo("insufficient_funds"));
    }

    @Test
    void sameIdempotencyKeyGetsTheSameAuthorization() {
        String key = UUID.randomUUID().toString();
        Response first = Payments.authorize("USD", "tok_approved", "stripe", key)
                .statusCode(201)
                .extract()
                .response();
        Response second = Payments.authorize("USD", "tok_approved", "stripe", key)
                .statusCode(201)
                .extract()
                .response();

        assertThat(second.path("id").toString()).isEqualTo(first.path("id"));
        assertThat(second.path("processorReference").toString()).isEqualTo(first.path("processorReference"));
    }

    @Test
    void connectionRefusedFailsOverToTheNextProcessor() {
        // EUR routes adyen -> stripe; the sandbox has the primary down, so its connection is refused.
        setFaults("adyen", "{\"down\":true}");
        Payments.authorize("EUR", "tok_approved")
                .statusCode(201)
                .body("status", equalTo("AUTHORIZED"))
                .body("processor", equalTo("stripe"));
    }

    @Test
    void downProcessorReallyMeetsAClosedPort() {
        setFaults("adyen", "{\"down\":true}");
        URI refusing = servers.baseUri(ProcessorId.ADYEN);
        try (Socket ignored = new Socket(refusing.getHost(), refusing.getPort())) {
            throw new AssertionError("port " + refusing.getPort() + " accepted a connection");
        } catch (ConnectException expected) {
            assertThat(expected).hasMessageContaining("refused");
        } catch (IOException other) {
            throw new AssertionError(other);
        }
    }

    @Test
    void sandboxPortsLieBelowTheEphemeralRangeSoAClosedOneStaysClosed() throws IOException {
        int firstEphemeral = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                .get(0)
                .trim()
                .split("\\s+")[0]);
        for (ProcessorId id : ProcessorId.values()) {
            assertThat(servers.baseUri(id).getPort()).as(id.name()).isBetween(1024, firstEphemeral - 1);
        }
    }

    @Test
    void processorDownFailsOverAndEveryProcessorDownIs503() {
        setFaults("adyen", "{\"down\":true}");
        Payments.authorize("EUR", "tok_approved").statusCode(201).body("processor", equalTo("stripe"));

        setFaults("stripe", "{\"down\":true}");
        Payments.authorize("EUR", "tok_approved")
                .statusCode(503)
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:voyager:problem:processor-unavailable"));
    }

    @Test
    void readinessStaysUpWhenAProcessorIsDown() {
        setFaults("adyen", "{\"down\":true}");
        Payments.authorize("EUR", "tok_approved").statusCode(201);

        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void timeoutIs504RetryableAndNotFailedOver() {
        Payments.authorize("EUR", "tok_timeout")
                .statusCode(504)
                .body("type", equalTo("urn:voyager:problem:processor-timeout"))
                .body("retryable", equalTo(true))
                .body("detail", equalTo("adyen did not answer in time; retry with the same Idempotency-Key"));
    }

    @Test
    void processorErrorIs502() {
        Payments.authorize("USD", "tok_error")
                .statusCode(502)
                .body("type", equalTo("urn:voyager:problem:processor-error"));
    }

    @Test
    void errorRateFaultMakesTheProcessorFail() {
        setFaults("mercadopago", "{\"errorRate\":1.0}");

        Payments.authorize(
                        "BRL", "tok_approved", "mercadopago", UUID.randomUUID().toString())
                .statusCode(502)
                .body("type", equalTo("urn:voyager:problem:processor-error"));
    }

    @Test
    void faultKnobRefusesOutOfRangeValues() {
        given().contentType(ContentType.JSON)
                .body("{\"errorRate\":1.5}")
                .when()
                .put("/sandbox/faults/stripe")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"latencyMs\":10}")
                .when()
                .put("/sandbox/faults/paypal")
                .then()
                .statusCode(404);
    }

    @Test
    void adyenSandboxRefusesAnUnknownMerchantAccountLikeAdyen() {
        given().baseUri(servers.baseUri(ProcessorId.ADYEN).toString())
                .contentType(ContentType.JSON)
                .header("X-API-Key", "AQE_voyager_sandbox_key")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(
                        "{\"merchantAccount\":\"NotOurECOM\",\"amount\":{\"value\":1299,\"currency\":\"EUR\"},"
                                + "\"reference\":\"order-42\",\"paymentMethod\":{\"type\":\"scheme\",\"storedPaymentMethodId\":\"tok_approved\"}}")
                .when()
                .post("/v71/payments")
                .then()
                .statusCode(403)
                .body("status", equalTo(403))
                .body("errorCode", equalTo("901"))
                .body("message", equalTo("Invalid Merchant Account"))
                .body("errorType", equalTo("security"));
    }

    @Test
    void stripeSandboxRefusesAWrongKeyLikeStripe() {
        given().baseUri(servers.baseUri(ProcessorId.STRIPE).toString())
                .contentType(ContentType.URLENC)
                .header("Authorization", "Bearer sk_test_wrong")
                .formParam("amount", "1299")
                .formParam("currency", "usd")
                .formParam("payment_method", "tok_approved")
                .when()
                .post("/v1/payment_intents")
                .then()
                .statusCode(401)
                .body("error.type", equalTo("invalid_request_error"));
    }

    private static void setFaults(String processor, String json) {
        given().contentType(ContentType.JSON)
                .body(json)
                .when()
                .put("/sandbox/faults/" + processor)
                .then()
                .statusCode(200);
    }
}
