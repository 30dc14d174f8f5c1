package io.tenderlens.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.topic.TopicGrade;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A new tender that matches a saved search, with why.
 *
 * @param published  the first notice's date, or null
 * @param deadline   the tender's deadline ({@code tender.tenderPeriod.endDate}), or null when not stated
 * @param sourceUrl  the notice's own page ({@code noticeSource.url}, else the release's documents), or null
 * @param topicGrade the grade for the search's topic, or null when the search has no topic
 * @param queryHits  the words the query matched (empty without a query)
 * @param reasons    every condition of the search, and how the record met it
 */
public record AlertMatch(String searchId, String ocid, String title, String buyer, LocalDate published,
                         LocalDate deadline, String sourceUrl, TopicGrade topicGrade, List<QueryHit> queryHits,
                         List<AlertReason> reasons) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public AlertMatch {
        queryHits = List.copyOf(queryHits);
        reasons = List.copyOf(reasons);
    }

    public String summaryEn() {
        return reasons.stream().map(AlertReason::en).collect(Collectors.joining("; "));
    }

    public String summaryZh() {
        return reasons.stream().map(AlertReason::zh).collect(Collectors.joining("；"));
    }

    /** The whole match as JSON (how deliveries are stored): the record's fields and {@link #whyJson()}. */
    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("searchId", searchId);
        o.put("ocid", ocid);
        o.put("title", title);
        o.put("buyer", buyer);
        o.put("published", published == null ? null : published.toString());
        o.put("deadline", deadline == null ? null : deadline.toString());
        o.put("sourceUrl", sourceUrl);
        o.set("why", whyJson());
        return o;
    }

    /** Reads {@link #toJson()}'s form back. */
    public static AlertMatch fromJson(JsonNode o) {
        JsonNode why = o.path("why");
        List<QueryHit> hits = new ArrayList<>();
        why.path("queryHits").forEach(h -> hits.add(new QueryHit(h.path("field").asText(), h.path("term").asText(),
                h.path("context").asText())));
        List<AlertReason> reasons = new ArrayList<>();
        why.path("reasons").forEach(r -> reasons.add(new AlertReason(r.path("kind").asText(), r.path("zh").asText(),
                r.path("en").asText())));
        String grade = why.path("topicGrade").asText(null);
        return new AlertMatch(o.path("searchId").asText(), o.path("ocid").asText(), o.path("title").asText(""),
                o.path("buyer").asText(""), date(o.path("published")), date(o.path("deadline")),
                o.path("sourceUrl").asText(null), grade == null ? null : TopicGrade.valueOf(grade.toUpperCase(Locale.ROOT)),
                hits, reasons);
    }

    private static LocalDate date(JsonNode n) {
        return n.isTextual() ? LocalDate.parse(n.asText()) : null;
    }

    /** The "why it matched" object of a webhook body and of the API. */
    public ObjectNode whyJson() {
        ObjectNode why = JSON.createObjectNode();
        why.put("summaryEn", summaryEn());
        why.put("summaryZh", summaryZh());
        if (topicGrade != null) {
            why.put("topicGrade", topicGrade.name().toLowerCase(Locale.ROOT));
        }
        var hits = why.putArray("queryHits");
        for (QueryHit h : queryHits) {
            hits.addObject().put("field", h.field()).put("term", h.term()).put("context", h.context());
        }
        var rs = why.putArray("reasons");
        for (AlertReason r : reasons) {
            rs.addObject().put("kind", r.kind()).put("zh", r.zh()).put("en", r.en());
        }
        return why;
    }
}
