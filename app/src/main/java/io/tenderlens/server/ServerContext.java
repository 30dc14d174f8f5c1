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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What route handlers share: the store (through a pool of connections for reads), the search index, the
 * overview's data, the page layout and JSON writing. Thread-safe.
 *
 * <p>The server is the store's one writer while it runs (DuckDB admits no other process beside a writer),
 * so routes that change state (saved searches, a harvest) write through {@link #store()}: its own
 * connection is shared, so hold the store's monitor while using it ({@code synchronized (ctx.store()) {…}}).
 * After a change to the records, call {@link #storeChanged()}: the index is brought up to date and the
 * overview's data and caches start afresh.
 */
public final class ServerContext implements AutoCloseable {
    /** Connections the request threads share. */
    static final int CONNECTIONS = 8;

    private final Path dataDirectory;
    private final StorePool db;
    private final SearchIndex index;
    private final List<Topic> topics;
    private final Consumer<String> log;
    private final PageLayout layout = new PageLayout();
    private final ObjectMapper json = OcdsJson.mapper();
    /** Searchers replaced by {@link #storeChanged()}: requests may still hold them, so they close with the server. */
    private final List<RecordSearcher> retired = new ArrayList<>();
    private volatile RecordSearcher searcher;
    private volatile TopicOverviews overviews;
    private volatile long generation;

    private ServerContext(Path dataDirectory, StorePool db, SearchIndex index, List<Topic> topics, Consumer<String> log) {
        this.dataDirectory = dataDirectory;
        this.db = db;
        this.index = index;
        this.topics = List.copyOf(topics);
        this.log = log;
    }

    /**
     * Opens the store in {@code dataDirectory} as its writer, brings its search index up to date (telling
     * {@code log} when it does) and reads the default topic of {@code topics} (the first) for the overview.
     *
     * @throws io.tenderlens.store.StoreLockedException when another process is using the store
     */
    public static ServerContext open(Path dataDirectory, List<Topic> topics, Consumer<String> log) {
        Store store = Store.openForWriting(dataDirectory, "tenderlens serve");
        try {
            ServerContext ctx = new ServerContext(store.directory(), new StorePool(store, CONNECTIONS),
                    SearchIndex.of(store.directory(), SearchAnalyzer.bundled()), topics, log);
            ctx.refresh();
            return ctx;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The records changed (an ingest or harvest in this process): re-index and read the overview's data again. */
    public synchronized void storeChanged() {
        retired.add(searcher);
        refresh();
    }

    private synchronized void refresh() {
        Store store = db.store();
        synchronized (store) {
            if (!index.isCurrent(store)) {
                log.accept("updating the search index in " + index.directory());
                index.update(store, n -> { });
            }
        }
        RecordSearcher fresh = index.openSearcher();
        TopicOverviews next = new TopicOverviews(topics, store, fresh, SectorRules.bundled(), "CNY");
        // the default topic is read now, not by the first visitor
        next.data(next.defaultTopic());
        searcher = fresh;
        overviews = next;
        generation++;
    }

    /** Increases with every {@link #storeChanged()}: caches of rendered views key on it. */
    public long generation() {
        return generation;
    }

    /** The store, open for writing; its own connection is shared: use it inside {@code synchronized (store)}. */
    public Store store() {
        return db.store();
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
    public synchronized void close() {
        try {
            retired.forEach(RecordSearcher::close);
            searcher.close();
        } finally {
            db.close();
        }
    }
}
