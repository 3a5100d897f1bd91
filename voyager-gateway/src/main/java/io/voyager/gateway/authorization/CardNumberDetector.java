package io.voyager.gateway.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Finds raw card numbers (PANs) anywhere in a request: 13 to 19 digits, optionally separated by
 * single spaces or dashes, that pass the Luhn check. Such a request is refused so no card number
 * is ever forwarded, stored or logged.
 */
final class CardNumberDetector {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    private CardNumberDetector() {
    }

    static boolean containsCardNumber(JsonNode node) {
        if (node.isTextual() || node.isIntegralNumber()) {
            return containsCardNumber(node.asText());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (containsCardNumber(field.getKey()) || containsCardNumber(field.getValue())) {
                    return true;
                }
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsCardNumber(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Checks every run of digits (single spaces or dashes may separate them). A run is a card number
     * when it has 13 to 19 digits, starts like a card scheme's number (2 to 6) and passes Luhn.
     */
    static boolean containsCardNumber(String text) {
        int[] digits = new int[MAX_DIGITS];
        int count = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\0';
            boolean separator = (c == ' ' || c == '-') && count > 0 && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1));
            if (c >= '0' && c <= '9') {
                if (count < MAX_DIGITS) {
                    digits[count] = c - '0';
                }
                count++;
            } else if (!separator) {
                if (count >= MIN_DIGITS && count <= MAX_DIGITS && digits[0] >= 2 && digits[0] <= 6
                        && luhnValid(digits, count)) {
                    return true;
                }
                count = 0;
            }
        }
        return false;
    }

    private static boolean luhnValid(int[] digits, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            int d = digits[length - 1 - i];
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
