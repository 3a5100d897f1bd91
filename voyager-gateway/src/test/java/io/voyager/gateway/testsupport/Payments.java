package io.voyager.gateway.testsupport;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.voyager.gateway.processor.Money;
import io.voyager.gateway.processor.ProcessorRequest;
import java.util.Currency;
import java.util.UUID;

/** Builds authorization requests for tests, over HTTP or straight to an adapter. */
public final class Payments {

    /** Where a client posts an authorization; spelled out, so a moved endpoint fails the tests. */
    public static final String PATH = "/v1/authorizations";

    public static final String MERCHANT = "m_123";
    public static final String REFERENCE = "order-42";
    /** The sandbox's documented test key, valid for {@link #MERCHANT} in every non-prod build. */
    public static final String SANDBOX_KEY = "vk_test_voyager_sandbox";

    /** A key of {@link #MERCHANT} that only the prod build's tests configure (as a hash, in Secrets Manager). */
    public static final String PROD_KEY = "vk_live_prod_build_check";

    private Payments() {}

    /** A request authenticated as {@link #MERCHANT} with the sandbox key. */
    public static RequestSpecification given() {
        return withKey(SANDBOX_KEY);
    }

    public static RequestSpecification withKey(String merchantKey) {
        return RestAssured.given().header("Authorization", "Bearer " + merchantKey);
    }

    public static String body(long value, String currency, String token, String processor) {
        return "{\"merchantId\":\"" + MERCHANT + "\",\"reference\":\"" + REFERENCE + "\","
                + "\"amount\":{\"value\":" + value + ",\"currency\":\"" + currency + "\"},"
                + "\"paymentMethod\":{\"token\":\"" + token + "\"}"
                + (processor == null ? "" : ",\"processor\":\"" + processor + "\"") + "}";
    }

    public static ValidatableResponse authorize(String currency, String token) {
        return authorize(currency, token, null, UUID.randomUUID().toString());
    }

    public static ValidatableResponse authorize(
            String currency, String token, String processor, String idempotencyKey) {
        return authorize(given(), currency, token, processor, idempotencyKey);
    }

    public static ValidatableResponse authorize(
            RequestSpecification as, String currency, String token, String processor, String idempotencyKey) {
        return as.contentType(ContentType.JSON)
                .header("Idempotency-Key", idempotencyKey)
                .body(body(1299, currency, token, processor))
                .when()
                .post(PATH)
                .then();
    }

    public static ProcessorRequest request(String token, long minorUnits, String currency, String idempotencyKey) {
        Money money =
                new Money(minorUnits, currency, Currency.getInstance(currency).getDefaultFractionDigits());
        return new ProcessorRequest(idempotencyKey, MERCHANT, REFERENCE, money, token);
    }
}
