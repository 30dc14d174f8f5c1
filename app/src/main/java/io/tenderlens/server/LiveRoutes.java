package io.tenderlens.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static io.tenderlens.report.Html.escape;

/**
 * Tenders still open: a deadline ({@code tender.tenderPeriod.endDate}) after now, not cancelled,
 * failed or complete, soonest deadline first. Deadlines are stored in the publisher's local time;
 * "now" is taken in China Standard Time, the zone of the notices this is built for.
 */
final class LiveRoutes implements WebRoutes {
    static final ZoneId PUBLISHER_ZONE = ZoneId.of("Asia/Shanghai");

    static final ApiRoute LIVE = ApiRoute.get("/api/live", "Tenders still open, soonest deadline first", "live").paged();

    record Open(String ocid, String title, String buyerId, String buyer, String province, LocalDateTime deadline, BigDecimal budget, String currency) {}

    private final Clock clock;

    LiveRoutes() {
        this(Clock.system(PUBLISHER_ZONE));
    }

    LiveRoutes(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void register(RouteRegistry routes, ServerContext ctx) {
        routes.page("/live", c -> page(c, ctx));
        routes.api(LIVE, c -> api(c, ctx));
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock.withZone(PUBLISHER_ZONE)));
    }

    private static long total(ServerContext ctx, Timestamp now) {
        RecordKeys keys = ctx.keys();
        return keys.openByDeadline.length - keys.firstOpenAfter(now.toLocalDateTime());
    }

    private static List<Open> open(ServerContext ctx, Timestamp now, Paging paging) {
        RecordKeys keys = ctx.keys();
        int first = keys.firstOpenAfter(now.toLocalDateTime());
        return ctx.db().byOcid("SELECT ocid, title, buyer_id, buyer_name, province, tender_end, budget_amount, budget_currency FROM records WHERE ocid = ?",
                keys.ocidsOf(keys.openByDeadline, first + paging.offset(), first + paging.end()),
                rs -> new Open(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toLocalDateTime(), rs.getBigDecimal(7), rs.getString(8)));
    }

    private void page(Context c, ServerContext ctx) {
        Paging paging = Paging.of(c);
        Timestamp now = now();
        long total = total(ctx, now);
        StringBuilder b = new StringBuilder("<h1>招标中 Open tenders</h1><p class=\"meta\">")
                .append(escape("投标截止时间在当前时间（北京时间 " + now.toLocalDateTime().withNano(0) + "）之后，按截止时间排序。"
                        + " Deadline after now (China Standard Time), soonest first."))
                .append("</p><div class=\"table\"><table class=\"list\" id=\"open-tenders\"><thead><tr><th>截止<br><small>deadline</small></th>")
                .append("<th>项目<br><small>project</small></th><th>采购人<br><small>buyer</small></th><th>省份<br><small>province</small></th>")
                .append("<th>预算<br><small>budget</small></th></tr></thead><tbody>");
        for (Open o : open(ctx, now, paging)) {
            b.append("<tr><td>").append(escape(o.deadline().toString().replace('T', ' '))).append("</td><td>").append(Views.projectLink(o.ocid(), o.title()))
                    .append("</td><td>").append(Views.partyLink("buyer", o.buyerId(), o.buyer())).append("</td><td>").append(escape(o.province()))
                    .append("</td><td class=\"num\">").append(Views.amount(o.budget())).append("</td></tr>");
        }
        if (total == 0) {
            b.append("<tr><td colspan=\"5\">").append(escape("目前没有招标中的项目 No tender is open now.")).append("</td></tr>");
        }
        b.append("</tbody></table></div>").append(Views.pager("/live", paging, total));
        ctx.sendPage(c, "招标中 Open tenders", "/live", b.toString());
    }

    private void api(Context c, ServerContext ctx) {
        Paging paging = Paging.of(c);
        Timestamp now = now();
        ObjectNode out = ctx.json().createObjectNode();
        out.put("now", now.toLocalDateTime().withNano(0).toString()).put("zone", PUBLISHER_ZONE.getId())
                .put("total", total(ctx, now)).put("limit", paging.limit()).put("offset", paging.offset());
        ArrayNode items = out.putArray("items");
        for (Open o : open(ctx, now, paging)) {
            items.addObject().put("ocid", o.ocid()).put("title", o.title()).put("buyerId", o.buyerId()).put("buyer", o.buyer())
                    .put("province", o.province()).put("deadline", o.deadline().toString()).put("budget", o.budget()).put("currency", o.currency());
        }
        ctx.sendJson(c, out);
    }
}
