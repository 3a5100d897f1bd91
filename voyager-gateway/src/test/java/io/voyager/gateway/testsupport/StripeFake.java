package io.voyager.gateway.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Stripe's {@code POST /v1/payment_intents} as documented: form-encoded, Bearer key, 402 card errors. */
public final class StripeFake {

    public static final String API_KEY = "sk_test_fake_stripe";
    /** Also valid: the key a credentials rotation moves to, both live during the overlap. */
    public static final String ROTATED_API_KEY = "sk_test_fake_stripe_rotated";
    /** Approved after {@link #SLOW_MS}, to hold a request in flight. */
    public static final String SLOW_TOKEN = "tok_slow";

    public static final int SLOW_MS = 500;
    public static final String PATH = "/v1/payment_intents";
    public static final String INTENT_ID = "pi_3FakeApproved0000000001";
    public static final String DECLINED_INTENT_ID = "pi_3FakeDeclined0000000001";

    private StripeFake() {}

    static void stub(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo(PATH))
                .atPriority(10)
                .willReturn(json(
                        401,
                        "{\"error\":{\"type\":\"invalid_request_error\","
                                + "\"message\":\"Invalid API Key provided: sk_test_****\"}}")));
        server.stubFor(token(FakeTokens.APPROVED)
                .willReturn(json(
                        200,
                        "{\"id\":\"" + INTENT_ID + "\","
                                + "\"object\":\"payment_intent\",\"amount\":1299,\"currency\":\"usd\",\"capture_method\":\"manual\","
                                + "\"status\":\"requires_capture\",\"livemode\":false}")));
        server.stubFor(token(FakeTokens.APPROVED, ROTATED_API_KEY)
                .willReturn(json(
                        200,
                        "{\"id\":\"" + INTENT_ID + "\","
                                + "\"object\":\"payment_intent\",\"status\":\"requires_capture\"}")));
        server.stubFor(token(SLOW_TOKEN)
                .willReturn(json(
                                200,
                                "{\"id\":\"" + INTENT_ID + "\","
                                        + "\"object\":\"payment_intent\",\"status\":\"requires_capture\"}")
                        .withFixedDelay(SLOW_MS)));
        server.stubFor(token(FakeTokens.DECLINED)
                .willReturn(json(
                        402,
                        "{\"error\":{\"type\":\"card_error\","
                                + "\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\","
                                + "\"message\":\"Your card has insufficient funds.\",\"payment_intent\":{\"id\":\""
                                + DECLINED_INTENT_ID
                                + "\",\"object\":\"payment_intent\",\"status\":\"requires_payment_method\"}}}")));
        server.stubFor(token(FakeTokens.ERROR)
                .willReturn(json(
                        500,
                        "{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong on Stripe's end.\"}}")));
        server.stubFor(token(FakeTokens.TIMEOUT)
                .willReturn(json(200, "{\"id\":\"pi_late\",\"status\":\"requires_capture\"}")
                        .withFixedDelay(FakeTokens.HANG_MS)));
        server.stubFor(token(FakeTokens.REJECTED)
                .willReturn(json(
                        400,
                        "{\"error\":{\"type\":\"invalid_request_error\","
                                + "\"code\":\"resource_missing\",\"param\":\"payment_method\","
                                + "\"message\":\"No such PaymentMethod: 'tok_rejected'\"}}")));
    }

    private static MappingBuilder token(String token) {
        return token(token, API_KEY);
    }

    private static MappingBuilder token(String token, String apiKey) {
        return post(urlPathEqualTo(PATH))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + apiKey))
                .withFormParam("payment_method", equalTo(token));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
