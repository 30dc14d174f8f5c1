package io.tenderlens.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a store holds, in a few numbers: releases and records, records by stage, tender status and
 * year, the top buyers, and budget and award totals per currency (exact decimal sums).
 *
 * @param lastIngest when the last ingest finished (UTC), {@code null} before the first
 * @param pending    records waiting to be recompiled (an interrupted ingest), normally 0
 * @param byYear     records by the year of their first release
 */
public record StoreSummary(String directory, long releases, long records, long pending, LocalDateTime lastIngest,
                           List<Count> byStage, List<Count> byTenderStatus, List<Count> byYear,
                           List<Count> topBuyers, List<Count> topProcuringEntities, List<Total> budgets,
                           List<Total> awards) {

    /** How many records share a value ({@code null} when the records lack it). */
    public record Count(String value, long records) {}

    /** The exact sum of amounts in one currency, and how many records it covers. */
    public record Total(String currency, long records, BigDecimal amount) {}

    private static final int TOP_BUYERS = 10;

    /** Reads the summary of {@code store}. */
    public static StoreSummary of(Store store) {
        try {
            return new StoreSummary(store.directory().toString(), store.releaseCount(), store.recordCount(),
                    store.pendingRecordCount(), lastIngest(store),
                    counts(store, "stage", "TRUE", "count(*) DESC, 1", Integer.MAX_VALUE),
                    counts(store, "tender_status", "TRUE", "count(*) DESC, 1", Integer.MAX_VALUE),
                    counts(store, "CAST(year(first_date) AS VARCHAR)", "TRUE", "1", Integer.MAX_VALUE),
                    counts(store, "buyer_name", "buyer_name IS NOT NULL", "count(*) DESC, 1", TOP_BUYERS),
                    counts(store, "procuring_entity_name", "procuring_entity_name IS NOT NULL", "count(*) DESC, 1", TOP_BUYERS),
                    totals(store, "budget"), totals(store, "award"));
        } catch (SQLException e) {
            throw store.failure("summary", e);
        }
    }

    private static LocalDateTime lastIngest(Store store) throws SQLException {
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT max(finished) FROM ingest_runs");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getObject(1, LocalDateTime.class);
        }
    }

    // the expressions below are constants of this class, never outside text
    private static List<Count> counts(Store store, String expression, String where, String order, int limit)
            throws SQLException {
        List<Count> counts = new ArrayList<>();
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT " + expression + ", count(*) FROM records"
                + " WHERE " + where + " GROUP BY 1 ORDER BY " + order + " NULLS LAST LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new Count(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        return counts;
    }

    private static List<Total> totals(Store store, String measure) throws SQLException {
        List<Total> totals = new ArrayList<>();
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT " + measure + "_currency, count(*), sum("
                + measure + "_amount) FROM records WHERE " + measure + "_amount IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                totals.add(new Total(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)));
            }
        }
        return totals;
    }

    /** The summary as a few lines of plain text for a terminal. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("tenderlens store ").append(directory).append('\n');
        out.append("  ").append(number(releases)).append(" releases, ").append(number(records)).append(" records");
        out.append(lastIngest == null ? "" : "; last ingest " + lastIngest.withNano(0) + " UTC").append('\n');
        if (pending > 0) {
            out.append("  ").append(number(pending))
                    .append(" records are not compiled yet (an interrupted ingest, or releases that could not be compiled):"
                            + " run `tenderlens ingest` again\n");
        }
        if (records == 0) {
            return out.append("  (empty: load data with `tenderlens ingest PATH`)\n").toString();
        }
        section(out, "Records by stage", byStage);
        section(out, "Records by tender status", byTenderStatus);
        section(out, "Records by year of first release", byYear);
        if (!topBuyers.isEmpty()) {
            section(out, "Top buyers (records)", topBuyers);
        }
        if (!topProcuringEntities.isEmpty()) {
            section(out, "Top procuring entities (records)", topProcuringEntities);
        }
        totals(out, "Budget (tender value, else planning budget) by currency", budgets);
        totals(out, "Awarded (active and pending awards) by currency", awards);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<Count> counts) {
        out.append('\n').append(title).append('\n');
        int width = counts.stream().mapToInt(c -> displayWidth(label(c.value()))).max().orElse(0);
        for (Count c : counts) {
            out.append("  ").append(pad(label(c.value()), width)).append("  ")
                    .append(String.format(Locale.ROOT, "%8s", number(c.records()))).append('\n');
        }
    }

    private static void totals(StringBuilder out, String title, List<Total> totals) {
        out.append('\n').append(title).append('\n');
        if (totals.isEmpty()) {
            out.append("  (none)\n");
        }
        for (Total t : totals) {
            out.append("  ").append(pad(label(t.currency()), 8)).append(String.format(Locale.ROOT, "%28s", amount(t.amount())))
                    .append("  (").append(number(t.records())).append(t.records() == 1 ? " record)" : " records)").append('\n');
        }
    }

    private static String label(String value) {
        return value == null ? "(none)" : value;
    }

    /** Pads by display width: CJK characters take two columns in a terminal. */
    private static String pad(String text, int width) {
        StringBuilder out = new StringBuilder(text);
        for (int w = displayWidth(text); w < width; w++) {
            out.append(' ');
        }
        return out.toString();
    }

    private static int displayWidth(String text) {
        return text.codePoints().map(c -> Character.isIdeographic(c) || (c >= 0xFF00 && c <= 0xFFEF) ? 2 : 1).sum();
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Exact: every digit of the decimal sum, grouped by thousands. */
    static String amount(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount);
    }
}
