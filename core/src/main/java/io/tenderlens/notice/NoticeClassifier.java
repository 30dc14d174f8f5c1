package io.tenderlens.notice;

import io.tenderlens.text.WordTrie;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notice type and procurement method from the words of the title, the channel the site filed
 * the notice under (breadcrumb or URL path) and the 采购方式 field. The title wins: the ccgp channel
 * 终止公告 holds 废标 notices, and titles say what a notice is in their last type words
 * ({@code 关于…中标公告的更正公告} is a correction).
 */
public final class NoticeClassifier {

    /** A type or method decision with the words it rests on. */
    public record Evidence<T>(T value, String words, String rule) {}

    /** Type phrases, checked in the title by position (the last one wins), longest first at one position. */
    private static final Map<String, NoticeType> TITLE_TYPES = new LinkedHashMap<>();
    /** Channel words of breadcrumbs and ccgp/provincial URL path codes. */
    private static final Map<String, NoticeType> CHANNEL_TYPES = new LinkedHashMap<>();
    private static final Map<String, NoticeType> URL_TYPES = new LinkedHashMap<>();
    private static final Map<String, String> METHODS = new LinkedHashMap<>();
    private static final Map<String, String> URL_METHODS = new LinkedHashMap<>();
    /** The title type words, folded, for finding the longest one at each position in one walk. */
    private static final WordTrie<NoticeType> TITLE_TYPE = new WordTrie<>();
    private static final Pattern METHOD;

    static {
        put(TITLE_TYPES, NoticeType.PLANNING, "采购意向", "意向公开", "需求公示", "需求公告", "征求意见", "意见征询", "市场调研", "调研公告",
                "论证公告", "论证意见", "需求论证", "预公告", "预告", "采购计划", "需求调查", "参数征集", "信息征集", "预公示", "文件公示",
                "文件预公示", "调研邀请公告", "市场调查", "论证结果公示", "论证公示", "采购需求", "意见征询公示");
        put(TITLE_TYPES, NoticeType.TENDER, "招标公告", "采购公告", "磋商公告", "谈判公告", "询价公告", "询价采购公告", "竞价公告", "单一来源",
                "邀请公告", "邀请书", "比选公告", "议标公告", "遴选公告", "招租公告", "资格预审公告", "招标", "采购项目公告", "公开招标",
                "竞争性磋商", "竞争性谈判", "询价", "竞价", "比选");
        put(TITLE_TYPES, NoticeType.AMENDMENT, "更正公告", "变更公告", "澄清公告", "补充公告", "延期公告", "更正", "变更", "澄清", "补遗",
                "延期", "答疑");
        put(TITLE_TYPES, NoticeType.AWARD, "中标公告", "成交公告", "结果公告", "结果公示", "结果的公示", "中标公示", "成交公示", "中选公告", "中选结果",
                "入围结果", "中标（成交）", "中标(成交)", "中标结果", "成交结果", "中标候选人", "评标结果", "采购结果", "中标", "成交",
                "定标");
        put(TITLE_TYPES, NoticeType.AWARD_AMENDMENT, "结果变更公告", "结果更正公告", "中标变更公告");
        put(TITLE_TYPES, NoticeType.UNSUCCESSFUL, "废标公告", "流标公告", "废标", "流标", "采购失败", "失败公告");
        put(TITLE_TYPES, NoticeType.CANCELLED, "终止公告", "中止公告", "取消公告", "终止", "中止", "撤销公告", "暂停公告");
        put(TITLE_TYPES, NoticeType.CONTRACT, "合同公告", "合同公示", "采购合同", "合同信息", "合同");
        put(TITLE_TYPES, NoticeType.IMPLEMENTATION, "验收公告", "验收结果", "验收结果公告", "验收结果公示", "履约验收", "验收");

        put(CHANNEL_TYPES, NoticeType.PLANNING, "采购意向", "需求公示", "预告", "论证");
        put(CHANNEL_TYPES, NoticeType.TENDER, "公开招标", "邀请招标", "竞争性谈判", "竞争性磋商", "询价", "单一来源", "竞价", "采购公告",
                "招标公告");
        put(CHANNEL_TYPES, NoticeType.AMENDMENT, "更正公告", "变更公告");
        put(CHANNEL_TYPES, NoticeType.AWARD, "中标公告", "成交公告", "结果公告");
        put(CHANNEL_TYPES, NoticeType.UNSUCCESSFUL, "废标", "流标");
        put(CHANNEL_TYPES, NoticeType.CANCELLED, "终止公告");
        put(CHANNEL_TYPES, NoticeType.CONTRACT, "合同公告");
        put(CHANNEL_TYPES, NoticeType.IMPLEMENTATION, "验收公告");

        put(URL_TYPES, NoticeType.PLANNING, "/cgyx/", "/yxgk/", "/cgxqgs/");
        put(URL_TYPES, NoticeType.TENDER, "/gkzb/", "/yqzb/", "/jzxtpgg/", "/jzxtp/", "/jzxcs/", "/xjgg/", "/dylygg/", "/dyly/", "/zgysgg/");
        put(URL_TYPES, NoticeType.AMENDMENT, "/gzgg/", "/bggg/");
        put(URL_TYPES, NoticeType.AWARD, "/zbgg/", "/cjgg/", "/zhbgg", "/zbjggg/");
        put(URL_TYPES, NoticeType.UNSUCCESSFUL, "/fblbgg/", "/fbgg/", "/lbgg/");
        put(URL_TYPES, NoticeType.CANCELLED, "/zzgg/");
        put(URL_TYPES, NoticeType.CONTRACT, "/htgg/");
        put(URL_TYPES, NoticeType.IMPLEMENTATION, "/ysgg/");

        METHODS.put("公开招标", "open");
        METHODS.put("邀请招标", "selective");
        METHODS.put("竞争性谈判", "limited");
        METHODS.put("竞争性磋商", "limited");
        METHODS.put("询价", "limited");
        METHODS.put("单一来源", "direct");
        METHODS.put("网上竞价", "open");
        METHODS.put("电子竞价", "open");
        METHODS.put("竞价", "open");
        METHODS.put("比选", "selective");
        METHODS.put("议标", "limited");
        METHODS.put("框架协议", "selective");
        URL_METHODS.put("/gkzb/", "公开招标");
        URL_METHODS.put("/yqzb/", "邀请招标");
        URL_METHODS.put("/jzxtpgg/", "竞争性谈判");
        URL_METHODS.put("/jzxtp/", "竞争性谈判");
        URL_METHODS.put("/jzxcs/", "竞争性磋商");
        URL_METHODS.put("/xjgg/", "询价");
        URL_METHODS.put("/dylygg/", "单一来源");
        URL_METHODS.put("/dyly/", "单一来源");

        TITLE_TYPES.forEach((words, type) -> {
            if (TITLE_TYPE.get(Text.fold(words)) == null) {
                TITLE_TYPE.put(Text.fold(words), type);
            }
        });
        METHOD = alternation(METHODS.keySet());
    }

    private NoticeClassifier() {}

    private static void put(Map<String, NoticeType> map, NoticeType t, String... words) {
        for (String w : words) {
            map.putIfAbsent(w, t);
        }
    }

    private static Pattern alternation(Iterable<String> words) {
        StringBuilder sb = new StringBuilder();
        java.util.List<String> sorted = new java.util.ArrayList<>();
        words.forEach(sorted::add);
        sorted.sort((a, b) -> b.length() - a.length());
        for (String w : sorted) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(Pattern.quote(Text.fold(w)));
        }
        return Pattern.compile(sb.toString());
    }

    /** Brackets at the end of a title name the agency or the round ([浙江省国际技术设备招标有限公司], (第1包)), not the type. */
    private static final Pattern TRAILING_BRACKETS = Pattern.compile("(?:\\s*[\\[(【][^\\[\\]()【】]{0,40}[\\])】])+\\s*$");
    private static final Pattern AMENDING = Pattern.compile("更正|变更|澄清|延期|补遗|答疑");
    private static final Pattern AWARD_WORDS = Pattern.compile("中标|成交|结果|中选");
    private static final Pattern ORG_WITH_TYPE_WORDS = Pattern.compile(
            "[\\u4e00-\\u9fa5]{0,12}(?:招标|采购|交易|咨询|造价)[\\u4e00-\\u9fa5]{0,10}?(?:有限责任公司|股份有限公司|有限公司|集团|中心)");

    /**
     * The type a title states: the type words that end last in it (the longest where several end at
     * one place), ignoring brackets at its end; a call for tenders that is postponed or corrected
     * (延期询价公告) is an amendment.
     */
    public static Optional<Evidence<NoticeType>> typeOfTitle(String title) {
        if (title == null) {
            return Optional.empty();
        }
        String t = Text.fold(title);
        // 国义招标股份有限公司…, 政府采购中心: type words inside an organisation's name say nothing about the notice
        if (t.contains("公司") || t.contains("集团") || t.contains("中心")) {
            Matcher org = ORG_WITH_TYPE_WORDS.matcher(t);
            while (org.find()) {
                t = t.substring(0, org.start()) + " ".repeat(org.end() - org.start()) + t.substring(org.end());
            }
        }
        if (endsWithClosingBracket(t)) {
            Matcher tail = TRAILING_BRACKETS.matcher(t);
            if (tail.find() && tail.start() > 0) {
                t = t.substring(0, tail.start());
            }
        }
        // the type words that end last; of those ending at one place, the longest
        int bestStart = -1;
        int bestEnd = -1;
        NoticeType type = null;
        for (int i = 0; i < t.length(); i++) {
            WordTrie.Match<NoticeType> m = TITLE_TYPE.longestAt(t, i, 1);
            if (m != null && i + m.length() > bestEnd) {
                bestStart = i;
                bestEnd = i + m.length();
                type = m.value();
            }
        }
        if (type == null) {
            return Optional.empty();
        }
        int start = bestStart;
        // the notice's own words for its type: the run of type words ending here (公开招标中标公告, 中标（成交）结果公告)
        for (int before = TITLE_TYPE.longestEndingAt(t, start, 12); before > 0; before = TITLE_TYPE.longestEndingAt(t, start, 12)) {
            start -= before;
        }
        String words = title.substring(start, bestEnd);
        if (type == NoticeType.TENDER) {
            Matcher a = AMENDING.matcher(t.substring(0, bestStart));
            if (a.find()) {
                return Optional.of(new Evidence<>(NoticeType.AMENDMENT, title.substring(a.start(), bestEnd), "type.title"));
            }
        }
        if (type == NoticeType.AMENDMENT) {
            // 中标结果变更公告, 关于…中标公告的更正公告: the correction of an award
            Matcher award = AWARD_WORDS.matcher(t.substring(0, bestStart));
            if (award.find()) {
                return Optional.of(new Evidence<>(NoticeType.AWARD_AMENDMENT, title.substring(award.start(), bestEnd), "type.title"));
            }
        }
        return Optional.of(new Evidence<>(type, words, "type.title"));
    }

    private static boolean endsWithClosingBracket(String t) {
        String s = t.stripTrailing();
        char c = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        return c == ']' || c == ')' || c == '】';
    }

    /** The type the site's channel states: the breadcrumb's last channel words, else the URL's channel code. */
    public static Optional<Evidence<NoticeType>> typeOfChannel(String channel, String url) {
        if (channel != null) {
            String last = channel;
            int cut = Math.max(Math.max(channel.lastIndexOf('»'), channel.lastIndexOf('>')), channel.lastIndexOf('/'));
            if (cut >= 0) {
                last = channel.substring(cut + 1);
            }
            for (Map.Entry<String, NoticeType> e : CHANNEL_TYPES.entrySet()) {
                if (last.contains(e.getKey())) {
                    return Optional.of(new Evidence<>(e.getValue(), last.trim(), "type.channel"));
                }
            }
        }
        if (url != null) {
            for (Map.Entry<String, NoticeType> e : URL_TYPES.entrySet()) {
                if (url.contains(e.getKey())) {
                    return Optional.of(new Evidence<>(e.getValue(), url, "type.url"));
                }
            }
        }
        return Optional.empty();
    }

    /** The procurement method: the 采购方式 value, else the title's method words, else the URL channel. */
    public static Optional<Evidence<String>> method(String methodField, String title, String url) {
        for (String text : new String[] {methodField, title}) {
            if (text == null) {
                continue;
            }
            // ☑竞争性谈判□竞争性磋商□询价: a form with the method ticked
            int ticked = Math.max(Math.max(text.indexOf('☑'), text.indexOf('√')), text.indexOf('■'));
            Matcher m = METHOD.matcher(Text.fold(text));
            if (ticked >= 0) {
                m.region(ticked, text.length());
            }
            if (m.find()) {
                String zh = text.substring(m.start(), m.end());
                return Optional.of(new Evidence<>(zh, text == methodField ? "采购方式：" + text : title,
                        text == methodField ? "method.field" : "method.title"));
            }
        }
        if (url != null) {
            for (Map.Entry<String, String> e : URL_METHODS.entrySet()) {
                if (url.contains(e.getKey())) {
                    return Optional.of(new Evidence<>(e.getValue(), url, "method.url"));
                }
            }
        }
        return Optional.empty();
    }

    /** The OCDS procurementMethod code of a Chinese method term (公开招标 → open). */
    public static String methodCode(String methodZh) {
        String code = METHODS.get(methodZh);
        if (code == null) {
            throw new IllegalArgumentException("unknown procurement method: " + methodZh);
        }
        return code;
    }
}
