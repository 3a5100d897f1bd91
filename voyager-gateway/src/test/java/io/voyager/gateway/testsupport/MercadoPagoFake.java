package io.voyager.gateway.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.voyager.gateway.testsupport.StripeFake.json;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/** MercadoPago {@code POST /v1/payments}: Bearer token, X-Idempotency-Key, decimal amounts, status_detail. */
public final class MercadoPagoFake {

    public static final String ACCESS_TOKEN = "TEST-fake-mercadopago-token";
    public static final String PATH = "/v1/payments";
    public static final long PAYMENT_ID = 1_312_345_678L;

    private MercadoPagoFake() {}

    static void stub(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo(PATH))
                .atPriority(10)
                .willReturn(json(
                        401,
                        "{\"message\":\"invalid access token\",\"error\":\"unauthorized\","
                                + "\"status\":401,\"cause\":[]}")));
        server.stubFor(token(FakeTokens.APPROVED)
                .willReturn(json(
                        201,
                        "{\"id\":" + PAYMENT_ID + ","
                                + "\"status\":\"authorized\",\"status_detail\":\"pending_capture\",\"captured\":false,"
                                + "\"transaction_amount\":12.99,\"currency_id\":\"BRL\"}")));
        server.stubFor(token(FakeTokens.DECLINED)
                .willReturn(json(
                        201,
                        "{\"id\":1312345679,\"status\":\"rejected\","
                                + "\"status_detail\":\"cc_rejected_insufficient_amount\",\"captured\":false}")));
        server.stubFor(token(FakeTokens.ERROR)
                .willReturn(json(
                        500,
                        "{\"message\":\"internal_error\","
                                + "\"error\":\"internal_server_error\",\"status\":500,\"cause\":[]}")));
        server.stubFor(token(FakeTokens.TIMEOUT)
                .willReturn(json(201, "{\"id\":1,\"status\":\"authorized\"}").withFixedDelay(FakeTokens.HANG_MS)));
        server.stubFor(
                token(FakeTokens.REJECTED)
                        .willReturn(
                                json(
                                        400,
                                        "{\"message\":\"Invalid card token\","
                                                + "\"error\":\"bad_request\",\"status\":400,\"cause\":[{\"code\":2006,\"description\":\"Card Token not found\"}]}")));
    }

    private static MappingBuilder token(String token) {
        return post(urlPathEqualTo(PATH))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(matchingJsonPath("$.token", equalTo(token)));
    }
}
