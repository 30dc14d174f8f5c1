package io.tenderlens.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.tenderlens.search.SearchHit;
import io.tenderlens.search.SearchQueryException;
import io.tenderlens.search.SearchResults;

import java.util.List;
import java.util.Map;

import static io.tenderlens.report.Html.escape;

/** Full-text search (Chinese and English, field scopes, phrases, exclusions) with highlighted passages. */
final class SearchRoutes implements WebRoutes {
    /** Deepest result served: ranking and highlighting cost grows with it. */
    static final int MAX_DEPTH = 1_000;
    private static final Map<String, String> FIELD_LABELS = Map.of(
            "title", "标题 title", "buyer", "采购人 buyer", "supplier", "供应商 supplier", "text", "正文 text");

    static final ApiRoute SEARCH = ApiRoute.get("/api/search", "Records matching a query, best first, with highlighted passages", "search")
            .query("q", "string", "query: words (Chinese or English), \"phrases\", -exclusions, scopes title: buyer: supplier: text:")
            .paged();

    /** Pages and JSON by query and page (a failed query is not kept). */
    private final RenderCache rendered = new RenderCache(4096);

    @Override
    public void register(RouteRegistry routes, ServerContext ctx) {
        routes.page("/search", c -> {
            String q = c.queryParam("q") == null ? "" : c.queryParam("q").strip();
            Paging paging = Paging.of(c);
            try {
                c.contentType("text/html; charset=utf-8").result(rendered.get("page|" + paging + "|" + q, () -> page(q, paging, ctx)));
            } catch (SearchQueryException e) {
                c.status(400).contentType("text/html; charset=utf-8").result(failed(q, e, ctx));
            }
        });
        routes.api(SEARCH, c -> {
            String q = c.queryParam("q");
            if (q == null || q.isBlank()) {
                throw new BadRequestResponse("q is required");
            }
            Paging paging = Paging.of(c);
            c.contentType("application/json; charset=utf-8").result(rendered.get("api|" + paging + "|" + q.strip(), () -> api(q.strip(), paging, ctx)));
        });
    }

    private static SearchResults run(ServerContext ctx, String q, Paging paging) {
        if (paging.end() > MAX_DEPTH) {
            throw new BadRequestResponse("search results are served to depth " + MAX_DEPTH + ": narrow the query");
        }
        return ctx.searcher().search(q, paging.end());
    }

    private static List<SearchHit> page(SearchResults r, Paging paging) {
        return r.hits().subList(Math.min(paging.offset(), r.hits().size()), r.hits().size());
    }

    /** The search page with the results of {@code q}. */
    private static String page(String q, Paging paging, ServerContext ctx) {
        StringBuilder b = form(q);
        if (!q.isEmpty()) {
            SearchResults r = run(ctx, q, paging);
            b.append("<p id=\"result-count\">").append(escape((r.totalIsExact() ? "" : "≥ ") + r.total() + " 条结果 results"))
                    .append(" <small>(").append(String.format(java.util.Locale.ROOT, "%.1f", r.tookMillis())).append(" ms)</small></p>")
                    .append("<p><a id=\"subscribe-link\" href=\"/alerts?q=").append(escape(Views.encode(q)))
                    .append("\">订阅此搜索 Subscribe to this search</a></p>");
            for (SearchHit h : page(r, paging)) {
                b.append(hit(h));
            }
            b.append(Views.pager("/search?q=" + Views.encode(q), paging, Math.min(r.total(), MAX_DEPTH)));
        }
        return ctx.layout().page(q.isEmpty() ? "搜索 Search" : q + " · 搜索 Search", "/search", b.toString());
    }

    /** The search page saying why {@code q} cannot be read. */
    private static String failed(String q, SearchQueryException e, ServerContext ctx) {
        StringBuilder b = form(q).append("<p class=\"error\">").append(escape("无法解析查询 The query cannot be read: " + e.getMessage())).append("</p>");
        return ctx.layout().page(q + " · 搜索 Search", "/search", b.toString());
    }

    private static StringBuilder form(String q) {
        return new StringBuilder("<h1>搜索 Search</h1><form class=\"search-form\" method=\"get\" action=\"/search\" role=\"search\">")
                .append("<input type=\"search\" name=\"q\" value=\"").append(escape(q))
                .append("\" placeholder=\"区块链 -存证, title:智能合约, &quot;distributed ledger&quot;\" aria-label=\"搜索 Search\">")
                .append("<button type=\"submit\">搜索 Search</button></form>")
                .append("<p class=\"meta\">").append(escape("中文或英文；\"短语\" phrases；-排除 exclusions；范围 scopes title: buyer: supplier: text:")).append("</p>");
    }

    private static String hit(SearchHit h) {
        StringBuilder b = new StringBuilder("<article class=\"hit\"><h3>").append(Views.projectLink(h.ocid(), h.title())).append("</h3><div class=\"meta\">")
                .append(escape(h.date() == null ? "" : h.date())).append(" · ").append(escape(h.buyer() == null ? "" : h.buyer()))
                .append(h.province() == null ? "" : " · " + escape(h.province())).append(h.status() == null ? "" : " · " + escape(h.status()));
        if (!h.suppliers().isEmpty()) {
            b.append(" · ").append(escape("供应商 " + String.join("、", h.suppliers())));
        }
        b.append("</div>");
        for (SearchHit.Snippet s : h.snippets()) {
            b.append("<p class=\"snippet\"><span class=\"field\">").append(escape(FIELD_LABELS.getOrDefault(s.field(), s.field()))).append("</span>")
                    .append(highlighted(s)).append("</p>");
        }
        return b.append("</article>").toString();
    }

    /** The snippet's text, escaped, with its matched ranges in {@code <mark>}. */
    static String highlighted(SearchHit.Snippet s) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        String text = s.text();
        for (SearchHit.Highlight h : s.highlights()) {
            int start = Math.max(at, Math.min(h.start(), text.length()));
            int end = Math.max(start, Math.min(h.end(), text.length()));
            b.append(escape(text.substring(at, start))).append("<mark>").append(escape(text.substring(start, end))).append("</mark>");
            at = end;
        }
        return b.append(escape(text.substring(at))).toString();
    }

    private static String api(String q, Paging paging, ServerContext ctx) {
        SearchResults r = run(ctx, q, paging);
        ObjectNode out = ctx.json().createObjectNode();
        out.put("query", r.query()).put("total", r.total()).put("totalIsExact", r.totalIsExact()).put("tookMillis", r.tookMillis())
                .put("limit", paging.limit()).put("offset", paging.offset());
        ArrayNode hits = out.putArray("hits");
        for (SearchHit h : page(r, paging)) {
            ObjectNode o = hits.addObject();
            o.put("ocid", h.ocid()).put("title", h.title()).put("buyer", h.buyer()).put("date", h.date()).put("province", h.province())
                    .put("status", h.status()).put("score", h.score());
            ArrayNode sup = o.putArray("suppliers");
            h.suppliers().forEach(sup::add);
            ArrayNode snippets = o.putArray("snippets");
            for (SearchHit.Snippet s : h.snippets()) {
                ObjectNode sn = snippets.addObject().put("field", s.field()).put("text", s.text());
                ArrayNode hl = sn.putArray("highlights");
                s.highlights().forEach(x -> hl.addArray().add(x.start()).add(x.end()));
            }
        }
        return ctx.toJson(out);
    }
}
