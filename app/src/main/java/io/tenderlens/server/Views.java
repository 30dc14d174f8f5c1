package io.tenderlens.server;

import io.tenderlens.report.ReportFormat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static io.tenderlens.report.Html.escape;

/** Small pieces shared by the pages: links to projects and parties, amounts, a pager. All data escaped. */
public final class Views {
    private Views() {}

    /** A value as a path segment: percent-encoded, '/' kept (routes that take it use {@code <name>}). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The project page of {@code ocid}. */
    public static String projectHref(String ocid) {
        return "/project/" + segment(ocid);
    }

    public static String projectLink(String ocid, String title) {
        return "<a href=\"" + escape(projectHref(ocid)) + "\">" + escape(title == null || title.isBlank() ? ocid : title) + "</a>";
    }

    /** A buyer's or a supplier's profile ({@code role}: buyer or supplier). */
    public static String partyHref(String role, String id) {
        return "/" + role + "/" + segment(id);
    }

    public static String partyLink(String role, String id, String name) {
        if (id == null || id.isBlank()) {
            return escape(name);
        }
        return "<a href=\"" + escape(partyHref(role, id)) + "\">" + escape(name == null || name.isBlank() ? id : name) + "</a>";
    }

    /** An amount with thousands separators, or — . */
    public static String amount(BigDecimal v) {
        return escape(ReportFormat.amount(v));
    }

    /**
     * Previous/next links for a page of {@code total} items.
     *
     * @param base the page's link without limit/offset, ending in '?' or '&amp;'-ready query
     */
    public static String pager(String base, Paging paging, long total) {
        StringBuilder b = new StringBuilder("<nav class=\"pager\">");
        long last = Math.min(total, paging.end());
        b.append("<span>").append(total == 0 ? 0 : paging.offset() + 1).append("–").append(last).append(" / ").append(total).append("</span>");
        String sep = base.contains("?") ? "&" : "?";
        if (paging.offset() > 0) {
            int prev = Math.max(0, paging.offset() - paging.limit());
            b.append(" <a rel=\"prev\" href=\"").append(escape(base + sep + "offset=" + prev + "&limit=" + paging.limit()))
                    .append("\">← 上一页 previous</a>");
        }
        if (paging.end() < total && paging.end() <= Paging.MAX_OFFSET) {
            b.append(" <a rel=\"next\" href=\"").append(escape(base + sep + "offset=" + paging.end() + "&limit=" + paging.limit()))
                    .append("\">下一页 next →</a>");
        }
        return b.append("</nav>").toString();
    }
}
