package io.tenderlens.money;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The label in front of an amount: where it starts, what its head word says (money, a rate, or
 * something that is not money), and which role it gives the amount. Chinese labels are head-final,
 * so the keyword that ends last decides: 供货期/服务项目负责人 is a person, 质保期内维修费用 is money.
 */
final class Labels {
    private Labels() {}

    enum Head { MONEY, RATE, NOT_MONEY, NEUTRAL }

    /**
     * @param start    offset of the label in the text, -1 when there is none
     * @param end      offset just past it
     * @param attached the label is tied to the value by a colon or 为/是, not just standing before it
     * @param currency a currency written between the label and the number (人民币, ¥), or null
     * @param spanStart where the amount's own text begins (a currency sign or 人民币 before the number)
     */
    record Label(int start, int end, boolean attached, String currency, int spanStart) {
        boolean present() {
            return start >= 0 && end > start;
        }
    }

    private record Keyword(String word, Head head) {}

    // 合计/小计/总计 name no kind of thing (a score table has a 合计 column): they are neutral.
    private static final List<Keyword> HEADS = List.of(
            // money
            kw("金额", Head.MONEY), kw("价", Head.MONEY), kw("价格", Head.MONEY), kw("价款", Head.MONEY),
            kw("报价", Head.MONEY), kw("限价", Head.MONEY), kw("预算", Head.MONEY), kw("概算", Head.MONEY),
            kw("总价", Head.MONEY), kw("单价", Head.MONEY), kw("合价", Head.MONEY), kw("费", Head.MONEY), kw("费用", Head.MONEY),
            kw("款", Head.MONEY), kw("资金", Head.MONEY), kw("投资", Head.MONEY), kw("投资额", Head.MONEY),
            kw("保证金", Head.MONEY), kw("售价", Head.MONEY), kw("收费", Head.MONEY), kw("租金", Head.MONEY),
            kw("造价", Head.MONEY), kw("成本", Head.MONEY), kw("中标", Head.MONEY), kw("成交", Head.MONEY),
            kw("大写", Head.MONEY), kw("小写", Head.MONEY), kw("人民币", Head.MONEY), kw("总额", Head.MONEY),
            kw("合同额", Head.MONEY), kw("邮资", Head.MONEY),
            // rates and coefficients
            kw("率", Head.RATE), kw("系数", Head.RATE), kw("折扣", Head.RATE), kw("折让", Head.RATE),
            kw("下浮", Head.RATE), kw("上浮", Head.RATE), kw("让利", Head.RATE), kw("比例", Head.RATE),
            kw("百分比", Head.RATE), kw("比率", Head.RATE), kw("费率", Head.RATE), kw("折率", Head.RATE),
            // not money
            kw("期", Head.NOT_MONEY), kw("期限", Head.NOT_MONEY), kw("时间", Head.NOT_MONEY), kw("日期", Head.NOT_MONEY),
            kw("数量", Head.NOT_MONEY), kw("数", Head.NOT_MONEY), kw("负责人", Head.NOT_MONEY), kw("经理", Head.NOT_MONEY),
            kw("人员", Head.NOT_MONEY), kw("名称", Head.NOT_MONEY), kw("编号", Head.NOT_MONEY), kw("账号", Head.NOT_MONEY), kw("帐号", Head.NOT_MONEY), kw("卡号", Head.NOT_MONEY),
            kw("备注", Head.NOT_MONEY), kw("是否", Head.NOT_MONEY), kw("签署", Head.NOT_MONEY), kw("声明", Head.NOT_MONEY),
            kw("得分", Head.NOT_MONEY), kw("评分", Head.NOT_MONEY), kw("分值", Head.NOT_MONEY), kw("排名", Head.NOT_MONEY),
            kw("排序", Head.NOT_MONEY), kw("名次", Head.NOT_MONEY), kw("面积", Head.NOT_MONEY), kw("电话", Head.NOT_MONEY),
            kw("手机", Head.NOT_MONEY), kw("传真", Head.NOT_MONEY), kw("邮编", Head.NOT_MONEY), kw("地址", Head.NOT_MONEY),
            kw("证书", Head.NOT_MONEY), kw("方式", Head.NOT_MONEY), kw("型号", Head.NOT_MONEY), kw("规格", Head.NOT_MONEY),
            kw("品牌", Head.NOT_MONEY), kw("代码", Head.NOT_MONEY), kw("年限", Head.NOT_MONEY), kw("天数", Head.NOT_MONEY));

    private record RoleWord(String word, AmountRole role) {}

    private static final List<RoleWord> ROLES = List.of(
            rw("中标", AmountRole.AWARD), rw("成交", AmountRole.AWARD), rw("中选", AmountRole.AWARD),
            rw("合同", AmountRole.CONTRACT), rw("签约", AmountRole.CONTRACT),
            rw("限价", AmountRole.CEILING), rw("控制价", AmountRole.CEILING), rw("拦标价", AmountRole.CEILING),
            rw("最高价", AmountRole.CEILING), rw("上限价", AmountRole.CEILING),
            rw("预算", AmountRole.BUDGET), rw("概算", AmountRole.BUDGET), rw("采购资金", AmountRole.BUDGET),
            rw("报价", AmountRole.BID), rw("投标价", AmountRole.BID), rw("投标总价", AmountRole.BID),
            rw("响应价", AmountRole.BID), rw("竞标价", AmountRole.BID), rw("磋商价", AmountRole.BID),
            rw("谈判价", AmountRole.BID), rw("评审价", AmountRole.BID), rw("评标价", AmountRole.BID),
            rw("最终价", AmountRole.BID), rw("最后价", AmountRole.BID), rw("投标金额", AmountRole.BID),
            rw("响应金额", AmountRole.BID), rw("投标总额", AmountRole.BID),
            rw("单价", AmountRole.UNIT_PRICE),
            rw("服务费", AmountRole.FEE), rw("代理费", AmountRole.FEE), rw("收费", AmountRole.FEE),
            rw("售价", AmountRole.FEE), rw("手续费", AmountRole.FEE), rw("邮寄费", AmountRole.FEE),
            rw("工本费", AmountRole.FEE), rw("邮资", AmountRole.FEE),
            rw("保证金", AmountRole.DEPOSIT));

    /** The word of {@code words} whose last occurrence in {@code core} ends last (the longer on a tie), or null. */
    private static <T> T lastEnding(String core, List<T> words, Function<T, String> word) {
        T best = null;
        int bestEnd = -1;
        int bestLen = 0;
        for (T w : words) {
            String text = word.apply(w);
            int at = core.lastIndexOf(text);
            if (at < 0) {
                continue;
            }
            int end = at + text.length();
            if (end > bestEnd || (end == bestEnd && text.length() > bestLen)) {
                best = w;
                bestEnd = end;
                bestLen = text.length();
            }
        }
        return best;
    }

    private static Keyword kw(String w, Head h) {
        return new Keyword(w, h);
    }

    private static RoleWord rw(String w, AmountRole r) {
        return new RoleWord(w, r);
    }

    private static final int MAX_LABEL = 40;

    /** Words between a label and its number that belong to neither. */
    private static final String[] FILLERS = {"大写", "小写", "为", "约", "是", "即", "达"};

    /**
     * Finds the label before the number starting at {@code numberStart}, not reaching back past {@code floor}.
     */
    static Label before(char[] t, int numberStart, int floor) {
        int p = numberStart;
        int spanStart = numberStart;
        boolean attached = false;
        boolean sawFiller = false;
        String currency = null;
        while (p > floor) {
            char c = t[p - 1];
            if (Fold.isSpace(c)) {
                p--;
                continue;
            }
            if (c == ':') {
                attached = true;
                p--;
                continue;
            }
            Currencies.Word sign = Currencies.signEndingAt(t, p);
            if (sign != null && p - sign.text().length() >= floor) {
                currency = currency == null ? sign.code() : currency;
                p -= sign.text().length();
                if (!attached && !sawFiller) {
                    spanStart = p;
                }
                continue;
            }
            String code = Currencies.codeEndingAt(t, p);
            if (Fold.endsWith(t, p, "人民币") || code != null) {
                int len = code != null ? code.length() : 3;
                currency = currency == null ? (code != null ? Currencies.code(code) : Money.CNY) : currency;
                p -= len;
                if (!attached && !sawFiller) {
                    spanStart = p;
                }
                continue;
            }
            String filler = fillerEndingAt(t, p);
            if (filler != null) {
                if (!filler.equals("大写") && !filler.equals("小写")) {
                    attached = true;
                }
                sawFiller = true;
                p -= filler.length();
                continue;
            }
            if (Fold.isClose(c)) {
                int open = matchingOpen(t, p - 1, floor);
                if (open >= 0 && isDecorationGroup(t, open + 1, p - 1)) {
                    if (currency == null && containsCurrency(t, open + 1, p - 1)) {
                        currency = Money.CNY;
                    }
                    p = open;
                    continue;
                }
            }
            break;
        }
        int end = p;
        int start = labelStart(t, end, floor);
        start = skipEnumerator(t, start, end);
        while (end > start && Fold.isSpace(t[end - 1])) {
            end--;
        }
        // a "label" of digits and signs only (the 30 of 09:30) is no label
        return start < end && hasWordChar(t, start, end) ? new Label(start, end, attached, currency, spanStart)
                : new Label(-1, -1, attached, currency, spanStart);
    }

    private static boolean hasWordChar(char[] t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (AmountUnits.isHan(t[i]) || Fold.isLatinLetter(t[i])) {
                return true;
            }
        }
        return false;
    }

    private static String fillerEndingAt(char[] t, int p) {
        for (String f : FILLERS) {
            if (Fold.endsWith(t, p, f)) {
                return f;
            }
        }
        return null;
    }

    private static final Pattern DECORATION_WORDS = Pattern.compile("人民币|RMB|大写|小写|币种|[¥:\\s]");

    /** A bracket group holding only 人民币 / 大写 / 小写 / ¥ / colons and spaces: decoration, not label. */
    private static boolean isDecorationGroup(char[] t, int from, int to) {
        String s = DECORATION_WORDS.matcher(new String(t, from, to - from)).replaceAll("");
        return s.isEmpty();
    }

    private static boolean containsCurrency(char[] t, int from, int to) {
        String s = new String(t, from, to - from);
        return s.contains("人民币") || s.contains("¥") || s.contains("RMB");
    }

    private static int matchingOpen(char[] t, int close, int floor) {
        int depth = 0;
        for (int i = close; i >= floor && close - i < MAX_LABEL; i--) {
            if (Fold.isClose(t[i])) {
                depth++;
            } else if (Fold.isOpen(t[i]) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Walks back from {@code end} to the start of the label: a clause break, a colon or a space. */
    private static int labelStart(char[] t, int end, int floor) {
        int k = end;
        int depth = 0;
        while (k > floor && end - k < MAX_LABEL) {
            char c = t[k - 1];
            if (Fold.isClose(c)) {
                depth++;
            } else if (Fold.isOpen(c)) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && isBreak(c)) {
                break;
            } else if (depth == 0 && Fold.isSpace(c) && hasHanOutsideBrackets(t, k, end) && !isColumnFormula(t, k, end)) {
                break; // a space ends the label, unless what we have is only brackets or symbols (单价 ②)
            }
            k--;
        }
        return k;
    }

    /** 单项合价（元） ③＝①×②/费率: a column number and its formula annotate the label before the space. */
    private static boolean isColumnFormula(char[] t, int from, int to) {
        int i = from;
        while (i < to && Fold.isSpace(t[i])) {
            i++;
        }
        return i < to && t[i] >= '①' && t[i] <= '⑳';
    }

    private static boolean isBreak(char c) {
        return "。，,；;！!？?、\n\t:\"“”|《》".indexOf(c) >= 0;
    }

    /** Han characters outside brackets in t[from, to). */
    private static boolean hasHanOutsideBrackets(char[] t, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            if (Fold.isOpen(t[i])) {
                depth++;
            } else if (Fold.isClose(t[i])) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && AmountUnits.isHan(t[i])) {
                return true;
            }
        }
        return false;
    }

    /** Skips 1. / 2、 / (3) / 一、 / ① and stray digits at the start of a label, but not 2023年 or 第1包. */
    private static int skipEnumerator(char[] t, int start, int end) {
        int i = start;
        while (i < end && (Fold.isSpace(t[i]) || t[i] == '.' || t[i] == '、')) {
            i++;
        }
        int j = i;
        if (j < end && (t[j] == '(')) {
            int k = j + 1;
            while (k < end && (Fold.isDigit(t[k]) || ChineseNumerals.digit(t[k]) > 0 || t[k] == '十')) {
                k++;
            }
            if (k > j + 1 && k < end && t[k] == ')') {
                return skipSpaces(t, k + 1, end);
            }
        }
        while (j < end && Fold.isDigit(t[j])) {
            j++;
        }
        if (j > i && j < end) {
            if (t[j] == '.' || t[j] == '、' || t[j] == ')') {
                return skipSpaces(t, j + 1, end);
            }
            if ("年月日号包标分期次个".indexOf(t[j]) < 0 && AmountUnits.isHan(t[j])) {
                return j; // 数量:2预算金额 — the 2 belongs to the field before
            }
            return i;
        }
        j = i;
        while (j < end && (ChineseNumerals.digit(t[j]) > 0 || t[j] == '十')) {
            j++;
        }
        if (j > i && j < end && t[j] == '、') {
            return skipSpaces(t, j + 1, end);
        }
        if (i < end && t[i] >= '①' && t[i] <= '⑳' && i + 1 < end) {
            return skipSpaces(t, i + 1, end);
        }
        return i;
    }

    private static int skipSpaces(char[] t, int i, int end) {
        while (i < end && Fold.isSpace(t[i])) {
            i++;
        }
        return i;
    }

    /** The label with bracket groups and spaces removed: what the head words are read from. */
    static String core(char[] t, int from, int to) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = t[i];
            if (Fold.isOpen(c)) {
                depth++;
            } else if (Fold.isClose(c)) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && !Fold.isSpace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static final Pattern LOT = Pattern.compile(
            "第?[0-9一二三四五六七八九十]+(分标|号包|子包|分包|包|标段|标项|合同包)"
                    + "|(包|标段|标项|分标|合同包|包组)[0-9一二三四五六七八九十A-Z]+");

    /** A label that only names a lot: 1分标, 第2包, 标段3. */
    static boolean isLot(String core) {
        return LOT.matcher(core).matches();
    }

    /** What the label's head word says. */
    static Head head(String core) {
        Keyword k = lastEnding(core, HEADS, Keyword::word);
        return k == null ? Head.NEUTRAL : k.head();
    }

    /** The role the label gives its amount. */
    static AmountRole role(String core) {
        RoleWord r = lastEnding(core, ROLES, RoleWord::word);
        AmountRole best = r == null ? AmountRole.OTHER : r.role();
        // 中标报价 / 成交报价: the winning bidder's price is the award
        if (best == AmountRole.BID && (core.contains("中标") || core.contains("成交"))) {
            return AmountRole.AWARD;
        }
        return best;
    }
}
