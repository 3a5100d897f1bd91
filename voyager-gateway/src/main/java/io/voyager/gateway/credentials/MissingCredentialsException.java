package io.voyager.gateway.credentials;

/** Names the processor and the missing field, never a value. */
public final class MissingCredentialsException extends RuntimeException {

    public MissingCredentialsException(String processor, String field, String source) {
        super("No " + field + " for processor " + processor + " in " + source);
    }
}
