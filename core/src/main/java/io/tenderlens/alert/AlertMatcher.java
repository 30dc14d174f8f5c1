package io.tenderlens.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenderlens.metrics.Label;
import io.tenderlens.metrics.Notice;
import io.tenderlens.metrics.Procurement;
import io.tenderlens.metrics.ProcurementExtractor;
import io.tenderlens.metrics.ProcurementFilter;
import io.tenderlens.metrics.Status;
import io.tenderlens.sector.SectorClass;
import io.tenderlens.topic.TopicGrade;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a record is a new tender for a saved search, and says why. Pure: the date of "today"
 * and the query's outcome are given.
 *
 * <p>A record is a <em>tender</em> when one of its notices is a call for tenders or a correction to one
 * (or {@code tender.status} is {@code active}) and it is not awarded, failed or cancelled. It is
 * <em>new</em> while it is open — its deadline ({@code tender.tenderPeriod.endDate}) is today or later —
 * or, when no deadline is stated, for {@code freshDays} days after it was published. Whether the search
 * has already announced it is the caller's record of deliveries, not this class's.
 */
public final class AlertMatcher {
    /** How long a tender without a stated deadline counts as new. */
    public static final int DEFAULT_FRESH_DAYS = 30;
    private static final Set<String> TENDER_TAGS = Set.of("tender", "tenderAmendment");
    private static final Set<Status> SETTLED = Set.of(Status.CLOSED, Status.FAILED, Status.CANCELLED);

    private final int freshDays;

    public AlertMatcher(int freshDays) {
        if (freshDays < 0) {
            throw new IllegalArgumentException("freshDays must not be negative");
        }
        this.freshDays = freshDays;
    }

    /**
     * The match, when {@code p} is a new tender and meets every condition of {@code search}.
     *
     * @param p        the record as the metrics see it, graded with the search's topic (when it has one)
     * @param compiled the record's compiled release
     * @param query    whether the search's query matched the record ({@link QueryOutcome#NO_QUERY} without a query)
     */
    public Optional<AlertMatch> match(SavedSearch search, Procurement p, JsonNode compiled, QueryOutcome query, LocalDate today) {
        Optional<AlertReason> open = openTender(p, compiled, today);
        if (open.isEmpty() || !query.matched()) {
            return Optional.empty();
        }
        List<AlertReason> reasons = new ArrayList<>();
        if (search.query() != null) {
            reasons.add(queryReason(search.query(), query.hits()));
        }
        TopicGrade grade = null;
        if (search.topic() != null) {
            grade = p.topic().grade();
            if (!search.filter().grades().contains(grade)) {
                return Optional.empty();
            }
            reasons.add(topicReason(search.topic(), p));
        }
        ProcurementFilter f = search.filter();
        if (!f.inScope(p) || !search.statuses().isEmpty() && !search.statuses().contains(p.status())) {
            return Optional.empty();
        }
        reasons.add(open.get());
        if (f.from() != null || f.to() != null) {
            String range = (f.from() == null ? "…" : f.from().toString()) + " – " + (f.to() == null ? "…" : f.to().toString());
            reasons.add(new AlertReason("date", "首次发布 " + p.firstDate() + "，在 " + range + " 之内",
                    "first published " + p.firstDate() + ", within " + range));
        }
        if (!f.provinces().isEmpty()) {
            reasons.add(labelReason("province", "地区", "province", p.buyer().province()));
        }
        if (!f.levels().isEmpty()) {
            reasons.add(labelReason("level", "层级", "government level", p.buyer().level()));
        }
        if (!f.sectors().isEmpty()) {
            SectorClass s = p.sector().value();
            reasons.add(labelReason("sector", "行业", "sector", new Label(s.id(), s.labelZh(), s.labelEn())));
        }
        if (!f.buyerKinds().isEmpty()) {
            reasons.add(labelReason("buyerKind", "采购人类型", "buyer kind", p.buyer().kind()));
        }
        if (!search.statuses().isEmpty()) {
            reasons.add(labelReason("status", "状态", "status", p.status().label()));
        }
        return Optional.of(new AlertMatch(search.id(), p.ocid(), p.title(), p.buyer().displayName(),
                p.tenderDate() != null ? p.tenderDate() : p.firstDate(), deadline(compiled), sourceUrl(p),
                grade, query.hits(), reasons));
    }

    /** Why the record counts as a new tender today, or empty when it does not. */
    public Optional<AlertReason> openTender(Procurement p, JsonNode compiled, LocalDate today) {
        boolean tender = "active".equals(compiled.path("tender").path("status").asText())
                || p.notices().stream().anyMatch(n -> n.tags().stream().anyMatch(TENDER_TAGS::contains));
        if (!tender || SETTLED.contains(p.status())) {
            return Optional.empty();
        }
        LocalDate deadline = deadline(compiled);
        if (deadline != null) {
            return deadline.isBefore(today) ? Optional.empty()
                    : Optional.of(new AlertReason("open", "投标截止 " + deadline, "open until " + deadline));
        }
        LocalDate published = p.tenderDate() != null ? p.tenderDate() : p.firstDate();
        if (published == null || published.isBefore(today.minusDays(freshDays))) {
            return Optional.empty();
        }
        return Optional.of(new AlertReason("open", "发布于 " + published + "（未载明截止时间）",
                "published " + published + " (no deadline stated)"));
    }

    private static AlertReason queryReason(String query, List<QueryHit> hits) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (QueryHit h : hits) {
            List<String> terms = byField.computeIfAbsent(h.field(), k -> new ArrayList<>());
            if (!terms.contains(h.term())) {
                terms.add(h.term());
            }
        }
        String en = byField.entrySet().stream().map(e -> String.join(", ", e.getValue()) + " in " + e.getKey())
                .collect(Collectors.joining("; "));
        String zh = byField.entrySet().stream().map(e -> String.join("、", e.getValue()) + " 见于" + fieldZh(e.getKey()))
                .collect(Collectors.joining("；"));
        return new AlertReason("query", "检索式 " + query + (zh.isEmpty() ? "" : "：" + zh),
                "query " + query + (en.isEmpty() ? "" : ": " + en));
    }

    private static String fieldZh(String field) {
        return switch (field) {
            case "title" -> "标题";
            case "buyer" -> "采购人";
            case "supplier" -> "供应商";
            default -> "正文";
        };
    }

    private static AlertReason topicReason(String topic, Procurement p) {
        TopicGrade g = p.topic().grade();
        String where = p.topic().evidence().stream().filter(e -> e.strength() == g).findFirst()
                .map(e -> e.term() + " @ " + e.field()).orElse("");
        String suffix = where.isEmpty() ? "" : " (" + where + ")";
        return new AlertReason("topic", "主题 " + topic + "：" + g.labelZh() + suffix, "topic " + topic + ": " + g.labelEn() + suffix);
    }

    private static AlertReason labelReason(String kind, String zh, String en, Label value) {
        return new AlertReason(kind, zh + " " + value.zh(), en + " " + value.en());
    }

    /** The tender's deadline, as the date the publisher wrote ({@code 2026-12-01T09:30:00+08:00} → 2026-12-01). */
    static LocalDate deadline(JsonNode compiled) {
        return ProcurementExtractor.date(compiled.path("tender").path("tenderPeriod").path("endDate"));
    }

    /** The page of the call for tenders, else of any notice of the record. */
    private static String sourceUrl(Procurement p) {
        return p.notices().stream().filter(n -> n.tags().stream().anyMatch(TENDER_TAGS::contains))
                .map(Notice::url).filter(u -> !u.isBlank()).findFirst()
                .or(() -> p.notices().stream().map(Notice::url).filter(u -> !u.isBlank()).findFirst())
                .orElse(null);
    }
}
