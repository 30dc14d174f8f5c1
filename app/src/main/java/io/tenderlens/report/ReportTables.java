package io.tenderlens.report;

import io.tenderlens.metrics.Measure;
import io.tenderlens.metrics.Notice;
import io.tenderlens.metrics.Party;
import io.tenderlens.metrics.Procurement;
import io.tenderlens.metrics.TopicMetrics;
import io.tenderlens.metrics.TopicMetrics.Breakdown;
import io.tenderlens.metrics.TopicMetrics.Concentration;
import io.tenderlens.metrics.TopicMetrics.MoneySeries;
import io.tenderlens.metrics.TopicMetrics.Row;
import io.tenderlens.metrics.TopicMetrics.SupplierRow;
import io.tenderlens.metrics.TopicMetrics.YearAmount;
import io.tenderlens.report.ReportTable.Cell;
import io.tenderlens.report.ReportTable.Column;
import io.tenderlens.report.ReportTable.Format;
import io.tenderlens.report.ReportTable.Link;
import io.tenderlens.topic.TopicEvidence;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.tenderlens.report.ReportTable.count;
import static io.tenderlens.report.ReportTable.num;
import static io.tenderlens.report.ReportTable.text;

/** The report's tables, built once from the metrics and written as HTML, .xlsx and .csv alike. */
public final class ReportTables {
    private ReportTables() {}

    /** The anchor of a project's row in the HTML report. */
    public static String anchor(String ocid) {
        StringBuilder b = new StringBuilder(ocid.length() + 2).append("p-");
        for (int i = 0; i < ocid.length(); i++) {
            char c = ocid.charAt(i);
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? c : '_');
        }
        return b.toString();
    }

    /** The tables; a project's source notices link to their archived copies in the report where {@code sources} has them. */
    public static List<ReportTable> of(TopicMetrics m, ReportSources sources) {
        List<ReportTable> out = new ArrayList<>();
        out.add(funnel(m));
        for (String id : List.of("sector", "category", "level", "province", "city", "year", "buyerKind", "status", "grade")) {
            out.add(breakdown(m.breakdown(id), true));
        }
        out.add(money(m));
        out.add(growth(m));
        out.add(suppliers(m));
        out.add(breakdown(m.suppliers().byProvince(), false));
        out.add(concentration(m));
        out.add(buyers(m));
        out.add(highlights(m));
        out.add(projects(m, sources));
        return out;
    }

    static Cell projectLinks(List<String> ocids) {
        return new ReportTable.Links(ocids.stream().map(o -> new Link(o, "#" + anchor(o))).toList());
    }

    private static ReportTable funnel(TopicMetrics m) {
        List<List<Cell>> rows = new ArrayList<>();
        for (TopicMetrics.FunnelStep s : m.funnel()) {
            rows.add(List.of(text(s.zh()), text(s.en()), count(s.notices()), count(s.records()), text(s.ruleZh()), text(s.ruleEn()),
                    projectLinks(s.ocids())));
        }
        return new ReportTable("funnel", "筛选过程", "Funnel", List.of(new Column("步骤", "step"), new Column("", "step (English)"),
                new Column("公告数", "notices"), new Column("项目数", "procurements"), new Column("规则", "rule"),
                new Column("", "rule (English)"), new Column("项目", "projects")), rows);
    }

    private static ReportTable breakdown(Breakdown b, boolean withMoney) {
        List<Column> cols = new ArrayList<>(List.of(new Column(b.zh(), b.en()), new Column("英文", "English"),
                new Column(withMoney ? "项目数" : "供应商数", withMoney ? "projects" : "suppliers"), new Column("占比", "share")));
        if (withMoney) {
            for (Measure me : Measure.values()) {
                cols.add(new Column(me.zh(), me.en()));
            }
        }
        cols.add(new Column("项目", "projects"));
        List<List<Cell>> rows = new ArrayList<>();
        for (Row r : b.rows()) {
            List<Cell> row = new ArrayList<>(List.of(text(r.label().zh()), text(r.label().en()), count(r.count()), num(r.share(), Format.PERCENT)));
            if (withMoney) {
                for (Measure me : Measure.values()) {
                    row.add(num(r.amounts().get(me), Format.AMOUNT));
                }
            }
            row.add(projectLinks(r.ocids()));
            rows.add(row);
        }
        return new ReportTable(b.id(), b.zh(), b.en(), cols, rows);
    }

    private static ReportTable money(TopicMetrics m) {
        List<Integer> years = years(m);
        List<Column> cols = new ArrayList<>(List.of(new Column("年份", "year")));
        for (Measure me : Measure.values()) {
            cols.add(new Column(me.zh(), me.en()));
            cols.add(new Column(me.zh() + "同比增长", me.en() + " year-on-year growth"));
        }
        cols.add(new Column("项目", "projects"));
        List<List<Cell>> rows = new ArrayList<>();
        for (int y : years) {
            List<Cell> row = new ArrayList<>(List.of(text(String.valueOf(y))));
            java.util.Set<String> ocids = new java.util.LinkedHashSet<>();
            for (Measure me : Measure.values()) {
                YearAmount ya = m.money(me).years().stream().filter(v -> v.year() == y).findFirst().orElse(null);
                row.add(num(ya == null ? null : ya.amount(), Format.AMOUNT));
                row.add(num(ya == null ? null : ya.growth(), Format.PERCENT));
                if (ya != null) {
                    ocids.addAll(ya.ocids());
                }
            }
            row.add(projectLinks(List.copyOf(ocids)));
            rows.add(row);
        }
        return new ReportTable("money", "金额（按年）", "Money by year", cols, rows);
    }

    /** Every year from the first to the last year of any money measure. */
    static List<Integer> years(TopicMetrics m) {
        IntSummaryStatistics span = m.money().stream().flatMap(s -> s.years().stream()).mapToInt(YearAmount::year).summaryStatistics();
        return span.getCount() == 0 ? List.of() : IntStream.rangeClosed(span.getMin(), span.getMax()).boxed().toList();
    }

    private static ReportTable growth(TopicMetrics m) {
        List<List<Cell>> rows = new ArrayList<>();
        for (MoneySeries s : m.money()) {
            rows.add(List.of(text(s.measure().zh()), text(s.measure().en()), num(s.total(), Format.AMOUNT), count(s.counted().size()),
                    num(s.averageGrowth(), Format.PERCENT), num(s.cagr(), Format.PERCENT),
                    text(s.cagrFrom() == null ? "" : s.cagrFrom() + "–" + s.cagrTo()), projectLinks(s.counted())));
        }
        return new ReportTable("growth", "金额合计与增长", "Totals and growth", List.of(new Column("口径", "measure"),
                new Column("英文", "English"), new Column("合计", "total"), new Column("有金额的项目数", "projects with the amount"),
                new Column("年均增长率（算术平均）", "average annual growth (arithmetic mean)"),
                new Column("复合年均增长率", "CAGR"), new Column("复合增长区间", "CAGR years"), new Column("项目", "projects")), rows);
    }

    private static ReportTable suppliers(TopicMetrics m) {
        List<List<Cell>> rows = new ArrayList<>();
        int rank = 1;
        for (SupplierRow r : m.suppliers().byWins()) {
            rows.add(List.of(count(rank++), text(r.party().displayName()), text(r.party().province().zh()), text(scale(r.party())),
                    count(r.wins()), num(r.winShare(), Format.PERCENT), num(r.amount(), Format.AMOUNT), num(r.amountShare(), Format.PERCENT),
                    projectLinks(r.ocids())));
        }
        return new ReportTable("suppliers", "供应商（按中标次数）", "Suppliers (by wins)", List.of(new Column("排名", "rank"),
                new Column("供应商", "supplier"), new Column("注册地", "province"), new Column("企业规模", "scale"),
                new Column("中标次数", "wins"), new Column("次数份额", "share of wins"), new Column("中标金额", "amount won"),
                new Column("金额份额", "share of amount"), new Column("项目", "projects")), rows);
    }

    private static String scale(Party p) {
        return switch (p.scale()) {
            case "sme" -> "中小微企业 SME";
            case "micro" -> "微型企业 micro";
            case "large" -> "大型企业 large";
            default -> p.scale();
        };
    }

    private static ReportTable concentration(TopicMetrics m) {
        List<List<Cell>> rows = new ArrayList<>();
        concentrationRow(rows, "中标次数", "wins", m.suppliers().ofWins());
        concentrationRow(rows, "中标金额", "award amount", m.suppliers().ofAmounts());
        return new ReportTable("concentration", "供应商集中度", "Supplier concentration", List.of(new Column("口径", "measure"),
                new Column("英文", "English"), new Column("供应商数", "suppliers"), new Column("CR1", "CR1"), new Column("CR3", "CR3"),
                new Column("HHI", "HHI (0–10000)")), rows);
    }

    private static void concentrationRow(List<List<Cell>> rows, String zh, String en, Concentration c) {
        rows.add(List.of(text(zh), text(en), count(c.participants()), num(c.cr1(), Format.PERCENT), num(c.cr3(), Format.PERCENT),
                num(c.hhi(), Format.DECIMAL)));
    }

    private static ReportTable buyers(TopicMetrics m) {
        List<List<Cell>> rows = new ArrayList<>();
        int rank = 1;
        for (TopicMetrics.BuyerRow r : m.buyers()) {
            Party p = r.party();
            rows.add(List.of(count(rank++), text(p.displayName()), text(p.province().zh()), text(p.level().zh() + " " + p.level().en()),
                    text(p.kind().zh()), count(r.projects()), num(r.amounts().get(Measure.BUDGET), Format.AMOUNT),
                    num(r.amounts().get(Measure.AWARD), Format.AMOUNT), num(r.amounts().get(Measure.TOPIC_PART), Format.AMOUNT),
                    projectLinks(r.ocids())));
        }
        return new ReportTable("buyers", "采购人", "Buyers", List.of(new Column("排名", "rank"), new Column("采购人", "buyer"),
                new Column("省份", "province"), new Column("层级", "level"), new Column("类型", "kind"), new Column("项目数", "projects"),
                new Column(Measure.BUDGET.zh(), Measure.BUDGET.en()), new Column(Measure.AWARD.zh(), Measure.AWARD.en()),
                new Column(Measure.TOPIC_PART.zh(), Measure.TOPIC_PART.en()), new Column("项目", "projects")), rows);
    }

    private static ReportTable highlights(TopicMetrics m) {
        List<List<Cell>> rows = new ArrayList<>();
        if (m.first() != null) {
            Procurement p = m.first();
            rows.add(List.of(text("首个采购"), text("first purchase"), text(p.firstDate().toString()), text(p.buyer().displayName()),
                    text(p.title()), num(null, Format.AMOUNT), projectLinks(List.of(p.ocid()))));
        }
        for (Measure me : Measure.values()) {
            Procurement p = m.largest().get(me);
            if (p != null) {
                rows.add(List.of(text("最大单笔（" + me.zh() + "）"), text("largest purchase (" + me.en() + ")"),
                        text(p.firstDate() == null ? "" : p.firstDate().toString()), text(p.buyer().displayName()), text(p.title()),
                        num(p.amount(me), Format.AMOUNT), projectLinks(List.of(p.ocid()))));
            }
        }
        TopicMetrics.DurationStats d = m.tenderToAward();
        if (d.count() > 0) {
            rows.add(List.of(text("招标至成交天数"), text("days from tender to award"),
                    text("n=" + d.count() + ", min " + d.min() + ", median " + d.median().toPlainString() + ", mean "
                            + d.mean().toPlainString() + ", max " + d.max()), text(""), text(""), num(d.median(), Format.DECIMAL),
                    projectLinks(d.ocids())));
        }
        return new ReportTable("highlights", "要点", "Highlights", List.of(new Column("项目", "item"), new Column("英文", "English"),
                new Column("日期", "date"), new Column("采购人", "buyer"), new Column("项目名称", "title"), new Column("金额/天数", "amount / days"),
                new Column("项目", "projects")), rows);
    }

    private static ReportTable projects(TopicMetrics m, ReportSources archived) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Procurement p : m.projects()) {
            Party b = p.buyer();
            List<Link> sources = p.notices().stream().map(n -> source(n, archived)).toList();
            rows.add(List.of(new ReportTable.Links(List.of(new Link(p.ocid(), "#" + anchor(p.ocid())))),
                    text(p.firstDate() == null ? "" : p.firstDate().toString()), text(p.title()), text(b.displayName()),
                    text(b.province().zh()), text(b.city()), text(b.level().zh()), text(b.kind().zh()),
                    text(p.sector().value().labelZh() + " " + p.sector().value().labelEn()),
                    text(p.sector().ruleId() + (p.sector().matched().isEmpty() ? "" : " (" + p.sector().field() + ": " + p.sector().matched() + ")")),
                    text(p.category().value().labelZh() + " " + p.category().value().labelEn()), text(p.status().label().zh() + " " + p.status().label().en()),
                    num(p.budget(), Format.AMOUNT), num(p.award(), Format.AMOUNT), num(p.topicPart(), Format.AMOUNT),
                    text(p.suppliers().stream().map(s -> s.party().displayName()).collect(Collectors.joining("; "))),
                    text(p.topic().grade().labelZh() + " " + p.topic().grade().labelEn()), text(evidence(p)),
                    new ReportTable.Links(sources)));
        }
        return new ReportTable("projects", "项目清单", "Projects", List.of(new Column("编号", "ocid"), new Column("日期", "date"),
                new Column("项目名称", "title"), new Column("采购人", "buyer"), new Column("省份", "province"), new Column("城市", "city"),
                new Column("层级", "level"), new Column("采购人类型", "buyer kind"), new Column("行业", "sector"),
                new Column("行业规则", "sector rule"), new Column("类型", "category"), new Column("状态", "status"),
                new Column(Measure.BUDGET.zh(), Measure.BUDGET.en()), new Column(Measure.AWARD.zh(), Measure.AWARD.en()),
                new Column(Measure.TOPIC_PART.zh(), Measure.TOPIC_PART.en()), new Column("供应商", "suppliers"),
                new Column("主题相关度", "topic grade"), new Column("依据", "evidence"), new Column("来源公告", "source notices")), rows);
    }

    private static String evidence(Procurement p) {
        return p.topic().evidence().stream().limit(3).map((TopicEvidence e) -> e.field() + ": " + e.term()
                + (e.strength() == io.tenderlens.topic.TopicGrade.BOILERPLATE ? " (boilerplate)" : ""))
                .collect(Collectors.joining("; "));
    }

    /** A source notice: to its archived copy in the report when there is one, else to its URL (or plain text). */
    private static Link source(Notice n, ReportSources archived) {
        String label = String.join(" ", List.of(n.date() == null ? "" : n.date().toString(), n.site(), n.type()).stream()
                .filter(s -> !s.isBlank()).toList());
        String url = n.url().toLowerCase(Locale.ROOT);
        boolean web = url.startsWith("http://") || url.startsWith("https://");
        if (!web && !n.file().isBlank()) {
            label = label + " " + n.file();
        }
        label = label.isBlank() ? n.id() : label;
        java.util.Optional<String> copy = archived.href(n);
        if (copy.isPresent()) {
            return new Link(label + " · 存档 archived " + n.sha256().substring(0, 8), copy.get());
        }
        return new Link(label, web ? n.url() : "");
    }
}
