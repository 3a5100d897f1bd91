package io.voyager.gateway.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Finds raw card numbers (PANs) anywhere in a request: 13 to 19 digits standing alone, contiguous or in the
 * groups people write them in with single spaces or dashes, that pass the Luhn check. Such a request is refused so no card number
 * is ever forwarded, stored or logged.
 */
final class CardNumberDetector {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;
    /** 19 digits in groups of four are five groups. */
    private static final int MAX_GROUPS = 5;

    private CardNumberDetector() {}

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
     * Checks every run of digits that stands as a word of its own (no letter or digit touching either end, as a
     * DLP {@code \b} boundary). A run is a card number when it has 13 to 19 digits, starts like a card scheme's
     * number (2 to 6), is written as card numbers are (contiguous, or in groups of four with single spaces or
     * dashes, or Amex/Diners 4-6-5 and 4-6-4) and passes Luhn. The layout and boundary rules keep identifiers such
     * as UUIDs ({@code 23456789-1234-4567-...}, hex groups of 8-4-4-4-12) from ever reading as a card number.
     */
    static boolean containsCardNumber(String text) {
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!isDigit(text.charAt(i)) || (i > 0 && isAlphanumeric(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int[] digits = new int[MAX_DIGITS];
            int[] groups = new int[MAX_GROUPS];
            int count = 0;
            int groupCount = 0;
            int group = 0;
            int j = i;
            while (j < length) {
                char c = text.charAt(j);
                if (isDigit(c)) {
                    if (count < MAX_DIGITS) {
                        digits[count] = c - '0';
                    }
                    count++;
                    group++;
                } else if ((c == ' ' || c == '-') && group > 0 && j + 1 < length && isDigit(text.charAt(j + 1))) {
                    if (groupCount < MAX_GROUPS) {
                        groups[groupCount] = group;
                    }
                    groupCount++;
                    group = 0;
                } else {
                    break;
                }
                j++;
            }
            if (groupCount < MAX_GROUPS) {
                groups[groupCount] = group;
            }
            groupCount++;
            boolean standsAlone = j == length || !isAlphanumeric(text.charAt(j));
            if (standsAlone
                    && count >= MIN_DIGITS
                    && count <= MAX_DIGITS
                    && digits[0] >= 2
                    && digits[0] <= 6
                    && writtenAsACard(groups, groupCount)
                    && luhnValid(digits, count)) {
                return true;
            }
            i = j;
        }
        return false;
    }

    /** Contiguous; groups of four with a last group of one to four; or 4-6-5 (Amex) and 4-6-4 (Diners). */
    private static boolean writtenAsACard(int[] groups, int groupCount) {
        if (groupCount == 1) {
            return true;
        }
        if (groupCount > MAX_GROUPS) {
            return false;
        }
        if (groupCount == 3 && groups[0] == 4 && groups[1] == 6 && (groups[2] == 5 || groups[2] == 4)) {
            return true;
        }
        for (int g = 0; g < groupCount - 1; g++) {
            if (groups[g] != 4) {
                return false;
            }
        }
        return groups[groupCount - 1] >= 1 && groups[groupCount - 1] <= 4;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlphanumeric(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
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
