package io.tenderlens.money;

import java.math.BigDecimal;
import java.util.List;

/** Catches a column whose header declares one unit while its numbers are written in another. */
public final class UnitCheck {
    private UnitCheck() {}

    /**
     * The decision for one column.
     *
     * @param unit      the unit to read the column's numbers in
     * @param corrected true when it differs from the declared unit
     * @param reason    why, in words (for provenance)
     */
    public record Decision(AmountUnit unit, boolean corrected, String reason) {}

    /**
     * Decide the unit of a column of bare numbers.
     *
     * @param declared  the unit the header declares
     * @param values    the column's numbers as written (before any unit is applied)
     * @param reference an amount stated elsewhere on the page for the same thing or its whole
     *                  (the budget, or the page's total award), in yuan; {@code null} when none
     */
    public static Decision reconcile(AmountUnit declared, List<BigDecimal> values, Money reference) {
        throw new UnsupportedOperationException("in progress");
    }
}
