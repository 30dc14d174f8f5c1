package io.tenderlens.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.tenderlens.archive.InclusionProof;
import io.tenderlens.report.ReportFormat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.tenderlens.report.Html.escape;
import static io.tenderlens.report.Html.safeHref;

/**
 * A project (one ocid): the timeline of its notices, amounts per lot, parties, the source text (the
 * spans each derived value came from) and the archived copies with their inclusion proofs.
 */
final class ProjectRoutes implements WebRoutes {
    static final ApiRoute ARCHIVED = ApiRoute.get("/api/archive/{sha256}", "The archived bytes of a notice, as text/plain (nosniff)", "archive");
    static final ApiRoute PROOF = ApiRoute.get("/api/archive/{sha256}/proof", "The RFC 9162 inclusion proof of an archived notice in the latest signed tree head", "archive");

    @Override
    public void register(RouteRegistry routes, ServerContext ctx) {
        ArchiveAccess archive = new ArchiveAccess(ctx.dataDirectory());
        routes.page("/project/<ocid>", c -> page(c, ctx, archive));
        routes.api(ARCHIVED, c -> {
            byte[] bytes = archive.bytes(c.pathParam("sha256")).orElseThrow(() -> new NotFoundResponse("not archived: " + c.pathParam("sha256")));
            // shown as text, never rendered: a notice's markup stays inert
            c.contentType("text/plain; charset=utf-8").header("Content-Disposition", "inline").result(bytes);
        });
        routes.api(PROOF, c -> {
            InclusionProof p = archive.proof(c.pathParam("sha256")).orElseThrow(() -> new NotFoundResponse("not archived: " + c.pathParam("sha256")));
            ObjectNode out = p.toJson();
            out.put("verifies", p.verifies());
            ctx.sendJson(c, out);
        });
    }

    /** One release of the project as the timeline shows it. */
    private record Release(String date, List<String> tags, JsonNode json) {}

    private static void page(Context c, ServerContext ctx, ArchiveAccess archive) {
        String ocid = c.pathParam("ocid");
        List<Object[]> row = ctx.db().query("SELECT CAST(compiled AS VARCHAR), coalesce(tender_status, stage), award_amount, award_currency"
                + " FROM records WHERE ocid = ?", ps -> ps.setString(1, ocid), rs -> new Object[]{rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4)});
        if (row.isEmpty()) {
            throw new NotFoundResponse("no project with ocid " + ocid);
        }
        JsonNode compiled = ctx.parse((String) row.get(0)[0]);
        List<Release> releases = new ArrayList<>(ctx.db().query("SELECT date, CAST(json AS VARCHAR) FROM releases WHERE ocid = ? ORDER BY seq",
                ps -> ps.setString(1, ocid), rs -> {
                    JsonNode json = ctx.parse(rs.getString(2));
                    List<String> tags = new ArrayList<>();
                    json.path("tag").forEach(t -> tags.add(t.asText()));
                    return new Release(rs.getString(1), tags, json);
                }));
        releases.sort(Comparator.comparing(Release::date, Comparator.nullsLast(Comparator.naturalOrder())));
        Set<String> digests = new LinkedHashSet<>();
        releases.forEach(r -> digests.add(r.json().path("noticeSource").path("sha256").asText("")));
        Set<String> archived;
        String archiveNote = "";
        try {
            archived = archive.archived(digests);
        } catch (IOException e) {
            archived = Set.of();
            archiveNote = "<p class=\"error\">" + escape("存档暂不可用 The archive is busy or unreadable: " + e.getMessage()) + "</p>";
        }

        JsonNode tender = compiled.path("tender");
        String title = firstText(tender.path("title"), compiled.path("planning").path("project").path("title"));
        StringBuilder b = new StringBuilder(8192);
        b.append("<h1>").append(escape(title.isEmpty() ? ocid : title)).append("</h1>");
        b.append("<dl class=\"facts\">");
        fact(b, "编号 ocid", escape(ocid) + " · <a href=\"" + escape("/api/records/" + Views.segment(ocid)) + "\">OCDS JSON</a>");
        JsonNode buyer = compiled.path("buyer");
        fact(b, "采购人 buyer", Views.partyLink("buyer", buyer.path("id").asText(""), buyer.path("name").asText("")));
        fact(b, "状态 status", escape((String) row.get(0)[1]));
        fact(b, "方式 method", escape(firstText(tender.path("procurementMethodDetails"), tender.path("procurementMethod"))));
        fact(b, "预算 budget", money(tender.path("value")));
        BigDecimal award = (BigDecimal) row.get(0)[2];
        fact(b, "成交 award", award == null ? "" : Views.amount(award) + " " + escape((String) row.get(0)[3]));
        fact(b, "截止 deadline", escape(firstText(tender.path("tenderPeriod").path("endDate"))));
        b.append("</dl>");
        if (!firstText(tender.path("description")).isEmpty()) {
            b.append("<p class=\"description\">").append(escape(tender.path("description").asText())).append("</p>");
        }

        b.append("<section id=\"timeline\"><h2>公告时间线 Notices</h2>").append(archiveNote).append("<ol class=\"timeline\">");
        for (Release r : releases) {
            JsonNode src = r.json().path("noticeSource");
            b.append("<li><b>").append(escape(r.date() == null ? "—" : r.date())).append("</b> ");
            r.tags().forEach(t -> b.append("<span class=\"tag\">").append(escape(t)).append("</span>"));
            b.append(escape(firstText(src.path("noticeTypeZh"), src.path("noticeType")))).append("<br>")
                    .append(escape(firstText(r.json().path("tender").path("title"), r.json().path("id"))));
            String url = safeHref(src.path("url").asText(""));
            if (!url.isEmpty()) {
                b.append(" · <a rel=\"noopener noreferrer nofollow\" href=\"").append(url).append("\">原文 source</a>");
            }
            String sha = src.path("sha256").asText("");
            if (archived.contains(sha)) {
                b.append(" · <a href=\"/api/archive/").append(sha).append("\">存档 archived copy</a>")
                        .append(" · <a href=\"/api/archive/").append(sha).append("/proof\">包含证明 inclusion proof</a>");
            } else if (!sha.isEmpty()) {
                b.append(" · <small>sha256 ").append(escape(sha)).append("</small>");
            }
            b.append("</li>");
        }
        b.append("</ol></section>");

        b.append(lots(compiled));
        b.append(parties(compiled));
        b.append(sourceText(releases));
        ctx.sendPage(c, title.isEmpty() ? ocid : title, "", b.toString());
    }

    private static String lots(JsonNode compiled) {
        JsonNode lots = compiled.path("tender").path("lots");
        JsonNode awards = compiled.path("awards");
        StringBuilder b = new StringBuilder("<section id=\"lots\"><h2>分包与金额 Lots and amounts</h2><div class=\"table\"><table class=\"list\"><thead><tr>")
                .append("<th>分包<br><small>lot</small></th><th>预算<br><small>budget</small></th><th>状态<br><small>status</small></th>")
                .append("<th>成交<br><small>award</small></th><th>供应商<br><small>suppliers</small></th></tr></thead><tbody>");
        if (lots.isEmpty()) {
            b.append("<tr><td>").append(escape("全部 whole procurement")).append("</td><td class=\"num\">").append(money(compiled.path("tender").path("value")))
                    .append("</td><td>").append(escape(compiled.path("tender").path("status").asText(""))).append("</td>");
            awardCells(b, awards, null);
            b.append("</tr>");
        }
        for (JsonNode lot : lots) {
            String id = lot.path("id").asText("");
            b.append("<tr><td>").append(escape(firstText(lot.path("title"), lot.path("id")))).append("</td><td class=\"num\">").append(money(lot.path("value")))
                    .append("</td><td>").append(escape(lot.path("status").asText(""))).append("</td>");
            awardCells(b, awards, id);
            b.append("</tr>");
        }
        return b.append("</tbody></table></div></section>").toString();
    }

    /** The awards of a lot ({@code null}: all awards) as two cells: amounts and suppliers. */
    private static void awardCells(StringBuilder b, JsonNode awards, String lotId) {
        StringBuilder amounts = new StringBuilder();
        StringBuilder suppliers = new StringBuilder();
        for (JsonNode a : awards) {
            boolean forLot = lotId == null;
            for (JsonNode l : a.path("relatedLots")) {
                forLot |= l.asText().equals(lotId);
            }
            if (!forLot) {
                continue;
            }
            amounts.append(money(a.path("value"))).append(a.path("status").isMissingNode() ? "" : " <small>" + escape(a.path("status").asText()) + "</small>").append("<br>");
            for (JsonNode s : a.path("suppliers")) {
                suppliers.append(Views.partyLink("supplier", s.path("id").asText(""), s.path("name").asText(""))).append("<br>");
            }
        }
        b.append("<td class=\"num\">").append(amounts.length() == 0 ? "—" : amounts).append("</td><td>").append(suppliers).append("</td>");
    }

    private static String parties(JsonNode compiled) {
        StringBuilder b = new StringBuilder("<section id=\"parties\"><h2>参与方 Parties</h2><div class=\"table\"><table class=\"list\"><thead><tr>")
                .append("<th>名称<br><small>name</small></th><th>角色<br><small>roles</small></th><th>地区<br><small>place</small></th>")
                .append("<th>层级/类型<br><small>level / kind</small></th></tr></thead><tbody>");
        for (JsonNode p : compiled.path("parties")) {
            List<String> roles = new ArrayList<>();
            p.path("roles").forEach(r -> roles.add(r.asText()));
            String role = roles.contains("supplier") || roles.contains("tenderer") ? "supplier" : roles.contains("buyer") ? "buyer" : null;
            String name = p.path("name").asText("");
            b.append("<tr><td>").append(role == null ? escape(name) : Views.partyLink(role, p.path("id").asText(""), name)).append("</td><td>")
                    .append(escape(String.join(", ", roles))).append("</td><td>")
                    .append(escape((p.path("address").path("region").asText("") + " " + p.path("address").path("locality").asText("")).strip()))
                    .append("</td><td>").append(escape((p.path("details").path("governmentLevel").asText("") + " "
                            + p.path("details").path("buyerKind").asText("")).strip())).append("</td></tr>");
        }
        return b.append("</tbody></table></div></section>").toString();
    }

    /** The words each derived value came from ({@code provenance}), per notice. */
    private static String sourceText(List<Release> releases) {
        StringBuilder b = new StringBuilder("<section id=\"source\"><h2>原文依据 Source text</h2>");
        for (Release r : releases) {
            JsonNode prov = r.json().path("provenance");
            if (prov.isEmpty()) {
                continue;
            }
            b.append("<h3>").append(escape(r.json().path("id").asText(""))).append("</h3><div class=\"table\"><table class=\"list\"><thead><tr>")
                    .append("<th>字段<br><small>field</small></th><th>原文<br><small>text</small></th><th>规则<br><small>rule</small></th></tr></thead><tbody>");
            for (JsonNode p : prov) {
                b.append("<tr><td>").append(escape(p.path("id").asText(""))).append("</td><td>").append(escape(p.path("text").asText("")))
                        .append("</td><td>").append(escape(p.path("rule").asText(""))).append("</td></tr>");
            }
            b.append("</tbody></table></div>");
        }
        return b.append("</section>").toString();
    }

    private static void fact(StringBuilder b, String label, String html) {
        b.append("<dt>").append(escape(label)).append("</dt><dd>").append(html.isEmpty() ? "—" : html).append("</dd>");
    }

    private static String money(JsonNode value) {
        JsonNode amount = value.path("amount");
        if (!amount.isNumber() && !amount.isTextual()) {
            return "—";
        }
        try {
            return escape(ReportFormat.amount(new BigDecimal(amount.asText())) + " " + value.path("currency").asText(""));
        } catch (NumberFormatException e) {
            return escape(amount.asText());
        }
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isValueNode() && !n.asText().isBlank()) {
                return n.asText();
            }
        }
        return "";
    }
}
