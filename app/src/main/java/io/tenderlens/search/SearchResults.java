package io.tenderlens.search;

import java.util.List;

/**
 * The records a query found, best first.
 *
 * @param total      how many records match ({@code totalIsExact} false: at least that many)
 * @param tookMillis time to search and highlight, in milliseconds
 */
public record SearchResults(String query, long total, boolean totalIsExact, List<SearchHit> hits, double tookMillis) {}
