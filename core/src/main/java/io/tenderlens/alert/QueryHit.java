package io.tenderlens.alert;

/**
 * One word of a record that a saved search's query matched.
 *
 * @param field   the search field: {@code title}, {@code buyer}, {@code supplier} or {@code text}
 * @param term    the word as written in the record
 * @param context the words around it, as plain text (never markup)
 */
public record QueryHit(String field, String term, String context) {}
