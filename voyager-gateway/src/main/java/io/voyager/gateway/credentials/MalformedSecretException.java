package io.voyager.gateway.credentials;

/** A secret that cannot be used. Names the secret and the field, never a value. */
public final class MalformedSecretException extends RuntimeException {

    public MalformedSecretException(String secret, String problem) {
        super("Secret " + secret + ": " + problem);
    }
}
