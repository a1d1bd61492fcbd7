package io.tally.attribution.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import io.tally.events.Money;

/**
 * Converts minor-unit amounts between currencies at a rate, exactly and consistently: a total converts by rounding
 * (half-even) to the target's minor units, and the parts of a total are apportioned so they add up to the converted
 * total (each part rounded, then the leftover minor units given to the parts that lost most to rounding).
 */
public final class FxConversion {

    private FxConversion() {
    }

    /** {@code minor} units of {@code from} at {@code rate}, in minor units of {@code to}. */
    public static long convert(long minor, String from, String to, BigDecimal rate) {
        return exact(minor, from, to, rate).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** Each part converted, the results adding up exactly to the converted sum of the parts. */
    static long[] apportion(long[] parts, String from, String to, BigDecimal rate) {
        long total = convert(Arrays.stream(parts).sum(), from, to, rate);
        BigDecimal[] exact = new BigDecimal[parts.length];
        long[] out = new long[parts.length];
        long sum = 0;
        for (int i = 0; i < parts.length; i++) {
            exact[i] = exact(parts[i], from, to, rate);
            out[i] = exact[i].setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            sum += out[i];
        }
        long left = total - sum;
        int step = left > 0 ? 1 : -1;
        // the parts whose rounding moved them furthest from the direction the leftover goes come first
        Integer[] order = IntStream.range(0, parts.length).boxed().sorted(Comparator
                .comparing(
                        (Integer i) -> exact[i].subtract(BigDecimal.valueOf(out[i])).multiply(BigDecimal.valueOf(step)))
                .reversed().thenComparing(i -> i)).toArray(Integer[]::new);
        for (int k = 0; left != 0; k = (k + 1) % parts.length) {
            out[order[k]] += step;
            left -= step;
        }
        return out;
    }

    /** The exact converted amount in minor units of {@code to} (not rounded). */
    private static BigDecimal exact(long minor, String from, String to, BigDecimal rate) {
        return Money.ofMinor(minor, from).amount().multiply(rate).movePointRight(Money.fractionDigits(to));
    }
}
