package io.tenderlens.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.tenderlens.metrics.Labels;
import io.tenderlens.search.RecordSearcher;
import io.tenderlens.search.SearchAnalyzer;
import io.tenderlens.search.SearchIndex;
import io.tenderlens.sector.SectorRules;
import io.tenderlens.store.Store;
import io.tenderlens.topic.Topic;
import io.tenderlens.source.ocds.OcdsJson;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What route handlers share: the store (read-only, through a connection pool), the search index, the
 * overview's data, the page layout and JSON writing. Thread-safe.
 */
public final class ServerContext implements AutoCloseable {
    private final Path dataDirectory;
    private final StorePool db;
    private final RecordSearcher searcher;
    private final TopicOverviews overviews;
    private final RecordKeys keys;
    private final PageLayout layout = new PageLayout();
    private final ObjectMapper json = OcdsJson.mapper();

    ServerContext(Path dataDirectory, StorePool db, RecordSearcher searcher, TopicOverviews overviews, RecordKeys keys) {
        this.dataDirectory = dataDirectory;
        this.db = db;
        this.searcher = searcher;
        this.overviews = overviews;
        this.keys = keys;
    }

    /** Connections the request threads share. */
    static final int CONNECTIONS = 8;

    /**
     * Opens the store in {@code dataDirectory} read-only, brings its search index up to date (telling
     * {@code log} when it does) and prepares the overview of {@code topics} (the first is the default).
     */
    public static ServerContext open(Path dataDirectory, List<Topic> topics, Consumer<String> log) {
        Store store = Store.openReadOnly(dataDirectory);
        try {
            SearchIndex index = SearchIndex.of(store.directory(), SearchAnalyzer.bundled());
            if (!index.isCurrent(store)) {
                log.accept("updating the search index in " + index.directory());
                index.update(store, n -> { });
            }
            RecordSearcher searcher = index.openSearcher();
            TopicOverviews overviews = new TopicOverviews(topics, store, searcher, SectorRules.bundled(), "CNY");
            // the default topic is read now, not by the first visitor
            overviews.data(overviews.defaultTopic());
            StorePool pool = new StorePool(store, CONNECTIONS);
            long start = System.nanoTime();
            RecordKeys keys = pool.readKeys();
            log.accept(String.format("read the keys of %,d records in %.1f s", keys.size(), (System.nanoTime() - start) / 1e9));
            return new ServerContext(store.directory(), pool, searcher, overviews, keys);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The tenderlens data directory (database, index, archive). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public StorePool db() {
        return db;
    }

    public RecordSearcher searcher() {
        return searcher;
    }

    /** Every record's keys for the list pages, read once. */
    RecordKeys keys() {
        return keys;
    }

    public TopicOverviews overviews() {
        return overviews;
    }

    public PageLayout layout() {
        return layout;
    }

    public Labels labels() {
        return Labels.bundled();
    }

    /** The OCDS Jackson configuration (exact decimals). */
    public ObjectMapper json() {
        return json;
    }

    /** Writes {@code value} as the JSON response. */
    public void sendJson(Context ctx, Object value) {
        ctx.contentType("application/json; charset=utf-8").result(toJson(value));
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses JSON stored in the database. */
    public JsonNode parse(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored JSON value is damaged", e);
        }
    }

    /** Sends an HTML page built with the layout. */
    public void sendPage(Context ctx, String title, String active, String body) {
        ctx.contentType("text/html; charset=utf-8").result(layout.page(title, active, body));
    }

    @Override
    public void close() {
        try {
            searcher.close();
        } finally {
            db.close();
        }
    }
}
