package io.tenderlens.notice;

import io.tenderlens.notice.NoticeFields.Field;
import io.tenderlens.notice.NoticeFields.Source;
import io.tenderlens.notice.NoticeFields.Statement;
import io.tenderlens.notice.NoticeFields.Table;
import io.tenderlens.text.WordTrie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one field-extraction layer for every notice layout: label → value from table rows and from
 * {@code 标签：值} prose (also when crawlers have glued the fields together with no separator), data
 * tables with their header, and the section and lot each sits in.
 */
final class FieldExtractor {
    private static final Map<String, FieldKey> LABELS = new HashMap<>();
    /** Known labels as a trie, for finding every label that starts at a position in one walk. */
    private static final WordTrie<FieldKey> LABEL_TRIE = new WordTrie<>();
    /** 一、 二、… at the start of a numbered section. */
    private static final Pattern SECTION_MARK = Pattern.compile("([一二三四五六七八九十]{1,3})\\s*[、.](?!\\s*[、.])");
    /** 1.采购人信息 / 2、采购代理机构信息: numbered sub-sections whose number may be glued to the value before. */
    private static final Pattern SUB_MARK = Pattern.compile(
            "(?:(?<!\\d)\\d{1,2}|\\d)\\s*[.、]\\s*(?=采购人信息|采购单位信息|招标人信息|征集人信息|采购人名称|征集人名称|采购代理机构|招标代理机构|采购代理机构信息|代理机构信息|项目联系方式|中标结果|成交结果"
                    + "|废标结果|供应商排名|中标\\(成交\\)结果|质疑|其他补充|主要标的)");
    /** A lot marker at the end of a value, glued to the next lot's fields (…标项二). */
    private static final Pattern LOT_TAIL = Pattern.compile(
            "(?:标项|分标)\\s*[0-9一二三四五六七八九十]{1,3}$|第\\s*[0-9一二三四五六七八九十]{1,3}\\s*(?:包|标段|分标|标项)$|[A-Z]\\s*分标$");
    /** The next item of a numbered list ends a value: …有限公司2、上海市…, 20万元/年；6、…. */
    private static final Pattern NEXT_ITEM = Pattern.compile("(?<=[；;。，,\\s)）司院心])\\d{1,2}[、](?=[\\u4e00-\\u9fa5]|\\s*$)");
    /** An unknown label after a space ends the value before it (备注： after a name). */
    private static final Pattern SOFT_LABEL = Pattern.compile("\\s[\\u4e00-\\u9fa5][\\u4e00-\\u9fa5()/]{1,11}\\s*:");
    /** A lot heading line: 第1包 ： / 合同包1(医疗设备采购及服务): / 包组3 / A分标. */
    private static final Pattern LOT_HEADING = Pattern.compile(
            "^(?:第\\s*[0-9一二三四五六七八九十]+\\s*(?:包|标段|标包|分标|标项)|合同包\\s*[0-9]+|包\\s*[0-9]+|标项\\s*[0-9一二三四五六七八九十]+"
                    + "|[0-9A-Z]{1,3}\\s*(?:包|分标|标段))(?:[^:]{0,40})?\\s*:?\\s*$");
    /** A statement that starts with the lot it is about: 第14包：…, 标项1：…, A分标：…. */
    private static final Pattern LOT_LEAD = Pattern.compile(
            "^(?:第\\s*[0-9一二三四五六七八九十]+\\s*(?:包|标段|标包|分标|标项)|标项\\s*[0-9一二三四五六七八九十]+|[0-9A-Z]{1,3}\\s*(?:包|分标|标段))\\s*:");
    /** The lot token at the start of a 包号 value: "2 本供应商为小型企业…" → 2. */
    private static final Pattern LOT_VALUE = Pattern.compile("^\\s*([0-9A-Za-z]{1,4}|[一二三四五六七八九十]{1,3})(?![0-9A-Za-z])");
    private static final WordTrie<String> HEADER_WORDS = WordTrie.of("名称", "金额", "价", "数量", "供应商", "单位", "地址", "序号", "品牌",
            "型号", "规格", "得分", "排名", "排序", "包", "标项", "编号", "代码", "标的", "类型", "服务", "货物", "电话", "理由", "原因", "事项",
            "费率", "优惠", "下浮");

    static {
        for (FieldKey k : FieldKey.values()) {
            for (String label : k.labels()) {
                String norm = normLabel(label);
                if (LABELS.putIfAbsent(norm, k) == null) {
                    LABEL_TRIE.put(norm, k);
                }
            }
        }
    }

    /**
     * Where a known label followed by a colon starts at {@code at}: {label start, label end, value start}, or null.
     * The longest label that is followed by a colon wins; short labels may be spaced out (名 称：).
     */
    private static int[] labelAt(String folded, int at, int to) {
        WordTrie.Node<FieldKey> node = LABEL_TRIE.root();
        boolean spaced = false;
        int[] ends = null;
        int found = 0;
        int pos = at;
        while (pos < to) {
            if (folded.charAt(pos) == ' ' && pos > at) {
                spaced = true;
                pos++;
                continue;
            }
            node = node.next(folded.charAt(pos));
            if (node == null) {
                break;
            }
            pos++;
            if (node.value() != null && (!spaced || node.depth() <= 4)) {
                if (ends == null) {
                    ends = new int[8];
                } else if (found == ends.length) {
                    ends = java.util.Arrays.copyOf(ends, found * 2);
                }
                ends[found++] = pos;
            }
        }
        for (int k = found - 1; k >= 0; k--) {
            int colon = ends[k];
            while (colon < to && folded.charAt(colon) == ' ') {
                colon++;
            }
            if (colon < to && folded.charAt(colon) == ':') {
                return new int[] {at, ends[k], colon + 1};
            }
        }
        return null;
    }

    /** Every labelled value start in [from, to), left to right, as {label start, label end, value start}. */
    private static List<int[]> findLabels(String folded, int from, int to) {
        List<int[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int[] l = labelAt(folded, i, to);
            if (l != null) {
                out.add(l);
                i = l[2] - 1;
            }
        }
        return out;
    }

    private FieldExtractor() {}

    /** True when the text starts with a known label (a field a crawler glued on without its colon). */
    static boolean startsWithLabel(String text) {
        String t = Text.fold(text).replace(" ", "");
        for (int n = Math.min(t.length(), 14); n >= 2; n--) {
            if (LABELS.containsKey(t.substring(0, n))) {
                return true;
            }
        }
        return false;
    }

    /** The length of a known label (of two or more characters) the text ends with, else 0. */
    static int labelAtEnd(String text) {
        String t = Text.fold(text);
        for (int n = Math.min(t.length(), 14); n >= 2; n--) {
            if (LABELS.containsKey(t.substring(t.length() - n)) && LABELS.get(t.substring(t.length() - n)) != FieldKey.OTHER) {
                return n;
            }
        }
        return 0;
    }

    /** True when the text is the start of a known label, cut off (采购 of 采购项目名称 at the end of a snippet). */
    static boolean isLabelStart(String text) {
        String t = Text.fold(text).replace(" ", "");
        if (t.length() < 2) {
            return false;
        }
        for (String label : LABELS.keySet()) {
            if (label.startsWith(t)) {
                return true;
            }
        }
        return false;
    }

    /** A label as matched: folded, without spaces or a trailing colon. */
    static String normLabel(String label) {
        String s = Text.fold(label).replace(" ", "").replace("\n", "");
        while (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    static NoticeFields extract(NoticeDocument doc) {
        State st = new State();
        for (NoticeDocument.Block b : doc.blocks()) {
            if (b instanceof NoticeDocument.Line l) {
                st.line(l.text());
            } else if (b instanceof NoticeDocument.Grid g) {
                st.grid(g);
            }
        }
        return new NoticeFields(List.copyOf(st.fields), List.copyOf(st.tables), List.copyOf(st.statements));
    }

    private record Pending(FieldKey key, String label) {}

    /** Reading state: where we are in the notice. */
    private static final class State {
        final List<Field> fields = new ArrayList<>();
        final List<Table> tables = new ArrayList<>();
        final List<Statement> statements = new ArrayList<>();
        Section section = Section.BASIC;
        String lot;
        /** The organisation the generic labels (名称, 地址, 联系方式) currently describe. */
        FieldKey owner;
        int lastMark;
        /** A label that ended its line with no value: the value may be the next line. */
        Pending pending;
        String lastLine;

        void enter(Section s) {
            section = s;
            lot = null;
            owner = null;
        }

        void line(String original) {
            String folded = Text.fold(original);
            Pending waiting = pending;
            pending = null;
            if (waiting != null && findLabels(folded, 0, folded.length()).isEmpty() && !SECTION_MARK.matcher(folded).lookingAt()
                    && !SUB_MARK.matcher(folded).lookingAt() && !folded.trim().endsWith(":")
                    && folded.length() <= 200) {
                // 一、项目编号：⏎ ZC130800202101632 — the value on the line after its label
                add(waiting.key, waiting.label, Text.cutUnbalanced(Text.trimValue(original)),
                        Text.squash(waiting.label + "：" + original), Source.PROSE);
                lastLine = original;
                return;
            }
            List<int[]> cuts = new ArrayList<>();
            Matcher m = SECTION_MARK.matcher(hasMarkAfter(folded, "一二三四五六七八九十") ? folded : "");
            while (m.find()) {
                int n = ChineseNumerals.parse(m.group(1));
                int at = m.start();
                boolean lineStart = folded.substring(0, at).isBlank();
                char before = at == 0 ? ' ' : folded.charAt(at - 1);
                // mid-line only the next number in sequence, and after a Han character only from 二 on (not 统一、 第一、)
                boolean follows = n == lastMark + 1 && before != '第' && (!Text.isHan(before) || n >= 2);
                // …公告一．采购人名称：X二．采购项目名称：… — a numeral followed straight by a known label opens a section
                boolean labelled = m.end() < folded.length() && labelAt(folded, m.end(), folded.length()) != null && before != '第';
                if (n > 0 && (lineStart || follows || labelled)) {
                    cuts.add(new int[] {at, m.end(), 1});
                    lastMark = n;
                }
            }
            Matcher sub = SUB_MARK.matcher(hasMarkAfter(folded, "0123456789") ? folded : "");
            while (sub.find()) {
                cuts.add(new int[] {sub.start(), sub.end(), 2});
            }
            cuts.sort(Comparator.comparingInt(c -> c[0]));
            int pos = 0;
            boolean numbered = false;
            for (int[] cut : cuts) {
                if (cut[0] < pos) {
                    continue;
                }
                segment(original, folded, pos, cut[0], numbered);
                pos = cut[1];
                numbered = true;
            }
            segment(original, folded, pos, folded.length(), numbered);
            lastLine = original;
        }

        private void segment(String original, String folded, int from, int to, boolean numbered) {
            pending = null;
            if (from >= to && !numbered) {
                return;
            }
            List<int[]> labels = new ArrayList<>();
            for (int[] found : findLabels(folded, from, to)) {
                int start = found[0];
                // 浴池热水采购项目编号：… — crawlers glue fields; a value ending in 采购 is likelier than the label 采购项目编号
                if (start > from && Text.isHan(folded.charAt(start - 1)) && folded.startsWith("采购", start)
                        && LABELS.containsKey(normLabel(folded.substring(start + 2, found[1])))) {
                    start += 2;
                }
                labels.add(new int[] {start, found[1], found[2]});
            }
            // a line whose only labels are empty is a heading that happens to end in a label word (…评审报价：)
            boolean allEmpty = true;
            for (int i = 0; i < labels.size() && allEmpty; i++) {
                int valueEnd = i + 1 < labels.size() ? labels.get(i + 1)[0] : to;
                allEmpty = Text.trimValue(folded.substring(labels.get(i)[2], valueEnd)).isEmpty();
            }
            int headEnd = labels.isEmpty() || allEmpty ? to : labels.get(0)[0];
            String heading = Text.trimValue(folded.substring(from, headEnd));
            boolean switched = false;
            if (numbered) {
                Section s = Section.ofHeading(heading);
                enter(s != null ? s : Section.BASIC);
                switched = s != null;
            } else if (!heading.isEmpty() && (heading.length() <= 20 || folded.substring(from, headEnd).trim().endsWith(":"))
                    && heading.length() <= 40) {
                Section s = Section.ofHeading(heading);
                // inside a correction or failure statement, only a numbered heading ends it (（一）对…采购需求的变更：)
                if (s != null && section != Section.AMENDMENT && section != Section.FAILURE) {
                    switched = true;
                    if (s != section) {
                        enter(s);
                    }
                }
            }
            boolean lotWords = LotIds.mayName(heading);
            boolean lotLead = lotWords && LOT_LEAD.matcher(heading).find();
            if (lotWords && LOT_HEADING.matcher(heading).matches()) {
                lot = LotIds.first(heading);
            } else if (!heading.isEmpty() && (lotLead || (!switched && !(allEmpty && !labels.isEmpty()) && (section == Section.FAILURE
                    || section == Section.AMENDMENT)))) {
                String stmtLot = lotLead ? LotIds.first(heading) : lot;
                statements.add(new Statement(section, stmtLot, Text.squash(original.substring(from, headEnd))));
            }
            for (int i = 0; i < labels.size(); i++) {
                int[] l = labels.get(i);
                int valueEnd = i + 1 < labels.size() ? labels.get(i + 1)[0] : to;
                // each pattern needs its colon or 、 in the value: look for the character before running it
                int colon = folded.indexOf(':', l[2]);
                if (colon >= 0 && colon < valueEnd) {
                    Matcher soft = SOFT_LABEL.matcher(folded).region(l[2], valueEnd);
                    if (soft.find()) {
                        valueEnd = soft.start();
                    }
                }
                int mark = folded.indexOf('、', l[2]);
                if (mark >= 0 && mark < valueEnd) {
                    Matcher item = NEXT_ITEM.matcher(folded).region(l[2], valueEnd);
                    if (item.find() && item.start() > l[2]) {
                        valueEnd = item.start();
                    }
                }
                String label = folded.substring(l[0], l[1]);
                String value = Text.cutUnbalanced(Text.trimValue(original.substring(l[2], valueEnd)));
                String span = Text.squash(original.substring(l[0], valueEnd));
                FieldKey key = LABELS.get(normLabel(label));
                Matcher lotTail = LOT_TAIL.matcher(LotIds.mayName(value) ? Text.fold(value) : "");
                String nextLot = null;
                if (lotTail.find() && key != FieldKey.LOT_NAME && key != FieldKey.LOT) {
                    // 采购需求：标项一标项名称:…  备注：标项二标项名称:… — the next lot's marker glued to the value before it
                    nextLot = LotIds.first(lotTail.group());
                    value = Text.trimValue(value.substring(0, lotTail.start()));
                }
                add(key, original.substring(l[0], l[1]), value, span, Source.PROSE);
                if (nextLot != null) {
                    lot = nextLot;
                }
                if (i == labels.size() - 1 && value.isEmpty() && key != FieldKey.OTHER) {
                    pending = new Pending(key, original.substring(l[0], l[1]));
                }
            }
        }

        void add(FieldKey key, String label, String value, String span, Source source) {
            if (key == null) {
                return;
            }
            FieldKey k = resolve(key);
            if (k == FieldKey.LOT) {
                String id = LotIds.first(value);
                Matcher lead = LOT_VALUE.matcher(Text.fold(value));
                if (id == null && lead.find()) {
                    id = LotIds.normalise(lead.group(1));
                }
                if (id != null) {
                    lot = id;
                }
            }
            if (k == FieldKey.BUYER || k == FieldKey.AGENCY || k == FieldKey.SUPPLIER) {
                owner = k;
            }
            fields.add(new Field(k, label.trim(), value, section, lot, span, source));
            if (k == FieldKey.FAILURE_REASON && !value.isEmpty()) {
                statements.add(new Statement(Section.FAILURE, lot, value));
            }
        }

        /** Gives 名称 / 地址 / 联系方式 their owner from the section, else from the organisation named last. */
        private FieldKey resolve(FieldKey key) {
            if (key != FieldKey.NAME && key != FieldKey.ADDRESS && key != FieldKey.CONTACT) {
                return key;
            }
            FieldKey who = switch (section) {
                case BUYER_INFO -> FieldKey.BUYER;
                case AGENCY_INFO -> FieldKey.AGENCY;
                case CONTACT_INFO -> owner != null ? owner : FieldKey.PROJECT_CONTACT;
                default -> owner;
            };
            if (who == null) {
                return key;
            }
            return switch (key) {
                case NAME -> who == FieldKey.PROJECT_CONTACT ? FieldKey.NAME : who;
                case ADDRESS -> who == FieldKey.BUYER ? FieldKey.BUYER_ADDRESS
                        : who == FieldKey.AGENCY ? FieldKey.AGENCY_ADDRESS
                        : who == FieldKey.SUPPLIER ? FieldKey.SUPPLIER_ADDRESS : FieldKey.ADDRESS;
                default -> who == FieldKey.BUYER ? FieldKey.BUYER_CONTACT
                        : who == FieldKey.AGENCY ? FieldKey.AGENCY_CONTACT
                        : who == FieldKey.PROJECT_CONTACT ? FieldKey.PROJECT_PHONE : FieldKey.CONTACT;
            };
        }

        void grid(NoticeDocument.Grid g) {
            pending = null;
            List<List<String>> data = new ArrayList<>();
            List<String> header = null;
            for (List<String> row : g.rows()) {
                if (header == null && keyValueRow(row)) {
                    continue;
                }
                long filled = row.stream().filter(c -> !c.isEmpty()).count();
                if (header == null) {
                    if (filled >= 2 && looksLikeHeader(row)) {
                        header = row;
                    } else if (filled == 1) {
                        String only = row.stream().filter(c -> !c.isEmpty()).findFirst().orElse("");
                        line(only);
                    }
                    continue;
                }
                if (looksLikeHeader(row) && row.equals(header)) {
                    continue;
                }
                data.add(row);
            }
            if (header != null) {
                String caption = lastLine;
                tables.add(new Table(List.copyOf(header), List.copyOf(data), section, lot, caption));
            }
        }

        /** A row of label/value pairs (公告概要: 采购单位 | X, 行政区域 | Y | 公告时间 | Z); its fields are added. */
        private boolean keyValueRow(List<String> row) {
            if (row.size() < 2 || row.size() % 2 != 0) {
                return false;
            }
            int known = 0;
            for (int i = 0; i < row.size(); i += 2) {
                String label = normLabel(row.get(i));
                if (LABELS.containsKey(label)) {
                    known++;
                } else if (!(row.get(i).endsWith("：") || row.get(i).endsWith(":")) || label.length() > 14) {
                    return false;
                }
            }
            if (known == 0) {
                return false;
            }
            for (int i = 1; i < row.size(); i += 2) {
                if (LABELS.containsKey(normLabel(row.get(i)))) {
                    return false; // a header row of column names, not label and value
                }
            }
            for (int i = 0; i < row.size(); i += 2) {
                FieldKey key = LABELS.get(normLabel(row.get(i)));
                String value = Text.trimValue(row.get(i + 1));
                add(key, row.get(i), value, Text.squash(row.get(i) + " " + row.get(i + 1)), Source.TABLE);
            }
            return true;
        }

    }

    /** True when a 、 or . follows one of the numerals (spaces between allowed): a numbered item may start there. */
    private static boolean hasMarkAfter(String folded, String numerals) {
        for (int i = 1; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '、' || c == '.') {
                int k = i - 1;
                while (k > 0 && Character.isWhitespace(folded.charAt(k))) {
                    k--;
                }
                if (numerals.indexOf(folded.charAt(k)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A row of column names: short cells without long numbers, two or more of them column words (名称, 金额, 包 …). */
    static boolean looksLikeHeader(List<String> row) {
        int words = 0;
        for (String c : row) {
            if (c.isEmpty()) {
                continue;
            }
            if (Text.hasDigitRun(c, 3) && !c.contains("(") && !c.contains("（")) {
                return false;
            }
            if (c.length() > 24) {
                return false;
            }
            if (HEADER_WORDS.occursIn(c)) {
                words++;
            }
        }
        return words >= 2;
    }
}
