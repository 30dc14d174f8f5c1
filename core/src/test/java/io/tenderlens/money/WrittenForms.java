package io.tenderlens.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Writes an amount the ways Chinese pages do — the other side of {@link AmountParser}, written
 * independently of it for round-trip tests.
 */
final class WrittenForms {
    private WrittenForms() {}

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿"};

    /** 大写 as on a bid form: 壹亿零伍佰元叁角, 壹拾万元整, 零元整. Amounts below 10¹² with at most 2 decimals. */
    static String formal(BigDecimal yuan) {
        BigInteger fen = yuan.movePointRight(2).toBigIntegerExact();
        long integer = fen.divide(BigInteger.valueOf(100)).longValueExact();
        int jiao = fen.mod(BigInteger.valueOf(100)).intValue() / 10;
        int f = fen.mod(BigInteger.TEN).intValue();
        StringBuilder b = new StringBuilder();
        if (integer == 0) {
            b.append(jiao == 0 && f == 0 ? "零元" : "");
        } else {
            int[] groups = {(int) (integer / 100_000_000L), (int) (integer / 10_000L % 10_000L), (int) (integer % 10_000L)};
            boolean written = false;
            boolean gap = false;
            for (int g = 0; g < 3; g++) {
                int value = groups[g];
                if (value == 0) {
                    gap |= written;
                    continue;
                }
                if (written && (gap || value < 1000)) {
                    b.append('零');
                }
                b.append(group(value)).append(GROUPS[2 - g]);
                written = true;
                gap = false;
            }
            b.append('元');
        }
        if (jiao == 0 && f == 0) {
            return b.append('整').toString();
        }
        if (jiao > 0) {
            b.append(DIGITS.charAt(jiao)).append('角');
        } else if (integer > 0) {
            b.append('零');
        }
        if (f > 0) {
            b.append(DIGITS.charAt(f)).append('分');
        }
        return b.toString();
    }

    private static String group(int value) {
        StringBuilder b = new StringBuilder();
        boolean zero = false;
        for (int p = 3; p >= 0; p--) {
            int d = value / (int) Math.pow(10, p) % 10;
            if (d == 0) {
                zero |= b.length() > 0;
            } else {
                if (zero) {
                    b.append('零');
                    zero = false;
                }
                b.append(DIGITS.charAt(d)).append(PLACES[p]);
            }
        }
        return b.toString();
    }

    /** 1,234,567.89 */
    static String grouped(BigDecimal value) {
        String plain = value.toPlainString();
        int point = plain.indexOf('.');
        String integer = point < 0 ? plain : plain.substring(0, point);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(integer.charAt(i));
        }
        return b + (point < 0 ? "" : plain.substring(point));
    }

    /** Full-width digits, point and comma: １，２３４．５０ */
    static String fullWidth(String ascii) {
        StringBuilder b = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c == '.' ? '．' : c == ',' ? '，' : c);
        }
        return b.toString();
    }

    /** 668.790000: the ccgp summary's 万元 with six decimals. */
    static String wanSixDecimals(BigDecimal yuan) {
        return yuan.movePointLeft(4).setScale(6, RoundingMode.UNNECESSARY).toPlainString();
    }
}
