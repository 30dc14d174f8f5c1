package io.tenderlens.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * One ingest into a {@link Store}: hand it releases with {@link #add}, then {@link #finish}.
 *
 * <p>Writes happen in transactions that are whole or absent, so a killed ingest leaves the store
 * consistent and running it again resumes:
 * <ol>
 *   <li>Releases are stored in batches. Each batch, in one transaction, adds the releases not yet
 *       stored (by {@link ReleaseIdentity}) and marks their ocids in {@code pending_records}.</li>
 *   <li>{@link #finish} then compiles every pending ocid, a chunk of ocids per transaction: their
 *       releases in ingest order → the compiler → the new {@code records} rows, and the ocids leave
 *       {@code pending_records}. Ocids left pending by an earlier, interrupted ingest are compiled
 *       too.</li>
 * </ol>
 * Not thread-safe: one thread feeds a session, and must not change a release after giving it. The
 * compiler may be called from several threads.
 */
public final class ReleaseIngest implements AutoCloseable {
    /**
     * Transaction sizes: a batch of releases ends at {@code batchReleases} releases or
     * {@code batchChars} characters of JSON; a chunk of records at {@code chunkRecords} ocids or
     * {@code chunkReleases} releases (one ocid with more releases makes a chunk of its own).
     */
    record Limits(int batchReleases, long batchChars, int chunkRecords, int chunkReleases) {
        static final Limits DEFAULT = new Limits(5_000, 32L << 20, 2_000, 20_000);
    }

    private static final int IN_FLIGHT = 256;
    /**
     * Hashes and serialises releases beside the reading thread. Not the common pool: on a 2-core machine
     * its parallelism is 1, and CompletableFuture then starts a new thread for every task (a release).
     */
    private static final ExecutorService STAGING = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "ingest-staging");
                t.setDaemon(true);
                return t;
            });

    private final Store store;
    private final Function<List<ObjectNode>, ObjectNode> compiler;
    private final IngestListener listener;
    private final Limits limits;
    private final LocalDateTime started = now();
    private final List<CompletableFuture<StagedRelease>> batch = new ArrayList<>();
    private int measured;
    private long batchChars;
    private long nextSeq;
    private long files;
    private long releasesRead;
    private long newReleases;
    private long rejected;
    private long problems;
    private boolean finished;

    ReleaseIngest(Store store, Function<List<ObjectNode>, ObjectNode> compiler, IngestListener listener, Limits limits) {
        this.store = store;
        this.compiler = compiler;
        this.listener = listener;
        this.limits = limits;
        this.nextSeq = store.count("SELECT coalesce(max(seq), 0) + 1 FROM releases");
        store.execute("CREATE TEMP TABLE IF NOT EXISTS staged_releases AS SELECT * FROM releases LIMIT 0");
    }

    /** Counts an input file as read. */
    public void fileRead() {
        files++;
    }

    /**
     * Takes one release read from {@code file} at {@code position} (a line, byte offset or JSON
     * path, as the reader reports it). A release without an ocid is refused and reported.
     *
     * @return whether the release was accepted (it may still turn out to be a duplicate)
     */
    public boolean add(ObjectNode release, String file, String position) {
        requireOpen();
        releasesRead++;
        String ocid = FlatRecord.text(release, "ocid");
        if (ocid == null || !release.path("ocid").isTextual()) {
            rejected++;
            problem(file, position, "release without an ocid string: not stored");
            return false;
        }
        long seq = nextSeq++;
        // hashing and writing the JSON run beside the reading thread; the batch keeps input order
        batch.add(CompletableFuture.supplyAsync(() -> StagedRelease.of(release, seq, ocid, file, position), STAGING));
        // at most IN_FLIGHT trees wait for the worker, so memory holds JSON text, not trees
        while (measured < batch.size() && (batch.get(measured).isDone() || batch.size() - measured > IN_FLIGHT)) {
            batchChars += batch.get(measured++).join().json().length();
        }
        if (batch.size() >= limits.batchReleases() || batchChars >= limits.batchChars()) {
            flush();
        }
        return true;
    }

    /** Reports a problem met while reading the input (bad JSON, truncated file, …). */
    public void problem(String file, String position, String message) {
        problems++;
        listener.problem(file, position, message);
    }

    /** Reports a release the reader found but refused (no ocid): counted as read and rejected. */
    public void rejected(String file, String position, String message) {
        releasesRead++;
        rejected++;
        problem(file, position, message);
    }

    /** Stores what is left, compiles the pending records and returns the counts. */
    public IngestCounts finish() {
        requireOpen();
        flush();
        long[] compiled = compilePending();
        finished = true;
        IngestCounts counts = new IngestCounts(files, releasesRead, newReleases,
                releasesRead - newReleases - rejected, rejected, problems, compiled[0], compiled[1]);
        recordRun(counts);
        return counts;
    }

    /** Ends the session; releases added since the last stored batch are dropped when not finished. */
    @Override
    public void close() {
        finished = true;
        batch.clear();
        measured = 0;
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("this ingest is finished");
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<StagedRelease> staged = batch.stream().map(CompletableFuture::join).toList();
        long firstSeq = staged.get(0).seq();
        LocalDateTime ingestedAt = now();
        store.inTransaction(() -> {
            store.execute("DELETE FROM staged_releases");
            try (DuckDBAppender appender = store.duckdb().createAppender("temp", DuckDBConnection.DEFAULT_SCHEMA, "staged_releases")) {
                for (StagedRelease r : staged) {
                    appender.beginRow().append(r.sha256()).append(r.seq()).append(r.ocid());
                    appendNullable(appender, r.id());
                    appendNullable(appender, r.date());
                    appender.append(r.tags()).append(r.file());
                    appendNullable(appender, r.position());
                    appender.append(ingestedAt).append(r.json()).endRow();
                }
            }
            try (PreparedStatement insert = store.duckdb().prepareStatement(
                    "INSERT INTO releases SELECT s.* FROM staged_releases s ANTI JOIN releases r USING (release_sha256)"
                            + " QUALIFY row_number() OVER (PARTITION BY s.release_sha256 ORDER BY s.seq) = 1");
                 PreparedStatement pending = store.duckdb().prepareStatement(
                         "INSERT INTO pending_records SELECT DISTINCT n.ocid FROM (SELECT ocid FROM releases WHERE seq >= ?) n"
                                 + " ANTI JOIN pending_records p USING (ocid)")) {
                int inserted = insert.executeUpdate();
                pending.setLong(1, firstSeq);
                pending.executeUpdate();
                newReleases += inserted;
            }
            store.execute("DELETE FROM staged_releases");
        });
        batch.clear();
        measured = 0;
        batchChars = 0;
        listener.stored(releasesRead);
    }

    /** Compiles every pending ocid; returns {compiled, failed}. */
    private long[] compilePending() {
        List<String> ocids = new ArrayList<>();
        List<Long> releaseCounts = new ArrayList<>();
        try (PreparedStatement ps = store.duckdb().prepareStatement(
                "SELECT p.ocid, count(r.seq) FROM (SELECT DISTINCT ocid FROM pending_records) p"
                        + " LEFT JOIN releases r USING (ocid) GROUP BY p.ocid ORDER BY p.ocid");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ocids.add(rs.getString(1));
                releaseCounts.add(rs.getLong(2));
            }
        } catch (SQLException e) {
            throw store.failure("list pending records", e);
        }
        long[] result = new long[2];
        listener.compiling(ocids.size());
        int from = 0;
        while (from < ocids.size()) {
            int to = from;
            long releases = 0;
            while (to < ocids.size() && to - from < limits.chunkRecords()
                    && (to == from || releases + releaseCounts.get(to) <= limits.chunkReleases())) {
                releases += releaseCounts.get(to++);
            }
            String first = ocids.get(from);
            String last = ocids.get(to - 1);
            store.inTransaction(() -> {
                List<CompiledRecord> records = compileRange(first, last);
                replaceRecords(first, last, records);
                for (CompiledRecord r : records) {
                    result[r.row() == null ? 1 : 0]++;
                }
            });
            from = to;
            listener.compiled(from, ocids.size());
        }
        return result;
    }

    private List<CompiledRecord> compileRange(String first, String last) throws SQLException {
        List<ReleasesOfOcid> groups = new ArrayList<>();
        try (PreparedStatement ps = store.duckdb().prepareStatement(
                "SELECT ocid, json FROM releases WHERE ocid BETWEEN ? AND ?"
                        + " AND ocid IN (SELECT ocid FROM pending_records) ORDER BY ocid, seq")) {
            ps.setString(1, first);
            ps.setString(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                ReleasesOfOcid current = null;
                while (rs.next()) {
                    String ocid = rs.getString(1);
                    if (current == null || !current.ocid().equals(ocid)) {
                        current = new ReleasesOfOcid(ocid, new ArrayList<>());
                        groups.add(current);
                    }
                    current.json().add(rs.getString(2));
                }
            }
        }
        return groups.parallelStream().map(this::compile).toList();
    }

    private CompiledRecord compile(ReleasesOfOcid group) {
        List<ObjectNode> releases = new ArrayList<>(group.json().size());
        for (String json : group.json()) {
            releases.add(Store.parseObject(json));
        }
        try {
            ObjectNode compiled = compiler.apply(releases);
            FlatRecord row = FlatRecord.of(group.ocid(), releases, compiled);
            return new CompiledRecord(group.ocid(), row, Store.JSON.writeValueAsString(compiled), null);
        } catch (RuntimeException | JsonProcessingException e) {
            return new CompiledRecord(group.ocid(), null, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void replaceRecords(String first, String last, List<CompiledRecord> records) throws SQLException {
        try (PreparedStatement delete = store.duckdb().prepareStatement(
                "DELETE FROM records WHERE ocid BETWEEN ? AND ? AND ocid IN (SELECT ocid FROM pending_records)")) {
            delete.setString(1, first);
            delete.setString(2, last);
            delete.executeUpdate();
        }
        LocalDateTime compiledAt = now();
        try (DuckDBAppender appender = store.duckdb().createAppender(DuckDBConnection.DEFAULT_SCHEMA, "records")) {
            for (CompiledRecord record : records) {
                if (record.row() == null) {
                    continue;
                }
                appender.beginRow();
                for (Object value : record.row().values()) {
                    appendValue(appender, value);
                }
                appender.append(record.json()).append(compiledAt).endRow();
            }
        }
        // done: the ocids now with a record, or without releases; those that failed stay pending for a retry
        try (PreparedStatement done = store.duckdb().prepareStatement("DELETE FROM pending_records WHERE ocid BETWEEN ? AND ?"
                + " AND (ocid IN (SELECT ocid FROM records) OR ocid NOT IN (SELECT ocid FROM releases))")) {
            done.setString(1, first);
            done.setString(2, last);
            done.executeUpdate();
        }
        for (CompiledRecord record : records) {
            if (record.row() == null) {
                problem("record " + record.ocid(), null, "its releases could not be compiled (the next ingest retries): "
                        + record.error());
            }
        }
    }

    private void recordRun(IngestCounts c) {
        store.inTransaction(() -> {
            try (PreparedStatement ps = store.duckdb().prepareStatement(
                    "INSERT INTO ingest_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, started);
                ps.setObject(2, now());
                long[] values = {c.files(), c.releasesRead(), c.newReleases(), c.duplicates(), c.rejected(),
                        c.problems(), c.recordsCompiled()};
                for (int i = 0; i < values.length; i++) {
                    ps.setLong(i + 3, values[i]);
                }
                ps.executeUpdate();
            }
        });
    }

    private static void appendValue(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String s) {
            appender.append(s);
        } else if (value instanceof Integer i) {
            appender.append(i.intValue());
        } else if (value instanceof BigDecimal d) {
            appender.append(d);
        } else if (value instanceof LocalDateTime t) {
            appender.append(t);
        } else if (value instanceof Collection<?> list) {
            appender.append(list);
        } else {
            throw new IllegalStateException("no column type for " + value.getClass());
        }
    }

    private static void appendNullable(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    private static List<String> tags(JsonNode release) {
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : release.path("tag")) {
            if (tag.isTextual()) {
                tags.add(tag.textValue());
            }
        }
        return tags;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    private record StagedRelease(String sha256, long seq, String ocid, String id, String date, List<String> tags,
                                 String file, String position, String json) {
        static StagedRelease of(ObjectNode release, long seq, String ocid, String file, String position) {
            try {
                return new StagedRelease(ReleaseIdentity.sha256(release), seq, ocid, FlatRecord.text(release, "id"),
                        FlatRecord.text(release, "date"), ReleaseIngest.tags(release), file, position,
                        Store.JSON.writeValueAsString(release));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a parsed release always serialises", e);
            }
        }
    }

    private record ReleasesOfOcid(String ocid, List<String> json) {}

    private record CompiledRecord(String ocid, FlatRecord row, String json, String error) {}
}
