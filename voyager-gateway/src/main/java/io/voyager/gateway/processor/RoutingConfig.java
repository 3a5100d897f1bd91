package io.voyager.gateway.processor;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;

/**
 * Routing when the client names no processor: each named route lists currencies and an ordered
 * processor list (primary first, then fallbacks). Currencies in no route use the default route.
 */
@ConfigMapping(prefix = "voyager.routing")
public interface RoutingConfig {

    Map<String, Route> routes();

    List<String> defaultRoute();

    interface Route {

        List<String> currencies();

        List<String> processors();
    }
}
