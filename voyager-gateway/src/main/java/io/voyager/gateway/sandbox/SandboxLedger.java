package io.voyager.gateway.sandbox;

import io.voyager.gateway.processor.ProcessorId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Remembers answers by idempotency key, like the real processors, so a replay returns the same result. */
final class SandboxLedger {

    private static final int CAPACITY = 100_000;

    private final Map<String, SandboxReply> replies = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SandboxReply> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized SandboxReply find(ProcessorId processor, String idempotencyKey) {
        return idempotencyKey == null ? null : replies.get(processor.label() + '/' + idempotencyKey);
    }

    synchronized void remember(ProcessorId processor, String idempotencyKey, SandboxReply reply) {
        if (idempotencyKey != null) {
            replies.put(processor.label() + '/' + idempotencyKey, reply);
        }
    }
}
