package io.tenderlens.server;

import static io.tenderlens.report.Html.escape;

/**
 * The frame of every page: bilingual navigation, the stylesheets (the report's, then the application's)
 * and the one script file. Pages pass their body as HTML in which every piece of data is escaped.
 */
public final class PageLayout {
    /** Navigation entries: path, Chinese label, English label. */
    private static final String[][] NAV = {
            {"/", "概览", "Overview"},
            {"/search", "搜索", "Search"},
            {"/live", "招标中", "Open tenders"},
            {"/alerts", "订阅", "Alerts"},
            {"/api", "接口", "API"},
    };

    /** A whole page. {@code title} is plain text; {@code body} is HTML. */
    public String page(String title, String active, String body) {
        StringBuilder h = new StringBuilder(body.length() + 2048);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append(" · tenderlens</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/report.css\"><link rel=\"stylesheet\" href=\"/static/app.css\">")
                .append("<script src=\"/static/app.js\" defer></script></head><body>\n")
                .append("<header class=\"site\"><a class=\"brand\" href=\"/\">tenderlens</a><nav class=\"site-nav\">");
        for (String[] n : NAV) {
            h.append("<a href=\"").append(n[0]).append("\"").append(n[0].equals(active) ? " class=\"active\"" : "").append(">")
                    .append(escape(n[1])).append(" <small>").append(escape(n[2])).append("</small></a>");
        }
        h.append("</nav><form class=\"quick-search\" action=\"/search\" method=\"get\" role=\"search\">")
                .append("<input type=\"search\" name=\"q\" placeholder=\"搜索 Search\" aria-label=\"搜索 Search\"></form></header>\n<main class=\"site\">")
                .append(body)
                .append("</main><footer class=\"site\">tenderlens · <a href=\"/openapi.json\">OpenAPI</a></footer></body></html>\n");
        return h.toString();
    }
}
