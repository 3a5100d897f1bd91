package io.voyager.gateway.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voyager.gateway.problem.ProblemException;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the authorization request parser: the Idempotency-Key header (the
 * input's first line) and the body (the rest). Any input ends in a request or a {@link ProblemException}
 * (a 4xx problem), never another exception, a hang or an out-of-memory; a refusal's detail never
 * quotes a card number, and an accepted request holds none. Seeds are valid requests
 * (AuthorizationRequestFuzzTestInputs/). Plain {@code mvn test} replays the seeds; the build's
 * {@code fuzz-authorization-request} execution mutates with JAZZER_FUZZ=1 for a bounded time.
 */
class AuthorizationRequestFuzzTest {

    private static final AuthorizationConfig LIMITS = new AuthorizationConfig() {
        @Override
        public long maxAmountMinorUnits() {
            return 99_999_999;
        }

        @Override
        public int maxBodyBytes() {
            return 16_384;
        }

        @Override
        public int retryAfterSeconds() {
            return 5;
        }
    };
    private static final AuthorizationRequestParser PARSER = new AuthorizationRequestParser(new ObjectMapper(), LIMITS);

    @FuzzTest(maxDuration = "20s")
    void parsesOrRefusesWithAProblem(FuzzedDataProvider data) {
        String input = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        int newline = input.indexOf('\n');
        String header = newline < 0 ? input : input.substring(0, newline);
        String body = newline < 0 ? "" : input.substring(newline + 1);
        try {
            PARSER.idempotencyKey(header);
        } catch (ProblemException refused) {
            assertThat(refused.type().status()).isBetween(400, 499);
            assertThat(CardNumberDetector.containsCardNumber(refused.getMessage()))
                    .isFalse();
        }
        try {
            AuthorizationRequest request = PARSER.parse(body);
            assertThat(request.amount().value()).isBetween(1L, LIMITS.maxAmountMinorUnits());
            assertThat(CardNumberDetector.containsCardNumber(request.reference()))
                    .isFalse();
            assertThat(CardNumberDetector.containsCardNumber(
                            request.paymentMethod().token()))
                    .isFalse();
        } catch (ProblemException refused) {
            assertThat(refused.type().status()).isBetween(400, 499);
            assertThat(CardNumberDetector.containsCardNumber(refused.getMessage()))
                    .as(refused.getMessage())
                    .isFalse();
        }
    }
}
