package io.tenderlens.notice;

import java.util.regex.Pattern;

/**
 * A notice title without the words that say what kind of notice it is, so that the tender, its
 * correction and its award have one stem: {@code XX项目公开招标公告}, {@code XX项目更正公告（第一次）} and
 * {@code XX项目中标（成交）结果公告} all become {@code XX项目}. Lots stay in the stem
 * ({@code 第3包}) unless asked otherwise: another lot is another procurement unless a code says not.
 */
public final class TitleStem {
    private static final Pattern LEADING = Pattern.compile("^(?:【[^】]{0,12}】|\\[[^]]{0,12}]|.{2,40}?关于)\\s*");
    private static final Pattern CODE = Pattern.compile(
            "[(（\\[【]\\s*(?:项目编号|招标编号|采购编号|编号)?\\s*[:：]?\\s*[A-Za-z0-9][A-Za-z0-9\\-_/\\[\\]〔〕]{4,40}\\s*[)）\\]】]");
    private static final Pattern ROUND = Pattern.compile("[(（]\\s*第?[一二三四五六七八九十0-9]+次\\s*[)）]$");
    private static final Pattern TYPE_TAIL = Pattern.compile(
            "(?:的)?(?:(?:国际)?公开招标|邀请招标|竞争性谈判|竞争性磋商|询价|单一来源|竞价|比选|议标|网上竞价)?"
                    + "(?:采购)?(?:项目)?(?:的)?(?:中标|成交|中标（成交）|中标\\(成交\\)|废标|流标|终止|中止|更正|变更|澄清|合同|验收|采购意向|需求|结果|招标|采购|磋商|谈判|询价|单一来源|资格预审|候选人|评标)*"
                    + "(?:结果)?(?:公告|公示|公开|信息|通知|书)?$");
    private static final Pattern LOT = Pattern.compile(
            "(?:第\\s*[0-9一二三四五六七八九十]+\\s*(?:包|标段|标包|分标)(?:\\s*[、,，和及]\\s*第?\\s*[0-9一二三四五六七八九十]+\\s*(?:包|标段|标包|分标)?)*|[0-9]{1,3}\\s*包)");

    private TitleStem() {}

    /** The title without notice-type words, code brackets and a leading 甲关于. */
    public static String of(String title) {
        return stem(title, false);
    }

    /** The stem without lot words too (第14包、第16包), for telling the procurement from its lots. */
    public static String withoutLots(String title) {
        return stem(title, true);
    }

    private static String stem(String title, boolean dropLots) {
        if (title == null) {
            return "";
        }
        String t = Text.squash(title);
        t = LEADING.matcher(t).replaceFirst("");
        t = CODE.matcher(t).replaceAll("");
        for (int i = 0; i < 3; i++) {
            String before = t;
            t = ROUND.matcher(t.trim()).replaceFirst("");
            t = TYPE_TAIL.matcher(t.trim()).replaceFirst("");
            if (t.equals(before)) {
                break;
            }
        }
        if (dropLots) {
            t = LOT.matcher(t).replaceAll("");
        }
        return Text.trimValue(t.trim());
    }
}
