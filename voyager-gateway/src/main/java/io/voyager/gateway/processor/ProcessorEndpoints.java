package io.voyager.gateway.processor;

import java.net.URI;

/** Resolves the base URL an adapter sends a request to. */
public interface ProcessorEndpoints {

    URI baseUri(ProcessorId processor, ProcessorRequest request);
}
