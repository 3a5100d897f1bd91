package io.voyager.gateway.testsupport;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/** A WireMock admin client for one processor fake, found through the gateway's configuration. */
public final class Fakes {

    private Fakes() {}

    public static WireMock of(String processor) {
        URI uri = ConfigProvider.getConfig().getValue("voyager.processors." + processor + ".base-url", URI.class);
        return new WireMock(uri.getHost(), uri.getPort());
    }
}
