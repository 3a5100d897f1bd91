package io.voyager.gateway.observability;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Adds {@code X-Voyager-Version} to every response, including health, metrics and errors. */
@ApplicationScoped
public class VersionHeader {

    public static final String NAME = "X-Voyager-Version";

    void install(@Observes Router router, BuildVersion version) {
        String value = version.value();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(ignored -> ctx.response().headers().set(NAME, value));
            ctx.next();
        });
    }
}
