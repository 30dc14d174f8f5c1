package io.tenderlens.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How numbers are shown to readers; the exact values stay in the .xlsx and .csv files. */
public final class ReportFormat {
    private static final BigDecimal TEN_THOUSAND = new BigDecimal(10_000);

    private ReportFormat() {}

    /** 27080000 → "27,080,000.00". */
    public static String amount(BigDecimal v) {
        return v == null ? "—" : grouped(v.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** 27080000 → "2,708.00万". */
    public static String tenThousands(BigDecimal v) {
        return v == null ? "—" : grouped(v.divide(TEN_THOUSAND).setScale(2, RoundingMode.HALF_EVEN)) + "万";
    }

    /** 0.436363… → "43.64%". */
    public static String percent(BigDecimal fraction) {
        return fraction == null ? "—" : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    public static String decimal(BigDecimal v) {
        return v == null ? "—" : v.setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static final ThreadLocal<DecimalFormat> GROUPED = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)));

    /** {@code v} (already at two decimals) with thousands separators; DecimalFormat formats a BigDecimal exactly. */
    private static String grouped(BigDecimal v) {
        return GROUPED.get().format(v);
    }
}
