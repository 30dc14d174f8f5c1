package io.tenderlens.money;

/**
 * What a label or a column header says about the numbers under it, read the way {@link AmountParser}
 * reads labels: Chinese labels are head-final, so 报价总得分 is a score and 中标金额(万元) an award.
 */
public final class MoneyLabels {
    private MoneyLabels() {}

    /**
     * True when the header names money: its unit is a currency ({@code 单价(元)}) or its head word is a
     * money word ({@code 中标金额}, {@code 评审报价}, {@code 总价}) — not a rate ({@code 下浮率(%)}), a score
     * ({@code 报价总得分}), a count or a date.
     */
    public static boolean isMoney(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        char[] t = Fold.fold(header);
        AmountUnits.Declared declared = AmountUnits.declared(t, 0, t.length);
        if (declared.unit() != null) {
            return true;
        }
        return !declared.rate() && Labels.head(Labels.core(t, 0, t.length)) == Labels.Head.MONEY;
    }

    /** The role a label gives its amount: 预算金额 → BUDGET, 中标金额(万元) → AWARD, 评审报价 → BID… */
    public static AmountRole role(String label) {
        if (label == null) {
            return AmountRole.OTHER;
        }
        char[] t = Fold.fold(label);
        return Labels.role(Labels.core(t, 0, t.length));
    }
}
