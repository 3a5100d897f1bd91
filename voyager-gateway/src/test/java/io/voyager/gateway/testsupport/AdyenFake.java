package io.voyager.gateway.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.voyager.gateway.testsupport.StripeFake.json;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/** Adyen Checkout {@code POST /v71/payments}: X-API-Key, merchantAccount, resultCode, Adyen's error shape. */
public final class AdyenFake {

    public static final String API_KEY = "AQE_fake_adyen_key";
    public static final String MERCHANT_ACCOUNT = "VoyagerFakeECOM";
    public static final String PATH = "/v71/payments";
    public static final String PSP_REFERENCE = "FAKEPSP000000001";

    private AdyenFake() {}

    static void stub(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo(PATH))
                .atPriority(10)
                .willReturn(json(
                        401,
                        "{\"status\":401,\"errorCode\":\"000\","
                                + "\"message\":\"HTTP Status Response - Unauthorized\",\"errorType\":\"security\"}")));
        // Adyen answers a merchant account the API key may not use with 403 and errorCode 901.
        server.stubFor(post(urlPathEqualTo(PATH))
                .atPriority(5)
                .withHeader("X-API-Key", equalTo(API_KEY))
                .willReturn(json(
                        403,
                        "{\"status\":403,\"errorCode\":\"901\",\"message\":\"Invalid Merchant Account\","
                                + "\"errorType\":\"security\",\"pspReference\":\"FAKEPSP000000403\"}")));
        server.stubFor(token(FakeTokens.APPROVED)
                .willReturn(json(
                        200,
                        "{\"pspReference\":\"" + PSP_REFERENCE + "\","
                                + "\"resultCode\":\"Authorised\",\"merchantReference\":\"order-42\"}")));
        server.stubFor(
                token(FakeTokens.DECLINED)
                        .willReturn(
                                json(
                                        200,
                                        "{\"pspReference\":\"FAKEPSP000000002\","
                                                + "\"resultCode\":\"Refused\",\"refusalReason\":\"Not enough balance\",\"refusalReasonCode\":\"12\"}")));
        server.stubFor(token(FakeTokens.ERROR)
                .willReturn(json(
                        500,
                        "{\"status\":500,\"errorCode\":\"000\","
                                + "\"message\":\"An unexpected error occurred\",\"errorType\":\"internal\"}")));
        server.stubFor(token(FakeTokens.TIMEOUT)
                .willReturn(json(200, "{\"pspReference\":\"LATE\",\"resultCode\":\"Authorised\"}")
                        .withFixedDelay(FakeTokens.HANG_MS)));
        server.stubFor(
                token(FakeTokens.REJECTED)
                        .willReturn(
                                json(
                                        422,
                                        "{\"status\":422,\"errorCode\":\"14_012\","
                                                + "\"message\":\"The provided storedPaymentMethodId is not valid\",\"errorType\":\"validation\"}")));
    }

    private static MappingBuilder token(String token) {
        return post(urlPathEqualTo(PATH))
                .atPriority(1)
                .withHeader("X-API-Key", equalTo(API_KEY))
                .withRequestBody(matchingJsonPath("$.merchantAccount", equalTo(MERCHANT_ACCOUNT)))
                .withRequestBody(matchingJsonPath("$.paymentMethod.storedPaymentMethodId", equalTo(token)));
    }
}
