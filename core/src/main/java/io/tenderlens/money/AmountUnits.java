package io.tenderlens.money;

import java.util.Optional;

/** Units declared in labels and column headers. */
public final class AmountUnits {
    private AmountUnits() {}

    /**
     * The money unit a header or label declares: {@code 中标金额(万元)} → 万元, {@code 预算总金额（元）} → 元,
     * {@code 单价（元/吨）} → 元 per 吨. Empty when it declares none or declares a rate ({@code 下浮系数(%)}).
     */
    public static Optional<AmountUnit> fromHeader(String header) {
        throw new UnsupportedOperationException("in progress");
    }
}
