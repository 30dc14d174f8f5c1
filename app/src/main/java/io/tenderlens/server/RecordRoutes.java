package io.tenderlens.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.util.List;

/** Records as OCDS: a paginated list of compiled releases, and one record with its releases. */
final class RecordRoutes implements WebRoutes {
    static final ApiRoute LIST = ApiRoute.get("/api/records", "Records, latest first, as an OCDS record package of compiled releases", "records").paged();
    static final ApiRoute ONE = ApiRoute.get("/api/records/<ocid>", "One record as an OCDS record package: its releases and compiled release", "records");

    @Override
    public void register(RouteRegistry routes, ServerContext ctx) {
        routes.api(LIST, c -> list(c, ctx));
        routes.api(ONE, c -> one(c, ctx));
    }

    private static void list(Context c, ServerContext ctx) {
        Paging paging = Paging.of(c);
        RecordKeys keys = ctx.keys();
        long total = keys.size();
        List<String> compiled = ctx.db().byOcid("SELECT CAST(compiled AS VARCHAR) FROM records WHERE ocid = ?",
                keys.ocidsOf(keys.byLastDate, paging.offset(), paging.end()), rs -> rs.getString(1));
        ObjectNode out = recordPackage(ctx);
        out.put("total", total).put("limit", paging.limit()).put("offset", paging.offset());
        ArrayNode records = out.putArray("records");
        for (String json : compiled) {
            JsonNode release = ctx.parse(json);
            ObjectNode r = records.addObject();
            r.put("ocid", release.path("ocid").asText());
            r.set("compiledRelease", release);
        }
        ctx.sendJson(c, out);
    }

    private static void one(Context c, ServerContext ctx) {
        String ocid = c.pathParam("ocid");
        List<String> compiled = ctx.db().query("SELECT CAST(compiled AS VARCHAR) FROM records WHERE ocid = ?", ps -> ps.setString(1, ocid), rs -> rs.getString(1));
        if (compiled.isEmpty()) {
            throw new NotFoundResponse("no record with ocid " + ocid);
        }
        List<String> releases = ctx.db().query("SELECT CAST(json AS VARCHAR) FROM releases WHERE ocid = ? ORDER BY seq", ps -> ps.setString(1, ocid), rs -> rs.getString(1));
        ObjectNode out = recordPackage(ctx);
        ObjectNode r = out.putArray("records").addObject();
        r.put("ocid", ocid);
        ArrayNode rel = r.putArray("releases");
        releases.forEach(s -> rel.add(ctx.parse(s)));
        r.set("compiledRelease", ctx.parse(compiled.get(0)));
        ctx.sendJson(c, out);
    }

    /** The package metadata OCDS asks for. */
    static ObjectNode recordPackage(ServerContext ctx) {
        ObjectNode out = ctx.json().createObjectNode();
        out.put("version", "1.1");
        out.put("publishedDate", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        out.putObject("publisher").put("name", "tenderlens");
        return out;
    }
}
