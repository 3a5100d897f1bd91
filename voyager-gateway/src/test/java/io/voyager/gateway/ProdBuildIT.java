package io.voyager.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.voyager.gateway.testsupport.FakeTokens;
import io.voyager.gateway.testsupport.Payments;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The packaged prod build, started as in production, against WireMock fakes of the real APIs. */
@QuarkusIntegrationTest
@WithTestResource(io.voyager.gateway.testsupport.ProcessorFakes.class)
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
    void healthIsUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
