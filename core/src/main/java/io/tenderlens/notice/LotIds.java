package io.tenderlens.notice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lot identifiers as notices write them — 第1包, 包号：01, 合同包1, 包组编号：002, 标项一, A分标, 第三标段 —
 * reduced to one id per lot ({@code "1"}, {@code "2"}, {@code "A"}), so that the same lot in a
 * tender and in its award notice merges into one OCDS lot.
 */
public final class LotIds {
    private static final String NUM = "[0-9０-９]+|[一二三四五六七八九十百零〇两]+|[A-Za-zＡ-Ｚ]";
    /** A lot named in running text: 第3包, 06包, 第一标段, 标项1, 合同包1, A分标, 包1, 包组3. */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?:第\\s*(" + NUM + ")\\s*(?:包|标段|标包|分标|标项|批次包))"
                    + "|(?:(?<![0-9A-Za-z])([0-9]{1,3}|[A-Z])\\s*(?:包|分标|标段|标包)(?![组号]))"
                    + "|(?:(?:合同包|标项|包组|包号|分标|标包)\\s*[:：]?\\s*(" + NUM + ")(?![0-9]))"
                    + "|(?:(?<![\\u4e00-\\u9fa5])包\\s*(" + NUM + ")(?![0-9]))");
    /** 第14包、第16包 / 1、2分标 / 01、02、03分标: several lots named together. */
    private static final Pattern LIST = Pattern.compile(
            "(?:第)?((?:[0-9]{1,3}|[A-Z]|[一二三四五六七八九十]+)(?:\\s*(?:包|分标|标段)?\\s*[、,，和及与]\\s*(?:第)?\\s*(?:[0-9]{1,3}|[A-Z]|[一二三四五六七八九十]+))+)\\s*(包|分标|标段|标项)");

    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?:包|分标|标段)?\\s*[、,，和及与]\\s*(?:第)?\\s*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=.)");
    private static final Pattern CHINESE_NUMERAL = Pattern.compile("[一二三四五六七八九十百零〇两]+");

    private LotIds() {}

    /** Normalises one lot token: digits without leading zeros, Chinese numerals as digits, letters upper case. */
    public static String normalise(String token) {
        String t = Text.fold(token).trim().toUpperCase(Locale.ROOT);
        if (DIGITS.matcher(t).matches()) {
            return LEADING_ZEROS.matcher(t).replaceFirst("");
        }
        if (CHINESE_NUMERAL.matcher(t).matches()) {
            return Integer.toString(ChineseNumerals.parse(t));
        }
        return t;
    }

    /** False when the text cannot name a lot: every way of naming one has 包 or 标 (a quick test before the patterns). */
    static boolean mayName(String text) {
        return text.indexOf('包') >= 0 || text.indexOf('标') >= 0;
    }

    /** The first lot a phrase names (第1包 ：, 包号：1, 合同包1(医疗设备…)), or null. */
    public static String first(String phrase) {
        List<String> all = all(phrase);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every lot a phrase names, in order, without repeats. */
    public static List<String> all(String phrase) {
        if (!mayName(phrase)) {
            return new ArrayList<>();
        }
        Set<String> out = new LinkedHashSet<>();
        String text = Text.fold(phrase);
        Matcher list = LIST.matcher(text);
        while (list.find()) {
            for (String part : LIST_SEPARATOR.split(list.group(1))) {
                if (!part.isBlank()) {
                    out.add(normalise(part));
                }
            }
        }
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    out.add(normalise(m.group(g)));
                    break;
                }
            }
        }
        return new ArrayList<>(out);
    }
}
