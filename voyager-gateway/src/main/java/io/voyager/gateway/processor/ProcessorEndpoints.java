package io.voyager.gateway.processor;

import java.net.URI;

/** Where each processor lives. Asked once per processor, when its adapter builds its wire client. */
public interface ProcessorEndpoints {

    URI baseUri(ProcessorId processor);
}
