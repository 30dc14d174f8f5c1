package io.tenderlens.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.metrics.Procurement;
import io.tenderlens.metrics.ProcurementExtractor;
import io.tenderlens.search.ChineseSegmenter;
import io.tenderlens.search.SearchFields;
import io.tenderlens.search.SearchQueryException;
import io.tenderlens.sector.SectorRules;
import io.tenderlens.store.Store;
import io.tenderlens.store.StoreException;
import io.tenderlens.topic.Topic;
import io.tenderlens.topic.TopicGrader;
import io.tenderlens.topic.TopicMatcher;
import org.apache.lucene.search.Query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks every saved search against the records compiled since its high-water mark and records the
 * new tenders each one matches (and the webhook deliveries they owe) — see {@link AlertStore}. The
 * records are only read (the store may be open read-only; the run uses a connection of its own).
 * Sending the webhooks is {@link WebhookSender}'s job.
 */
public final class AlertRunner {
    /** The topic whose extractor grades records for searches without a topic (their grade is not used). */
    private static final String DEFAULT_TOPIC = "blockchain";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertStore alerts;
    private final Store records;
    private final AlertMatcher matcher;
    private final QueryMatcher queries;
    private final Clock clock;
    private final Map<String, ProcurementExtractor> extractors = new HashMap<>();

    /** @param clock gives "now" (when tenders are announced) and, in its zone, "today" (for deadlines) */
    public AlertRunner(AlertStore alerts, Store records, AlertMatcher matcher, QueryMatcher queries, Clock clock) {
        this.alerts = alerts;
        this.records = records;
        this.matcher = matcher;
        this.queries = queries;
        this.clock = clock;
    }

    /** What a run did. */
    public record RunCounts(int searches, int candidates, int announced, int webhooksQueued) {}

    /**
     * Checks every saved search once.
     *
     * @param problems told of a saved search that cannot be checked (its topic or query is not readable any more); the others run
     */
    public RunCounts run(Consumer<String> problems) {
        List<AlertStore.Stored> searches = alerts.list();
        if (searches.isEmpty()) {
            return new RunCounts(0, 0, 0, 0);
        }
        // two cursors: the candidates stream on one while the other reads each candidate's releases
        try (Connection db = records.newConnection(); Connection lookups = records.newConnection()) {
            return run(searches, db, lookups, problems);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private RunCounts run(List<AlertStore.Stored> searches, Connection db, Connection lookups, Consumer<String> problems)
            throws SQLException {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Optional<Instant> latest = latestCompiled(db);
        List<Check> checks = new ArrayList<>();
        for (AlertStore.Stored s : searches) {
            try {
                Query q = s.search().query() == null ? null : queries.parse(s.search().query());
                extractor(s.search().topic());
                checks.add(new Check(s, q, alerts.announced(s.search().id())));
            } catch (SearchQueryException | IllegalArgumentException e) {
                problems.accept("saved search " + s.search().id() + ": " + e.getMessage());
            }
        }
        // the earliest mark of all (none when a search has never run): records compiled after it are looked at
        Instant since = null;
        for (int i = 0; i < checks.size(); i++) {
            Instant mark = checks.get(i).stored.checkedThrough();
            if (mark == null) {
                since = null;
                break;
            }
            since = i == 0 || mark.isBefore(since) ? mark : since;
        }
        int candidates = candidates(db, since, today, row -> {
            QueryMatcher.Candidate text = null;
            Map<String, Procurement> byTopic = new HashMap<>();
            List<? extends JsonNode> releases = null;
            for (Check c : checks) {
                Instant mark = c.stored.checkedThrough();
                if (mark != null && !row.compiledAt.isAfter(mark) || c.announced.contains(row.ocid)) {
                    continue;
                }
                QueryOutcome outcome = QueryOutcome.NO_QUERY;
                if (c.query != null) {
                    if (text == null) {
                        text = queries.candidate(row.text);
                    }
                    outcome = queries.match(c.query, text);
                    if (!outcome.matched()) {
                        continue;
                    }
                }
                if (releases == null) {
                    releases = releases(lookups, row.ocid);
                }
                String topic = c.stored.search().topic() == null ? DEFAULT_TOPIC : c.stored.search().topic();
                List<? extends JsonNode> rs = releases;
                Procurement p = byTopic.computeIfAbsent(topic, t -> extractor(t).extract(row.compiled, rs));
                Optional<AlertMatch> m = matcher.match(c.stored.search(), p, row.compiled, outcome, today);
                if (m.isPresent()) {
                    c.matches.add(m.get());
                    if (c.stored.webhook() != null) {
                        c.bodies.add(webhookBody(c.stored.search(), m.get(), row.compiled, now));
                    }
                    c.announced.add(row.ocid);
                }
            }
        });
        int announced = 0;
        int queued = 0;
        for (Check c : checks) {
            Instant mark = latest.orElse(c.stored.checkedThrough());
            alerts.commitRun(c.stored.search().id(), c.matches, c.stored.webhook() == null ? null : c.bodies, mark, now);
            announced += c.matches.size();
            queued += c.stored.webhook() == null ? 0 : c.matches.size();
        }
        return new RunCounts(checks.size(), candidates, announced, queued);
    }

    /** The body of a webhook delivery: the search, why the tender matched, and its compiled release (OCDS). */
    static String webhookBody(SavedSearch search, AlertMatch m, JsonNode compiled, Instant now) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event", "alert.match");
        body.put("deliveryId", AlertStore.deliveryId(search.id(), m.ocid()));
        body.put("searchId", search.id());
        body.put("searchName", search.name());
        body.put("matchedAt", now.toString());
        body.put("ocid", m.ocid());
        body.put("projectPath", "/project/" + URLEncoder.encode(m.ocid(), StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/"));
        body.put("sourceUrl", m.sourceUrl());
        body.set("why", m.whyJson());
        body.set("release", compiled);
        return body.toString();
    }

    private ProcurementExtractor extractor(String topicId) {
        String id = topicId == null ? DEFAULT_TOPIC : topicId;
        return extractors.computeIfAbsent(id, t -> {
            Topic topic = Topic.bundled(t);
            return new ProcurementExtractor(new TopicGrader(new TopicMatcher(topic, new ChineseSegmenter(topic.dictionary()))),
                    SectorRules.bundled(), "CNY");
        });
    }

    private static final class Check {
        final AlertStore.Stored stored;
        final Query query;
        final Set<String> announced;
        final List<AlertMatch> matches = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        Check(AlertStore.Stored stored, Query query, Set<String> announced) {
            this.stored = stored;
            this.query = query;
            this.announced = announced;
        }
    }

    private record CandidateRow(String ocid, JsonNode compiled, Instant compiledAt, SearchFields.RecordText text) {}

    /** What the run does with each candidate. */
    @FunctionalInterface
    private interface CandidateWork {
        void accept(CandidateRow row) throws SQLException;
    }

    /**
     * Streams the records that may be new tenders — at the tender stage, compiled after {@code since}
     * (all when null), with no deadline or one not yet passed — to {@code work}; returns how many.
     * {@link AlertMatcher} decides exactly.
     */
    private static int candidates(Connection db, Instant since, LocalDate today, CandidateWork work) throws SQLException {
        String sql = "SELECT ocid, title, buyer_name, CAST(to_json(supplier_names) AS VARCHAR), first_date, province, coalesce(tender_status, stage),"
                + " compiled, compiled_at FROM records WHERE stage = 'tender'"
                + " AND coalesce(tender_status, '') NOT IN ('cancelled', 'unsuccessful', 'complete')"
                + " AND (tender_end IS NULL OR tender_end >= ?)" + (since == null ? "" : " AND compiled_at > ?")
                + " ORDER BY compiled_at, ocid";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.valueOf(today.atStartOfDay()));
            if (since != null) {
                ps.setTimestamp(2, AlertStore.timestamp(since));
            }
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ocid = rs.getString(1);
                    JsonNode compiled = AlertStore.parse(rs.getString(8));
                    Timestamp first = rs.getTimestamp(5);
                    SearchFields.RecordText text = SearchFields.of(ocid, rs.getString(2), rs.getString(3), strings(rs.getString(4)),
                            first == null ? null : first.toLocalDateTime().toLocalDate().toString(), rs.getString(6),
                            rs.getString(7), compiled);
                    work.accept(new CandidateRow(ocid, compiled, AlertStore.instant(rs.getTimestamp(9)), text));
                    n++;
                }
            }
            return n;
        }
    }

    /** The latest {@code records.compiled_at}: where a run that has seen every record leaves its mark. */
    private static Optional<Instant> latestCompiled(Connection db) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT max(compiled_at) FROM records"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Optional.ofNullable(AlertStore.instant(rs.getTimestamp(1)));
        }
    }

    private static List<JsonNode> releases(Connection db, String ocid) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT json FROM releases WHERE ocid = ? ORDER BY seq")) {
            ps.setString(1, ocid);
            List<JsonNode> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(AlertStore.parse(rs.getString(1)));
                }
            }
            return out;
        }
    }

    private StoreException failure(SQLException e) {
        return new StoreException("Cannot read the records of " + records.directory() + ": " + e.getMessage(), e);
    }

    /** The strings of a JSON array ({@code null} or {@code []}: none). */
    private static List<String> strings(String jsonArray) {
        List<String> out = new ArrayList<>();
        if (jsonArray != null) {
            AlertStore.parse(jsonArray).forEach(n -> {
                if (n.isTextual()) {
                    out.add(n.asText());
                }
            });
        }
        return out;
    }
}
