package io.tenderlens.money;

/** How an amount was read, so callers can weigh it. */
public enum MoneyFlag {
    /**
     * The amount is zero. Set on every zero amount: a zero total is what ccgp prints when every lot
     * failed ({@code 0.000000 万元}), so it must not be taken as an award of 0 unless a supplier is
     * named for it.
     */
    ZERO,
    /** No unit was written next to the number and no header gave one: yuan was assumed. */
    UNIT_ASSUMED,
    /** The unit came from the caller's hint (a column header such as {@code 中标金额(万元)}). */
    UNIT_FROM_HINT,
    /** The declared unit was overruled by {@link UnitCheck} (a 万元 column filled in 元, or the reverse). */
    UNIT_CORRECTED,
    /** Read from 大写 numerals (壹佰万元整). */
    CHINESE_NUMERALS,
    /** The amount was stated twice (大写 and 小写) and both readings agree. */
    CROSS_CHECKED,
    /**
     * The amount was stated twice (大写 and 小写) and the readings differ; the 大写 reading is kept, as
     * government procurement evaluation rules do (大写金额和小写金额不一致的，以大写金额为准).
     */
    WRITTEN_FORMS_DISAGREE
}
