package io.tally.events;

import java.math.BigDecimal;
import java.util.Currency;

import io.tally.events.validation.Violations;

/**
 * An exact amount in an ISO 4217 currency. On the wire the amount is a JSON string ({@code "12.34"}); its scale may not
 * exceed the currency's minor units (two for EUR, zero for JPY).
 */
public record Money(BigDecimal amount, String currency) {

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /** The amount for {@code minorUnits} of {@code currency} (1234 EUR cents = 12.34 EUR). */
    public static Money ofMinor(long minorUnits, String currency) {
        return new Money(BigDecimal.valueOf(minorUnits, fractionDigits(currency)), currency);
    }

    /** The amount in minor units (cents); exact, never rounded. */
    public long toMinorUnits() {
        return amount.movePointRight(fractionDigits(currency)).longValueExact();
    }

    /** Minor-unit digits of an ISO 4217 currency (2 for EUR, 0 for JPY, 3 for BHD). */
    public static int fractionDigits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    public void validate(Violations v) {
        boolean hasAmount = v.required("amount", amount);
        v.bounded("amount", amount);
        boolean knownCurrency = v.currency("currency", currency);
        if (hasAmount && knownCurrency && amount.stripTrailingZeros().scale() > fractionDigits(currency)) {
            v.add("amount", "has more decimals than " + currency + " allows (" + fractionDigits(currency) + ")");
        }
    }
}
