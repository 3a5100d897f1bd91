package io.voyager.rollouts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.voyager.rollouts.goplugin.PluginListener;

/** Settings of the plugin process. */
@ConfigMapping(prefix = "voyager.plugin")
public interface PluginConfig {

    /** Which socket to listen on. */
    @WithDefault("AUTO")
    PluginListener.Kind listener();

    /** Calls answered at the same time on one stream; further requests wait to be read. */
    @WithDefault("8")
    int maxConcurrentCalls();
}
