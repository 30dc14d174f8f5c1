package io.tenderlens.report;

import io.tenderlens.metrics.Measure;
import io.tenderlens.metrics.TopicMetrics;
import io.tenderlens.metrics.TopicMetrics.Breakdown;
import io.tenderlens.metrics.TopicMetrics.Row;
import io.tenderlens.metrics.TopicMetrics.YearAmount;
import io.tenderlens.report.ReportTable.Cell;
import io.tenderlens.report.ReportTable.Link;
import io.tenderlens.sector.SectorRule;
import io.tenderlens.sector.SectorRules;
import io.tenderlens.topic.Topic;
import io.tenderlens.topic.TopicGrader;
import io.tenderlens.topic.TopicTerm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.tenderlens.report.Html.escape;
import static io.tenderlens.report.Html.safeHref;

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, no external file.
 * Every piece of text from the data is escaped.
 */
public final class HtmlReport {
    /** Lists of more links than this are folded into a <details> element. */
    private static final int LINKS_OPEN = 6;
    /** At most this many links of one list are written into the page. */
    private static final int LINKS_SHOWN = 200;

    private final TopicMetrics m;
    private final Topic topic;
    private final SectorRules sectors;
    private final ReportContext context;
    private final List<ReportTable> tables;
    private final ReportSources sources;

    /**
     * What the report was made from, for its header and methodology.
     *
     * @param inputs   one line per input (file with release count, or the store directory)
     * @param filter   the filter in words, e.g. "2016-12-12 … 2019-09-24"
     * @param currency the currency of every amount
     */
    public record ReportContext(List<String> inputs, String filter, String currency) {}

    public HtmlReport(TopicMetrics metrics, Topic topic, SectorRules sectors, ReportContext context, List<ReportTable> tables,
                      ReportSources sources) {
        this.m = metrics;
        this.topic = topic;
        this.sectors = sectors;
        this.context = context;
        this.tables = tables;
        this.sources = sources;
    }

    public String render() {
        StringBuilder h = new StringBuilder(1 << 16);
        String title = topic.labelZh() + "政府采购报告 · " + topic.labelEn() + " government procurement report";
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>").append(escape(title)).append("</h1><p class=\"scope\">")
                .append(escape("范围 Scope: " + context.filter())).append("<br>")
                .append(escape("数据 Data: " + String.join("; ", context.inputs()))).append("<br>")
                .append(escape("金额单位 Amounts: " + context.currency() + "（元 yuan; 图表以万元 charts in 10,000 yuan）")).append("</p>");
        ReportCharts charts = new ReportCharts(m, context.currency(), ReportCharts.TABLE_ANCHORS);
        h.append(charts.keyFigures());
        h.append("<nav>").append(nav()).append("</nav></header>\n<main>\n");

        h.append("<section id=\"charts\"><h2>图表 Charts</h2><div class=\"charts\">");
        h.append(charts.all());
        h.append("</div></section>\n");

        section(h, "money", "金额与增长 Money and growth", List.of("growth", "money"), this::growthNotes);
        section(h, "breakdowns", "分布 Breakdowns", List.of("sector", "category", "level", "province", "city", "year", "buyerKind", "status", "grade"), null);
        section(h, "suppliers-section", "供应商 Suppliers", List.of("suppliers", "concentration", "supplierProvince"), this::concentrationNotes);
        section(h, "buyers-section", "采购人 Buyers", List.of("buyers", "highlights"), null);
        methodology(h);
        section(h, "projects-section", "项目清单 Projects (" + m.projects().size() + ")", List.of("projects"), null);
        h.append("</main><footer>tenderlens · ").append(escape(topic.id())).append("</footer></body></html>\n");
        return h.toString();
    }

    private String nav() {
        return List.of("charts:图表 Charts", "money:金额 Money", "breakdowns:分布 Breakdowns", "suppliers-section:供应商 Suppliers",
                "buyers-section:采购人 Buyers", "methodology:方法 Methodology", "projects-section:项目 Projects").stream()
                .map(s -> "<a href=\"#" + s.substring(0, s.indexOf(':')) + "\">" + escape(s.substring(s.indexOf(':') + 1)) + "</a>")
                .collect(Collectors.joining(" · "));
    }

    private void section(StringBuilder h, String id, String heading, List<String> tableIds, Supplier<String> notes) {
        h.append("<section id=\"").append(escape(id)).append("\"><h2>").append(escape(heading)).append("</h2>");
        if (notes != null) {
            h.append(notes.get());
        }
        for (String t : tableIds) {
            h.append(table(tables.stream().filter(x -> x.id().equals(t)).findFirst().orElseThrow()));
        }
        h.append("</section>\n");
    }

    private String growthNotes() {
        return "<div class=\"note\"><p>" + escape("同比增长 year-on-year growth: g(t) = S(t) / S(t−1) − 1，S(t−1) = 0 时不计 (undefined when last year's sum is 0).")
                + "<br>" + escape("年均增长率（算术平均）average annual growth = (g(t₁) + … + g(tₙ)) / n，对有定义的各年 over the years where g is defined.")
                + "<br>" + escape("复合年均增长率 CAGR = (S(末年 last) / S(首年 first))^(1 / (末年 − 首年)) − 1，首末年取金额为正的第一年和最后一年 (first and last years with a positive sum).")
                + "</p><p>" + escape("两者差别很大：算术平均被小基数的第一次跃升主导。PANews 报道的“年均增长 453%、724%、1188.5%”是哪一种，原文没有说明；本报告两种都列出。"
                + " The two differ widely: an arithmetic mean of yearly rates is dominated by the first jump from a small base. PANews' \"average yearly growth of 453%, 724% and 1188.5%\" does not say which it is; this report shows both.")
                + "</p></div>";
    }

    private String concentrationNotes() {
        return "<div class=\"note\"><p>" + escape("CR1 = 最大份额 largest share; CR3 = 前三份额之和 sum of the three largest shares; HHI = Σ (100 × 份额 share)², 0–10000.")
                + "<br>" + escape("次数份额 = 供应商中标项目数 / 全部中标次数；金额份额中，联合体的中标金额在成员间平均分配。"
                + " Share of wins = a supplier's won projects / all wins; for amounts, a joint award's value is split equally among its suppliers.")
                + "</p></div>";
    }

    private void methodology(StringBuilder h) {
        h.append("<section id=\"methodology\"><h2>方法 Methodology</h2>");
        h.append("<h3>筛选 Filtering</h3><p>").append(escape("范围 Scope: " + context.filter())).append("</p>");
        h.append(table(tables.stream().filter(x -> x.id().equals("funnel")).findFirst().orElseThrow()));
        h.append("<h3>主题 Topic: ").append(escape(topic.labelZh() + " " + topic.labelEn())).append("</h3><ul>");
        h.append("<li>").append(escape("主题词 Terms: " + topic.terms().stream().filter(t -> !t.context()).map(TopicTerm::text)
                .collect(Collectors.joining("、")))).append("</li>");
        h.append("<li>").append(escape("语境词（须与主题词同时出现）Context terms (count only beside a term): " + topic.terms().stream()
                .filter(TopicTerm::context).map(TopicTerm::text).collect(Collectors.joining("、")))).append("</li>");
        h.append("<li>").append(escape("排除的模板文字 Boilerplate excluded: " + String.join("、", topic.exclusions()))).append("</li>");
        h.append("<li>").append(escape("分词 Segmentation: Lucene smartcn + 领域词典 domain dictionary (" + String.join("、", topic.dictionary())
                + ")；主题词按词边界匹配 terms match whole words, so 上链 does not match 网上链接.")).append("</li>");
        h.append("<li>").append(escape("相关度 Grades: 主题相关 about = 标题、项目名称、分包、不超过 " + TopicGrader.SUBJECT_MAX_CHARS
                + " 字的项目概述或全部标的中出现主题词 (term in a title, lot, short subject line or every item); 提及 mentions = 仅在长文或部分标的中出现 (only in long text or some items); 模板文字 boilerplate = 仅在排除短语中出现.")).append("</li>");
        h.append("</ul><h3>金额口径 Money measures</h3><ul>");
        h.append("<li>").append(escape("预算金额 budget: tender.value，无则为各分包预算之和 (else the sum of the lots' values).")).append("</li>");
        h.append("<li>").append(escape("成交金额 award: 未撤销、未失败的 awards[].value 之和 (sum of awards that are not cancelled or unsuccessful).")).append("</li>");
        h.append("<li>").append(escape("主题部分金额 topic part (\"the blockchain part\"): 整个项目与主题相关时为全部成交金额；否则为与主题相关的标题的成交、全部分包相关的成交，以及相关标的（数量 × 单价）之和。只有预算、没有成交金额的项目不计入。"
                + " The whole award when the procurement as a whole is about the topic; otherwise the awards whose title is about it, awards whose lots are all topic lots, and topic items (quantity × unit value). Budget-only procurements contribute nothing.")).append("</li>");
        h.append("<li>").append(escape("年份 year: 项目最早日期（首次公告、招标开始或成交）所在年 (year of the first date: first notice, tender start or award).")).append("</li>");
        h.append("</ul><h3>行业规则 Sector rules</h3><p>")
                .append(escape("按顺序匹配，第一条命中的规则决定行业；每个项目的“行业规则”列写明命中的规则与词。Rules are tried in order; the first match decides, and each project's 'sector rule' column names the rule and the word."))
                .append("</p><table class=\"rules\"><thead><tr><th>规则 rule</th><th>行业 sector</th><th>字段 fields</th><th>关键词 keywords</th></tr></thead><tbody>");
        for (SectorRule r : sectors.sectors().rules()) {
            h.append("<tr><td>").append(escape(r.id())).append("</td><td>").append(escape(sectors.sectors().byId(r.classId())
                    .map(c -> c.labelZh() + " " + c.labelEn()).orElse(r.classId()))).append("</td><td>")
                    .append(escape(r.buyerKinds().isEmpty() ? String.join(", ", r.fields()) : "buyerKind")).append("</td><td>")
                    .append(escape(r.buyerKinds().isEmpty() ? String.join("、", r.keywords()) : String.join(", ", r.buyerKinds()))).append("</td></tr>");
        }
        h.append("</tbody></table>");
        h.append(sources.methodologyHtml());
        if (!m.notes().isEmpty()) {
            h.append("<h3>说明 Notes</h3><ul>");
            m.notes().forEach(n -> h.append("<li>").append(escape(n)).append("</li>"));
            h.append("</ul>");
        }
        h.append("</section>\n");
    }

    static String rowId(String tableId, int index) {
        return "t-" + tableId + "-" + index;
    }

    private String table(ReportTable t) {
        StringBuilder s = new StringBuilder();
        s.append("<div class=\"table\"><h3 id=\"t-").append(escape(t.id())).append("\">").append(escape(t.zh() + " " + t.en()))
                .append("</h3><table class=\"t-").append(escape(t.id())).append("\"><thead><tr>");
        for (ReportTable.Column c : t.columns()) {
            s.append("<th>").append(escape(c.zh())).append(c.zh().isEmpty() ? "" : "<br>").append("<small>").append(escape(c.en()))
                    .append("</small></th>");
        }
        s.append("</tr></thead><tbody>");
        for (int i = 0; i < t.rows().size(); i++) {
            List<Cell> row = t.rows().get(i);
            String id = t.id().equals("projects") && row.get(0) instanceof ReportTable.Links l && !l.links().isEmpty()
                    ? l.links().get(0).href().substring(1) : rowId(t.id(), i);
            s.append("<tr id=\"").append(escape(id)).append("\">");
            for (Cell c : row) {
                s.append(cell(c));
            }
            s.append("</tr>");
        }
        return s.append("</tbody></table></div>").toString();
    }

    private static String cell(Cell c) {
        if (c instanceof ReportTable.Text t) {
            return "<td>" + escape(t.value()) + "</td>";
        }
        if (c instanceof ReportTable.Num n) {
            String shown = switch (n.format()) {
                case AMOUNT -> ReportFormat.amount(n.value());
                case PERCENT -> ReportFormat.percent(n.value());
                case COUNT -> n.value() == null ? "—" : n.value().toPlainString();
                case DECIMAL -> ReportFormat.decimal(n.value());
            };
            return "<td class=\"num\">" + escape(shown) + "</td>";
        }
        List<Link> all = ((ReportTable.Links) c).links();
        // a page stays readable on large stores: the full lists are in the .csv files
        List<Link> links = all.size() > LINKS_SHOWN ? all.subList(0, LINKS_SHOWN) : all;
        String inner = links.stream().map(l -> {
            String href = safeHref(l.href());
            return href.isEmpty() ? "<span>" + escape(l.text()) + "</span>"
                    : "<a href=\"" + href + "\"" + (l.href().startsWith("#") ? "" : " rel=\"noopener noreferrer nofollow\"") + ">" + escape(l.text()) + "</a>";
        }).collect(Collectors.joining(links.size() > 3 ? " " : "<br>"));
        if (all.size() > links.size()) {
            inner += " … " + escape("另 " + (all.size() - links.size()) + " 项见 csv 文件 / " + (all.size() - links.size())
                    + " more in the .csv file");
        }
        if (all.size() > LINKS_OPEN) {
            // long drill-down lists fold away (no script needed)
            inner = "<details><summary>" + all.size() + " 项 items</summary>" + inner + "</details>";
        }
        return "<td class=\"links\">" + inner + "</td>";
    }

    /** The report's stylesheet (also served to the web application's pages, which share its charts, figures and tables). */
    public static final String CSS = """
            body{font-family:%s;margin:0;color:#222;background:#fafafa;font-size:14px}
            header{background:#1f3b5c;color:#fff;padding:16px 24px}header a{color:#cfe3ff}
            h1{font-size:22px;margin:0 0 8px}.scope{font-size:12px;opacity:.9;margin:0 0 12px}
            .figures{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:10px}
            .figure{background:#fff;color:#1f3b5c;border-radius:6px;padding:8px 12px;min-width:96px;text-decoration:none}
            .figure b{display:block;font-size:20px}.figure span{font-size:11px;color:#555}
            nav{font-size:13px}main{padding:8px 24px}section{margin:18px 0}h2{border-bottom:2px solid #1f3b5c;padding-bottom:4px}
            .charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;background:#fff;border:1px solid #ddd;border-radius:6px;padding:6px;overflow-x:auto;max-width:100%%}
            .chart text{fill:#222}.chart .chart-title{font-weight:bold;font-size:14px}.chart .bar-value,.chart .axis{fill:#555;font-size:12px}
            .chart a rect:hover{opacity:.75}
            .table{overflow-x:auto}table{border-collapse:collapse;background:#fff;margin:4px 0 14px;font-size:12px}
            th,td{border:1px solid #ddd;padding:3px 6px;vertical-align:top;text-align:left}th{background:#eef2f7}th small{font-weight:normal;color:#555}
            td.num{text-align:right;white-space:nowrap}td.links{max-width:420px;font-size:11px}
            table.t-projects{min-width:2400px}table.t-projects td:nth-child(3),table.t-projects td:nth-child(4){min-width:220px}
            table.t-projects td.links{min-width:260px}summary{cursor:pointer;color:#2f6db5}
            tr:target{background:#fff4c2}.note{background:#fff;border-left:4px solid #e08a2c;padding:4px 12px;font-size:13px}
            footer{padding:16px 24px;color:#777;font-size:12px}
            @media print{header{background:#fff;color:#000}.figure{border:1px solid #ccc}}
            """.formatted(SvgCharts.FONT);
}
