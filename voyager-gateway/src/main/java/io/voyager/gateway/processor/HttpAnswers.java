package io.voyager.gateway.processor;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

/** Reads a processor's HTTP answer body into a wire type, treating an unreadable body as a processor failure. */
public final class HttpAnswers {

    private HttpAnswers() {}

    public static <T> T read(ProcessorId processor, Response response, Class<T> type) {
        try {
            T body = response.readEntity(type);
            if (body == null) {
                throw new ProcessorFailureException(processor, response.getStatus(), "empty response body");
            }
            return body;
        } catch (ProcessingException | IllegalStateException e) {
            throw new ProcessorFailureException(
                    processor, "unreadable response body (HTTP " + response.getStatus() + ")", e);
        }
    }

    /** Reads an error body if it is readable; a proxy's HTML error page gives {@code null}. */
    public static <T> T tryRead(Response response, Class<T> type) {
        try {
            return response.readEntity(type);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The common status rules: 5xx is a processor failure; any other non-2xx a rejection. */
    public static ProcessorException unexpectedStatus(ProcessorId processor, int status, String errorCode) {
        if (status >= 500) {
            return new ProcessorFailureException(processor, status, "server error " + errorCode);
        }
        return new ProcessorRejectedException(processor, status, errorCode);
    }
}
