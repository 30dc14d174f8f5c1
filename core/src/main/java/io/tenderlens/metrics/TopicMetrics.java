package io.tenderlens.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, each figure with the ocids behind it (the drill-down).
 *
 * @param funnel       from search hits to projects, step by step
 * @param projects     the procurements the figures are about, first date order
 * @param breakdowns   counts, shares and money by sector, category, level, province, city, year, …
 * @param money        the three money measures with per-year sums and growth
 * @param first        the earliest purchase, or null
 * @param largest      the largest purchase by each measure (absent when no amount)
 * @param notes        what was left out and why (undated records, other currencies, …)
 */
public record TopicMetrics(ProcurementFilter filter, List<FunnelStep> funnel, List<Procurement> projects,
                           List<Breakdown> breakdowns, List<MoneySeries> money, SupplierStats suppliers,
                           List<BuyerRow> buyers, Procurement first, Map<Measure, Procurement> largest,
                           DurationStats tenderToAward, List<String> notes) {

    public Breakdown breakdown(String id) {
        return breakdowns.stream().filter(b -> b.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no breakdown '" + id + "'"));
    }

    public MoneySeries money(Measure m) {
        return money.stream().filter(s -> s.measure() == m).findFirst().orElseThrow();
    }

    /**
     * One step of the funnel: how many notices and procurements remain after it.
     *
     * @param ocids the procurements remaining (or, for the status steps, in that status)
     */
    public record FunnelStep(String id, String zh, String en, int notices, int records, List<String> ocids,
                             String ruleZh, String ruleEn) {}

    /** A table: rows of one dimension (sector, province, year, …). */
    public record Breakdown(String id, String zh, String en, List<Row> rows) {}

    /**
     * One row: a value of the dimension, its count, its share of all projects, and money by measure.
     *
     * @param share   count / number of projects (a fraction, not a percentage)
     * @param amounts sum of each measure over the row's projects; null when none of them states it
     */
    public record Row(Label label, int count, BigDecimal share, Map<Measure, BigDecimal> amounts, List<String> ocids) {}

    /**
     * One money measure over the years.
     *
     * @param total          sum over every project with the amount (dated or not)
     * @param counted        ocids of the projects with the amount
     * @param years          every year from the first to the last year with the amount, gaps as 0
     * @param averageGrowth  arithmetic mean of the defined year-on-year growth rates (a fraction), or null
     * @param cagr           compound annual growth rate from {@code cagrFrom} to {@code cagrTo} (a fraction), or null
     */
    public record MoneySeries(Measure measure, BigDecimal total, List<String> counted, List<YearAmount> years,
                              BigDecimal averageGrowth, BigDecimal cagr, Integer cagrFrom, Integer cagrTo) {}

    /** @param growth year-on-year growth (this year / last year − 1), null when last year's sum is 0 or absent */
    public record YearAmount(int year, BigDecimal amount, BigDecimal growth, List<String> ocids) {}

    /**
     * Suppliers of the projects.
     *
     * @param ofWins    concentration of wins (share = a supplier's wins / all wins)
     * @param ofAmounts concentration of award money (joint awards split equally among their suppliers)
     */
    public record SupplierStats(int distinct, Breakdown byProvince, List<SupplierRow> byWins, List<SupplierRow> byAmount,
                                Concentration ofWins, Concentration ofAmounts, List<String> ocids) {}

    /** @param amount award money won, joint awards counted in full for each supplier; null when none stated */
    public record SupplierRow(Party party, int wins, BigDecimal amount, BigDecimal winShare, BigDecimal amountShare,
                              List<String> ocids) {}

    /** Shares as fractions; HHI on the 0–10,000 scale (Σ (100 · share)²). Null when nothing to measure. */
    public record Concentration(BigDecimal cr1, BigDecimal cr3, BigDecimal hhi, int participants) {}

    public record BuyerRow(Party party, int projects, Map<Measure, BigDecimal> amounts, List<String> ocids) {}

    /** Days from tender to award over the projects that have both dates. */
    public record DurationStats(int count, Integer min, BigDecimal median, BigDecimal mean, Integer max, List<String> ocids) {}
}
