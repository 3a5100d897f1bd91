package io.voyager.gateway.credentials;

/**
 * The single way adapters obtain credentials. Sources (configuration today; Secrets Manager and
 * mounted files later) sit behind it, so an adapter never knows where a key came from.
 */
public interface CredentialsProvider {

    /**
     * The credentials to use for a request starting now. Callers keep the returned value for the
     * whole request, so a rotation never changes a key mid-flight.
     *
     * @throws MissingCredentialsException if the processor has none
     */
    ProcessorCredentials current(String processor);

    /** Re-reads the source now, e.g. after a processor refused the key with 401/403. */
    void forceRefresh(String processor);
}
