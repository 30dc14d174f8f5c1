package io.tenderlens.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

import java.util.Map;

/**
 * Reads the query language of {@code tenderlens search} (Lucene's classic syntax): words match in any
 * of title, buyer, supplier and text, all of them required unless {@code OR} is written; {@code field:word}
 * scopes a word to one field; {@code "…"} is a phrase; {@code -word} or {@code NOT word} excludes;
 * {@code AND}, {@code OR} and parentheses combine; {@code word*} matches words that start with it.
 * Words are the segmenter's words: {@code 区块} does not match {@code 区块链} (write {@code 区块*}); a run of Chinese that the
 * segmenter cuts into several words ({@code 物业管理服务}) is a phrase of them.
 * A query of exclusions only means "everything but". Unknown fields are an error, not an empty result.
 */
public final class SearchQueryParser {
    /** Title and names weigh more than a mention in a description. */
    private static final Map<String, Float> BOOSTS = Map.of(
            SearchFields.TITLE, 3f, SearchFields.BUYER, 2f, SearchFields.SUPPLIER, 2f, SearchFields.TEXT, 1f);
    static final String SYNTAX = "write words (all required), field:word with field one of title, buyer, supplier, text,"
            + " \"a phrase\", -word or NOT word to exclude, AND / OR / ( ) to combine, word* for a prefix";

    private final Analyzer analyzer;

    public SearchQueryParser(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The Lucene query for {@code text}.
     *
     * @throws SearchQueryException when the text is not a query (the message quotes it and says why)
     */
    public Query parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SearchQueryException("The query is empty: " + SYNTAX + ".", null);
        }
        Parser parser = new Parser(analyzer);
        try {
            return exclusionsAsFilter(everythingBut(parser.parse(text)));
        } catch (ParseException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
            throw new SearchQueryException("Cannot read the query `" + text + "`: " + reason + " — " + SYNTAX + ".", e);
        }
    }

    /** A query of exclusions only would match nothing: match everything except them. */
    private static Query everythingBut(Query query) {
        if (query instanceof BooleanQuery bq && !bq.clauses().isEmpty()
                && bq.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            bq.clauses().forEach(b::add);
            return b.build();
        }
        return query;
    }

    /**
     * {@code +a -b} as {@code +a #(*:* -b)}: the same hits and scores, but Lucene then scores {@code a}
     * as one run with skipping (WAND) and checks {@code b} per candidate, instead of scoring {@code a}
     * in short windows between the documents of {@code b} — 2 to 5 times faster when {@code b} is a
     * common word (bench/search.sh). Nested queries are rewritten too.
     */
    static Query exclusionsAsFilter(Query query) {
        if (!(query instanceof BooleanQuery bq)) {
            return query;
        }
        BooleanQuery.Builder positive = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
        BooleanQuery.Builder excluded = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        boolean hasPositive = false;
        boolean hasExcluded = false;
        for (BooleanClause c : bq.clauses()) {
            if (c.getOccur() == BooleanClause.Occur.MUST_NOT) {
                excluded.add(c);
                hasExcluded = true;
            } else {
                positive.add(exclusionsAsFilter(c.getQuery()), c.getOccur());
                hasPositive |= !(c.getQuery() instanceof MatchAllDocsQuery);
            }
        }
        if (!hasExcluded || !hasPositive) {
            return hasExcluded ? query : positive.build();
        }
        return new BooleanQuery.Builder().add(positive.build(), BooleanClause.Occur.MUST)
                .add(excluded.build(), BooleanClause.Occur.FILTER).build();
    }

    private static final class Parser extends MultiFieldQueryParser {
        Parser(Analyzer analyzer) {
            super(SearchFields.SEARCHABLE.toArray(String[]::new), analyzer, BOOSTS);
            setDefaultOperator(QueryParser.Operator.AND);
            setSplitOnWhitespace(true);
            // a Chinese word typed without spaces (物业管理服务) is segmented into several words: it means the
            // compound, so they must occur together, not any one of them (服务 alone is in most notices)
            setAutoGeneratePhraseQueries(true);
        }

        private static void checkField(String field) throws ParseException {
            if (field != null && !SearchFields.SEARCHABLE.contains(field)) {
                throw new ParseException("unknown field '" + field + "' (fields: " + String.join(", ", SearchFields.SEARCHABLE) + ")");
            }
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            checkField(field);
            return super.getFieldQuery(field, queryText, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            checkField(field);
            return super.getFieldQuery(field, queryText, slop);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            checkField(field);
            return super.getPrefixQuery(field, termStr);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            checkField(field);
            return super.getWildcardQuery(field, termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            checkField(field);
            return super.getFuzzyQuery(field, termStr, minSimilarity);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                      boolean endInclusive) throws ParseException {
            checkField(field);
            return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            checkField(field);
            return super.getRegexpQuery(field, termStr);
        }
    }
}
