package io.tenderlens.server;

import io.javalin.http.NotFoundResponse;
import io.tenderlens.metrics.MetricsCalculator;
import io.tenderlens.metrics.Procurement;
import io.tenderlens.metrics.ProcurementExtractor;
import io.tenderlens.metrics.TopicMetrics;
import io.tenderlens.report.ReportInput;
import io.tenderlens.search.ChineseSegmenter;
import io.tenderlens.search.RecordSearcher;
import io.tenderlens.sector.SectorRules;
import io.tenderlens.store.Store;
import io.tenderlens.topic.Topic;
import io.tenderlens.topic.TopicGrader;
import io.tenderlens.topic.TopicMatcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The overview's data: per topic, the procurements with a topic term (read once from the search index,
 * graded and classified — the report's input), and their metrics per filter, cached. The store does not
 * change while the server has it open (DuckDB admits no writer beside a reader), so a topic's
 * procurements are read once; a request computes metrics over that compact in-memory list only when its
 * filter has not been seen, never reading the records again.
 */
public final class TopicOverviews {
    /** Filter combinations kept per topic; beyond this the cache starts afresh (views repeat: links are shared). */
    static final int CACHE_LIMIT = 512;

    /** One topic's procurements and metrics cache. */
    public record TopicData(Topic topic, List<Procurement> procurements, Map<OverviewFilter, TopicMetrics> cache) {}

    private final Map<String, Topic> topics;
    private final Store store;
    private final RecordSearcher searcher;
    private final SectorRules sectors;
    private final String currency;
    private final Map<String, TopicData> loaded = new ConcurrentHashMap<>();

    TopicOverviews(List<Topic> topics, Store store, RecordSearcher searcher, SectorRules sectors, String currency) {
        this.topics = new LinkedHashMap<>();
        topics.forEach(t -> this.topics.put(t.id(), t));
        this.store = store;
        this.searcher = searcher;
        this.sectors = sectors;
        this.currency = currency;
    }

    /** The topics served, the first being the default. */
    public List<Topic> topics() {
        return List.copyOf(topics.values());
    }

    public String defaultTopic() {
        return topics.keySet().iterator().next();
    }

    public String currency() {
        return currency;
    }

    public SectorRules sectors() {
        return sectors;
    }

    /** The topic's procurements (read on first use). */
    public TopicData data(String topicId) {
        Topic topic = topics.get(topicId);
        if (topic == null) {
            throw new NotFoundResponse("no topic '" + topicId + "' is served here (topics: " + String.join(", ", topics.keySet()) + ")");
        }
        return loaded.computeIfAbsent(topicId, id -> {
            TopicMatcher matcher = new TopicMatcher(topic, new ChineseSegmenter(topic.dictionary()));
            ProcurementExtractor extractor = new ProcurementExtractor(new TopicGrader(matcher), sectors, currency);
            synchronized (store) {
                List<Procurement> all = ReportInput.fromIndex(store, searcher, topic, extractor).procurements();
                return new TopicData(topic, all, new ConcurrentHashMap<>());
            }
        });
    }

    /** The metrics of {@code filter}, computed once per distinct filter. */
    public TopicMetrics metrics(OverviewFilter filter) {
        TopicData data = data(filter.topic());
        TopicMetrics cached = data.cache().get(filter);
        if (cached != null) {
            return cached;
        }
        List<Procurement> in = filter.statuses().isEmpty() ? data.procurements()
                : data.procurements().stream().filter(p -> filter.statuses().contains(p.status())).toList();
        TopicMetrics computed = MetricsCalculator.compute(in, filter.procurementFilter());
        if (data.cache().size() >= CACHE_LIMIT) {
            data.cache().clear();
        }
        data.cache().put(filter, computed);
        return computed;
    }
}
