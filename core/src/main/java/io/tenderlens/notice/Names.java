package io.tenderlens.notice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organisation names as notices print them: cleaned of what follows a name in prose, and, when a
 * notice states no buyer, the organisation its title starts with. Normalising names into party
 * identifiers is {@code io.tenderlens.party.OrganizationNames}' job, not this class's.
 */
final class Names {
    /** Endings of Chinese organisation names (longest first where one contains another). */
    private static final Pattern ORG_END = Pattern.compile(
            "(?:有限责任公司|股份有限公司|有限公司|公司|集团|人民医院|中医院|医院|卫生院|保健院|卫生服务中心|疾病预防控制中心|卫生健康委员会|卫生健康局"
                    + "|委员会|大学|学院|学校|中学|小学|幼儿园|研究院|研究所|研究中心|总局|分局|管理局|局|中心|人民政府|政府|办公室|法院|检察院"
                    + "|监狱|看守所|支队|大队|总队|海关|图书馆|博物馆|博物院|纪念馆|文化馆|美术馆|体育馆|档案馆|电视台|广播电视台|融媒体中心"
                    + "|协会|学会|基金会|银行|社|厅|部|署|所|站|院|馆|校|园|处|科|队|台|场)(?:\\((?:本级)\\)|（本级）)?");
    /** Where a title stops naming its buyer and starts naming the purchase. */
    private static final Pattern PURCHASE_START = Pattern.compile(
            "\\d|关于|项目|采购|招标|建设|服务|工程|设备|系统|平台|购置|租赁|维保|维护|改造|信息化|软件|硬件|公告|公示|[(（【\\[]");

    private Names() {}

    /** A name as printed, without what follows it in prose (，具体由…组织实施) or a seal note; null when nothing is left. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String v = Text.squash(value);
        int cut = v.length();
        for (String stop : new String[] {"，", ",", "；", ";", "。", "（盖章）", "(盖章)", "  "}) {
            int i = v.indexOf(stop);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        v = Text.trimValue(v.substring(0, cut));
        return v.length() < 2 || v.equals("/") || v.equals("无") ? null : v;
    }

    static boolean looksLikeOrganisation(String name) {
        return name != null && name.length() >= 4 && ORG_END.matcher(name).find()
                && endsWithOrg(name);
    }

    private static boolean endsWithOrg(String name) {
        Matcher m = ORG_END.matcher(name);
        while (m.find()) {
            if (m.end() == name.length()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The organisation a title starts with (深圳市龙华科技实验高级中学空调采购 → 深圳市龙华科技实验高级中学), or null.
     * Looks only before the first word that names the purchase, and takes the longest organisation
     * ending there; a name printed twice in a row (济南市第三人民医院济南市第三人民医院…) counts once.
     */
    static String organisationPrefix(String title) {
        String t = Text.squash(title);
        t = t.replaceFirst("^(?:【[^】]{0,12}】|\\[[^]]{0,12}])\\s*", "");
        int about = t.indexOf("关于");
        if (about > 0 && about < 40) {
            return null; // 甲公司关于乙项目…: the writer is the agency, the buyer is not at the start
        }
        Matcher stop = PURCHASE_START.matcher(t);
        int end = stop.find() ? stop.start() : t.length();
        String head = t.substring(0, end);
        int half = head.length() / 2;
        if (head.length() % 2 == 0 && half >= 4 && head.substring(0, half).equals(head.substring(half))) {
            head = head.substring(0, half);
        }
        Matcher m = ORG_END.matcher(head);
        int best = -1;
        while (m.find()) {
            if (m.end() >= 4) {
                best = m.end();
            }
        }
        if (best < 4) {
            return null;
        }
        String name = head.substring(0, best);
        int again = name.indexOf(name.substring(0, Math.min(4, name.length())), 1);
        if (again > 0 && name.substring(again).startsWith(name.substring(0, again))) {
            name = name.substring(0, again);
        }
        return name;
    }
}
