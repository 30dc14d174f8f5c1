package io.tenderlens.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.ParsedEndpoint;
import io.tenderlens.archive.InclusionProof;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The server over real HTTP: headers, the token, OpenAPI, paging, records as OCDS, filters, search, archive, open tenders. */
class WebServerTest {
    private final TestServer t = TestServer.get();

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/search?q=blockchain", "/api/overview", "/openapi.json", "/static/app.css", "/no-such-page",
                "/api/records/no-such-ocid", "/project/" + TestServer.HOSTILE_OCID, "/api/archive/" + t.archivedSha256)) {
            HttpResponse<String> r = t.get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
        assertThat(t.get("/no-such-page").statusCode()).isEqualTo(404);
        assertThat(t.get("/api/records/no-such-ocid").body()).contains("\"status\":404");
    }

    @Test
    void aStateChangeNeedsTheBearerToken() throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(t.url("/api/records"))).POST(HttpRequest.BodyPublishers.ofString("{}"));
        HttpResponse<String> none = t.send(post.build());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(t.send(HttpRequest.newBuilder(URI.create(t.url("/api/records"))).header("Authorization", "Bearer wrong-token-0123456789")
                .DELETE().build()).statusCode()).isEqualTo(401);
        // with the token the request gets past the check (no such route: 404, not 401)
        HttpResponse<String> authorised = t.send(HttpRequest.newBuilder(URI.create(t.url("/api/records")))
                .header("Authorization", "Bearer " + t.token.value()).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(authorised.statusCode()).isNotEqualTo(401);
        // the token file was created for its owner only
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(t.token.file()))).isEqualTo("rw-------");
        assertThat(ApiToken.loadOrCreate(t.token.file()).value()).isEqualTo(t.token.value());
        assertThat(ApiToken.loadOrCreate(t.token.file()).created()).isFalse();
    }

    @Test
    void everyRegisteredApiRouteIsInTheOpenApiDocument() {
        JsonNode doc = t.json("/openapi.json");
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        List<String> registered = new ArrayList<>();
        for (ParsedEndpoint e : t.server.javalin().unsafe.internalRouter.allHttpHandlers()) {
            if (e.endpoint.path.startsWith("/api/")) {
                registered.add(e.endpoint.method.name().toLowerCase(Locale.ROOT) + " " + e.endpoint.path.replaceAll("[{<](\\w+)[}>]", "{$1}"));
            }
        }
        assertThat(registered).contains("get /api/overview", "get /api/search", "get /api/records", "get /api/records/{ocid}",
                "get /api/buyers/{id}", "get /api/suppliers/{id}", "get /api/live", "get /api/archive/{sha256}");
        for (String route : registered) {
            String[] mp = route.split(" ", 2);
            JsonNode op = doc.path("paths").path(mp[1]).path(mp[0]);
            assertThat(op.isObject()).as(route + " in /openapi.json").isTrue();
            assertThat(op.path("summary").asText()).as(route).isNotBlank();
        }
        assertThat(doc.path("paths").path("/api/search").path("get").path("parameters").findValuesAsText("name")).contains("q", "limit", "offset");
        assertThat(doc.path("paths").path("/api/records/{ocid}").path("get").path("parameters").get(0).path("in").asText()).isEqualTo("path");
    }

    @Test
    void recordsArePagedAndComeOutAsOcds() {
        JsonNode first = t.json("/api/records?limit=5");
        assertThat(first.path("total").asLong()).isEqualTo(45); // the 42 of the sample and 3 of this test
        assertThat(first.path("records")).hasSize(5);
        assertThat(first.path("version").asText()).isEqualTo("1.1");
        JsonNode last = t.json("/api/records?limit=5&offset=40");
        assertThat(last.path("records")).hasSize(5);
        assertThat(last.path("records").get(0).path("ocid").asText()).isNotEqualTo(first.path("records").get(0).path("ocid").asText());
        assertThat(first.path("records").get(0).path("compiledRelease").path("tag").get(0).asText()).isEqualTo("compiled");

        JsonNode one = t.json("/api/records/" + TestServer.HOSTILE_OCID);
        JsonNode record = one.path("records").get(0);
        assertThat(record.path("releases")).hasSize(2);
        assertThat(record.path("compiledRelease").path("tender").path("title").asText()).isEqualTo(TestServer.SCRIPT_TITLE);
        assertThat(record.path("compiledRelease").path("awards").get(0).path("value").path("amount").decimalValue()).isEqualByComparingTo("990000");

        assertThat(t.get("/api/records?limit=0").statusCode()).isEqualTo(400);
        assertThat(t.get("/api/records?offset=x").body()).contains("offset must be a whole number");
    }

    @Test
    void theOverviewFollowsItsFilters() {
        JsonNode all = t.json("/api/overview");
        JsonNode beijing = t.json("/api/overview?province=110000&limit=100");
        JsonNode central = t.json("/api/overview?level=central&status=closed");
        int allProjects = all.path("projects").path("total").asInt();
        assertThat(allProjects).isGreaterThan(40);
        int beijingProjects = beijing.path("projects").path("total").asInt();
        assertThat(beijingProjects).isBetween(1, allProjects - 1);
        for (JsonNode p : beijing.path("projects").path("items")) {
            assertThat(p.path("province").asText()).isEqualTo("110000");
        }
        assertThat(beijing.path("breakdowns").path("province")).hasSize(1);
        assertThat(central.path("breakdowns").path("level").get(0).path("key").asText()).isEqualTo("central");
        assertThat(central.path("breakdowns").path("status")).allSatisfy(s -> assertThat(s.path("key").asText()).isEqualTo("closed"));
        JsonNode years = t.json("/api/overview?from=2019-01-01&to=2019-12-31").path("breakdowns").path("year");
        assertThat(years).hasSize(1);
        assertThat(years.get(0).path("key").asText()).isEqualTo("2019");
        // the money figures are the report's: exact decimals
        assertThat(all.path("money").path("award").path("total").decimalValue()).isPositive();
        assertThat(t.get("/api/overview?from=2020-01-01&to=2019-01-01").statusCode()).isEqualTo(400);
        assertThat(t.get("/api/overview?status=won").statusCode()).isEqualTo(400);
        assertThat(t.get("/api/overview?topic=nothing").statusCode()).isEqualTo(404);
        // the page carries the filter in its links: a view is a link
        assertThat(t.get("/?province=110000").body()).contains("href=\"/?topic=blockchain&amp;province=110000&amp;level=");
    }

    @Test
    void searchFindsChineseAndEnglishWithHighlights() {
        JsonNode zh = t.json("/api/search?q=" + Views.encode("区块链"));
        assertThat(zh.path("hits").findValuesAsText("ocid")).contains(TestServer.HOSTILE_OCID, TestServer.LIVE_OCID);
        JsonNode en = t.json("/api/search?q=blockchain&limit=3");
        assertThat(en.path("total").asLong()).isGreaterThan(3);
        assertThat(en.path("hits")).hasSize(3);
        JsonNode snippet = en.path("hits").get(0).path("snippets").get(0);
        int[] range = {snippet.path("highlights").get(0).get(0).asInt(), snippet.path("highlights").get(0).get(1).asInt()};
        assertThat(snippet.path("text").asText().substring(range[0], range[1])).isEqualToIgnoringCase("blockchain");
        JsonNode page2 = t.json("/api/search?q=blockchain&limit=3&offset=3");
        assertThat(page2.path("hits").get(0).path("ocid").asText()).isNotIn(en.path("hits").findValuesAsText("ocid"));
        assertThat(t.get("/search?q=blockchain").body()).contains("<mark>");
        assertThat(t.get("/api/search").statusCode()).isEqualTo(400);
        // a query that cannot be read says why, every time (not kept as a result)
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> bad = t.get("/search?q=" + Views.encode("(<b>区块链"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("Cannot read the query", "(&lt;b&gt;区块链").doesNotContain("(<b>");
        }
        assertThat(t.get("/api/search?q=" + Views.encode("(区块链")).body()).contains("\"status\":400", "Cannot read the query");
    }

    @Test
    void theArchivedCopyIsPlainTextAndItsProofVerifies() {
        HttpResponse<String> raw = t.get("/api/archive/" + t.archivedSha256);
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(raw.body()).isEqualTo(TestServer.ARCHIVED_PAGE);
        JsonNode proof = t.json("/api/archive/" + t.archivedSha256 + "/proof");
        assertThat(proof.path("sha256").asText()).isEqualTo(t.archivedSha256);
        assertThat(proof.path("verifies").asBoolean()).isTrue();
        assertThat(t.get("/api/archive/" + "0".repeat(64)).statusCode()).isEqualTo(404);
        assertThat(t.get("/api/archive/..%2F..%2Fapi-token").statusCode()).isEqualTo(404);
        String project = t.get("/project/" + TestServer.HOSTILE_OCID).body();
        assertThat(project).contains("href=\"/api/archive/" + t.archivedSha256 + "\"", "/proof\"");
    }

    @Test
    void openTendersAreThoseWithADeadlineAhead() {
        JsonNode live = t.json("/api/live");
        assertThat(live.path("items").findValuesAsText("ocid")).containsExactly(TestServer.LIVE_OCID);
        assertThat(live.path("items").get(0).path("deadline").asText()).startsWith("2099-06-30");
        assertThat(t.get("/live").body()).contains("区块链电子证照平台 open tender");
        // its project page shows the amount of each lot
        String project = t.get("/project/" + TestServer.LIVE_OCID).body();
        String lots = project.substring(project.indexOf("id=\"lots\""), project.indexOf("id=\"parties\""));
        assertThat(lots).contains("第1包 区块链电子证照平台", "1,800,000.00 CNY", "第2包 运维服务", "700,000.00 CNY");
    }

    @Test
    void profilesShowHistoryWinShareBuyersAndCompetitors() {
        JsonNode supplier = t.json("/api/suppliers/" + TestServer.HOSTILE_SUPPLIER_ID);
        assertThat(supplier.path("name").asText()).isEqualTo(TestServer.ONCLICK_SUPPLIER);
        assertThat(supplier.path("records").asInt()).isEqualTo(1);
        assertThat(supplier.path("award").decimalValue()).isEqualByComparingTo("990000");
        assertThat(supplier.path("buyers").get(0).path("id").asText()).isEqualTo(TestServer.HOSTILE_BUYER_ID);
        // the buyer awarded two procurements, one to each: half the wins, and the rival is the competitor
        assertThat(supplier.path("winShare").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(supplier.path("buyers").get(0).path("share").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(supplier.path("competitors")).hasSize(1);
        assertThat(supplier.path("competitors").get(0).path("id").asText()).isEqualTo(TestServer.RIVAL_ID);
        assertThat(supplier.path("competitors").get(0).path("amount").decimalValue()).isEqualByComparingTo("500000");
        JsonNode buyer = t.json("/api/buyers/" + TestServer.HOSTILE_BUYER_ID);
        assertThat(buyer.path("records").asInt()).isEqualTo(3);
        assertThat(buyer.path("suppliers").findValuesAsText("id")).containsExactlyInAnyOrder(TestServer.HOSTILE_SUPPLIER_ID, TestServer.RIVAL_ID);
        assertThat(buyer.path("history").path("items")).hasSize(3);
        assertThat(buyer.path("history").path("items").get(0).path("ocid").asText()).isEqualTo(TestServer.LIVE_OCID);
        assertThat(t.json("/api/buyers/" + TestServer.HOSTILE_BUYER_ID + "?limit=1&offset=2").path("history").path("items").get(0)
                .path("ocid").asText()).isEqualTo(TestServer.HOSTILE_OCID);
        assertThat(t.get("/api/buyers/CN-ORG-nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesEscapeNoticeText() {
        String project = t.get("/project/" + TestServer.HOSTILE_OCID).body();
        assertThat(project).doesNotContain("<script>window", "<script>document", "<img src=x", "<b onclick", "href=\"javascript:");
        assertThat(project).contains("&lt;script&gt;document.title=&#39;pwned&#39;");
        assertThat(t.get("/").body()).doesNotContain("<img src=x");
        assertThat(t.get("/supplier/" + TestServer.HOSTILE_SUPPLIER_ID).body()).doesNotContain("<b onclick");
    }
}
