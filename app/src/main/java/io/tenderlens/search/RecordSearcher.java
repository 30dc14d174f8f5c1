package io.tenderlens.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Searches an open index: parses a query ({@link SearchQueryParser}), ranks with BM25 (title ×3,
 * buyer and supplier ×2, text ×1) and highlights the matching passages. Thread-safe; close it when done.
 */
public final class RecordSearcher implements AutoCloseable {
    /** Longest snippet, in characters, around its first match. */
    static final int SNIPPET_CHARS = 120;
    private static final int CONTEXT_BEFORE = 30;
    private static final String[] FIELDS = SearchFields.SEARCHABLE.toArray(String[]::new);
    /** The stored fields a hit shows (not the compiled release and notices kept for reports). */
    private static final Set<String> SHOWN = Set.of(SearchFields.OCID, SearchFields.TITLE, SearchFields.BUYER,
            SearchFields.SUPPLIER, SearchFields.DATE, SearchFields.PROVINCE, SearchFields.STATUS);

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SearchQueryParser parser;
    private final Highlighter highlighter;
    private final SearchAnalyzer analyzer;

    RecordSearcher(DirectoryReader reader, SearchAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.parser = new SearchQueryParser(analyzer);
        this.highlighter = new Highlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new SnippetFormatter())
                .withMaxNoHighlightPassages(0)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true));
    }

    /**
     * Every record in which one of {@code phrases} occurs in a searchable field, with what the index
     * stores of it for reports: a report reads the records of its topic's terms without touching the
     * others. Unranked, in index order.
     */
    public List<SearchFields.StoredRecord> storedRecordsMatchingAny(Collection<String> phrases) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        QueryBuilder builder = new QueryBuilder(analyzer);
        for (String phrase : phrases) {
            for (String field : FIELDS) {
                Query q = builder.createPhraseQuery(field, phrase);
                if (q != null) {
                    any.add(q, BooleanClause.Occur.SHOULD);
                }
            }
        }
        Set<String> wanted = Set.of(SearchFields.OCID, SearchFields.COMPILED, SearchFields.NOTICES);
        List<SearchFields.StoredRecord> out = new ArrayList<>();
        try {
            searcher.search(any.build(), new SimpleCollector() {
                private StoredFields stored;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    stored = context.reader().storedFields();
                }

                @Override
                public void collect(int doc) throws IOException {
                    Document d = stored.document(doc, wanted);
                    out.add(new SearchFields.StoredRecord(d.get(SearchFields.OCID), d.get(SearchFields.COMPILED), d.get(SearchFields.NOTICES)));
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        } catch (IOException e) {
            throw new SearchIndexException("Cannot read the search index: " + e.getMessage(), e);
        }
        return out;
    }

    /** Number of records in the index. */
    public int size() {
        return reader.numDocs();
    }

    /**
     * The best {@code limit} records for {@code query}.
     *
     * @throws SearchQueryException when the query cannot be read
     */
    public SearchResults search(String query, int limit) {
        long start = System.nanoTime();
        Query q = parser.parse(query);
        try {
            TopDocs top = searcher.search(q, Math.max(1, limit));
            ScoreDoc[] docs = limit <= 0 ? new ScoreDoc[0] : top.scoreDocs;
            int[] ids = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
            Map<String, Object[]> snippets = highlighter.highlight(wordsOnly(q), ids);
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>(docs.length);
            for (int i = 0; i < docs.length; i++) {
                Document doc = stored.document(docs[i].doc, SHOWN);
                List<SearchHit.Snippet> found = new ArrayList<>();
                for (String field : FIELDS) {
                    Object s = snippets.get(field)[i];
                    if (s != null) {
                        for (Snippet raw : castList(s)) {
                            found.add(new SearchHit.Snippet(field, raw.text(), raw.highlights()));
                        }
                    }
                }
                hits.add(new SearchHit(doc.get(SearchFields.OCID), doc.get(SearchFields.TITLE), doc.get(SearchFields.BUYER),
                        Arrays.stream(doc.getFields(SearchFields.SUPPLIER)).map(IndexableField::stringValue).toList(),
                        doc.get(SearchFields.DATE), doc.get(SearchFields.PROVINCE), doc.get(SearchFields.STATUS),
                        docs[i].score, List.copyOf(found)));
            }
            boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
            return new SearchResults(query, top.totalHits.value, exact, hits, (System.nanoTime() - start) / 1e6);
        } catch (IOException e) {
            throw new SearchIndexException("Cannot read the search index: " + e.getMessage(), e);
        }
    }

    /**
     * What the highlighter needs of a query: its words, without exclusions and filters (a hit never holds
     * an excluded word where it was excluded). Checking them for every hit and field was most of the
     * highlighter's work on queries with exclusions.
     */
    static Query wordsOnly(Query query) {
        if (!(query instanceof BooleanQuery bq)) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() != BooleanClause.Occur.MUST_NOT && c.getOccur() != BooleanClause.Occur.FILTER) {
                b.add(wordsOnly(c.getQuery()), c.getOccur());
            }
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static List<Snippet> castList(Object o) {
        return (List<Snippet>) o;
    }

    @Override
    public void close() {
        try {
            reader.close();
            reader.directory().close();
        } catch (IOException e) {
            throw new SearchIndexException("Cannot close the search index: " + e.getMessage(), e);
        }
    }

    private record Snippet(String text, List<SearchHit.Highlight> highlights) {}

    /** The highlighter, asked for objects (snippet lists) rather than HTML strings. */
    private static final class Highlighter extends UnifiedHighlighter {
        Highlighter(Builder builder) {
            super(builder);
        }

        Map<String, Object[]> highlight(Query query, int[] docIds) throws IOException {
            int[] passages = new int[FIELDS.length];
            for (int i = 0; i < FIELDS.length; i++) {
                passages[i] = FIELDS[i].equals(SearchFields.TEXT) ? 2 : 1;
            }
            return highlightFieldsAsObjects(FIELDS, query, docIds, passages);
        }
    }

    /** Cuts each passage to {@link #SNIPPET_CHARS} around its first match and lists the match ranges. */
    private static final class SnippetFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            List<Snippet> out = new ArrayList<>(passages.length);
            for (Passage p : passages) {
                if (p.getNumMatches() == 0) {
                    continue;
                }
                int from = Math.max(p.getStartOffset(), p.getMatchStarts()[0] - CONTEXT_BEFORE);
                int to = Math.min(p.getEndOffset(), from + SNIPPET_CHARS);
                for (int m = 0; m < p.getNumMatches(); m++) {
                    if (p.getMatchStarts()[m] < to && p.getMatchEnds()[m] > to) {
                        to = p.getMatchEnds()[m]; // never cut a matched word in two
                    }
                }
                String prefix = from > p.getStartOffset() ? "…" : "";
                String suffix = to < p.getEndOffset() ? "…" : "";
                // one character for one, so match offsets stay valid: value separators and line breaks read as marks
                String body = content.substring(from, to).replace(MULTIVALUE_SEPARATOR, '｜').replace('\n', ' ').replace('\r', ' ');
                List<SearchHit.Highlight> highlights = new ArrayList<>();
                for (int m = 0; m < p.getNumMatches(); m++) {
                    int s = Math.max(p.getMatchStarts()[m], from) - from;
                    int e = Math.min(p.getMatchEnds()[m], to) - from;
                    if (e > s) {
                        highlights.add(new SearchHit.Highlight(prefix.length() + s, prefix.length() + e));
                    }
                }
                out.add(new Snippet(prefix + body + suffix, List.copyOf(highlights)));
            }
            return out.isEmpty() ? null : out;
        }
    }

    private static final char MULTIVALUE_SEPARATOR = '\u0000';
}
