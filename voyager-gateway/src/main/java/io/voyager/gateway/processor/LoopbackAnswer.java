package io.voyager.gateway.processor;

/** A processor's HTTP answer as it is on the wire: status and JSON body. */
public record LoopbackAnswer(int status, String json) {}
