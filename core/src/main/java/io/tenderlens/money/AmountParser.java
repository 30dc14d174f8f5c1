package io.tenderlens.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads money as Chinese procurement pages write it: {@code ￥668.790000 万元（人民币）}, {@code 6687920.0元},
 * {@code 182.0000000（万元）}, {@code 1,234,567.00}, full-width digits, 大写 numerals
 * ({@code 人民币壹佰万元整}), 亿元, foreign currencies, and rates per period ({@code 264.85万元/年}).
 *
 * <p>A number is money when its own unit says so (元, 万元, ¥, 美元…), or when the label tied to it by a
 * colon names money ({@code 预算金额：884000}, {@code 最高限价(元)：30}). It is not money when it is a
 * rate ({@code 3(%)}, a label 让利系数 / 优惠率 / 费率 / 下浮系数), a count or a span of time
 * ({@code 3(个)}, {@code 工期:60(元)} — some templates print (元) after every field), a date, a time,
 * a telephone number or part of a code. Chinese labels are head-final: the keyword that ends last
 * in a label decides what it names.
 *
 * <p>Stateless and thread-safe.
 */
public final class AmountParser {

    /** A value cell or a labelled phrase; empty when it holds no money (a rate, a quantity, a date, "/"). */
    public Optional<Money> parse(String valueText) {
        return parse(valueText, null);
    }

    /**
     * A value cell, with the unit its column header declares ({@link AmountUnits#fromHeader}); the hint
     * applies only when the cell itself writes no unit. A cell that is only a number is read in the
     * hint's unit, or in yuan (flagged {@link MoneyFlag#UNIT_ASSUMED}). When the text holds several
     * amounts, the first sum is returned (a rate per period only when there is no sum).
     */
    public Optional<Money> parse(String valueText, AmountUnit unitHint) {
        if (valueText == null || valueText.isBlank()) {
            return Optional.empty();
        }
        List<AmountMatch> found = scan(valueText, unitHint, true);
        for (AmountMatch m : found) {
            if (m.money().isTotal()) {
                return Optional.of(m.money());
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).money());
    }

    /** Every amount of money in running text, in text order, with its label and span. Rates are skipped. */
    public List<AmountMatch> findAll(String prose) {
        return prose == null || prose.isEmpty() ? List.of() : scan(prose, null, false);
    }

    /** A number read from the text before its unit: its value as written and where it lies. */
    private record Number(BigDecimal value, int start, int end, boolean chinese, boolean formal, boolean yuan) {}

    /** One accepted amount before 大写/小写 pairs are merged. */
    private record Found(AmountMatch match, boolean chinese) {}

    private List<AmountMatch> scan(String s, AmountUnit hint, boolean cell) {
        char[] t = Fold.fold(s);
        List<Found> found = new ArrayList<>();
        int floor = 0;
        int i = 0;
        while (i < t.length) {
            Number n = numberAt(t, i);
            if (n == null) {
                i = skipToken(t, i);
                continue;
            }
            AmountUnits.Suffix sx = suffixOf(t, n);
            int end = Math.max(n.end(), sx.end());
            AmountMatch m = decide(s, t, n, sx, floor, hint, cell,
                    found.isEmpty() ? null : found.get(found.size() - 1).match());
            if (m != null) {
                found.add(new Found(m, n.chinese()));
                floor = m.end();
            }
            i = Math.max(end, i + 1);
        }
        return mergeWrittenForms(s, t, found);
    }

    /** Past a number that is not money, with the code or date it belongs to (GXZC2023-G3-000948, 2023-10-29). */
    private static int skipToken(char[] t, int i) {
        int j = i + 1;
        if (Fold.isDigit(t[i])) {
            while (j < t.length && (Fold.isDigit(t[j]) || Fold.isLatinLetter(t[j]) || t[j] == '.' || t[j] == ','
                    || t[j] == '-' || t[j] == '_' || t[j] == '/')) {
                j++;
            }
        }
        return j;
    }

    // ---- reading numbers ----

    private static Number numberAt(char[] t, int i) {
        if (Fold.isDigit(t[i])) {
            return arabicAt(t, i);
        }
        char c = t[i];
        boolean canStart = ChineseNumerals.digit(c) >= 0 || ChineseNumerals.smallUnit(c) == 10;
        if (!canStart || (i > 0 && ChineseNumerals.isNumeral(t[i - 1]))) {
            return null;
        }
        ChineseNumerals.Reading r = ChineseNumerals.read(t, i);
        if (r == null) {
            return null;
        }
        return new Number(r.value(), i, r.end(), true, r.formal(), r.yuan());
    }

    private static Number arabicAt(char[] t, int i) {
        if (i > 0) {
            char p = t[i - 1];
            char pp = i > 1 ? t[i - 2] : ' ';
            boolean gluedToCode = Fold.isLatinLetter(p) || p == '_' || p == '#' || p == '.' || p == '/'
                    || (p == '-' && (Fold.isDigit(pp) || Fold.isLatinLetter(pp)));
            if (gluedToCode && Currencies.codeEndingAt(t, i) != null) {
                gluedToCode = false; // RMB500,000,000.00
            }
            if (gluedToCode || (p == ':' && Fold.isDigit(pp) && isMinutes(t, i))) {
                return null;
            }
        }
        int j = i;
        while (j < t.length && Fold.isDigit(t[j])) {
            j++;
        }
        StringBuilder digits = new StringBuilder().append(t, i, j - i);
        if (j - i <= 3) {
            while (j + 3 < t.length && t[j] == ',' && Fold.isDigit(t[j + 1]) && Fold.isDigit(t[j + 2])
                    && Fold.isDigit(t[j + 3]) && !(j + 4 < t.length && Fold.isDigit(t[j + 4]))) {
                digits.append(t, j + 1, 3);
                j += 4;
            }
        }
        if (j + 1 < t.length && t[j] == '.' && Fold.isDigit(t[j + 1])) {
            int point = j;
            j++;
            while (j < t.length && Fold.isDigit(t[j])) {
                j++;
            }
            j = enumeratorCut(t, point, j);
            digits.append(t, point, j - point);
        }
        if (integerDigits(digits) > MAX_INTEGER_DIGITS) {
            return null; // a bank account or an id number, not 10万亿 yuan
        }
        if (j < t.length) {
            char nx = t[j];
            char nn = j + 1 < t.length ? t[j + 1] : ' ';
            boolean gluedToCode = (Fold.isLatinLetter(nx) && Currencies.codeAt(t, j) == null) || nx == '_'
                    || ((nx == '-' || nx == '.' || nx == '/' || nx == ',') && Fold.isDigit(nn))
                    || (nx == '-' && Fold.isLatinLetter(nn));
            if (gluedToCode) {
                return null;
            }
        }
        return new Number(new BigDecimal(digits.toString()), i, j, false, false, false);
    }

    /** More integer digits than any amount has (10¹³ yuan = 10万亿): account and id numbers are longer. */
    private static final int MAX_INTEGER_DIGITS = 13;

    private static int integerDigits(CharSequence digits) {
        int n = 0;
        while (n < digits.length() && digits.charAt(n) != '.') {
            n++;
        }
        return n;
    }

    /**
     * 合同金额（元）：2899360.003.履约期限 — flattened text glues the next clause's number (3.) to the
     * amount. When a fraction longer than two digits is followed by an enumerator mark and a word, and
     * the digits past the second decimal do not start with 0, those digits are the enumerator.
     */
    private static int enumeratorCut(char[] t, int point, int end) {
        boolean enumeratorFollows = end + 1 < t.length && (t[end] == '.' || t[end] == '、')
                && AmountUnits.isHan(t[end + 1]);
        if (enumeratorFollows && end - point > 3 && t[point + 3] != '0' && end - point <= 5) {
            return point + 3;
        }
        return end;
    }

    /** 09:30 — two digits after a colon that follows a digit are minutes (商务车1:8800 is not a time). */
    private static boolean isMinutes(char[] t, int i) {
        return i + 1 < t.length && Fold.isDigit(t[i + 1]) && (i + 2 == t.length || !Fold.isDigit(t[i + 2]));
    }

    private static AmountUnits.Suffix suffixOf(char[] t, Number n) {
        if (!n.chinese()) {
            return AmountUnits.after(t, n.end());
        }
        if (n.yuan()) {
            return AmountUnits.tail(t, n.end(), BigDecimal.ONE, Money.CNY, null);
        }
        // 壹佰美元: Chinese numerals with another currency word
        AmountUnits.Suffix other = AmountUnits.currencyAt(t, AmountUnits.skipSpaces(t, n.end()), BigDecimal.ONE);
        return other != null ? other : new AmountUnits.Suffix(AmountUnits.SuffixKind.OTHER_UNIT, BigDecimal.ONE, null, null, n.end());
    }

    // ---- deciding ----

    private static AmountMatch decide(String s, char[] t, Number n, AmountUnits.Suffix sx, int floor,
                                      AmountUnit hint, boolean cell, AmountMatch previous) {
        if (sx.kind() == AmountUnits.SuffixKind.RATE || sx.kind() == AmountUnits.SuffixKind.OTHER_UNIT) {
            return null;
        }
        Labels.Label lb = Labels.before(t, n.start(), floor);
        boolean unitWritten = sx.kind() == AmountUnits.SuffixKind.MONEY;
        boolean explicit = unitWritten || lb.currency() != null;
        if (!explicit && !lb.attached() && !cell) {
            return null; // a bare number in prose with no label tied to it: most numbers on a page
        }
        String core = lb.present() ? Labels.core(t, lb.start(), lb.end()) : "";
        AmountUnits.Declared declared = lb.present() ? AmountUnits.declared(t, lb.start(), lb.end())
                : AmountUnits.Declared.NOTHING;
        Labels.Head head = Labels.head(core);
        AmountUnit labelUnit = declared.unit();
        if (labelUnit == null && (declared.rate() || head == Labels.Head.RATE || head == Labels.Head.NOT_MONEY)) {
            return null;
        }
        int end = Math.max(n.end(), sx.end());
        EnumSet<MoneyFlag> flags = EnumSet.noneOf(MoneyFlag.class);
        if (n.chinese()) {
            // lower-case numerals (五十万元) are everyday words too: 统一元, 一元化
            boolean plain = !n.formal() && lb.currency() == null && !lb.attached() && !hasMultiplier(t, n);
            if (plain) {
                return null;
            }
            flags.add(MoneyFlag.CHINESE_NUMERALS);
        }
        boolean labelled = lb.attached() && (labelUnit != null || head == Labels.Head.MONEY);
        boolean bareCell = cell && !lb.present() && onlyNumbersFollow(t, end) && !looksLikePhone(n, hint);
        if (!explicit && !labelled && !bareCell) {
            return null;
        }
        BigDecimal factor = sx.factor();
        String currency = unitWritten ? sx.currency() : lb.currency();
        String per = sx.per();
        boolean hasMultiplier = factor.compareTo(BigDecimal.ONE) != 0;
        if (!unitWritten) {
            AmountUnit context = labelUnit != null ? labelUnit : hint;
            if (context != null && (currency == null || currency.equals(context.currency()))) {
                if (!hasMultiplier) {
                    factor = context.factor();
                }
                currency = context.currency();
                per = per == null ? context.per() : per;
                if (labelUnit == null) {
                    flags.add(MoneyFlag.UNIT_FROM_HINT);
                }
            } else if (currency == null) {
                currency = Money.CNY;
                flags.add(MoneyFlag.UNIT_ASSUMED);
            }
        }
        if (per == null && labelUnit != null && labelUnit.per() != null && labelUnit.currency().equals(currency)) {
            per = labelUnit.per(); // 投标单价（元/吨）:475(元)
        }
        if (per == null) {
            per = AmountUnits.perInLabel(core); // 招标文件每套售价 500 元, 邮购须另付每套100元
        }
        int start = Math.min(lb.spanStart(), n.start());
        Money money = new Money(n.value().multiply(factor), currency, per, flags, s.substring(start, end).trim());
        String label = lb.present() ? s.substring(lb.start(), lb.end()).trim() : null;
        AmountRole role = lb.present() ? Labels.role(core) : AmountRole.OTHER;
        if (lb.present() && Labels.isLot(core)) {
            role = lotRole(t, lb, floor, previous);
        }
        return new AmountMatch(money, start, end, label, lb.present() ? lb.start() : -1, role);
    }

    /**
     * 最高限价：1分标1725127元；2分标404326元 — a lot marker is not the label: the label before the colon
     * in front of it is, and the lots that follow in a list share it.
     */
    private static AmountRole lotRole(char[] t, Labels.Label lot, int floor, AmountMatch previous) {
        Labels.Label outer = Labels.before(t, lot.start(), floor);
        if (outer.present() && outer.attached()) {
            return Labels.role(Labels.core(t, outer.start(), outer.end()));
        }
        if (previous != null && previous.label() != null && Labels.isLot(Labels.core(Fold.fold(previous.label()), 0, previous.label().length()))) {
            return previous.role();
        }
        return AmountRole.OTHER;
    }

    private static boolean hasMultiplier(char[] t, Number n) {
        for (int k = n.start(); k < n.end(); k++) {
            if (ChineseNumerals.smallUnit(t[k]) > 0 || ChineseNumerals.isBigUnit(t[k])) {
                return true;
            }
        }
        return false;
    }

    /** In a cell, a number stands alone when only separators and more numbers follow it (830000; 160000). */
    private static boolean onlyNumbersFollow(char[] t, int from) {
        for (int k = from; k < t.length; k++) {
            if (!Character.isWhitespace(t[k]) && !Fold.isDigit(t[k]) && ".,;/、。，；".indexOf(t[k]) < 0) {
                return false;
            }
        }
        return true;
    }

    /** An 11-digit mobile number in a cell without a unit is a telephone, not 130亿 yuan. */
    private static boolean looksLikePhone(Number n, AmountUnit hint) {
        String v = n.value().toPlainString();
        return hint == null && v.length() == 11 && v.charAt(0) == '1' && v.charAt(1) >= '3';
    }

    // ---- 大写 with 小写 ----

    /**
     * 人民币壹仟贰佰贰拾捌万伍仟陆佰柒拾元整（¥12285670.00元）states one amount twice: the pair becomes
     * one match. The 大写 reading is kept when they differ.
     */
    private static List<AmountMatch> mergeWrittenForms(String s, char[] t, List<Found> found) {
        List<AmountMatch> out = new ArrayList<>(found.size());
        for (int k = 0; k < found.size(); k++) {
            Found a = found.get(k);
            Found b = k + 1 < found.size() ? found.get(k + 1) : null;
            if (b == null || a.chinese() == b.chinese() || !isDecorationGap(t, a.match().end(), b.match().start())) {
                out.add(a.match());
                continue;
            }
            Found formal = a.chinese() ? a : b;
            Money f = formal.match().money();
            Money other = (a.chinese() ? b : a).match().money();
            int end = b.match().end();
            int opens = count(t, a.match().end(), b.match().start(), '(') - count(t, a.match().end(), b.match().start(), ')');
            int close = AmountUnits.skipSpaces(t, end);
            if (opens > 0 && close < t.length && t[close] == ')') {
                end = close + 1;
            }
            EnumSet<MoneyFlag> flags = EnumSet.copyOf(f.flags().isEmpty() ? EnumSet.of(MoneyFlag.CHINESE_NUMERALS) : f.flags());
            flags.remove(MoneyFlag.ZERO);
            boolean same = f.amount().compareTo(other.amount()) == 0 && f.currency().equals(other.currency());
            flags.add(same ? MoneyFlag.CROSS_CHECKED : MoneyFlag.WRITTEN_FORMS_DISAGREE);
            String per = f.per() != null ? f.per() : other.per();
            int start = a.match().start();
            Money merged = new Money(f.amount(), f.currency(), per, flags, s.substring(start, end).trim());
            out.add(new AmountMatch(merged, start, end, a.match().label(), a.match().labelStart(), a.match().role()));
            k++;
        }
        return out;
    }

    private static final Pattern GAP_WORDS = Pattern.compile("小写|大写|人民币|RMB|金额|即|[()\\[\\]:\\s]");

    private static boolean isDecorationGap(char[] t, int from, int to) {
        if (to < from || to - from > 12) {
            return false;
        }
        String gap = GAP_WORDS.matcher(new String(t, from, to - from)).replaceAll("");
        return gap.isEmpty();
    }

    private static int count(char[] t, int from, int to, char c) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (t[k] == c) {
                n++;
            }
        }
        return n;
    }
}
