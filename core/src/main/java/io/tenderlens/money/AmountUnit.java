package io.tenderlens.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The unit a bare number is written in: a power-of-ten multiplier of a currency
 * ({@code 万元} = 10⁴ CNY), optionally per period or per item ({@code 元/年}).
 */
public record AmountUnit(BigDecimal factor, String currency, String per) {

    public static final AmountUnit YUAN = new AmountUnit(BigDecimal.ONE, Money.CNY, null);
    public static final AmountUnit WAN_YUAN = new AmountUnit(BigDecimal.valueOf(10_000), Money.CNY, null);
    public static final AmountUnit YI_YUAN = new AmountUnit(BigDecimal.valueOf(100_000_000), Money.CNY, null);

    public AmountUnit {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(currency, "currency");
        factor = Money.normalise(factor);
    }

    /** The amount in units of the currency: {@code value × factor}. */
    public BigDecimal apply(BigDecimal value) {
        return Money.normalise(value.multiply(factor));
    }

    /** This unit with another multiplier, same currency and basis. */
    public AmountUnit withFactor(BigDecimal newFactor) {
        return new AmountUnit(newFactor, currency, per);
    }
}
