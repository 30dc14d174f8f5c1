package io.tenderlens.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Units: those declared in labels and column headers, and those written after a number. */
public final class AmountUnits {
    private AmountUnits() {}

    /**
     * The money unit a header or label declares: {@code 中标金额(万元)} → 万元, {@code 预算总金额（元）} → 元,
     * {@code 单价（元/吨）} → 元 per 吨, {@code 总报价（单位：元，含税）} → 元, {@code 金额（万美元）} → 10⁴ USD.
     * Empty when it declares none or declares a rate ({@code 下浮系数(%)}).
     */
    public static Optional<AmountUnit> fromHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Declared d = declared(Fold.fold(header), 0, header.length());
        return d.rate() ? Optional.empty() : Optional.ofNullable(d.unit());
    }

    /** What a label or header declares: a money unit, a rate (%), or nothing. */
    record Declared(AmountUnit unit, boolean rate) {
        static final Declared NOTHING = new Declared(null, false);
    }

    /** The unit declared in {@code t[from, to)}: in a bracket group, after 单位:, or as the whole text. */
    static Declared declared(char[] t, int from, int to) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int groupStart = -1;
        StringBuilder outside = new StringBuilder();
        for (int i = from; i < to; i++) {
            char c = t[i];
            if (Fold.isOpen(c)) {
                if (depth++ == 0) {
                    groupStart = i + 1;
                }
            } else if (Fold.isClose(c) && depth > 0) {
                if (--depth == 0) {
                    splitInto(new String(t, groupStart, i - groupStart), parts);
                }
            } else if (depth == 0) {
                outside.append(c);
            }
        }
        String out = outside.toString();
        int unitWord = out.lastIndexOf("单位");
        if (unitWord >= 0) {
            splitInto(out.substring(unitWord + 2), parts);
        }
        int slash = out.lastIndexOf('/');
        if (slash >= 0) {
            parts.add(out.substring(slash + 1).trim()); // 单价/元
        }
        parts.add(out.trim()); // a header that is only a unit: 万元
        boolean rate = false;
        for (String p : parts) {
            if (p.indexOf('%') >= 0 || p.indexOf('‰') >= 0) {
                rate = true;
                continue;
            }
            AmountUnit u = unitWord(p);
            if (u != null) {
                return new Declared(u, false);
            }
        }
        return rate ? new Declared(null, true) : Declared.NOTHING;
    }

    private static final Pattern PART_BREAKS = Pattern.compile("[,，;；:：、 ]+");

    private static void splitInto(String group, List<String> parts) {
        for (String p : PART_BREAKS.split(group)) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
    }

    /** A whole word that names a money unit: 元, 万元, 人民币万元, 万元人民币, 美元, USD, 元/吨. */
    static AmountUnit unitWord(String part) {
        char[] t = part.trim().toCharArray();
        int i = 0;
        String currency = null;
        if (Fold.startsWith(t, i, "人民币") && t.length > 3) {
            currency = Money.CNY;
            i += 3;
        }
        Multiplier m = multiplierAt(t, i);
        BigDecimal factor = BigDecimal.ONE;
        if (m != null) {
            factor = m.factor();
            i += m.length();
        }
        Currencies.Word w = Currencies.suffixWordAt(t, i);
        String code = w == null ? Currencies.codeAt(t, i) : null;
        if (w != null) {
            currency = w.code();
            i += w.text().length();
        } else if (code != null) {
            currency = Currencies.code(code);
            i += code.length();
        } else if (currency == null) {
            return null;
        }
        if (Fold.startsWith(t, i, "人民币") && Money.CNY.equals(currency)) {
            i += 3;
        }
        String per = null;
        if (i < t.length && t[i] == '/') {
            int end = perEnd(t, i + 1);
            if (end == i + 1) {
                return null;
            }
            per = new String(t, i + 1, end - i - 1);
            i = end;
        }
        return i == t.length ? new AmountUnit(factor, currency, per) : null;
    }

    record Multiplier(BigDecimal factor, int length) {}

    private static final String[] MULTIPLIER_WORDS = {"千万", "百万", "十万", "万", "萬", "亿", "億", "千"};
    private static final long[] MULTIPLIER_VALUES = {10_000_000L, 1_000_000L, 100_000L, 10_000L, 10_000L,
            100_000_000L, 100_000_000L, 1_000L};

    /** 万, 亿, 千万… at {@code at}, or null. */
    static Multiplier multiplierAt(char[] t, int at) {
        for (int k = 0; k < MULTIPLIER_WORDS.length; k++) {
            if (Fold.startsWith(t, at, MULTIPLIER_WORDS[k])) {
                return new Multiplier(BigDecimal.valueOf(MULTIPLIER_VALUES[k]), MULTIPLIER_WORDS[k].length());
            }
        }
        return null;
    }

    /** What a price can be per, after a slash: 元/年, 元/吨, 元/人·天, 元/平方米·月. Longest first. */
    private static final String[] PER_WORDS = {
            "平方米", "立方米", "工作日", "人·天", "人·月", "人次", "人天", "人月", "人年", "批次", "季度", "学期", "课时",
            "学时", "台班", "台次", "车次", "工日", "小时", "公斤", "千克", "公里", "千米", "平米", "床位", "标段",
            "年", "月", "日", "天", "季", "周", "次", "批", "人", "台", "套", "件", "个", "吨", "斤", "克", "升", "米",
            "㎡", "亩", "间", "床", "车", "辆", "份", "本", "册", "张", "页", "箱", "盒", "支", "瓶", "只", "条", "块",
            "项", "户", "座", "层", "栋", "处", "点", "单", "节", "场", "包", "卷", "家", "所", "校", "班", "桌", "餐"};

    /** End of a per-unit after a slash at {@code from - 1} (and after a ·), or {@code from} when none. */
    static int perEnd(char[] t, int from) {
        int i = perWordEnd(t, from);
        if (i > from && i + 1 < t.length && t[i] == '·') {
            int j = perWordEnd(t, i + 1);
            if (j > i + 1) {
                i = j;
            }
        }
        // 元/采购需求, 元/年度预算: a word that runs on is not a basis
        return i > from && i < t.length && isHan(t[i]) && !mayFollowPer(t[i]) ? from : i;
    }

    /** 每套, 每年… near the end of a label (within its last 6 characters): the amount is per that. */
    static String perInLabel(String core) {
        int from = Math.max(0, core.length() - 6);
        int at = core.indexOf('每', from);
        if (at < 0) {
            return null;
        }
        char[] t = core.toCharArray();
        int end = perWordEnd(t, at + 1);
        return end > at + 1 ? core.substring(at + 1, end) : null;
    }

    private static int perWordEnd(char[] t, int from) {
        for (String w : PER_WORDS) {
            if (Fold.startsWith(t, from, w)) {
                return from + w.length();
            }
        }
        return from;
    }

    /** Function words that may follow a basis directly (元/年计, 元/天起, 元/人的标准). */
    private static boolean mayFollowPer(char c) {
        return "计起按共合以为的及或和".indexOf(c) >= 0;
    }

    static boolean isHan(char c) {
        return c >= '\u4E00' && c <= '\u9FFF';
    }

    private static boolean isBreak(char c) {
        return c == '，' || c == '。' || c == '、' || c == '；';
    }

    /** What follows a number. */
    enum SuffixKind {
        /** A currency is written (元, 万元, 美元, (元), USD…). */
        MONEY,
        /** No currency: a bare number, maybe with 万/亿. */
        BARE,
        /** %, ‰, (%). */
        RATE,
        /** A unit of something else: 个, 台, 年, 天, 分, (个)… */
        OTHER_UNIT
    }

    record Suffix(SuffixKind kind, BigDecimal factor, String currency, String per, int end) {}

    private static final String[] OTHER_UNITS = {
            "工作日", "小时", "公里", "平方", "立方", "千米", "厘米", "毫米", "个", "台", "套", "件", "年", "月", "日",
            "天", "号", "人", "次", "批", "项", "期", "分", "秒", "时", "周", "岁", "辆", "张", "本", "册", "箱", "包",
            "标", "家", "名", "位", "户", "条", "只", "份", "页", "卷", "吨", "斤", "克", "升", "米", "亩", "层", "栋",
            "间", "座", "所", "倍", "股", "盒", "支", "瓶", "片", "袋", "桶", "把", "块", "点", "度", "㎡", "元素", "元件"};

    static boolean otherUnitAt(char[] t, int at) {
        for (String u : OTHER_UNITS) {
            if (Fold.startsWith(t, at, u)) {
                return true;
            }
        }
        return false;
    }

    /** Reads what follows a number ending at {@code p}. */
    static Suffix after(char[] t, int p) {
        int q = skipSpaces(t, p);
        if (q < t.length && (t[q] == '%' || t[q] == '‰')) {
            return new Suffix(SuffixKind.RATE, BigDecimal.ONE, null, null, q + 1);
        }
        if (q + 1 < t.length && t[q] == ':' && Fold.isDigit(t[q + 1])) {
            return new Suffix(SuffixKind.OTHER_UNIT, BigDecimal.ONE, null, null, q); // 09:30
        }
        Multiplier m = multiplierAt(t, q);
        int r = m == null ? q : skipSpaces(t, q + m.length());
        BigDecimal factor = m == null ? BigDecimal.ONE : m.factor();
        Suffix money = currencyAt(t, r, factor);
        if (money != null) {
            return money;
        }
        if (r < t.length && t[r] == '(') {
            int close = indexOf(t, ')', r + 1, r + 14);
            if (close > 0) {
                String content = new String(t, r + 1, close - r - 1).trim();
                if (m == null && (content.equals("%") || content.equals("‰"))) {
                    return new Suffix(SuffixKind.RATE, BigDecimal.ONE, null, null, close + 1);
                }
                char[] c0 = content.toCharArray();
                AmountUnit u = declared(c0, 0, c0.length).unit(); // (万元), (元), (单位：万元), (人民币)
                if (u != null) {
                    BigDecimal f = m == null ? u.factor() : factor;
                    return tail(t, close + 1, f, u.currency(), u.per());
                }
                char[] c = content.toCharArray();
                if (c.length > 0 && otherUnitAt(c, 0) && c.length <= 3) {
                    return new Suffix(SuffixKind.OTHER_UNIT, BigDecimal.ONE, null, null, close + 1);
                }
            }
        }
        if (m != null && (m.length() == 1 && t[q] == '千' || otherUnitAt(t, r))) {
            return new Suffix(SuffixKind.OTHER_UNIT, BigDecimal.ONE, null, null, r); // 5千米, 10万平方米
        }
        if (m == null && otherUnitAt(t, p)) { // 3个, 26套 — written against the number; after a space 本 may be 本项目
            return new Suffix(SuffixKind.OTHER_UNIT, BigDecimal.ONE, null, null, p);
        }
        if (m == null && p + 1 < t.length && (t[p] == '.' || t[p] == '、') && isHan(t[p + 1])) {
            return new Suffix(SuffixKind.OTHER_UNIT, BigDecimal.ONE, null, null, p); // 1.代理费用… is an enumerator
        }
        int bareEnd = m == null ? p : q + m.length();
        if (bareEnd < t.length && t[bareEnd] == '/') { // ￥600.00/批次
            int pe = perEnd(t, bareEnd + 1);
            if (pe > bareEnd + 1) {
                return new Suffix(SuffixKind.BARE, factor, null, new String(t, bareEnd + 1, pe - bareEnd - 1), pe);
            }
        }
        return new Suffix(SuffixKind.BARE, factor, null, null, bareEnd);
    }

    /** A currency word or code at {@code r}, with what may follow it; null when none. */
    static Suffix currencyAt(char[] t, int r, BigDecimal factor) {
        Currencies.Word w = Currencies.suffixWordAt(t, r);
        if (w != null) {
            return tail(t, r + w.text().length(), factor, w.code(), null);
        }
        String code = Currencies.codeAt(t, r);
        if (code != null) {
            return tail(t, r + code.length(), factor, Currencies.code(code), null);
        }
        return null;
    }

    /** After the currency: 整/正, 人民币 or (人民币), then /年-style basis. */
    static Suffix tail(char[] t, int end, BigDecimal factor, String currency, String per) {
        int e = end;
        if (e < t.length && (t[e] == '整' || t[e] == '正')) {
            e++;
        }
        if (Money.CNY.equals(currency)) {
            int s = skipSpaces(t, e);
            if (Fold.startsWith(t, s, "人民币")) {
                e = s + 3;
            } else if (Fold.startsWith(t, s, "(人民币)")) {
                e = s + 5;
            }
        }
        if (per == null && e < t.length && t[e] == '/') {
            int pe = perEnd(t, e + 1);
            if (pe > e + 1) {
                per = new String(t, e + 1, pe - e - 1);
                e = pe;
            }
        }
        return new Suffix(SuffixKind.MONEY, factor, currency, per, e);
    }

    static int skipSpaces(char[] t, int p) {
        int q = p;
        while (q < t.length && Fold.isSpace(t[q]) && q - p < 3) {
            q++;
        }
        return q < t.length && Fold.isSpace(t[q]) ? p : q;
    }

    static int indexOf(char[] t, char c, int from, int limit) {
        for (int i = from; i < Math.min(t.length, limit); i++) {
            if (t[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
