package io.tenderlens.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.store.FlatRecord;
import io.tenderlens.store.Store;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.LongConsumer;

/**
 * The full-text index of a store's records, a Lucene index in {@code <database dir>/index/}.
 *
 * <p>Incremental: every release in the store has an ingest sequence number; the index remembers the
 * highest one whose record it holds (its <em>watermark</em>, in the commit data), and an update
 * re-indexes only the records of ocids with a later release, in order of their latest release,
 * committing every {@value #COMMIT_EVERY} records. A killed update leaves the last commit, a usable
 * index, and the next update carries on from its watermark; updating twice changes nothing. Records
 * whose recompilation is still pending (an ingest is running or was killed) are indexed as they stand
 * but keep the watermark below them, so they are indexed again once compiled. An index made with
 * another analyzer (dictionary) or another version of the records is rebuilt from scratch.
 */
public final class SearchIndex {
    static final int COMMIT_EVERY = 20_000;
    private static final int WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final String WATERMARK = "watermark";
    private static final String ANALYZER = "analyzer";
    private static final String RECORDS_VERSION = "recordsVersion";
    /** What each document stores besides its text: the compiled release and notices, for reports (see {@link SearchFields#addStoredRecord}). */
    private static final String STORED = "stored";
    private static final String STORED_VERSION = "compiled+notices/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final SearchAnalyzer analyzer;

    public SearchIndex(Path directory, SearchAnalyzer analyzer) {
        this.directory = directory.toAbsolutePath().normalize();
        this.analyzer = analyzer;
    }

    /** The index of the database in {@code databaseDirectory}: its {@code index/} subdirectory. */
    public static SearchIndex of(Path databaseDirectory, SearchAnalyzer analyzer) {
        return new SearchIndex(databaseDirectory.resolve("index"), analyzer);
    }

    public Path directory() {
        return directory;
    }

    /** What an update did. */
    public record UpdateCounts(long indexed, long documents, boolean rebuilt) {}

    /** Whether an index exists here (it may still be behind its store). */
    public boolean exists() {
        try (Directory dir = FSDirectory.open(directory)) {
            return Files.isDirectory(directory) && DirectoryReader.indexExists(dir);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the index holds every record of {@code store} as it stands, made by this analyzer. */
    public boolean isCurrent(Store store) {
        Optional<Map<String, String>> data = commitData();
        return data.isPresent() && compatible(data.get())
                && Long.parseLong(data.get().getOrDefault(WATERMARK, "-1")) >= targetWatermark(store.connection());
    }

    private boolean compatible(Map<String, String> data) {
        return analyzer.fingerprint().equals(data.get(ANALYZER)) && STORED_VERSION.equals(data.get(STORED))
                && String.valueOf(FlatRecord.VERSION).equals(data.get(RECORDS_VERSION));
    }

    private Optional<Map<String, String>> commitData() {
        if (!exists()) {
            return Optional.empty();
        }
        try (Directory dir = FSDirectory.open(directory)) {
            return Optional.of(DirectoryReader.listCommits(dir).get(DirectoryReader.listCommits(dir).size() - 1).getUserData());
        } catch (IOException e) {
            throw new SearchIndexException("Cannot read the search index in " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Brings the index up to date with {@code store} (which may be open read-only).
     *
     * @param progress told the number of records indexed so far, now and then
     * @throws SearchIndexException when another process is updating the index, or it cannot be written
     */
    public UpdateCounts update(Store store, LongConsumer progress) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new SearchIndexException("Cannot create the search index directory " + directory + ": " + e.getMessage(), e);
        }
        Map<String, String> previous = commitData().orElse(Map.of());
        boolean rebuild = !compatible(previous);
        long watermark = rebuild ? -1 : Long.parseLong(previous.getOrDefault(WATERMARK, "-1"));
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        try (Directory dir = FSDirectory.open(directory); IndexWriter writer = new IndexWriter(dir, config)) {
            Connection db = store.connection();
            long target = targetWatermark(db);
            long pendingCap = pendingCap(db);
            long indexed = 0;
            // documents are segmented and added by several threads (IndexWriter is thread-safe; each ocid comes
            // once): segmenting is most of the work. A commit waits for every document before it.
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            Semaphore room = new Semaphore(WORKERS * 32);
            List<Future<?>> added = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement(
                    "WITH m AS (SELECT ocid, max(seq) AS max_seq FROM releases GROUP BY ocid HAVING max(seq) > ?),"
                            + " n AS (SELECT ocid, to_json(list({'id': id, 'date': date, 'tag': tags,"
                            + " 'noticeSource': json_extract(json, '$.noticeSource')} ORDER BY seq)) AS notices"
                            + " FROM releases WHERE ocid IN (SELECT ocid FROM m) GROUP BY ocid)"
                            + " SELECT r.ocid, r.title, r.buyer_name, r.supplier_names, r.first_date, r.province,"
                            + " coalesce(r.tender_status, r.stage), r.compiled, m.max_seq, CAST(n.notices AS VARCHAR)"
                            + " FROM m JOIN records r USING (ocid) LEFT JOIN n USING (ocid) ORDER BY m.max_seq")) {
                ps.setLong(1, watermark);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String ocid = rs.getString(1);
                        String title = rs.getString(2);
                        String buyer = rs.getString(3);
                        List<String> suppliers = strings(rs.getArray(4));
                        String date = day(rs.getTimestamp(5));
                        String province = rs.getString(6);
                        String status = rs.getString(7);
                        String compiled = rs.getString(8);
                        String notices = rs.getString(10);
                        room.acquire();
                        added.add(workers.submit(() -> {
                            try {
                                Document doc = SearchFields.document(SearchFields.of(ocid, title, buyer, suppliers, date, province,
                                        status, JSON.readTree(compiled)));
                                SearchFields.addStoredRecord(doc, compiled, notices);
                                writer.updateDocument(new Term(SearchFields.OCID, ocid), doc);
                                return null;
                            } finally {
                                room.release();
                            }
                        }));
                        indexed++;
                        if (indexed % COMMIT_EVERY == 0) {
                            awaitAll(added);
                            commit(writer, Math.min(rs.getLong(9), pendingCap));
                            progress.accept(indexed);
                        }
                    }
                }
                awaitAll(added);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SearchIndexException("Interrupted while updating the search index in " + directory, e);
            } finally {
                workers.shutdownNow();
            }
            commit(writer, Math.min(target, pendingCap));
            progress.accept(indexed);
            return new UpdateCounts(indexed, writer.getDocStats().numDocs, rebuild);
        } catch (LockObtainFailedException e) {
            throw new SearchIndexException("The search index in " + directory
                    + " is being updated by another process: wait for it to finish.", e);
        } catch (IOException e) {
            throw new SearchIndexException("Cannot write the search index in " + directory + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new SearchIndexException("Cannot read the records of " + store.directory() + ": " + e.getMessage(), e);
        }
    }

    /** Waits for every document added so far; the first failure is the update's. */
    private static void awaitAll(List<Future<?>> added) throws IOException, InterruptedException {
        try {
            for (Future<?> f : added) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new SearchIndexException("Cannot index a record: " + e.getCause().getMessage(), e.getCause());
        } finally {
            added.clear();
        }
    }

    private void commit(IndexWriter writer, long watermark) throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(WATERMARK, String.valueOf(watermark));
        data.put(ANALYZER, analyzer.fingerprint());
        data.put(RECORDS_VERSION, String.valueOf(FlatRecord.VERSION));
        data.put(STORED, STORED_VERSION);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /** The latest release's sequence number: the watermark of an index that holds everything. */
    private static long targetWatermark(Connection db) {
        return Math.min(longQuery(db, "SELECT coalesce(max(seq), -1) FROM releases"), pendingCap(db));
    }

    /** Just below the first release of a record still waiting to be compiled (no limit when none). */
    private static long pendingCap(Connection db) {
        return longQuery(db, "SELECT coalesce(min(seq) - 1, 9223372036854775807) FROM releases"
                + " WHERE ocid IN (SELECT ocid FROM pending_records)");
    }

    private static long longQuery(Connection db, String sql) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new SearchIndexException("Cannot read the store: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                if (o != null) {
                    out.add(o.toString());
                }
            }
        }
        return out;
    }

    private static String day(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toLocalDate().toString();
    }

    /** Opens the index for searching (the caller closes the searcher). */
    public RecordSearcher openSearcher() {
        try {
            return new RecordSearcher(DirectoryReader.open(FSDirectory.open(directory)), analyzer);
        } catch (IOException e) {
            throw new SearchIndexException("Cannot open the search index in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** For the benchmark: a writer on a new, empty index here, analyzing with {@code bulkAnalyzer}. */
    public IndexWriter createEmpty(SearchAnalyzer bulkAnalyzer) throws IOException {
        Files.createDirectories(directory);
        return new IndexWriter(FSDirectory.open(directory), new IndexWriterConfig(bulkAnalyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64));
    }
}
