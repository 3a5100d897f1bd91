package io.voyager.rollouts.testsupport;

import io.voyager.rollouts.judgeplugin.JudgeSettingsParser;

/** What the interop host's fixture metric (argo.CanaryMetric in src/test/go) gets back from Run. */
public final class InteropFixture {
    /** Its plugin config, which predates the judge's schema. */
    public static final String PLUGIN_CONFIG = "{\"prometheusAddress\":\"http://prometheus.monitoring:9090\","
            + "\"service\":\"voyager-gateway\",\"canaryHash\":\"7d9c8f\",\"stableHash\":\"5b6f4a\"}";
    /** So every Run is an Error measurement naming the fields the judge does not know. */
    public static final String RUN_MESSAGE =
            JudgeSettingsParser.parseJson(PLUGIN_CONFIG).errorMessage();

    private InteropFixture() {}
}
