package io.voyager.gateway.authorization;

import static io.voyager.gateway.testsupport.Payments.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.voyager.gateway.testsupport.Payments;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class AuthorizationValidationTest {

    private static final String PROBLEM = "urn:voyager:problem:";
    private static final String VISA_TEST_PAN = "4242424242424242";

    static Stream<Arguments> badBodies() {
        String valid = Payments.body(1299, "USD", "tok_approved", null);
        return Stream.of(
                Arguments.of("truncated JSON", "{\"merchantId\":", 400, "malformed-json"),
                Arguments.of("not JSON", "merchantId=m_123", 400, "malformed-json"),
                Arguments.of("JSON array", "[1,2]", 400, "malformed-json"),
                Arguments.of("empty object", "{}", 400, "invalid-request"),
                Arguments.of(
                        "missing merchantId", valid.replace("\"merchantId\":\"m_123\",", ""), 400, "invalid-request"),
                Arguments.of(
                        "missing token",
                        Payments.body(1299, "USD", "tok_approved", null).replace("{\"token\":\"tok_approved\"}", "{}"),
                        400,
                        "invalid-request"),
                Arguments.of(
                        "amount as string",
                        valid.replace("\"value\":1299", "\"value\":\"1299\""),
                        400,
                        "invalid-request"),
                Arguments.of(
                        "fractional amount",
                        valid.replace("\"value\":1299", "\"value\":12.99"),
                        400,
                        "invalid-request"),
                Arguments.of("zero amount", Payments.body(0, "USD", "tok_approved", null), 400, "invalid-request"),
                Arguments.of("negative amount", Payments.body(-5, "USD", "tok_approved", null), 400, "invalid-request"),
                Arguments.of(
                        "amount over the limit",
                        Payments.body(100_000_000, "USD", "tok_approved", null),
                        400,
                        "invalid-request"),
                Arguments.of(
                        "amount beyond 64 bits",
                        valid.replace("1299", "123456789012345678901234567890"),
                        400,
                        "invalid-request"),
                Arguments.of(
                        "lower-case currency",
                        Payments.body(1299, "usd", "tok_approved", null),
                        400,
                        "invalid-request"),
                Arguments.of(
                        "unknown currency", Payments.body(1299, "ABC", "tok_approved", null), 400, "invalid-request"),
                Arguments.of(
                        "currency without minor unit",
                        Payments.body(1299, "XAU", "tok_approved", null),
                        400,
                        "invalid-request"),
                Arguments.of(
                        "processor not a string", valid.replace("}}", "},\"processor\":7}"), 400, "invalid-request"),
                Arguments.of(
                        "card number as token",
                        Payments.body(1299, "USD", VISA_TEST_PAN, null),
                        400,
                        "card-number-in-request"),
                Arguments.of(
                        "spaced card number in reference",
                        valid.replace("order-42", "4242 4242 4242 4242"),
                        400,
                        "card-number-in-request"),
                Arguments.of(
                        "card number in an unknown field",
                        valid.replace("{\"merchantId\"", "{\"card\":{\"number\":" + VISA_TEST_PAN + "},\"merchantId\""),
                        400,
                        "card-number-in-request"),
                Arguments.of(
                        "unknown processor",
                        Payments.body(1299, "USD", "tok_approved", "paypal"),
                        422,
                        "unknown-processor"),
                Arguments.of(
                        "body over 16 KiB",
                        "{\"merchantId\":\"" + "a".repeat(17 * 1024) + "\"}",
                        413,
                        "payload-too-large"));
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("badBodies")
    void badInputGetsItsProblemTypeNeverA500(String label, String body, int status, String type) {
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "validation-" + label.hashCode())
                .body(body)
                .when()
                .post(Payments.PATH)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + type))
                .body("status", equalTo(status))
                .body("detail", not(containsString(VISA_TEST_PAN)))
                .body("detail", not(containsString("4242 4242")));
    }

    @Test
    void chunkedBodyOver16KibIsTooLarge() {
        byte[] body = ("{\"merchantId\":\"" + "a".repeat(17 * 1024) + "\"}").getBytes();
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "chunked")
                .body(new java.io.ByteArrayInputStream(body))
                .when()
                .post(Payments.PATH)
                .then()
                .statusCode(413)
                .body("type", equalTo(PROBLEM + "payload-too-large"));
    }

    @Test
    void missingIdempotencyKeyIsRefused() {
        given().contentType(ContentType.JSON)
                .body(Payments.body(1299, "USD", "tok_approved", null))
                .when()
                .post(Payments.PATH)
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEM + "invalid-idempotency-key"));
    }

    @Test
    void overlongIdempotencyKeyIsRefused() {
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k".repeat(256))
                .body(Payments.body(1299, "USD", "tok_approved", null))
                .when()
                .post(Payments.PATH)
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEM + "invalid-idempotency-key"));
    }

    @Test
    void nonJsonContentTypeIsUnsupported() {
        given().contentType(ContentType.XML)
                .header("Idempotency-Key", "xml")
                .body("<authorization/>")
                .when()
                .post(Payments.PATH)
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "unsupported-media-type"));
    }

    @Test
    void wrongMethodIsNotAllowed() {
        given().when().get(Payments.PATH).then().statusCode(405).body("type", equalTo(PROBLEM + "method-not-allowed"));
    }

    @Test
    void unknownPathIsNotFound() {
        given().when()
                .get("/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "not-found"));
    }
}
