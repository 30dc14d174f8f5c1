package io.tenderlens.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.tenderlens.report.ReportFormat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.tenderlens.report.Html.escape;

/**
 * Buyer and supplier profiles over every record of the store (not one topic): history, amounts, the
 * buyers a supplier serves with its share of their awards, the suppliers a buyer buys from, and the
 * competitors that win from the same buyers. Amounts are the records' award totals in full (a joint
 * award counts for each of its suppliers).
 */
final class PartyRoutes implements WebRoutes {
    private static final int TOP = 20;

    static final ApiRoute BUYER = ApiRoute.get("/api/buyers/<id>", "A buyer's profile: totals, the suppliers it buys from, a page of its records", "parties").paged();
    static final ApiRoute SUPPLIER = ApiRoute.get("/api/suppliers/<id>",
            "A supplier's profile: wins, amounts, win share, the buyers it serves, competitors at the same buyers, a page of its records", "parties").paged();

    /** A party as a profile lists it: id, name, count, amount, share of the buyer's awards (or null), buyers in common (or 0). */
    record PartyRow(String id, String name, long count, BigDecimal amount, BigDecimal share, long buyers) {}

    /** One record in a party's history. */
    record HistoryRow(String ocid, String title, String date, String status, BigDecimal budget, BigDecimal award,
                      List<String> partyIds, List<String> partyNames) {}

    record Profile(String role, String id, String name, long records, BigDecimal budget, BigDecimal award, String first, String last,
                   BigDecimal winShare, List<PartyRow> counterparts, List<PartyRow> competitors, List<HistoryRow> history) {}

    @Override
    public void register(RouteRegistry routes, ServerContext ctx) {
        routes.page("/buyer/<id>", c -> page(c, ctx, "buyer"));
        routes.page("/supplier/<id>", c -> page(c, ctx, "supplier"));
        routes.api(BUYER, c -> api(c, ctx, "buyer"));
        routes.api(SUPPLIER, c -> api(c, ctx, "supplier"));
    }

    private static Profile load(ServerContext ctx, String role, String id, Paging paging) {
        boolean buyer = role.equals("buyer");
        RecordKeys k = ctx.keys();
        RecordKeys.Parties parties = buyer ? k.buyers : k.suppliersTable;
        int party = parties.find(id);
        if (party < 0) {
            throw new NotFoundResponse("no " + role + " with id " + id);
        }
        int[] records = parties.records[party];
        BigDecimal budget = null;
        BigDecimal award = null;
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        long wins = 0;
        for (int r : records) {
            budget = plus(budget, k.budget[r]);
            award = plus(award, k.award[r]);
            if (k.firstDay[r] != Integer.MIN_VALUE) {
                first = Math.min(first, k.firstDay[r]);
                last = Math.max(last, k.firstDay[r]);
            }
            wins += k.awarded[r] ? 1 : 0;
        }
        List<HistoryRow> history = ctx.db().byOcid("SELECT ocid, title, first_date, coalesce(tender_status, stage), budget_amount, award_amount, "
                        + (buyer ? "supplier_ids, supplier_names" : "[buyer_id], [buyer_name]") + " FROM records WHERE ocid = ?",
                k.ocidsOf(records, paging.offset(), paging.end()),
                rs -> new HistoryRow(rs.getString(1), rs.getString(2), day(rs.getTimestamp(3)), rs.getString(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), strings(rs.getArray(7)), strings(rs.getArray(8))));
        List<PartyRow> counterparts;
        List<PartyRow> competitors = List.of();
        BigDecimal winShare = null;
        if (buyer) {
            // the suppliers it buys from, each listing of a supplier on a record counted
            Map<Integer, Tally> bought = new HashMap<>();
            for (int r : records) {
                for (int j = 0; j < k.suppliers[r].length; j++) {
                    tally(bought, k.suppliers[r][j], k, r, j).add(k.award[r], r);
                }
            }
            long awarded = wins;
            counterparts = top(bought, k.suppliersTable.ids, t -> share(t.count, awarded), false);
        } else {
            // the buyers it serves, with its share of each one's awarded records
            Map<Integer, Tally> served = new HashMap<>();
            for (int r : records) {
                if (k.buyer[r] >= 0) {
                    tally(served, k.buyer[r], k, r, -1).add(k.award[r], r);
                }
            }
            long awardedAtBuyers = 0;
            Map<Integer, Tally> rivals = new HashMap<>();
            for (int b : served.keySet()) {
                long awardedHere = 0;
                for (int r : k.buyers.records[b]) {
                    awardedHere += k.awarded[r] ? 1 : 0;
                    for (int j = 0; j < k.suppliers[r].length; j++) {
                        if (k.suppliers[r][j] != party) {
                            tally(rivals, k.suppliers[r][j], k, r, j).add(k.award[r], b);
                        }
                    }
                }
                served.get(b).awarded = awardedHere;
                awardedAtBuyers += awardedHere;
            }
            counterparts = top(served, k.buyers.ids, t -> share(t.count, t.awarded), false);
            winShare = share(wins, awardedAtBuyers);
            competitors = top(rivals, k.suppliersTable.ids, t -> null, true);
        }
        String name = parties.names.get(party);
        return new Profile(role, id, name == null ? id : name, records.length, budget, award,
                first == Integer.MAX_VALUE ? null : LocalDate.ofEpochDay(first).toString(),
                last == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(last).toString(), winShare, counterparts, competitors, history);
    }

    /** Counts and award amounts of one counterpart, the name its first record gives it, and the distinct groups (buyers) it was seen in. */
    private static final class Tally {
        final String name;
        long count;
        BigDecimal amount;
        long groups;
        int lastGroup = -1;
        long awarded;

        Tally(String name) {
            this.name = name;
        }

        void add(BigDecimal value, int group) {
            count++;
            amount = plus(amount, value);
            if (group != lastGroup) {
                lastGroup = group;
                groups++;
            }
        }
    }

    /** The tally of {@code party}, named as record {@code r} names its buyer (position -1) or its supplier at {@code position}. */
    private static Tally tally(Map<Integer, Tally> tallies, int party, RecordKeys k, int r, int position) {
        Tally t = tallies.get(party);
        if (t == null) {
            t = new Tally(position < 0 ? k.buyerName(r) : k.supplierName(r, position));
            tallies.put(party, t);
        }
        return t;
    }

    /** The {@link #TOP} counterparts: most records, then largest amount, then id. */
    private static List<PartyRow> top(Map<Integer, Tally> tallies, List<String> ids, Function<Tally, BigDecimal> share, boolean groups) {
        Comparator<Map.Entry<Integer, Tally>> order = Comparator.<Map.Entry<Integer, Tally>>comparingLong(e -> -e.getValue().count)
                .thenComparing(e -> e.getValue().amount, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(e -> ids.get(e.getKey()));
        return tallies.entrySet().stream().sorted(order).limit(TOP)
                .map(e -> new PartyRow(ids.get(e.getKey()), e.getValue().name, e.getValue().count, e.getValue().amount,
                        share.apply(e.getValue()), groups ? e.getValue().groups : 0))
                .toList();
    }

    /** SQL's {@code sum}: nulls skipped, null when every value is. */
    private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
        return value == null ? sum : sum == null ? value : sum.add(value);
    }

    private static BigDecimal share(long part, long whole) {
        return whole <= 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL64);
    }

    private static String day(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toLocalDate().toString();
    }

    private static List<String> strings(Array a) throws SQLException {
        List<String> out = new ArrayList<>();
        if (a != null) {
            for (Object o : (Object[]) a.getArray()) {
                out.add(o == null ? "" : o.toString());
            }
        }
        return out;
    }

    private static void page(Context c, ServerContext ctx, String role) {
        Paging paging = Paging.of(c);
        Profile p = load(ctx, role, c.pathParam("id"), paging);
        boolean buyer = role.equals("buyer");
        StringBuilder b = new StringBuilder(8192);
        b.append("<h1>").append(escape(p.name())).append(" <small>").append(buyer ? "采购人 buyer" : "供应商 supplier").append("</small></h1>");
        b.append("<div class=\"figures\">");
        figure(b, String.valueOf(p.records()), buyer ? "项目" : "中标项目", buyer ? "projects" : "projects won");
        if (buyer) {
            figure(b, ReportFormat.tenThousands(p.budget()), "预算合计", "budget total");
        }
        figure(b, ReportFormat.tenThousands(p.award()), "成交合计", "award total");
        if (!buyer) {
            figure(b, ReportFormat.percent(p.winShare()), "所服务采购人的中标份额", "win share at its buyers");
        }
        figure(b, (p.first() == null ? "—" : p.first()) + " – " + (p.last() == null ? "—" : p.last()), "时间", "first – last");
        b.append("</div><p class=\"meta\">").append(escape("编号 id: " + p.id())).append(" · <a href=\"")
                .append(escape("/api/" + role + "s/" + Views.segment(p.id()))).append("\">JSON</a></p>");
        b.append("<div class=\"cols\">");
        b.append(partyTable(buyer ? "suppliers" : "buyers", buyer ? "供应商 Suppliers it buys from" : "服务的采购人 Buyers it serves",
                buyer ? "supplier" : "buyer", p.counterparts(), true));
        if (!buyer) {
            b.append(partyTable("competitors", "同一采购人的竞争者 Competitors at the same buyers", "supplier", p.competitors(), false));
        }
        b.append("</div>");
        b.append("<section id=\"history\"><h2>历史 History</h2><div class=\"table\"><table class=\"list\"><thead><tr><th>日期<br><small>date</small></th>")
                .append("<th>项目<br><small>project</small></th><th>状态<br><small>status</small></th><th>预算<br><small>budget</small></th>")
                .append("<th>成交<br><small>award</small></th><th>").append(buyer ? "供应商<br><small>suppliers" : "采购人<br><small>buyer")
                .append("</small></th></tr></thead><tbody>");
        for (HistoryRow h : p.history()) {
            b.append("<tr><td>").append(escape(h.date() == null ? "—" : h.date())).append("</td><td>").append(Views.projectLink(h.ocid(), h.title()))
                    .append("</td><td>").append(escape(h.status())).append("</td><td class=\"num\">").append(Views.amount(h.budget()))
                    .append("</td><td class=\"num\">").append(Views.amount(h.award())).append("</td><td>");
            for (int i = 0; i < h.partyIds().size(); i++) {
                b.append(Views.partyLink(buyer ? "supplier" : "buyer", h.partyIds().get(i), i < h.partyNames().size() ? h.partyNames().get(i) : "")).append(" ");
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table></div>").append(Views.pager(Views.partyHref(role, p.id()), paging, p.records())).append("</section>");
        ctx.sendPage(c, p.name(), "", b.toString());
    }

    private static void figure(StringBuilder b, String value, String zh, String en) {
        b.append("<div class=\"figure\"><b>").append(escape(value)).append("</b><span>").append(escape(zh)).append("<br>").append(escape(en)).append("</span></div>");
    }

    private static String partyTable(String id, String heading, String role, List<PartyRow> rows, boolean withShare) {
        StringBuilder b = new StringBuilder("<section id=\"").append(id).append("\"><h2>").append(escape(heading)).append("</h2><div class=\"table\"><table class=\"list\"><thead><tr>")
                .append("<th>名称<br><small>name</small></th><th>中标<br><small>wins</small></th><th>金额<br><small>amount</small></th><th>")
                .append(withShare ? "份额<br><small>share of awards</small>" : "共同采购人<br><small>buyers in common</small>").append("</th></tr></thead><tbody>");
        for (PartyRow r : rows) {
            b.append("<tr><td>").append(Views.partyLink(role, r.id(), r.name())).append("</td><td class=\"num\">").append(r.count())
                    .append("</td><td class=\"num\">").append(Views.amount(r.amount())).append("</td><td class=\"num\">")
                    .append(withShare ? escape(ReportFormat.percent(r.share())) : String.valueOf(r.buyers())).append("</td></tr>");
        }
        if (rows.isEmpty()) {
            b.append("<tr><td colspan=\"4\">无 none</td></tr>");
        }
        return b.append("</tbody></table></div></section>").toString();
    }

    private static void api(Context c, ServerContext ctx, String role) {
        Paging paging = Paging.of(c);
        Profile p = load(ctx, role, c.pathParam("id"), paging);
        ObjectNode out = ctx.json().createObjectNode();
        out.put("role", role).put("id", p.id()).put("name", p.name()).put("records", p.records()).put("budget", p.budget())
                .put("award", p.award()).put("first", p.first()).put("last", p.last()).put("winShare", p.winShare());
        rows(out.putArray(role.equals("buyer") ? "suppliers" : "buyers"), p.counterparts());
        if (role.equals("supplier")) {
            rows(out.putArray("competitors"), p.competitors());
        }
        ObjectNode history = out.putObject("history");
        history.put("total", p.records()).put("limit", paging.limit()).put("offset", paging.offset());
        ArrayNode items = history.putArray("items");
        for (HistoryRow h : p.history()) {
            ObjectNode o = items.addObject().put("ocid", h.ocid()).put("title", h.title()).put("date", h.date()).put("status", h.status())
                    .put("budget", h.budget()).put("award", h.award());
            ArrayNode parties = o.putArray(role.equals("buyer") ? "suppliers" : "buyers");
            for (int i = 0; i < h.partyIds().size(); i++) {
                parties.addObject().put("id", h.partyIds().get(i)).put("name", i < h.partyNames().size() ? h.partyNames().get(i) : null);
            }
        }
        ctx.sendJson(c, out);
    }

    private static void rows(ArrayNode into, List<PartyRow> rows) {
        for (PartyRow r : rows) {
            ObjectNode o = into.addObject().put("id", r.id()).put("name", r.name()).put("wins", r.count()).put("amount", r.amount());
            if (r.share() != null) {
                o.put("share", r.share());
            }
            if (r.buyers() > 0) {
                o.put("buyersInCommon", r.buyers());
            }
        }
    }
}
