package io.tenderlens.report;

import io.tenderlens.metrics.Measure;
import io.tenderlens.metrics.TopicMetrics;
import io.tenderlens.metrics.TopicMetrics.Breakdown;
import io.tenderlens.metrics.TopicMetrics.Row;
import io.tenderlens.metrics.TopicMetrics.YearAmount;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.tenderlens.report.Html.escape;
import static io.tenderlens.report.Html.safeHref;

/**
 * The report's key figures and charts (SVG, bilingual labels) for one {@link TopicMetrics}. Where a
 * bar or a figure links to is up to the page: the report links to its own tables ({@link #TABLE_ANCHORS}),
 * the web application to filtered views.
 */
public final class ReportCharts {
    /** Where the parts of a chart link to. */
    public interface Links {
        /** Row {@code index} of breakdown {@code breakdownId} (sector, province, level, supplierProvince). */
        String row(String breakdownId, int index, Row row);

        /** Supplier {@code index} of the suppliers ranked by wins. */
        String supplier(int index, TopicMetrics.SupplierRow row);

        /** Year {@code index} of the money chart. */
        String year(int index, int year);

        /** A key figure; {@code tableId} names the report table it summarises (projects, funnel, buyers, …). */
        String figure(String tableId);
    }

    /** The report's links: to the rows of its own tables. */
    public static final Links TABLE_ANCHORS = new Links() {
        @Override public String row(String breakdownId, int index, Row row) {
            return "#" + HtmlReport.rowId(breakdownId, index);
        }

        @Override public String supplier(int index, TopicMetrics.SupplierRow row) {
            return "#" + HtmlReport.rowId("suppliers", index);
        }

        @Override public String year(int index, int year) {
            return "#" + HtmlReport.rowId("money", index);
        }

        @Override public String figure(String tableId) {
            return "#t-" + tableId;
        }
    };

    static final int TOOLTIP_OCIDS = 20;

    private final TopicMetrics m;
    private final String currency;
    private final Links links;

    public ReportCharts(TopicMetrics metrics, String currency, Links links) {
        this.m = metrics;
        this.currency = currency;
        this.links = links;
    }

    /** The key figures (projects, closed, still bidding, buyers, suppliers, provinces, the three money measures). */
    public String keyFigures() {
        StringBuilder h = new StringBuilder("<div class=\"figures\">");
        figure(h, String.valueOf(m.projects().size()), "项目", "projects", "projects");
        figure(h, String.valueOf(count("closed")), "已成交", "closed", "funnel");
        figure(h, String.valueOf(count("bidding")), "招标中", "still bidding", "funnel");
        figure(h, String.valueOf(m.buyers().size()), "采购人", "buyers", "buyers");
        figure(h, String.valueOf(m.suppliers().distinct()), "供应商", "suppliers", "suppliers");
        figure(h, String.valueOf(m.breakdown("province").rows().stream().filter(r -> !r.label().isUnknown()).count()), "省份", "provinces", "province");
        for (Measure me : Measure.values()) {
            figure(h, ReportFormat.tenThousands(m.money(me).total()), me.zh(), me.en(), "growth");
        }
        return h.append("</div>").toString();
    }

    private int count(String funnelStep) {
        return m.funnel().stream().filter(s -> s.id().equals(funnelStep)).mapToInt(TopicMetrics.FunnelStep::records).sum();
    }

    private void figure(StringBuilder h, String value, String zh, String en, String tableId) {
        h.append("<a class=\"figure\" href=\"").append(safeHref(links.figure(tableId))).append("\"><b>").append(escape(value)).append("</b><span>")
                .append(escape(zh)).append("<br>").append(escape(en)).append("</span></a>");
    }

    /** Every chart, each in a {@code <figure>}, in the report's order. */
    public String all() {
        return barChart("chart-sector", "按行业的项目数", "Projects by sector", m.breakdown("sector"), "sector")
                + barChart("chart-province", "按省份的项目数", "Projects by province", m.breakdown("province"), "province")
                + barChart("chart-level", "按政府层级的项目数", "Projects by government level", m.breakdown("level"), "level")
                + moneyChart()
                + barChart("chart-supplier-province", "按注册地的供应商数", "Suppliers by province of registration",
                m.suppliers().byProvince(), "supplierProvince")
                + topSuppliersChart();
    }

    private String barChart(String id, String zh, String en, Breakdown b, String breakdownId) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        List<Row> rows = b.rows();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String shown = r.count() + " (" + ReportFormat.percent(r.share()) + ")";
            bars.add(new SvgCharts.Bar(r.label().zh(), r.label().en(), BigDecimal.valueOf(r.count()), shown, links.row(breakdownId, i, r),
                    r.label().zh() + " " + r.label().en() + ": " + shown + " — " + tooltipOcids(r.ocids())));
        }
        return "<figure>" + SvgCharts.bars(id, zh, en, bars) + "</figure>";
    }

    /** A tooltip names the first projects behind a bar; the linked rows list them all. */
    private static String tooltipOcids(List<String> ocids) {
        return ocids.size() <= TOOLTIP_OCIDS ? String.join(" ", ocids)
                : String.join(" ", ocids.subList(0, TOOLTIP_OCIDS)) + " … (+" + (ocids.size() - TOOLTIP_OCIDS) + ")";
    }

    private String topSuppliersChart() {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        List<TopicMetrics.SupplierRow> rows = m.suppliers().byWins();
        for (int i = 0; i < Math.min(10, rows.size()); i++) {
            TopicMetrics.SupplierRow r = rows.get(i);
            String shown = r.wins() + (r.amount() == null ? "" : " · " + ReportFormat.tenThousands(r.amount()));
            bars.add(new SvgCharts.Bar(r.party().displayName(), r.party().province().zh(), BigDecimal.valueOf(r.wins()), shown,
                    links.supplier(i, r), r.party().displayName() + ": " + shown + " — " + tooltipOcids(r.ocids())));
        }
        return "<figure>" + SvgCharts.bars("chart-top-suppliers", "主要供应商（中标次数）", "Top suppliers (wins)", bars) + "</figure>";
    }

    private String moneyChart() {
        List<Integer> years = ReportTables.years(m);
        List<SvgCharts.Series> series = new ArrayList<>();
        for (Measure me : Measure.values()) {
            Map<Integer, BigDecimal> byYear = m.money(me).years().stream().collect(Collectors.toMap(YearAmount::year, YearAmount::amount));
            series.add(new SvgCharts.Series(me.zh(), me.en(), years.stream().map(byYear::get).toList()));
        }
        List<String> hrefs = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            hrefs.add(links.year(i, years.get(i)));
        }
        return "<figure class=\"wide\">" + SvgCharts.columns("chart-money", "按年份的金额", "Money by year",
                years.stream().map(String::valueOf).toList(), series, "万元", "10k " + currency, hrefs) + "</figure>";
    }
}
