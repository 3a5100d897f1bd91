package io.voyager.gateway.authorization;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An amount in minor units of an ISO 4217 currency, as clients send and receive it. */
@RegisterForReflection
public record Amount(long value, String currency) {}
