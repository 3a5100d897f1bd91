package io.voyager.gateway.authorization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voyager.gateway.problem.Problem.FieldError;
import io.voyager.gateway.problem.ProblemException;
import io.voyager.gateway.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and validates an authorization request. The body is parsed as a tree rather than bound to
 * a type, so every field (including unknown ones) can be checked for card numbers and every wrong
 * type becomes a field error instead of a binding exception.
 */
@ApplicationScoped
public class AuthorizationRequestParser {

    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]+");
    private static final Pattern MERCHANT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_IDEMPOTENCY_KEY = 255;
    /** Adyen's limit for a merchant reference, the strictest of the three processors. */
    private static final int MAX_REFERENCE = 80;

    private final ObjectMapper json;
    private final AuthorizationConfig limits;

    AuthorizationRequestParser(ObjectMapper json, AuthorizationConfig limits) {
        this.json = json;
        this.limits = limits;
    }

    public String idempotencyKey(String header) {
        if (header == null || header.isEmpty()) {
            throw ProblemException.of(ProblemType.INVALID_IDEMPOTENCY_KEY, "The Idempotency-Key header is required");
        }
        if (header.length() > MAX_IDEMPOTENCY_KEY
                || !PRINTABLE_ASCII.matcher(header).matches()) {
            throw ProblemException.of(
                    ProblemType.INVALID_IDEMPOTENCY_KEY, "Idempotency-Key must be 1 to 255 printable ASCII characters");
        }
        if (CardNumberDetector.containsCardNumber(header)) {
            throw cardNumber();
        }
        return header;
    }

    public AuthorizationRequest parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.of(ProblemType.MALFORMED_JSON, "The request body is empty");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > limits.maxBodyBytes()) {
            throw ProblemException.of(
                    ProblemType.PAYLOAD_TOO_LARGE, "The body exceeds " + limits.maxBodyBytes() + " bytes");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the input, which may hold card data: report only the position.
            throw ProblemException.of(
                    ProblemType.MALFORMED_JSON,
                    "Invalid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.of(ProblemType.MALFORMED_JSON, "The body must be a JSON object");
        }
        if (CardNumberDetector.containsCardNumber(root)) {
            throw cardNumber();
        }
        return validate(root);
    }

    private AuthorizationRequest validate(JsonNode root) {
        List<FieldError> errors = new ArrayList<>();
        String merchantId = text(root, "merchantId", errors);
        if (merchantId != null && !MERCHANT_ID.matcher(merchantId).matches()) {
            errors.add(new FieldError("merchantId", "must be 1 to 64 letters, digits, '_' or '-'"));
        }
        String reference = text(root, "reference", errors);
        if (reference != null
                && (reference.length() > MAX_REFERENCE
                        || !PRINTABLE_ASCII.matcher(reference).matches())) {
            errors.add(new FieldError("reference", "must be 1 to " + MAX_REFERENCE + " printable ASCII characters"));
        }
        Amount amount = amount(root, errors);
        String token = null;
        JsonNode paymentMethod = root.get("paymentMethod");
        if (paymentMethod == null || paymentMethod.isNull()) {
            errors.add(new FieldError("paymentMethod", "is required"));
        } else if (!paymentMethod.isObject()) {
            errors.add(new FieldError("paymentMethod", "must be an object"));
        } else {
            token = text(paymentMethod, "paymentMethod.token", "token", errors);
            if (token != null && !TOKEN.matcher(token).matches()) {
                errors.add(new FieldError("paymentMethod.token", "must be 1 to 255 letters, digits, '_' or '-'"));
            }
        }
        Optional<String> processor = Optional.empty();
        JsonNode named = root.get("processor");
        if (named != null && !named.isNull()) {
            if (named.isTextual()) {
                processor = Optional.of(named.asText());
            } else {
                errors.add(new FieldError("processor", "must be a string"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new AuthorizationRequest(
                merchantId, reference, amount, new AuthorizationRequest.PaymentMethod(token), processor);
    }

    private Amount amount(JsonNode root, List<FieldError> errors) {
        JsonNode amount = root.get("amount");
        if (amount == null || amount.isNull()) {
            errors.add(new FieldError("amount", "is required"));
            return null;
        }
        if (!amount.isObject()) {
            errors.add(new FieldError("amount", "must be an object"));
            return null;
        }
        JsonNode value = amount.get("value");
        Long minorUnits = null;
        if (value == null || value.isNull()) {
            errors.add(new FieldError("amount.value", "is required"));
        } else if (!value.isIntegralNumber()) {
            errors.add(new FieldError("amount.value", "must be an integer number of minor units"));
        } else if (value.bigIntegerValue().signum() <= 0) {
            errors.add(new FieldError("amount.value", "must be greater than 0"));
        } else if (!value.canConvertToLong() || value.longValue() > limits.maxAmountMinorUnits()) {
            errors.add(new FieldError("amount.value", "must be at most " + limits.maxAmountMinorUnits()));
        } else {
            minorUnits = value.longValue();
        }
        String currency = text(amount, "amount.currency", "currency", errors);
        if (currency != null && !isIso4217(currency)) {
            errors.add(new FieldError("amount.currency", "must be an ISO 4217 currency code such as USD"));
            currency = null;
        }
        return minorUnits == null || currency == null ? null : new Amount(minorUnits, currency);
    }

    static boolean isIso4217(String code) {
        if (!CURRENCY.matcher(code).matches()) {
            return false;
        }
        try {
            // Funds, metals and "no currency" codes have no minor unit and cannot be authorized.
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static String text(JsonNode parent, String field, List<FieldError> errors) {
        return text(parent, field, field, errors);
    }

    private static String text(JsonNode parent, String path, String field, List<FieldError> errors) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            errors.add(new FieldError(path, "is required"));
            return null;
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            errors.add(new FieldError(path, "must be a non-empty string"));
            return null;
        }
        return node.asText();
    }

    static ProblemException cardNumber() {
        return ProblemException.of(
                ProblemType.CARD_NUMBER_IN_REQUEST,
                "The request contains what looks like a card number. Tokenize the card and send paymentMethod.token.");
    }
}
