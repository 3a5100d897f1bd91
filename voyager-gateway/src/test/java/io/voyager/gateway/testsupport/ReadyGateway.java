package io.voyager.gateway.testsupport;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.voyager.gateway.authorization.AuthorizationWarmUp;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Every {@code @QuarkusTest} starts against a ready gateway, as traffic only reaches a ready pod:
 * before each test, waits until the start-up warm-up is over, so no test shares the cores with it.
 * A test class about the warm-up itself opts out with {@link WatchesWarmUp}.
 */
public class ReadyGateway implements QuarkusTestBeforeEachCallback {

    /** A bound on waiting, not a measure: past it something is broken, whatever the machine's load. */
    private static final long WAIT_SECONDS = 120;

    /** On a test class that looks at the gateway while its warm-up runs. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface WatchesWarmUp {}

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (context.getTestInstance().getClass().isAnnotationPresent(WatchesWarmUp.class)) {
            return;
        }
        AuthorizationWarmUp warmUp =
                Arc.container().instance(AuthorizationWarmUp.class).get();
        await("the gateway's warm-up over", warmUp::over);
    }

    /** Polls until the condition holds; fails, naming it, if it never does. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not so within " + WAIT_SECONDS + " s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }
}
