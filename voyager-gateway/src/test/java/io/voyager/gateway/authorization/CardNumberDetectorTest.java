package io.voyager.gateway.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberDetectorTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4242424242424242",
                "4242 4242 4242 4242",
                "4242-4242-4242-4242",
                "card 5555555555554444 here",
                "378282246310005",
                "6011111111111117",
                "2223003122003222",
                "3782 822463 10005",
                "3056-930902-5904",
                "4222-2222-2222-2",
                "{\"pan\":\"4242424242424242\"}",
                "tok_4242424242424242"
            })
    void findsLuhnValidCardNumbers(String text) {
        assertThat(CardNumberDetector.containsCardNumber(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "4242424242424241",
                "order-42",
                "1299",
                "tok_approved",
                "123456789012",
                "12345678901234567890123",
                "0000000000000000",
                "9999999999999995",
                "4242  4242 4242 4242",
                // An Idempotency-Key that was refused as a card number: 56-4595-9010-346 is 13 Luhn-valid digits inside
                // hex.
                "b29192f4-4d56-4595-9010-346dbba53a9e",
                "23456789-1234-4567-8901-234567890123",
                "42424242-4242-4242"
            })
    void ignoresWhatIsNotACardNumber(String text) {
        assertThat(CardNumberDetector.containsCardNumber(text)).isFalse();
    }

    @Test
    void findsEveryGeneratedCardNumberWhateverItsLength() {
        long seed = 20261126L;
        Random random = new Random(seed);
        for (int i = 0; i < 1_000; i++) {
            String pan = luhnComplete(2 + random.nextInt(5), 12 + random.nextInt(7), random);
            assertThat(CardNumberDetector.containsCardNumber("ref " + pan + " end"))
                    .as("seed %d, case %d: %s", seed, i, pan)
                    .isTrue();
        }
    }

    @Test
    void randomUuidsAreNeverCardNumbers() {
        long seed = 20261127L;
        Random random = new Random(seed);
        for (int i = 0; i < 200_000; i++) {
            String uuid = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            assertThat(CardNumberDetector.containsCardNumber(uuid))
                    .as("seed %d, case %d: %s", seed, i, uuid)
                    .isFalse();
        }
        // The same numbers as card numbers, digits only, are found: the UUID layout is what tells them apart.
        assertThat(CardNumberDetector.containsCardNumber("5645959010346")).isTrue();
    }

    /** A number of {@code body + 1} digits starting with {@code first}, with a valid Luhn check digit. */
    private static String luhnComplete(int first, int body, Random random) {
        StringBuilder digits = new StringBuilder().append(first);
        while (digits.length() < body) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            String candidate = digits.toString() + check;
            if (luhn(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("one check digit always fits");
    }

    private static boolean luhn(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int d = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
