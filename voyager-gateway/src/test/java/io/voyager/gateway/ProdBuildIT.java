package io.voyager.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.voyager.gateway.testsupport.FakeTokens;
import io.voyager.gateway.testsupport.Payments;
import io.voyager.gateway.testsupport.ProcessorFakes;
import io.voyager.gateway.testsupport.SecretsManagerResource;
import io.voyager.gateway.testsupport.StripeFake;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged prod build, started as in production: credentials from (an emulated) AWS Secrets
 * Manager through the Quarkus extension's client, processors as WireMock fakes of the real APIs.
 */
@QuarkusIntegrationTest
@WithTestResource(ProcessorFakes.class)
@WithTestResource(SecretsManagerResource.class)
class ProdBuildIT {

    @Test
    void sandboxIsNotInTheProdBuild() {
        given().contentType(ContentType.JSON).body("{\"errorRate\":1.0}")
                .when().put("/sandbox/faults/adyen")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void authorizesThroughTheConfiguredProcessor() {
        Payments.authorize("EUR", FakeTokens.APPROVED, null, UUID.randomUUID().toString())
                .statusCode(201)
                .header("X-Voyager-Version", equalTo("1.0.0-SNAPSHOT"))
                .body("processor", equalTo("adyen"))
                .body("status", equalTo("AUTHORIZED"));
    }

    @Test
    void declinesAreBusinessOutcomes() {
        Payments.authorize("USD", FakeTokens.DECLINED, null, UUID.randomUUID().toString())
                .statusCode(201)
                .body("status", equalTo("DECLINED"))
                .body("declineCode", equalTo("insufficient_funds"));
    }

    @Test
    void readyOnceEveryProcessorHasCredentialsWithoutShowingThem() {
        String health = given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'credentials' }.data.stripe", equalTo("present"))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(health).doesNotContain(StripeFake.API_KEY);
    }

    @Test
    void logsNeverShowSecretValues() throws java.io.IOException {
        Payments.authorize("USD", FakeTokens.APPROVED, null, UUID.randomUUID().toString()).statusCode(201);
        String log = java.nio.file.Files.readString(java.nio.file.Path.of("target", "quarkus.log"));

        org.assertj.core.api.Assertions.assertThat(log).contains("Profile prod activated")
                .doesNotContain(StripeFake.API_KEY)
                .doesNotContain(io.voyager.gateway.testsupport.AdyenFake.API_KEY)
                .doesNotContain(io.voyager.gateway.testsupport.MercadoPagoFake.ACCESS_TOKEN);
    }
}
