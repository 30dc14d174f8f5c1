package io.tenderlens.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tenderlens.metrics.Label;
import io.tenderlens.metrics.Measure;
import io.tenderlens.metrics.Procurement;
import io.tenderlens.metrics.Status;
import io.tenderlens.metrics.TopicMetrics;
import io.tenderlens.report.ReportCharts;
import io.tenderlens.report.ReportFormat;
import io.tenderlens.topic.Topic;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.Set;

import static io.tenderlens.report.Html.escape;

/**
 * The overview: the report's key figures and charts for a topic, live under filters given in the query
 * string ({@link OverviewFilter}), with the projects behind them; and the same as JSON.
 */
final class OverviewRoutes implements WebRoutes {
    /** Breakdowns offered as filters: query parameter, breakdown id, labels. */
    private static final List<String[]> FILTERS = List.of(
            new String[]{"province", "province", "省份", "Province"},
            new String[]{"level", "level", "政府层级", "Level"},
            new String[]{"sector", "sector", "行业", "Sector"},
            new String[]{"buyerKind", "buyerKind", "采购人类型", "Buyer kind"});
    private static final int TOP_ROWS = 10;

    static final ApiRoute OVERVIEW = ApiRoute.get("/api/overview", "Key figures, breakdowns, money by year, top suppliers and buyers, and a page of projects, under filters", "overview")
            .query("topic", "string", "topic id (default: the first served)")
            .query("from", "string", "first date (yyyy-MM-dd) of a project's first notice")
            .query("to", "string", "last date (yyyy-MM-dd)")
            .query("province", "string", "province code or name (repeatable)")
            .query("level", "string", "government level: central, local (repeatable)")
            .query("sector", "string", "sector id or label (repeatable)")
            .query("status", "string", "closed, bidding, failed, cancelled, unknown (repeatable)")
            .query("buyerKind", "string", "government, education, health, stateOwnedEnterprise, publicInstitution, other (repeatable)")
            .paged();
    static final ApiRoute TOPICS = ApiRoute.get("/api/topics", "The topics served", "overview");

    private final RenderCache rendered = new RenderCache(2 * TopicOverviews.CACHE_LIMIT);

    @Override
    public void register(RouteRegistry routes, ServerContext ctx) {
        routes.page("/", c -> cached(c, "page", ctx, () -> page(c, ctx), "text/html; charset=utf-8"));
        routes.api(OVERVIEW, c -> cached(c, "api", ctx, () -> api(c, ctx), "application/json; charset=utf-8"));
        routes.api(TOPICS, c -> {
            ArrayNode out = ctx.json().createArrayNode();
            for (Topic t : ctx.overviews().topics()) {
                out.addObject().put("id", t.id()).put("labelZh", t.labelZh()).put("labelEn", t.labelEn());
            }
            ctx.sendJson(c, out);
        });
    }

    private void cached(Context c, String kind, ServerContext ctx, Supplier<String> render, String contentType) {
        OverviewFilter filter = OverviewFilter.of(c, ctx.overviews().defaultTopic());
        Paging paging = Paging.of(c);
        c.contentType(contentType).result(rendered.get(kind + "|" + filter.query() + "|" + paging.limit() + "|" + paging.offset(), render));
    }

    private static String page(Context c, ServerContext ctx) {
        OverviewFilter filter = OverviewFilter.of(c, ctx.overviews().defaultTopic());
        Paging paging = Paging.of(c);
        TopicMetrics m = ctx.overviews().metrics(filter);
        TopicMetrics unfiltered = ctx.overviews().metrics(new OverviewFilter(filter.topic(), null, null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of()));
        Topic topic = ctx.overviews().data(filter.topic()).topic();
        StringBuilder b = new StringBuilder(1 << 15);
        b.append("<h1>").append(escape(topic.labelZh() + "采购概览 · " + topic.labelEn() + " procurement overview")).append("</h1>");
        b.append(form(filter, unfiltered, ctx));
        b.append(chips(filter));
        ReportCharts charts = new ReportCharts(m, ctx.overviews().currency(), new DrillDown(filter));
        b.append(charts.keyFigures());
        b.append("<section id=\"charts\"><h2>图表 Charts</h2><div class=\"charts\">").append(charts.all()).append("</div></section>");
        b.append(projects(m.projects(), paging, "/?" + filter.query()));
        b.append(suppliers(m));
        b.append(buyers(m));
        return ctx.layout().page(topic.labelZh() + " 概览 Overview", "/", b.toString());
    }

    /** Bars link to the overview narrowed to their row; suppliers to their profile; figures to this page's tables. */
    private record DrillDown(OverviewFilter filter) implements ReportCharts.Links {
        @Override public String row(String breakdownId, int index, TopicMetrics.Row row) {
            if (row.label().isUnknown() || breakdownId.equals("supplierProvince")) {
                return "#suppliers";
            }
            return "/?" + filter.with(breakdownId, row.label().key()).query();
        }

        @Override public String supplier(int index, TopicMetrics.SupplierRow row) {
            return Views.partyHref("supplier", row.party().id());
        }

        @Override public String year(int index, int year) {
            return "/?" + filter.year(year).query();
        }

        @Override public String figure(String tableId) {
            return switch (tableId) {
                case "suppliers" -> "#suppliers";
                case "buyers" -> "#buyers";
                case "province" -> "#chart-province";
                case "growth" -> "#chart-money";
                default -> "#projects";
            };
        }
    }

    private static String form(OverviewFilter f, TopicMetrics unfiltered, ServerContext ctx) {
        StringBuilder b = new StringBuilder("<form id=\"overview-filters\" class=\"filters\" method=\"get\" action=\"/\">");
        b.append("<label>主题 Topic<select name=\"topic\">");
        for (Topic t : ctx.overviews().topics()) {
            b.append(option(t.id(), t.labelZh() + " " + t.labelEn(), t.id().equals(f.topic())));
        }
        b.append("</select></label>");
        b.append("<label>起 From<input type=\"date\" name=\"from\" value=\"").append(f.from() == null ? "" : f.from()).append("\"></label>");
        b.append("<label>止 To<input type=\"date\" name=\"to\" value=\"").append(f.to() == null ? "" : f.to()).append("\"></label>");
        for (String[] spec : FILTERS) {
            Set<String> chosen = switch (spec[0]) {
                case "province" -> f.provinces();
                case "level" -> f.levels();
                case "sector" -> f.sectors();
                default -> f.buyerKinds();
            };
            b.append("<label>").append(escape(spec[2] + " " + spec[3])).append("<select name=\"").append(spec[0]).append("\">")
                    .append(option("", "全部 all", chosen.isEmpty()));
            for (TopicMetrics.Row r : unfiltered.breakdown(spec[1]).rows()) {
                Label l = r.label();
                if (!l.isUnknown()) {
                    b.append(option(l.key(), l.zh() + " " + l.en() + " (" + r.count() + ")", chosen.contains(l.key())));
                }
            }
            b.append("</select></label>");
        }
        b.append("<label>状态 Status<select name=\"status\">").append(option("", "全部 all", f.statuses().isEmpty()));
        for (Status s : Status.values()) {
            b.append(option(s.name().toLowerCase(Locale.ROOT), s.label().zh() + " " + s.label().en(), f.statuses().contains(s)));
        }
        b.append("</select></label><button type=\"submit\">筛选 Filter</button> <a class=\"reset\" href=\"/\">重置 Reset</a></form>");
        return b.toString();
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + escape(value) + "\"" + (selected ? " selected" : "") + ">" + escape(label) + "</option>";
    }

    /** The filters in force, each with a link that removes it. */
    private static String chips(OverviewFilter f) {
        String q = f.query();
        if (!q.contains("&")) {
            return "";
        }
        StringBuilder b = new StringBuilder("<p class=\"chips\">筛选 Filters: ");
        for (String part : q.split("&")) {
            if (part.startsWith("topic=")) {
                continue;
            }
            String rest = String.join("&", java.util.Arrays.stream(q.split("&")).filter(p -> !p.equals(part)).toList());
            b.append("<a class=\"chip\" href=\"").append(escape("/?" + rest)).append("\" title=\"移除 remove\">")
                    .append(escape(java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8))).append(" ✕</a> ");
        }
        return b.append("</p>").toString();
    }

    private static String projects(List<Procurement> projects, Paging paging, String base) {
        StringBuilder b = new StringBuilder("<section id=\"projects\"><h2>项目 Projects (").append(projects.size()).append(")</h2>")
                .append("<div class=\"table\"><table class=\"list\"><thead><tr><th>日期<br><small>date</small></th><th>项目<br><small>project</small></th>")
                .append("<th>采购人<br><small>buyer</small></th><th>省份<br><small>province</small></th><th>状态<br><small>status</small></th>")
                .append("<th>预算<br><small>budget</small></th><th>成交<br><small>award</small></th><th>供应商<br><small>suppliers</small></th></tr></thead><tbody>");
        for (Procurement p : projects.subList(Math.min(paging.offset(), projects.size()), Math.min(paging.end(), projects.size()))) {
            b.append("<tr><td>").append(p.firstDate() == null ? "—" : p.firstDate()).append("</td><td>").append(Views.projectLink(p.ocid(), p.title()))
                    .append("</td><td>").append(Views.partyLink("buyer", p.buyer().id(), p.buyer().displayName())).append("</td><td>")
                    .append(escape(p.buyer().province().zh())).append("</td><td>").append(escape(p.status().label().zh() + " " + p.status().label().en()))
                    .append("</td><td class=\"num\">").append(Views.amount(p.budget())).append("</td><td class=\"num\">").append(Views.amount(p.award()))
                    .append("</td><td>");
            for (Procurement.Supplied s : p.suppliers()) {
                b.append(Views.partyLink("supplier", s.party().id(), s.party().displayName())).append(" ");
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table></div>").append(Views.pager(base, paging, projects.size())).append("</section>");
        return b.toString();
    }

    private static String suppliers(TopicMetrics m) {
        StringBuilder b = new StringBuilder("<section id=\"suppliers\"><h2>供应商 Suppliers</h2><div class=\"table\"><table class=\"list\"><thead><tr>")
                .append("<th>供应商<br><small>supplier</small></th><th>中标<br><small>wins</small></th><th>份额<br><small>win share</small></th>")
                .append("<th>金额<br><small>amount</small></th></tr></thead><tbody>");
        m.suppliers().byWins().stream().limit(TOP_ROWS).forEach(r -> b.append("<tr><td>")
                .append(Views.partyLink("supplier", r.party().id(), r.party().displayName())).append("</td><td class=\"num\">").append(r.wins())
                .append("</td><td class=\"num\">").append(escape(ReportFormat.percent(r.winShare()))).append("</td><td class=\"num\">")
                .append(Views.amount(r.amount())).append("</td></tr>"));
        return b.append("</tbody></table></div></section>").toString();
    }

    private static String buyers(TopicMetrics m) {
        StringBuilder b = new StringBuilder("<section id=\"buyers\"><h2>采购人 Buyers</h2><div class=\"table\"><table class=\"list\"><thead><tr>")
                .append("<th>采购人<br><small>buyer</small></th><th>项目<br><small>projects</small></th><th>预算<br><small>budget</small></th>")
                .append("<th>成交<br><small>award</small></th></tr></thead><tbody>");
        m.buyers().stream().limit(TOP_ROWS).forEach(r -> b.append("<tr><td>")
                .append(Views.partyLink("buyer", r.party().id(), r.party().displayName())).append("</td><td class=\"num\">").append(r.projects())
                .append("</td><td class=\"num\">").append(Views.amount(r.amounts().get(Measure.BUDGET))).append("</td><td class=\"num\">")
                .append(Views.amount(r.amounts().get(Measure.AWARD))).append("</td></tr>"));
        return b.append("</tbody></table></div></section>").toString();
    }

    private static String api(Context c, ServerContext ctx) {
        OverviewFilter filter = OverviewFilter.of(c, ctx.overviews().defaultTopic());
        Paging paging = Paging.of(c);
        TopicMetrics m = ctx.overviews().metrics(filter);
        ObjectNode out = ctx.json().createObjectNode();
        out.put("topic", filter.topic());
        out.put("query", filter.query());
        out.put("currency", ctx.overviews().currency());
        ArrayNode funnel = out.putArray("funnel");
        m.funnel().forEach(s -> funnel.addObject().put("id", s.id()).put("zh", s.zh()).put("en", s.en()).put("notices", s.notices()).put("records", s.records()));
        ObjectNode money = out.putObject("money");
        for (Measure me : Measure.values()) {
            ObjectNode mo = money.putObject(me.name().toLowerCase(Locale.ROOT));
            TopicMetrics.MoneySeries s = m.money(me);
            mo.put("total", s.total());
            ArrayNode years = mo.putArray("years");
            s.years().forEach(y -> years.addObject().put("year", y.year()).put("amount", y.amount()).put("growth", y.growth()));
        }
        ObjectNode breakdowns = out.putObject("breakdowns");
        for (String id : List.of("sector", "category", "level", "province", "city", "year", "buyerKind", "status")) {
            ArrayNode rows = breakdowns.putArray(id);
            m.breakdown(id).rows().forEach(r -> rows.addObject().put("key", r.label().key()).put("zh", r.label().zh()).put("en", r.label().en())
                    .put("count", r.count()).put("share", r.share()));
        }
        ObjectNode suppliers = out.putObject("suppliers");
        suppliers.put("distinct", m.suppliers().distinct());
        ArrayNode top = suppliers.putArray("top");
        m.suppliers().byWins().stream().limit(TOP_ROWS).forEach(r -> top.addObject().put("id", r.party().id()).put("name", r.party().displayName())
                .put("wins", r.wins()).put("winShare", r.winShare()).put("amount", r.amount()));
        ArrayNode buyers = out.putArray("buyers");
        m.buyers().stream().limit(TOP_ROWS).forEach(r -> buyers.addObject().put("id", r.party().id()).put("name", r.party().displayName())
                .put("projects", r.projects()).put("budget", r.amounts().get(Measure.BUDGET)).put("award", r.amounts().get(Measure.AWARD)));
        ObjectNode projects = out.putObject("projects");
        projects.put("total", m.projects().size()).put("limit", paging.limit()).put("offset", paging.offset());
        ArrayNode items = projects.putArray("items");
        for (Procurement p : m.projects().subList(Math.min(paging.offset(), m.projects().size()), Math.min(paging.end(), m.projects().size()))) {
            ObjectNode o = items.addObject();
            o.put("ocid", p.ocid()).put("title", p.title()).put("firstDate", p.firstDate() == null ? null : p.firstDate().toString())
                    .put("status", p.status().label().key()).put("buyerId", p.buyer().id()).put("buyer", p.buyer().displayName())
                    .put("province", p.buyer().province().key()).put("sector", p.sector().value().id())
                    .put("budget", p.budget()).put("award", p.award()).put("topicPart", p.topicPart()).put("currency", p.currency())
                    .put("grade", p.topic().grade().name().toLowerCase(Locale.ROOT));
            ArrayNode sup = o.putArray("suppliers");
            p.suppliers().forEach(s -> sup.addObject().put("id", s.party().id()).put("name", s.party().displayName()));
        }
        return ctx.toJson(out);
    }
}
