package io.tenderlens.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Exact-decimal arithmetic the JDK lacks: shares, n-th roots. */
public final class Decimals {
    /** 34 significant digits (IEEE decimal128): every intermediate result of the metrics. */
    public static final MathContext MC = MathContext.DECIMAL128;

    private Decimals() {}

    /** {@code part / whole}, or null when {@code whole} is zero. */
    public static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, MC);
    }

    /** The positive n-th root of {@code x} (x ≥ 0, n ≥ 1), by Newton's method to {@link #MC} precision. */
    public static BigDecimal root(BigDecimal x, int n) {
        if (x.signum() < 0 || n < 1) {
            throw new IllegalArgumentException("root of " + x + " with n = " + n);
        }
        if (x.signum() == 0 || n == 1) {
            return x;
        }
        BigDecimal nn = BigDecimal.valueOf(n);
        // start from the double estimate, then refine: r ← ((n−1)·r + x / r^(n−1)) / n
        BigDecimal r = new BigDecimal(Math.pow(x.doubleValue(), 1.0 / n), MC);
        if (r.signum() == 0) {
            r = BigDecimal.ONE;
        }
        for (int i = 0; i < 200; i++) {
            BigDecimal next = nn.subtract(BigDecimal.ONE).multiply(r).add(x.divide(r.pow(n - 1, MC), MC)).divide(nn, MC);
            if (next.subtract(r).abs().compareTo(r.ulp().multiply(BigDecimal.TEN)) <= 0) {
                return next;
            }
            r = next;
        }
        return r;
    }

    /** A fraction as a percentage with {@code scale} decimals: 0.43636… → 43.64. */
    public static BigDecimal percent(BigDecimal fraction, int scale) {
        return fraction == null ? null : fraction.movePointRight(2).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
