package io.voyager.gateway.authorization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.voyager.gateway.testsupport.Payments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * A card number sent through every body field and every header is refused with 400 and appears in
 * none of the output: response bodies and headers, log records of the whole run, and the metrics.
 */
@QuarkusTest
class CardDataAnywhereTest {

    /** Visa 16, Visa 13, Amex 15, Discover 16 and a 19-digit number, each Luhn-valid. */
    private static final List<String> PANS =
            List.of("4111111111111111", "4222222222222", "378282246310005", "6011111111111117", "6221260000000000001");

    /** The number as people write it: plain, in groups of four with spaces, with dashes. */
    private static List<String> writings(String pan) {
        return List.of(pan, grouped(pan, ' '), grouped(pan, '-'));
    }

    private static String grouped(String pan, char separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pan.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(separator);
            }
            out.append(pan.charAt(i));
        }
        return out.toString();
    }

    private static Map<String, Function<String, String>> bodyPlaces() {
        String valid = Payments.body(1299, "USD", "tok_approved", null);
        Map<String, Function<String, String>> places = new LinkedHashMap<>();
        places.put("merchantId", pan -> valid.replace("\"m_123\"", "\"" + pan + "\""));
        places.put("reference", pan -> valid.replace("order-42", "order " + pan));
        places.put("amount.currency", pan -> valid.replace("\"USD\"", "\"" + pan + "\""));
        places.put("paymentMethod.token", pan -> valid.replace("tok_approved", pan));
        places.put("processor", pan -> Payments.body(1299, "USD", "tok_approved", pan));
        places.put(
                "unknown field value",
                pan -> valid.replace("{\"merchantId\"", "{\"note\":\"card " + pan + "\",\"merchantId\""));
        places.put("unknown field name", pan -> valid.replace("{\"merchantId\"", "{\"" + pan + "\":1,\"merchantId\""));
        places.put(
                "nested array",
                pan -> valid.replace("{\"merchantId\"", "{\"x\":{\"y\":[1,\"" + pan + "\"]},\"merchantId\""));
        places.put(
                "paymentMethod extra field",
                pan -> valid.replace("{\"token\":", "{\"number\":\"" + pan + "\",\"token\":"));
        return places;
    }

    private static Map<String, Function<String, List<Header>>> headerPlaces() {
        Map<String, Function<String, List<Header>>> places = new LinkedHashMap<>();
        places.put("Idempotency-Key", pan -> List.of(new Header("Idempotency-Key", "key " + pan)));
        places.put("Authorization", pan -> List.of(new Header("Authorization", "Bearer " + pan)));
        places.put("User-Agent", pan -> List.of(new Header("User-Agent", "shop/1.0 (" + pan + ")")));
        places.put("custom header", pan -> List.of(new Header("X-Customer-Card", pan)));
        places.put("header name", pan -> List.of(new Header("X-" + pan.replace(' ', '-'), "1")));
        places.put("second value of a header", pan -> List.of(new Header("X-Note", "a"), new Header("X-Note", pan)));
        return places;
    }

    @Test
    void cardNumberInAnyFieldOrHeaderIsRefusedAndNeverEchoedLoggedOrCounted() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLoggerName() + " " + record.getMessage() + " "
                        + java.util.Arrays.toString(record.getParameters()) + " " + record.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger.getLogger("").addHandler(capture);
        List<String> output = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        int sent = 0;
        try {
            for (String pan : PANS) {
                for (String written : writings(pan)) {
                    for (Map.Entry<String, Function<String, String>> place :
                            bodyPlaces().entrySet()) {
                        Response response = authenticated()
                                .header("Idempotency-Key", "card-" + sent)
                                .body(place.getValue().apply(written))
                                .post(Payments.PATH);
                        check(softly, response, "body " + place.getKey() + " <" + written + ">", output);
                        sent++;
                    }
                    for (Map.Entry<String, Function<String, List<Header>>> place :
                            headerPlaces().entrySet()) {
                        RequestSpecification request = place.getKey().equals("Authorization")
                                ? given().contentType(ContentType.JSON)
                                : authenticated();
                        if (!place.getKey().equals("Idempotency-Key")) {
                            request.header("Idempotency-Key", "card-" + sent);
                        }
                        for (Header header : place.getValue().apply(written)) {
                            request.header(header);
                        }
                        Response response = request.body(Payments.body(1299, "USD", "tok_approved", null))
                                .post(Payments.PATH);
                        check(softly, response, "header " + place.getKey() + " <" + written + ">", output);
                        sent++;
                    }
                    Response query = authenticated()
                            .header("Idempotency-Key", "card-" + sent)
                            .queryParam("ref", written)
                            .body(Payments.body(1299, "USD", "tok_approved", null))
                            .post(Payments.PATH);
                    check(softly, query, "query string <" + written + ">", output);
                    sent++;
                }
            }
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        output.add(given().accept("text/plain").get("/q/metrics").asString());
        output.addAll(logged);

        assertThat(sent)
                .as("requests sent")
                .isEqualTo(
                        PANS.size() * 3 * (bodyPlaces().size() + headerPlaces().size() + 1));
        String everything = String.join("\n", output);
        String digitsOnly = everything.replaceAll("[ -]", "");
        for (String pan : PANS) {
            softly.assertThat(digitsOnly)
                    .as("captured output (responses, logs, metrics) mentions " + pan)
                    .doesNotContain(pan);
        }
        softly.assertAll();
    }

    private static RequestSpecification authenticated() {
        return Payments.given().contentType(ContentType.JSON);
    }

    private static void check(SoftAssertions softly, Response response, String what, List<String> output) {
        softly.assertThat(response.statusCode()).as(what).isEqualTo(400);
        softly.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        softly.assertThat(response.jsonPath().getString("type"))
                .as(what)
                .isEqualTo("urn:voyager:problem:card-number-in-request");
        output.add(response.asString());
        response.headers().forEach(header -> output.add(header.getName() + ": " + header.getValue()));
    }
}
