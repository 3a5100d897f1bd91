package io.voyager.gateway.merchant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.voyager.gateway.testsupport.Payments;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Merchant API keys on /v1 in a sandbox build: the documented test key, and what happens without it. */
@QuarkusTest
class MerchantAuthenticationTest {

    private static final String PROBLEM = "urn:voyager:problem:";

    private static String bodyFor(String merchantId) {
        return Payments.body(1299, "USD", "tok_approved", null).replace(Payments.MERCHANT, merchantId);
    }

    @Test
    void requestWithoutKeyIs401WithABearerChallenge() {
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(bodyFor(Payments.MERCHANT))
                .when()
                .post(Payments.PATH)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"voyager\""))
                .body("type", equalTo(PROBLEM + "unauthenticated"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer vk_test_voyager_sandbox_",
                "Bearer vk_test_voyager_sandbo",
                "Bearer ",
                "Basic dms6",
                "vk_test_voyager_sandbox"
            })
    void unknownOrMalformedKeyIs401(String authorization) {
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", authorization)
                .body(bodyFor(Payments.MERCHANT))
                .when()
                .post(Payments.PATH)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer realm=\"voyager\""))
                .body("type", equalTo(PROBLEM + "unauthenticated"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("vk_test")));
    }

    @Test
    void keyOfAnotherMerchantIs403() {
        Payments.given()
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(bodyFor("m_someone_else"))
                .when()
                .post(Payments.PATH)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "merchant-mismatch"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"m_123", "m_loadtest"})
    void sandboxKeyAuthorizesTheExampleAndLoadTestMerchants(String merchantId) {
        Payments.given()
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(bodyFor(merchantId))
                .when()
                .post(Payments.PATH)
                .then()
                .statusCode(201)
                .body("status", equalTo("AUTHORIZED"));
    }

    @Test
    void schemeIsCaseInsensitiveAsRfc7235Says() {
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", "bearer " + Payments.SANDBOX_KEY)
                .body(bodyFor(Payments.MERCHANT))
                .when()
                .post(Payments.PATH)
                .then()
                .statusCode(201);
    }

    @Test
    void healthNeedsNoKey() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
