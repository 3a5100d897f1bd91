package io.voyager.gateway.observability;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the start-up warm-up's requests out of the exported HTTP server metrics
 * ({@code http_server_requests_seconds}, what the canary judge and the SLO rules read). Every answer
 * to a request of the warm-up's lane carries {@link #HEADER}, which only the gateway sets; its
 * sample gets the tag {@link #TAG}, and a meter with that tag is refused, so it is recorded nowhere.
 * Real requests get no extra tag: their series are the same as without the warm-up.
 */
@Singleton
public class WarmUpTraffic implements HttpServerMetricsTagsContributor {

    /** On the answers of the warm-up's lane only. */
    public static final String HEADER = "X-Voyager-Warm-Up";

    static final String TAG = "voyager_warm_up";
    private static final Tags WARM_UP = Tags.of(TAG, "true");

    @Override
    public Tags contribute(Context context) {
        return context.request().response().headers().contains(HEADER) ? WARM_UP : Tags.empty();
    }

    @Produces
    @Singleton
    MeterFilter refuseWarmUpSamples() {
        return MeterFilter.deny(id -> id.getTag(TAG) != null);
    }
}
