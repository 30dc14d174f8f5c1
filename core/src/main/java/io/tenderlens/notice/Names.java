package io.tenderlens.notice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organisation names as notices print them: cleaned of what follows a name in prose, and, when a
 * notice states no buyer, the organisation its title starts with. Normalising names into party
 * identifiers is {@code io.tenderlens.party.OrganizationNames}' job, not this class's.
 */
final class Names {
    /**
     * Endings of Chinese organisation names. Single characters that also end ordinary words (院 of 院区, 部 of 手术部,
     * 厅 of 大厅, 科 of 麻醉科) are left out: a name must end in a word that only names an organisation.
     */
    private static final Pattern ORG_END = Pattern.compile(
            "(?:有限责任公司|股份有限公司|有限公司|分公司|公司|集团|人民医院|中医医院|中医院|医院|分院|卫生院|保健院|卫生服务中心|疾病预防控制中心"
                    + "|卫生健康委员会|卫生健康局|委员会|大学|学院|学校|中学|小学|幼儿园|党校|研究院|研究所|科学院|设计院|检察院|法院|研究中心"
                    + "|分校|总局|分局|管理局|局|中心|人民政府|政府|办公室|办事处|管理处|监狱|看守所|派出所|支队|大队|总队|中队|海关|图书馆|博物馆|博物院"
                    + "|纪念馆|文化馆|美术馆|档案馆|体育馆|电视台|广播电视台|气象台|协会|学会|基金会|银行|分行|支行|合作社|服务站|工作站|监测站"
                    + "|农场|林场|(?<!大)厅|外交部|财政部|教育部|公安部|国防部|商务部|司法部|审计署|交通运输部|水利部|农业农村部|文化和旅游部"
                    + "|自然资源部|生态环境部|民政部|科学技术部|工业和信息化部|人力资源和社会保障部|住房和城乡建设部|应急管理部|退役军人事务部)"
                    + "(?:\\((?:本级)\\)|（本级）|本级)?");
    /** A new organisation named after a place starts here (…医院青岛市公共卫生临床中心). */
    private static final Pattern PLACE_START = Pattern.compile("^[\\u4e00-\\u9fa5]{2,4}(?:省|市|县|区|州|盟|旗)");

    /** Where a title stops naming its buyer and starts naming the purchase. */
    private static final Pattern PURCHASE_START = Pattern.compile(
            "\\d|关于|项目|采购|招标|建设|服务|工程|设备|系统|平台|购置|租赁|维保|维护|改造|信息化|软件|硬件|公告|公示|新医院|新院|院区|校区"
                    + "|[【\\[]");

    private static final Pattern COMPANY_AHEAD = Pattern.compile("^[\\u4e00-\\u9fa5]{0,8}?(?:有限责任公司|股份有限公司|有限公司|集团)");
    private static final Pattern ALIAS = Pattern.compile("[（(]([^（）()]{2,30})[）)]");

    private static final Pattern NUMBERED_SHORT = Pattern.compile("^[0-9一二三四五六七八九十].{0,8}");
    private static final Pattern LEADING_TAG = Pattern.compile("^(?:【[^】]{0,12}】|\\[[^]]{0,12}])\\s*");
    private static final Pattern DOUBLED_END = Pattern.compile("(医院|学院|大学|中心|公司)\\1$");

    private Names() {}

    /** A name as printed, without what follows it in prose (，具体由…组织实施) or a seal note; null when nothing is left. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String v = Text.squash(value);
        int colon = Math.max(v.indexOf('：'), v.indexOf(':'));
        if (colon > 0) {
            // a crawler glued the next field on (国义招标股份有限公司招标组织方式：…): keep the name up to its ending
            int end = lastOrgEnd(v.substring(0, colon));
            v = end > 0 ? v.substring(0, end) : v.substring(0, colon);
        }
        int cut = v.length();
        for (String stop : new String[] {"，", ",", "；", ";", "。", "（盖章）", "(盖章)", "  "}) {
            int i = v.indexOf(stop);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        v = Text.trimValue(v.substring(0, cut));
        int label = FieldExtractor.labelAtEnd(v);
        if (label > 0 && v.length() - label >= 4) {
            v = v.substring(0, v.length() - label); // 绍兴市中心医院医共体总院地址: the next field's label, its value cut off
        }
        if (!endsWithOrg(v)) {
            // a few characters after the name's ending are the start of the next field, cut off with the snippet
            // (遂昌县人民医院地址, 福州市第二总医院4、建议截止, …有限公司二)
            int end = lastOrgEnd(v);
            String rest = end < 0 ? "" : v.substring(end);
            boolean glued = FieldExtractor.startsWithLabel(rest) || FieldExtractor.isLabelStart(rest)
                    || NUMBERED_SHORT.matcher(rest).matches();
            if (end >= 4 && glued) {
                v = v.substring(0, end);
            }
        }
        return v.length() < 2 || v.equals("/") || v.equals("无") ? null : v;
    }

    /** True when position {@code at} of {@code s} lies inside an opened, not yet closed bracket. */
    private static boolean insideBrackets(String s, int at) {
        int depth = 0;
        for (int i = 0; i < at; i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '（') {
                depth++;
            } else if ((c == ')' || c == '）') && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    private static int lastOrgEnd(String s) {
        Matcher m = ORG_END.matcher(s);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end;
    }

    static boolean looksLikeOrganisation(String name) {
        return name != null && name.length() >= 4 && endsWithOrg(name);
    }

    private static boolean endsWithOrg(String name) {
        // the longest ending (人力资源和社会保障部（本级）) is 14 characters: only the tail can hold one
        Matcher m = ORG_END.matcher(name).useTransparentBounds(true).region(Math.max(0, name.length() - 16), name.length());
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
        t = LEADING_TAG.matcher(t).replaceFirst("");
        int about = t.indexOf("关于");
        if (about > 0 && about < 40) {
            return null; // 甲公司关于乙项目…: the writer is the agency, the buyer is not at the start
        }
        Matcher stop = PURCHASE_START.matcher(t);
        int end = t.length();
        while (stop.find()) {
            // 宜兴市陶都城镇化建设发展有限公司: a purchase word inside a company's name does not end it
            String after = t.substring(stop.end(), Math.min(t.length(), stop.end() + 10));
            if (!COMPANY_AHEAD.matcher(after).find()) {
                end = stop.start();
                break;
            }
        }
        String head = t.substring(0, end);
        int half = head.length() / 2;
        if (head.length() % 2 == 0 && half >= 4 && head.substring(0, half).equals(head.substring(half))) {
            head = head.substring(0, half);
        }
        Matcher m = ORG_END.matcher(head);
        int best = -1;
        while (m.find()) {
            if (m.end() < 4 || insideBrackets(head, m.end())) {
                continue; // 泰安市中心医院（青岛大学附属…）: an affiliation in brackets is not where the name ends
            }
            if (best > 0 && PLACE_START.matcher(head.substring(best)).find()) {
                break; // a second organisation, named after its place, follows the first
            }
            best = m.end();
        }
        if (best < 4) {
            return null;
        }
        String name = head.substring(0, best);
        String doubled = DOUBLED_END.matcher(name).replaceFirst("$1");
        name = doubled;
        int again = name.indexOf(name.substring(0, Math.min(4, name.length())), 1);
        if (again > 0 && name.substring(again).startsWith(name.substring(0, again))) {
            name = name.substring(0, again);
        }
        // 中国科大附一院（安徽省立医院）: a bracketed other name of the same organisation belongs to it
        Matcher alias = ALIAS.matcher(t.substring(t.indexOf(name) + name.length()));
        if (alias.lookingAt() && endsWithOrg(alias.group(1))) {
            name = name + alias.group();
        }
        return name;
    }
}
