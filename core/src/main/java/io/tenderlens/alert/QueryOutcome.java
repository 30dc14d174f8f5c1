package io.tenderlens.alert;

import java.util.List;

/**
 * Whether a record matches a saved search's query, and the words that made it match. Deciding it is
 * the search engine's job (the query language is the index's), so the application computes this and
 * hands it to {@link AlertMatcher}.
 */
public record QueryOutcome(boolean matched, List<QueryHit> hits) {
    /** A search without a query: nothing to match, nothing to say. */
    public static final QueryOutcome NO_QUERY = new QueryOutcome(true, List.of());
    public static final QueryOutcome NO_MATCH = new QueryOutcome(false, List.of());

    public QueryOutcome {
        hits = List.copyOf(hits);
    }
}
