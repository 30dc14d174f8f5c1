package io.tenderlens.money;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads amounts written in Chinese numerals: 大写 (壹贰叁…拾佰仟万亿元角分整) and the everyday forms
 * (一二三…十百千). Positional digit strings (二〇二三) are dates, not money, and are rejected.
 */
final class ChineseNumerals {
    private ChineseNumerals() {}

    /** An amount read from Chinese numerals: value in the currency's main unit, end offset, whether 大写 was used. */
    record Reading(BigDecimal value, int end, boolean formal, boolean yuan) {}

    static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '壹', '一' -> 1;
            case '贰', '貳', '二', '两', '兩' -> 2;
            case '叁', '參', '三' -> 3;
            case '肆', '四' -> 4;
            case '伍', '五' -> 5;
            case '陆', '陸', '六' -> 6;
            case '柒', '七' -> 7;
            case '捌', '八' -> 8;
            case '玖', '九' -> 9;
            default -> -1;
        };
    }

    static int smallUnit(char c) {
        return switch (c) {
            case '拾', '十' -> 10;
            case '佰', '百' -> 100;
            case '仟', '千' -> 1000;
            default -> 0;
        };
    }

    static boolean isBigUnit(char c) {
        return c == '万' || c == '萬' || c == '亿' || c == '億';
    }

    /** A char that can belong to the integer part of a Chinese numeral amount. */
    static boolean isNumeral(char c) {
        return digit(c) >= 0 || smallUnit(c) > 0 || isBigUnit(c);
    }

    /** A char only used in formal 大写 writing (or 零, shared by both). */
    static boolean isFormal(char c) {
        return "零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億".indexOf(c) >= 0;
    }

    /** 元 or 圆 as the yuan unit, not the start of 元素/元件/元旦/元月… */
    static boolean isYuanAt(char[] t, int i) {
        if (i >= t.length || (t[i] != '元' && t[i] != '圆')) {
            return false;
        }
        if (t[i] == '元' && i + 1 < t.length && "素件器旦宵月年首老气".indexOf(t[i + 1]) >= 0) {
            return false;
        }
        return true;
    }

    /**
     * Reads an amount starting at {@code start}: an integer part of numerals, then optionally 元/圆 with
     * 角/分/厘 and 整/正. Returns null when the text there is not a well-formed amount. When no 元 follows,
     * {@code yuan} is false and the caller decides whether another currency word follows.
     */
    static Reading read(char[] t, int start) {
        int i = start;
        while (i < t.length && isNumeral(t[i])) {
            i++;
        }
        int intEnd = i;
        BigInteger integer = intEnd > start ? integer(t, start, intEnd) : BigInteger.ZERO;
        if (integer == null) {
            return null;
        }
        boolean formal = false;
        for (int k = start; k < intEnd; k++) {
            formal |= isFormal(t[k]) && t[k] != '零';
        }
        if (!isYuanAt(t, i)) {
            // 伍角 / 叁分 with no 元: only the fraction
            if (intEnd > start && intEnd - start <= 1 && i < t.length && (t[i] == '角' || t[i] == '分')) {
                Fraction f = fraction(t, start);
                return f == null || f.value.signum() == 0 ? null
                        : new Reading(f.value, endOfWhole(t, f.end), formal | f.formal, true);
            }
            return intEnd > start ? new Reading(new BigDecimal(integer), intEnd, formal, false) : null;
        }
        i++;
        Fraction f = fraction(t, i);
        BigDecimal value = new BigDecimal(integer);
        if (f != null) {
            value = value.add(f.value);
            formal |= f.formal;
            i = f.end;
        }
        if (intEnd == start && f == null) {
            return null;
        }
        return new Reading(value, endOfWhole(t, i), formal, true);
    }

    private static int endOfWhole(char[] t, int i) {
        return i < t.length && (t[i] == '整' || t[i] == '正') ? i + 1 : i;
    }

    private record Fraction(BigDecimal value, int end, boolean formal) {}

    /** 角, 分 and 厘 after 元, each preceded by one digit, with 零 allowed between them. */
    private static Fraction fraction(char[] t, int from) {
        BigDecimal value = BigDecimal.ZERO;
        int i = from;
        boolean any = false;
        boolean formal = false;
        int lastPlace = 0;
        while (i < t.length) {
            if (t[i] == '零' || t[i] == '〇') {
                i++;
                continue;
            }
            int d = digit(t[i]);
            if (d < 0 || i + 1 >= t.length) {
                break;
            }
            int place = switch (t[i + 1]) {
                case '角' -> 1;
                case '分' -> 2;
                case '厘' -> 3;
                default -> 0;
            };
            if (place <= lastPlace) {
                break;
            }
            value = value.add(BigDecimal.valueOf(d).movePointLeft(place));
            formal |= isFormal(t[i]);
            lastPlace = place;
            any = true;
            i += 2;
        }
        if (!any) {
            return null;
        }
        // a trailing 零 that led nowhere is not part of the amount
        while (i > from && (t[i - 1] == '零' || t[i - 1] == '〇')) {
            i--;
        }
        return new Fraction(value, i, formal);
    }

    /** The integer written by numerals in {@code t[from, to)}, or null when malformed. */
    static BigInteger integer(char[] t, int from, int to) {
        BigInteger total = BigInteger.ZERO;
        long section = 0;
        int number = -1;
        boolean previousWasDigit = false;
        boolean previousWasZero = false;
        boolean any = false;
        for (int k = from; k < to; k++) {
            char c = t[k];
            int d = digit(c);
            if (d >= 0) {
                if (previousWasDigit && !previousWasZero) {
                    return null; // 二〇二三: a positional digit string, a year or a code
                }
                number = d;
                previousWasZero = d == 0;
                previousWasDigit = true;
                any |= d > 0;
                continue;
            }
            previousWasDigit = false;
            previousWasZero = false;
            int u = smallUnit(c);
            if (u > 0) {
                section += (long) (number < 0 ? 1 : number) * u;
                number = -1;
                any = true;
                continue;
            }
            if (c == '万' || c == '萬') {
                total = total.add(BigInteger.valueOf((section + Math.max(number, 0)) * 10_000L));
            } else {
                total = total.add(BigInteger.valueOf(section + Math.max(number, 0))).multiply(BigInteger.valueOf(100_000_000L));
            }
            section = 0;
            number = -1;
        }
        return any ? total.add(BigInteger.valueOf(section + Math.max(number, 0))) : (to > from && allZero(t, from, to) ? BigInteger.ZERO : null);
    }

    private static boolean allZero(char[] t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (digit(t[k]) != 0) {
                return false;
            }
        }
        return true;
    }
}
