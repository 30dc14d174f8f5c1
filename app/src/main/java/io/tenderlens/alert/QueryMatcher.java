package io.tenderlens.alert;

import io.tenderlens.search.SearchAnalyzer;
import io.tenderlens.search.SearchFields;
import io.tenderlens.search.SearchQueryException;
import io.tenderlens.search.SearchQueryParser;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides a saved search's query for one record exactly as {@code tenderlens search} would: the same
 * parser ({@link SearchQueryParser}), the same analyzer and the same fields ({@link SearchFields}), with
 * the record as an in-memory index of one document. Then says which words matched in which field:
 * the words the query asks for (not those it excludes) found in the record's fields.
 */
public final class QueryMatcher {
    /** Characters of context shown on either side of a matched word. */
    private static final int CONTEXT = 20;
    /** At most this many distinct (field, word) pairs are reported per record. */
    private static final int MAX_HITS = 12;

    private final SearchAnalyzer analyzer;
    private final SearchQueryParser parser;

    public QueryMatcher(SearchAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.parser = new SearchQueryParser(analyzer);
    }

    /**
     * The parsed query.
     *
     * @throws SearchQueryException when it is not a query (the message says why and what the syntax is)
     */
    public Query parse(String query) {
        return parser.parse(query);
    }

    /** A record, indexed once for any number of queries. */
    public final class Candidate {
        private final SearchFields.RecordText text;
        private final MemoryIndex index = new MemoryIndex(false);

        private Candidate(SearchFields.RecordText text) {
            this.text = text;
            add(SearchFields.TITLE, text.title());
            add(SearchFields.BUYER, text.buyer());
            text.suppliers().forEach(s -> add(SearchFields.SUPPLIER, s));
            text.text().forEach(s -> add(SearchFields.TEXT, s));
            index.freeze();
        }

        private void add(String field, String value) {
            if (value != null && !value.isBlank()) {
                index.addField(field, value, analyzer);
            }
        }

        private Map<String, List<String>> values() {
            Map<String, List<String>> out = new LinkedHashMap<>();
            out.put(SearchFields.TITLE, text.title() == null ? List.of() : List.of(text.title()));
            out.put(SearchFields.BUYER, text.buyer() == null ? List.of() : List.of(text.buyer()));
            out.put(SearchFields.SUPPLIER, text.suppliers());
            out.put(SearchFields.TEXT, text.text());
            return out;
        }
    }

    public Candidate candidate(SearchFields.RecordText text) {
        return new Candidate(text);
    }

    /** Whether {@code query} matches the candidate, and the words it matched. */
    public QueryOutcome match(Query query, Candidate candidate) {
        if (candidate.index.search(query) <= 0f) {
            return QueryOutcome.NO_MATCH;
        }
        Wanted wanted = new Wanted();
        query.visit(wanted);
        List<QueryHit> hits = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, List<String>> field : candidate.values().entrySet()) {
            for (String value : field.getValue()) {
                collect(field.getKey(), value, wanted, hits, seen);
            }
        }
        return new QueryOutcome(true, hits);
    }

    private void collect(String field, String value, Wanted wanted, List<QueryHit> hits, Set<String> seen) {
        try (TokenStream ts = analyzer.tokenStream(field, value)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken() && hits.size() < MAX_HITS) {
                String t = term.toString();
                String word = value.substring(offset.startOffset(), offset.endOffset());
                if (wanted.accepts(field, t) && seen.add(field + '\u0000' + word)) {
                    int from = Math.max(0, offset.startOffset() - CONTEXT);
                    int to = Math.min(value.length(), offset.endOffset() + CONTEXT);
                    String context = (from > 0 ? "…" : "") + value.substring(from, to).replaceAll("\\s+", " ")
                            + (to < value.length() ? "…" : "");
                    hits.add(new QueryHit(field, word, context));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analyzing " + field, e);
        }
    }

    /** The terms and term patterns (prefixes, wildcards) a query asks for, per field, leaving out excluded ones. */
    private static final class Wanted extends QueryVisitor {
        private final Map<String, Set<String>> terms = new HashMap<>();
        private final Map<String, List<ByteRunAutomaton>> patterns = new HashMap<>();

        @Override
        public void consumeTerms(Query query, Term... ts) {
            for (Term t : ts) {
                terms.computeIfAbsent(t.field(), k -> new HashSet<>()).add(t.text());
            }
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            patterns.computeIfAbsent(field, k -> new ArrayList<>()).add(automaton.get());
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
        }

        boolean accepts(String field, String term) {
            if (terms.getOrDefault(field, Set.of()).contains(term)) {
                return true;
            }
            List<ByteRunAutomaton> ps = patterns.getOrDefault(field, List.of());
            if (ps.isEmpty()) {
                return false;
            }
            BytesRef bytes = new BytesRef(term);
            return ps.stream().anyMatch(a -> a.run(bytes.bytes, bytes.offset, bytes.length));
        }
    }
}
