package io.tenderlens.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Catches numbers written in another unit than the one declared for them, by consistency with an
 * amount stated elsewhere on the same page.
 *
 * <p>The rule: Chinese pages mix 元 and 万元 (and, rarely, 亿元), which differ by powers of 10⁴, so a
 * number in the wrong unit is off by a factor 10⁴ (or 10⁸). The candidates are therefore the declared
 * unit scaled by 10⁴ᵏ for k = −2…2. Each candidate is judged against a reference amount on the page
 * (the budget, or the page's total award):
 * <ol>
 *   <li>if the column's values sum to the reference (within 0.5%) in exactly one candidate, that one;
 *   <li>else the declared unit if the largest value, read in it, lies between 1/1000 of the reference and
 *       twice it (a lot, an item or an award is a share of the page's total and rarely above it);
 *   <li>else the one candidate for which that holds — the band is narrower than 10⁴, so at most one
 *       candidate can fit;
 *   <li>else the declared unit, unchanged.
 * </ol>
 * Without a reference, only the absurd is corrected: a column whose largest value would exceed 100亿
 * (10¹⁰) read in the declared unit, but not read 10⁴ smaller, is read 10⁴ smaller.
 *
 * <p>Real cases: a Tianjin award page heads its item table 单价(万元) and writes 312000 while the award
 * is 31.2万 (it is 元); a Guangxi notice prints 最高限价 9522048100 next to a budget of 952204.81 元
 * (the 万元 entry was multiplied out twice: it is 952204.81).
 */
public final class UnitCheck {
    private UnitCheck() {}

    /**
     * The decision for one column.
     *
     * @param unit      the unit to read the column's numbers in
     * @param corrected true when it differs from the declared unit
     * @param reason    why, in words (for provenance)
     */
    public record Decision(AmountUnit unit, boolean corrected, String reason) {
        /** A number of the column read in the decided unit, flagged {@link MoneyFlag#UNIT_CORRECTED} when corrected. */
        public Money read(BigDecimal value) {
            return new Money(unit.apply(value), unit.currency(), unit.per(),
                    corrected ? EnumSet.of(MoneyFlag.UNIT_CORRECTED) : EnumSet.of(MoneyFlag.UNIT_FROM_HINT),
                    value.toPlainString());
        }
    }

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal LOW = new BigDecimal("0.001");
    private static final BigDecimal HIGH = BigDecimal.valueOf(2);
    private static final BigDecimal SUM_TOLERANCE = new BigDecimal("0.005");
    private static final BigDecimal ABSURD = new BigDecimal("1E10");

    /**
     * Decide the unit of a column of bare numbers.
     *
     * @param declared  the unit the header declares
     * @param values    the column's numbers as written (before any unit is applied)
     * @param reference an amount stated elsewhere on the page for the same thing or its whole
     *                  (the budget, or the page's total award), in yuan; {@code null} when none
     */
    public static Decision reconcile(AmountUnit declared, List<BigDecimal> values, Money reference) {
        List<BigDecimal> nonZero = new ArrayList<>();
        for (BigDecimal v : values) {
            if (v != null && v.signum() > 0) {
                nonZero.add(v);
            }
        }
        if (nonZero.isEmpty()) {
            return new Decision(declared, false, "no non-zero values");
        }
        BigDecimal max = nonZero.stream().reduce(BigDecimal::max).orElseThrow();
        BigDecimal sum = nonZero.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean usable = reference != null && reference.amount().signum() > 0
                && reference.currency().equals(declared.currency());
        if (!usable) {
            BigDecimal largest = declared.apply(max);
            if (largest.compareTo(ABSURD) > 0 && largest.divide(TEN_THOUSAND).compareTo(ABSURD) <= 0) {
                AmountUnit smaller = declared.withFactor(declared.factor().divide(TEN_THOUSAND));
                return new Decision(smaller, true, "read in the declared unit the largest value " + max.toPlainString()
                        + " would exceed 100亿; read 10⁴ smaller");
            }
            return new Decision(declared, false, "no reference amount on the page");
        }
        BigDecimal ref = reference.amount();
        List<AmountUnit> candidates = new ArrayList<>();
        for (int k = -2; k <= 2; k++) {
            candidates.add(declared.withFactor(declared.factor().scaleByPowerOfTen(4 * k)));
        }
        AmountUnit bySum = null;
        int sums = 0;
        for (AmountUnit c : candidates) {
            BigDecimal total = c.apply(sum);
            BigDecimal off = total.subtract(ref).abs().divide(ref, MathContext.DECIMAL64);
            if (off.compareTo(SUM_TOLERANCE) <= 0) {
                bySum = c;
                sums++;
            }
        }
        if (sums == 1) {
            return decision(declared, bySum, "the values sum to the reference " + ref.toPlainString());
        }
        if (fits(declared, max, ref)) {
            return new Decision(declared, false, "the largest value is a plausible share of the reference "
                    + ref.toPlainString());
        }
        for (AmountUnit c : candidates) {
            if (fits(c, max, ref)) {
                return decision(declared, c, "read in the declared unit the largest value " + max.toPlainString()
                        + " is out of scale with the reference " + ref.toPlainString() + "; it fits read ×"
                        + c.factor().toPlainString());
            }
        }
        return new Decision(declared, false, "no unit makes the values fit the reference " + ref.toPlainString());
    }

    private static Decision decision(AmountUnit declared, AmountUnit chosen, String reason) {
        return new Decision(chosen, chosen.factor().compareTo(declared.factor()) != 0, reason);
    }

    private static boolean fits(AmountUnit unit, BigDecimal max, BigDecimal ref) {
        BigDecimal ratio = unit.apply(max).divide(ref, MathContext.DECIMAL64);
        return ratio.compareTo(LOW) >= 0 && ratio.compareTo(HIGH) <= 0;
    }
}
