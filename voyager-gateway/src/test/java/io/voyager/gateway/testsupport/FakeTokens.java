package io.voyager.gateway.testsupport;

/** The payment tokens every processor fake understands. */
public final class FakeTokens {

    public static final String APPROVED = "tok_approved";
    public static final String DECLINED = "tok_declined";
    /** The processor answers HTTP 500. */
    public static final String ERROR = "tok_error";
    /** The processor answers after {@link #HANG_MS}, past every timeout (tests use 4 s, production 350 ms). */
    public static final String TIMEOUT = "tok_timeout";
    /** The processor refuses the request's content with a 4xx. */
    public static final String REJECTED = "tok_rejected";

    public static final int HANG_MS = 6000;

    private FakeTokens() {}
}
