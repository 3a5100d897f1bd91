package io.voyager.gateway.processor;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/** Turns a transport-level exception from a wire client into what it means for failover. */
public final class TransportFailures {

    private TransportFailures() {}

    public static ProcessorException classify(ProcessorId processor, Throwable failure) {
        if (failure instanceof ProcessorException known) {
            return known;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new ProcessorUnreachableException(processor, failure);
            }
            if (t instanceof TimeoutException
                    || t instanceof SocketTimeoutException
                    || t instanceof InterruptedException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return new ProcessorTimeoutException(processor, failure);
            }
        }
        return new ProcessorFailureException(
                processor, "transport failure: " + failure.getClass().getSimpleName(), failure);
    }
}
