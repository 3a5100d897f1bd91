package io.voyager.gateway.processor;

import java.util.Locale;
import java.util.Map;

/**
 * Normalizes each processor's refusal vocabulary to Stripe-style decline codes, so merchants see
 * one set of codes whichever processor answered.
 */
public final class DeclineCodes {

    public static final String INSUFFICIENT_FUNDS = "insufficient_funds";
    private static final String GENERIC = "card_declined";

    private static final Map<String, String> ADYEN = Map.of(
            "Not enough balance", INSUFFICIENT_FUNDS,
            "Expired Card", "expired_card",
            "Invalid Card Number", "incorrect_number",
            "CVC Declined", "incorrect_cvc",
            "FRAUD", "fraudulent");

    private static final Map<String, String> MERCADOPAGO = Map.of(
            "cc_rejected_insufficient_amount", INSUFFICIENT_FUNDS,
            "cc_rejected_bad_filled_date", "expired_card",
            "cc_rejected_bad_filled_card_number", "incorrect_number",
            "cc_rejected_bad_filled_security_code", "incorrect_cvc",
            "cc_rejected_high_risk", "fraudulent");

    private DeclineCodes() {}

    public static String adyen(String refusalReason) {
        return refusalReason == null ? GENERIC : ADYEN.getOrDefault(refusalReason, snakeCase(refusalReason));
    }

    public static String mercadoPago(String statusDetail) {
        return statusDetail == null
                ? GENERIC
                : MERCADOPAGO.getOrDefault(statusDetail, statusDetail.replaceFirst("^cc_rejected_", ""));
    }

    private static String snakeCase(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}
