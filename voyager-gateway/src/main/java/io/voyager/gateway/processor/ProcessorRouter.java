package io.voyager.gateway.processor;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Picks the ordered processors to try for a payment: named, or by currency, minus disabled ones. */
@ApplicationScoped
public class ProcessorRouter {

    private final ProcessorsConfig processors;
    private final Map<String, List<ProcessorId>> routeByCurrency = new HashMap<>();
    private final List<ProcessorId> defaultRoute;

    ProcessorRouter(RoutingConfig routing, ProcessorsConfig processors) {
        this.processors = processors;
        this.defaultRoute = parse("voyager.routing.default-route", routing.defaultRoute());
        routing.routes().forEach((name, route) -> {
            List<ProcessorId> order = parse("voyager.routing.routes." + name + ".processors", route.processors());
            for (String currency : route.currencies()) {
                String code = currency.trim().toUpperCase(Locale.ROOT);
                if (routeByCurrency.put(code, order) != null) {
                    throw new IllegalStateException(
                            "Currency " + code + " appears in more than one route under voyager.routing.routes");
                }
            }
        });
    }

    /** The processors to try, in order. Empty when every candidate is disabled. */
    public List<ProcessorId> route(String currency, Optional<ProcessorId> named) {
        List<ProcessorId> candidates =
                named.map(List::of).orElseGet(() -> routeByCurrency.getOrDefault(currency, defaultRoute));
        return candidates.stream().filter(id -> processors.of(id).enabled()).toList();
    }

    private static List<ProcessorId> parse(String property, List<String> names) {
        List<ProcessorId> ids = names.stream()
                .map(String::trim)
                .map(name -> ProcessorId.byLabel(name)
                        .orElseThrow(() -> new IllegalStateException("Unknown processor '" + name + "' in " + property
                                + "; known: stripe, adyen, mercadopago")))
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            throw new IllegalStateException(property + " must list at least one processor");
        }
        return ids;
    }
}
