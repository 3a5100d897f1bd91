package io.voyager.gateway.processor;

import java.math.BigDecimal;

/**
 * An amount in minor units of an ISO 4217 currency. The exponent comes from the currency
 * (JPY 0, USD 2, BHD 3), so {@link #toDecimal()} is exact.
 */
public record Money(long minorUnits, String currency, int exponent) {

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minorUnits, exponent);
    }
}
