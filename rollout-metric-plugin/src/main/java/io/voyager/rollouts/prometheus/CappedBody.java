package io.voyager.rollouts.prometheus;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a byte cap, asking for one chunk at a time; past the cap it cancels the
 * subscription (the connection is dropped), so a runaway query result never fills the heap. Chunks are kept
 * at their exact size and joined once: a body takes at most twice the cap, never a grown buffer's slack.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long cap;
    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(long cap) {
        this.cap = cap;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : chunk) {
            if (size + buffer.remaining() > cap) {
                subscription.cancel();
                result.completeExceptionally(new BodyTooLargeException(cap));
                return;
            }
            byte[] copy = new byte[buffer.remaining()];
            buffer.get(copy);
            chunks.add(copy);
            size += copy.length;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        byte[] body = new byte[(int) size];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, body, at, chunk.length);
            at += chunk.length;
        }
        chunks.clear();
        result.complete(body);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** The body went past the cap. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(long cap) {
            super("response body larger than " + cap + " bytes", null, false, false);
        }
    }
}
