package io.tenderlens.search;

import java.util.List;

/**
 * One record found.
 *
 * @param date     the day its first notice was published ({@code yyyy-MM-dd}), or {@code null}
 * @param status   {@code tender.status} as published, else the stage reached (planning, tender, award, …)
 * @param snippets passages of the fields that matched, in the order title, buyer, supplier, text
 */
public record SearchHit(String ocid, String title, String buyer, List<String> suppliers, String date,
                        String province, String status, float score, List<Snippet> snippets) {

    /**
     * A passage of a field, as plain text, with the character ranges the query matched. Text is not
     * escaped (a caller writing HTML escapes it); "…" marks a passage cut out of a longer value, and
     * "｜" separates the values of a multi-valued field.
     */
    public record Snippet(String field, String text, List<Highlight> highlights) {}

    /** Characters {@code [start, end)} of a snippet's text that the query matched. */
    public record Highlight(int start, int end) {}
}
