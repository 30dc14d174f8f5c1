package io.tenderlens.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.sector.SectorInput;
import io.tenderlens.store.Store;
import io.tenderlens.topic.Topic;
import io.tenderlens.topic.TopicTerm;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.LongConsumer;

/**
 * The full-text index of a store's records (Lucene, in {@code <db>/search-index}): one document per
 * record with the fields {@code title}, {@code buyer}, {@code supplier} and {@code text} (descriptions,
 * lots, items), analysed by {@link ChineseAnalyzer}. It serves {@code tenderlens search} and lets a report
 * read only the records that contain a topic's terms.
 */
public final class NoticeIndex implements AutoCloseable {
    public static final String DIRECTORY = "search-index";
    public static final List<String> FIELDS = List.of("title", "buyer", "supplier", "text");
    private static final String RECORDS = "records";
    private static final String LAST_INGEST = "lastIngest";
    private static final String FORMAT = "format";
    /** Bumped when fields or analysis change: an index of another format is rebuilt, never queried. */
    private static final String FORMAT_VERSION = "3";
    private static final int BATCH = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    private NoticeIndex(Directory directory, Analyzer analyzer) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.analyzer = analyzer;
    }

    /**
     * The analyzer of every index. Titles, buyers and suppliers are split into words as topic matching
     * splits them (smartcn and the bundled topic's domain dictionary). Long texts are split into
     * overlapping pairs of Chinese characters (CJK bigrams; English words lower-cased and stemmed as
     * smartcn does): ten times faster to index, and a phrase of bigrams finds every text that holds the
     * words, so the report's candidates stay a superset of what the topic grader finds.
     */
    public static Analyzer analyzer() {
        Analyzer words = new ChineseAnalyzer(new ChineseSegmenter(Topic.bundled("blockchain").dictionary()));
        return new PerFieldAnalyzerWrapper(words, Map.of("text", new BigramAnalyzer()));
    }

    /** CJK bigrams, full-width folded, lower case, English Porter-stemmed. */
    static final class BigramAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream chain = new PorterStemFilter(new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(source))));
            return new TokenStreamComponents(source, chain);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(new CJKWidthFilter(in));
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return 100;
        }
    }

    public static Path directoryOf(Store store) {
        return store.directory().resolve(DIRECTORY);
    }

    /** The index of the store, when one was built since the store last changed. */
    public static Optional<NoticeIndex> openIfCurrent(Store store) throws IOException {
        Path dir = directoryOf(store);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Directory d = FSDirectory.open(dir);
        if (!DirectoryReader.indexExists(d)) {
            d.close();
            return Optional.empty();
        }
        NoticeIndex index = new NoticeIndex(d, analyzer());
        Map<String, String> data = index.reader.getIndexCommit().getUserData();
        if (FORMAT_VERSION.equals(data.get(FORMAT)) && String.valueOf(store.recordCount()).equals(data.get(RECORDS))
                && lastIngest(store).equals(data.get(LAST_INGEST))) {
            return Optional.of(index);
        }
        index.close();
        return Optional.empty();
    }

    /**
     * (Re)builds the index of every record in the store, on all cores. {@code progress} hears the
     * number of records indexed so far.
     *
     * @return the number of records indexed
     */
    public static long build(Store store, LongConsumer progress) throws IOException {
        Path dir = directoryOf(store);
        Files.createDirectories(dir);
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Semaphore inFlight = new Semaphore(threads * 2);
        long count = 0;
        try (Directory d = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(d, new IndexWriterConfig(analyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(256));
             Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery(RECORDS_WITH_NOTICES)) {
            List<Future<?>> pending = new ArrayList<>();
            List<String[]> batch = new ArrayList<>(BATCH);
            while (rs.next()) {
                batch.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                if (batch.size() == BATCH) {
                    pending.add(submit(pool, inFlight, writer, batch));
                    count += batch.size();
                    progress.accept(count);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                pending.add(submit(pool, inFlight, writer, batch));
                count += batch.size();
            }
            for (Future<?> f : pending) {
                f.get();
            }
            Map<String, String> data = new HashMap<>();
            data.put(RECORDS, String.valueOf(store.recordCount()));
            data.put(LAST_INGEST, lastIngest(store));
            data.put(FORMAT, FORMAT_VERSION);
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            progress.accept(count);
        } catch (SQLException e) {
            throw new IOException("reading the store in " + store.directory() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while indexing", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("indexing failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return count;
    }

    private static Future<?> submit(ExecutorService pool, Semaphore inFlight, IndexWriter writer, List<String[]> rows)
            throws InterruptedException {
        inFlight.acquire();
        return pool.submit(() -> {
            try {
                for (String[] row : rows) {
                    writer.addDocument(document(row[0], row[1], row[2], row[3]));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                inFlight.release();
            }
        });
    }

    /**
     * Each record with its notices: what a report needs of the releases (id, date, tags, noticeSource),
     * gathered by DuckDB, so that a report reads candidates from the index alone.
     */
    private static final String RECORDS_WITH_NOTICES = """
            SELECT r.ocid, CAST(r.compiled AS VARCHAR), CAST(r.first_date AS VARCHAR), CAST(n.notices AS VARCHAR)
            FROM records r LEFT JOIN (
              SELECT ocid, to_json(list({'id': id, 'date': date, 'tag': tags,
                                         'noticeSource': json_extract(json, '$.noticeSource')} ORDER BY seq)) AS notices
              FROM releases GROUP BY ocid) n ON n.ocid = r.ocid""";

    static Document document(String ocid, String compiledJson, String firstDate, String noticesJson) throws IOException {
        JsonNode compiled = JSON.readTree(compiledJson);
        SectorInput in = SectorInput.of(compiled);
        Document doc = new Document();
        doc.add(new StringField("ocid", ocid, Field.Store.YES));
        doc.add(new StoredField("compiled", compiledJson));
        doc.add(new StoredField("notices", noticesJson == null ? "[]" : noticesJson));
        for (String t : new LinkedHashSet<>(in.titles())) {
            doc.add(new TextField("title", t, Field.Store.YES));
        }
        doc.add(new TextField("buyer", in.buyerName(), Field.Store.YES));
        Set<String> suppliers = new LinkedHashSet<>();
        compiled.path("awards").forEach(a -> a.path("suppliers").forEach(s -> suppliers.add(s.path("name").asText(""))));
        for (String s : suppliers) {
            doc.add(new TextField("supplier", s, Field.Store.YES));
        }
        for (String t : in.texts()) {
            doc.add(new TextField("text", t, Field.Store.NO));
        }
        doc.add(new StoredField("date", firstDate == null ? "" : firstDate.length() >= 10 ? firstDate.substring(0, 10) : firstDate));
        return doc;
    }

    private static String lastIngest(Store store) {
        try (Statement st = store.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT CAST(max(finished) AS VARCHAR) FROM ingest_runs")) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
        } catch (SQLException e) {
            return "";
        }
    }

    public long documents() {
        return reader.numDocs();
    }

    /** One search result. */
    public record Hit(String ocid, float score, String date, String title, String buyer, List<String> suppliers) {}

    /**
     * Searches with Lucene's query syntax: words (all required), {@code "phrases"}, {@code -exclusions},
     * {@code OR}, and field scopes {@code title:}, {@code buyer:}, {@code supplier:}, {@code text:}.
     *
     * @throws IllegalArgumentException when the query cannot be parsed, saying where
     */
    public List<Hit> search(String query, int limit) throws IOException {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS.toArray(String[]::new), analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true); // 数据上链 → the words 数据 上 链 in a row
        Query q;
        try {
            q = parser.parse(query);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot read the query '" + query + "': " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        TopDocs top = searcher.search(q, limit);
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = stored.document(sd.doc);
            hits.add(new Hit(d.get("ocid"), sd.score, d.get("date"), String.join(" / ", d.getValues("title")), d.get("buyer"),
                    List.of(d.getValues("supplier"))));
        }
        return hits;
    }

    /** A record as the index keeps it: its compiled release and its notices (id, date, tag, noticeSource), as JSON. */
    public record StoredRecord(String ocid, String compiled, String notices) {}

    /** Every record in which a term of the topic occurs (as a phrase) in any field, read from the index alone. */
    public List<StoredRecord> candidateRecords(Topic topic) throws IOException {
        Set<String> fields = Set.of("ocid", "compiled", "notices");
        List<StoredRecord> out = new ArrayList<>();
        collect(topic, (stored, doc) -> {
            Document d = stored.document(doc, fields);
            out.add(new StoredRecord(d.get("ocid"), d.get("compiled"), d.get("notices")));
        });
        return out;
    }

    private interface DocConsumer {
        void accept(StoredFields stored, int doc) throws IOException;
    }

    private void collect(Topic topic, DocConsumer consumer) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        QueryBuilder builder = new QueryBuilder(analyzer);
        for (TopicTerm term : topic.terms()) {
            for (String field : FIELDS) {
                Query q = builder.createPhraseQuery(field, term.text());
                if (q != null) {
                    any.add(q, BooleanClause.Occur.SHOULD);
                }
            }
        }
        searcher.search(any.build(), new SimpleCollector() {
            private StoredFields stored;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                stored = context.reader().storedFields();
            }

            @Override
            public void collect(int doc) throws IOException {
                consumer.accept(stored, doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
