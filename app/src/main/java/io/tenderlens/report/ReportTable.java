package io.tenderlens.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * One table of the report, rendered the same way to HTML, .xlsx and .csv.
 *
 * @param id    file and anchor name ({@code projects} → {@code projects.csv}, sheet {@code projects})
 */
public record ReportTable(String id, String zh, String en, List<Column> columns, List<List<Cell>> rows) {
    public ReportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (List<Cell> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    /** A column heading in both languages. */
    public record Column(String zh, String en) {}

    /** A cell: text, a number with its format, or links (to projects in the report, or to source notices). */
    public sealed interface Cell permits Text, Num, Links {}

    public record Text(String value) implements Cell {}

    /** A number; null means "not stated" (shown as —). */
    public record Num(BigDecimal value, Format format) implements Cell {}

    public record Links(List<Link> links) implements Cell {
        public Links {
            links = List.copyOf(links);
        }
    }

    /** @param href an anchor in the report ({@code #p-…}) or an http(s) URL; empty for plain text */
    public record Link(String text, String href) {}

    public enum Format {
        /** Yuan (or the report currency) with two decimals. */
        AMOUNT,
        /** A fraction shown as a percentage with two decimals. */
        PERCENT,
        /** A whole number. */
        COUNT,
        /** A decimal with one place (days, HHI). */
        DECIMAL
    }

    public static Cell text(String s) {
        return new Text(s == null ? "" : s);
    }

    public static Cell num(BigDecimal v, Format f) {
        return new Num(v, f);
    }

    public static Cell count(long n) {
        return new Num(BigDecimal.valueOf(n), Format.COUNT);
    }
}
