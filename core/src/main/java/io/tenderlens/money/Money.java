package io.tenderlens.money;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An exact amount of money as a notice states it.
 *
 * @param amount   the amount in units of {@code currency}: yuan for CNY, never 万元 (a 万元 figure is
 *                 multiplied out). Trailing zeros are stripped, but the scale is never negative
 *                 ({@code 6687920.0元} is {@code 6687920}, {@code 0.50元} is {@code 0.5}).
 * @param currency ISO 4217 code, {@code "CNY"} unless the text names another currency
 * @param per      {@code null} for a sum; otherwise what the sum is per, as written after the slash
 *                 ({@code "年"} for {@code 264.85万元/年}, {@code "吨"} for {@code 元/吨}) — a rate, not a total
 * @param flags    how the amount was read; see {@link MoneyFlag}
 * @param text     the source text the amount was read from (trimmed), for provenance
 */
public record Money(BigDecimal amount, String currency, String per, Set<MoneyFlag> flags, String text) {

    public static final String CNY = "CNY";

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = normalise(amount);
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        if (amount.signum() == 0 && !flags.contains(MoneyFlag.ZERO)) {
            EnumSet<MoneyFlag> withZero = flags.isEmpty() ? EnumSet.noneOf(MoneyFlag.class) : EnumSet.copyOf(flags);
            withZero.add(MoneyFlag.ZERO);
            flags = Set.copyOf(withZero);
        }
    }

    /** A plain sum with no source text. */
    public Money(BigDecimal amount, String currency) {
        this(amount, currency, null, Set.of(), null);
    }

    /** A plain sum in yuan. */
    public static Money cny(BigDecimal yuan) {
        return new Money(yuan, CNY);
    }

    /** A plain sum in yuan from its decimal text, e.g. {@code cny("6687920.00")}. */
    public static Money cny(String yuan) {
        return cny(new BigDecimal(yuan));
    }

    /** True when this is a sum, false for a rate per period or per unit ({@code 元/年}, {@code 元/吨}). */
    public boolean isTotal() {
        return per == null;
    }

    /**
     * True when the written amount is zero. A zero is never by itself an award of 0: the ccgp summary
     * row {@code 总中标金额 ￥0.000000 万元} is what the template prints when no lot was awarded.
     * Callers record a zero as an award value only when the same passage names a supplier for it.
     */
    public boolean isZero() {
        return flags.contains(MoneyFlag.ZERO);
    }

    public boolean has(MoneyFlag flag) {
        return flags.contains(flag);
    }

    /** Strip trailing zeros but keep integers integral ({@code 1E+6} would print badly in JSON). */
    static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency + (per == null ? "" : "/" + per)
                + (flags.isEmpty() ? "" : " " + EnumSet.copyOf(flags));
    }
}
