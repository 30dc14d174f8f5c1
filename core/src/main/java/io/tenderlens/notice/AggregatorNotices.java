package io.tenderlens.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.notice.NoticeFields.Field;
import io.tenderlens.notice.NoticeFields.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Notices as an aggregator stores them (剑鱼标讯/jianyu360 field names: {@code title}, {@code detail},
 * {@code publishTime} in epoch seconds, {@code subtype}, {@code buyer}, {@code agency}, {@code budget},
 * {@code winner}/{@code winnerInfo}, {@code bidAmount}, {@code area}/{@code city}/{@code district}, …).
 * The title and text are read like any notice text; the stored fields fill in only what the text does
 * not say, and their provenance says {@code metadata.<field>}. The stored fields are known to be wrong
 * at times (an agency stored as the buyer, a winner from another lot), so the text wins.
 */
public final class AggregatorNotices {
    /** subtype → channel words the classifier knows. */
    private static final Map<String, String> CHANNELS = Map.ofEntries(
            Map.entry("招标", "招标公告"), Map.entry("邀标", "邀请招标"), Map.entry("竞谈", "竞争性谈判"), Map.entry("询价", "询价"),
            Map.entry("单一", "单一来源"), Map.entry("竞价", "竞价"), Map.entry("中标", "中标公告"), Map.entry("成交", "成交公告"),
            Map.entry("合同", "合同公告"), Map.entry("变更", "变更公告"), Map.entry("结果变更", "变更公告"), Map.entry("废标", "废标"),
            Map.entry("流标", "流标"), Map.entry("预告", "预告"), Map.entry("需求公示", "需求公示"), Map.entry("论证意见", "论证"),
            Map.entry("验收", "验收公告"));
    private static final Map<String, String> METHODS = Map.of("邀标", "邀请招标", "竞谈", "竞争性谈判", "询价", "询价",
            "单一", "单一来源", "竞价", "竞价");

    private final PlainTextNoticeParser parser;

    public AggregatorNotices(PlainTextNoticeParser parser) {
        this.parser = parser;
    }

    /** The release of one stored record: its text read, its stored fields filling the gaps. */
    public ObjectNode toRelease(JsonNode record, String position) throws NotANoticeException {
        String subtype = record.path("subtype").asText("");
        return parser.parse(record.path("title").asText(null), text(record), origin(record, position),
                CHANNELS.get(subtype), metadata(record));
    }

    /** The release from the record's title and text alone, ignoring its stored fields (to measure the parser against them). */
    public ObjectNode fromTextOnly(JsonNode record, String position) throws NotANoticeException {
        return parser.parse(record.path("title").asText(null), text(record), origin(record, position));
    }

    private static String text(JsonNode record) {
        return record.path("detail").asText("");
    }

    static NoticeOrigin origin(JsonNode record, String position) {
        String published = record.hasNonNull("publishTime")
                ? ChineseDates.ofEpochSeconds(record.get("publishTime").asLong()) : null;
        return new NoticeOrigin(position, null, record.path("site").asText(null), published,
                Hashes.sha256(record.toString()));
    }

    static List<Field> metadata(JsonNode r) {
        List<Field> out = new ArrayList<>();
        add(out, FieldKey.BUYER, "buyer", r.path("buyer").asText(""));
        add(out, FieldKey.BUYER_CONTACT, "buyerTel", join(r.path("buyerPerson").asText(""), r.path("buyerTel").asText("")));
        add(out, FieldKey.AGENCY, "agency", r.path("agency").asText(""));
        add(out, FieldKey.AGENCY_CONTACT, "agencyTel", join(r.path("agencyPerson").asText(""), r.path("agencyTel").asText("")));
        if (r.path("budget").isNumber()) {
            add(out, FieldKey.BUDGET, "budget", r.get("budget").asText() + "元");
        }
        List<String> winners = new ArrayList<>();
        for (JsonNode w : r.path("winnerInfo")) {
            if (!w.path("winner").asText("").isBlank()) {
                winners.add(w.path("winner").asText());
            }
        }
        if (winners.isEmpty() && !r.path("winner").asText("").isBlank()) {
            for (String w : r.get("winner").asText().split("[,，]")) {
                if (!w.isBlank()) {
                    winners.add(w.trim());
                }
            }
        }
        String amount = r.path("bidAmount").isNumber() ? r.get("bidAmount").asText() + "元" : null;
        for (String w : winners) {
            add(out, FieldKey.SUPPLIER, "winner", w);
            if (amount != null && winners.size() == 1) {
                add(out, FieldKey.AWARD_AMOUNT, "bidAmount", amount);
            }
        }
        if (amount != null && winners.size() > 1) {
            add(out, FieldKey.TOTAL_AWARD, "bidAmount", amount);
        }
        add(out, FieldKey.REGION, "area", join(r.path("area").asText(""), r.path("city").asText(""),
                r.path("district").asText("")));
        add(out, FieldKey.METHOD, "subtype", METHODS.getOrDefault(r.path("subtype").asText(""), ""));
        if (r.path("bidEndTime").isNumber()) {
            add(out, FieldKey.DEADLINE, "bidEndTime", ChineseDates.ofEpochSeconds(r.get("bidEndTime").asLong()));
        }
        if (r.path("bidOpenTime").isNumber()) {
            add(out, FieldKey.OPENING, "bidOpenTime", ChineseDates.ofEpochSeconds(r.get("bidOpenTime").asLong()));
        }
        return out;
    }

    private static void add(List<Field> out, FieldKey key, String name, String value) {
        String v = value == null ? "" : value.trim();
        if (!v.isEmpty()) {
            out.add(new Field(key, name, v, Section.SUMMARY, null, name + ": " + v, Source.METADATA));
        }
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (!p.isBlank()) {
                sb.append(sb.length() > 0 ? " " : "").append(p.trim());
            }
        }
        return sb.toString();
    }
}
