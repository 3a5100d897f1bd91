package io.voyager.gateway.problem;

/** Every kind of error the gateway returns, each with a stable RFC 9457 {@code type} URI. */
public enum ProblemType {
    MALFORMED_JSON("malformed-json", 400, "Request body is not valid JSON"),
    INVALID_REQUEST("invalid-request", 400, "Request is invalid"),
    CARD_NUMBER_IN_REQUEST("card-number-in-request", 400, "Raw card numbers are not accepted; send a payment token"),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key", 400, "Idempotency-Key header is missing or invalid"),
    UNAUTHENTICATED("unauthenticated", 401, "A valid merchant API key is required"),
    MERCHANT_MISMATCH("merchant-mismatch", 403, "The API key does not belong to this merchant"),
    NOT_FOUND("not-found", 404, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Cannot produce an acceptable representation"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Content-Type must be application/json"),
    UNKNOWN_PROCESSOR("unknown-processor", 422, "Unknown processor"),
    PROCESSOR_ERROR("processor-error", 502, "The processor could not authorize the payment"),
    PROCESSOR_UNAVAILABLE("processor-unavailable", 503, "No processor is available"),
    PROCESSOR_TIMEOUT("processor-timeout", 504, "The processor did not answer in time"),
    BAD_REQUEST("bad-request", 400, "Bad request"),
    INTERNAL_ERROR("internal-error", 500, "Internal error");

    private static final String TYPE_PREFIX = "urn:voyager:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return TYPE_PREFIX + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
