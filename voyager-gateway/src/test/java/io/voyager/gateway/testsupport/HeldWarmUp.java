package io.voyager.gateway.testsupport;

import io.voyager.gateway.authorization.AuthorizationWarmUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code voyager-test.hold-warm-up=true}, holds the start-up warm-up just before its first
 * request until a test {@link #release}s it, so the test sees the gateway as it is while warming up.
 * Never longer than {@link #MOST_SECONDS}: a test that fails before releasing does not hang the run.
 */
@ApplicationScoped
public class HeldWarmUp {

    public static final String PROPERTY = "voyager-test.hold-warm-up";
    private static final long MOST_SECONDS = 120;

    private final boolean hold;
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean reached;

    HeldWarmUp(@ConfigProperty(name = PROPERTY, defaultValue = "false") boolean hold) {
        this.hold = hold;
    }

    void hold(@Observes AuthorizationWarmUp.Starting starting) throws InterruptedException {
        reached = true;
        if (hold) {
            released.await(MOST_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Whether the warm-up came as far as its first request (and is held there, if holding). */
    public boolean reached() {
        return reached;
    }

    public void release() {
        released.countDown();
    }
}
