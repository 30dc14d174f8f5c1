package io.tenderlens.notice;

import java.util.regex.Pattern;

/**
 * A notice title without the words that say what kind of notice it is, so that the tender, its
 * correction and its award have one stem: {@code XX项目公开招标公告}, {@code XX项目更正公告（第一次）} and
 * {@code XX项目中标（成交）结果公告} all become {@code XX项目}. Lots stay in the stem
 * ({@code 第3包}) unless asked otherwise: another lot is another procurement unless a code says not.
 */
public final class TitleStem {
    private static final Pattern PUNCTUATION = Pattern.compile("[()（）\\[\\]【】\\-—_、,，:：“”\"'.。/]");
    /** 结果公告2: the number of a notice among several of one procurement. */
    private static final Pattern NOTICE_NUMBER = Pattern.compile("(?<=公告|公示)[一二三四五六七八九十0-9]{1,2}$");
    private static final Pattern LEADING = Pattern.compile("^(?:(?:【[^】]{0,12}】|\\[[^]]{0,12}]|\\s)+|.{0,40}?关于)\\s*");
    /** Notice-type words a site puts before the title: 中标公告-上海市浦东医院…. */
    private static final Pattern LEADING_TYPE = Pattern.compile("^(?:中标|成交|招标|采购|结果|更正|变更|合同)(?:结果)?公[告示]\\s*[-—:：]?\\s*");
    /** Tags in brackets at the end: 【合同】, [集采], [浙江省国际技术设备招标有限公司]. */
    private static final Pattern TRAILING_TAGS = Pattern.compile("(?:\\s*(?:【[^】]{0,40}】|\\[[^]]{0,40}]))+\\s*$");
    /** Rounds of the same procurement: （第二次招标）, 第三次, 二次, (重), 重新招标. */
    private static final Pattern ROUNDS = Pattern.compile(
            "[（(]?\\s*(?:第?[一二三四五六七八九十0-9]{1,2}次(?:招标|采购|公告|公开招标)?|重新招标|重招|重)\\s*[)）]?");
    /** Codes inside a title (SRJYZFCG-2022-003#-1, BB2021WHCGZ0851-重1), for stems that must not depend on them. */
    private static final Pattern ANY_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_/#\\[\\]]*(?:-重?[A-Za-z0-9_/#\\[\\]]*)*");
    private static final Pattern LINK_NOISE = Pattern.compile("(?:项目编号|招标编号|采购编号|编号)[:：]?|就其|不见面|电子化|\\s");
    private static final Pattern CODE = Pattern.compile(
            "[(（\\[【]\\s*(?:项目编号|招标编号|采购编号|编号)?\\s*[:：]?\\s*[A-Za-z0-9][A-Za-z0-9\\-_/\\[\\]〔〕]{4,40}\\s*[)）\\]】]");
    private static final Pattern ROUND = Pattern.compile("[(（]\\s*第?[一二三四五六七八九十0-9]+次\\s*[)）]$");
    private static final Pattern TYPE_TAIL = Pattern.compile(
            "(?:的)?(?:(?:国际)?公开招标|邀请招标|竞争性谈判|竞争性磋商|询价|单一来源|竞价|比选|议标|网上竞价)?"
                    + "(?:采购)?(?:项目)?(?:的)?(?:中标|成交|中标（成交）|中标\\(成交\\)|废标|流标|终止|中止|更正|变更|澄清|合同|验收|采购意向|需求|结果|招标|采购|磋商|谈判|询价|单一来源|资格预审|候选人|评标"
                    + "|在线|网上|电子化|不见面|政府|意见征询|征求意见|市场调研会|产品市场调研会|市场调研|调研会|调研|论证|参数征集|招标文件|文件|预公示|预|验收报告|报告|评审)*"
                    + "(?:结果)?(?:公告|公示|公开|信息|通知|书|表)?$");
    private static final Pattern LOT = Pattern.compile(
            "第?\\s*[0-9一二三四五六七八九十]{1,3}(?:\\s*[、,，和及]\\s*第?\\s*[0-9一二三四五六七八九十]{1,3})*\\s*(?:包|标段|标包|分标)");

    private TitleStem() {}

    /** The title without notice-type words, code brackets and a leading 甲关于. */
    public static String of(String title) {
        return stem(title, false);
    }

    /** The stem without lot words too (第14包、第16包), for telling the procurement from its lots. */
    public static String withoutLots(String title) {
        return stem(title, true);
    }

    /**
     * The stem as a linking key: without lots, rounds (第二次招标, (重)), codes, tags in brackets and the words
     * crawlers and agencies add (就其, 不见面), so that the call, its re-tender, its correction and its award
     * of one procurement meet.
     */
    public static String forLinking(String title) {
        if (title == null) {
            return "";
        }
        String t = TRAILING_TAGS.matcher(Text.squash(title)).replaceFirst("");
        t = LEADING.matcher(t).replaceFirst("");
        t = LEADING_TYPE.matcher(t).replaceFirst("");
        t = ANY_CODE.matcher(t).replaceAll(m -> m.group().length() >= 6 && m.group().chars().anyMatch(Character::isDigit) ? "" : m.group());
        t = ROUNDS.matcher(t).replaceAll("");
        t = stem(t, true);
        t = LINK_NOISE.matcher(t).replaceAll("");
        t = PUNCTUATION.matcher(t).replaceAll("");
        for (int i = 0; i < 4; i++) {
            String before = t;
            t = NOTICE_NUMBER.matcher(t).replaceFirst("");
            t = TYPE_TAIL.matcher(t).replaceFirst("");
            t = GENERIC_TAIL.matcher(t).replaceFirst("");
            if (t.equals(before)) {
                break;
            }
        }
        return collapseRepeatedStart(Text.trimValue(t));
    }

    /** Words that end most project names and differ between the notices of one project (…运行维护 / …运行维护服务). */
    private static final Pattern GENERIC_TAIL = Pattern.compile("(?:项目|采购|服务|政府|的)+$");

    /** 麻城市人民医院麻城市人民医院…: a name printed twice at the start counts once. */
    private static String collapseRepeatedStart(String s) {
        for (int n = s.length() / 2; n >= 4; n--) {
            if (s.startsWith(s.substring(0, n), n)) {
                return s.substring(n);
            }
        }
        return s;
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
