package io.voyager.gateway.sandbox;

import io.vertx.core.json.JsonObject;

/** An HTTP answer of a sandbox processor. */
record SandboxReply(int status, JsonObject body) {}
