package io.tenderlens.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.ocds.MergeRules;
import io.tenderlens.ocds.MergeWarnings;
import io.tenderlens.ocds.ReleaseCompiler;
import io.tenderlens.server.ApiToken;
import io.tenderlens.server.ServerContext;
import io.tenderlens.server.WebServer;
import io.tenderlens.store.ReleaseIngest;
import io.tenderlens.store.Store;
import io.tenderlens.topic.Topic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The alerts in a real server: feed, public list, saving and removing with the server's token, the periodic run's step. */
class AlertRoutesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LIVE = "ocds-tltest-alert-live";
    @TempDir static Path dir;
    static ServerContext context;
    static WebServer server;
    static ApiToken token;
    static AlertRoutes alerts;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A store holding one call for tenders open until 2099 (its title carries markup) and one awarded procurement. */
    static void ingest(Path dir) throws Exception {
        ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled(), MergeWarnings.IGNORE);
        try (Store store = Store.openForWriting(dir, "test"); ReleaseIngest ingest = store.beginIngest(compiler::compile, (f, p, m) -> { })) {
            ingest.add((ObjectNode) JSON.readTree("""
                    {"ocid": "%s", "id": "live-1", "date": "2026-11-20T09:00:00+08:00", "tag": ["tender"],
                     "buyer": {"id": "B1", "name": "某市大数据局"},
                     "parties": [{"id": "B1", "name": "某市大数据局", "roles": ["buyer"],
                       "details": {"governmentLevel": "local", "division": {"province": {"code": "440000", "name": "广东省"}}}}],
                     "tender": {"id": "L1", "status": "active", "title": "区块链<b>政务</b>平台建设 & 运维",
                       "tenderPeriod": {"startDate": "2026-11-20T09:00:00+08:00", "endDate": "2099-06-30T17:00:00+08:00"}},
                     "noticeSource": {"url": "http://www.ccgp.gov.cn/cggg/dfgg/gkzb/202611/t1.htm", "site": "ccgp"}}
                    """.formatted(LIVE)), "test", "1");
            ingest.add((ObjectNode) JSON.readTree("""
                    {"ocid": "ocds-tltest-alert-done", "id": "d-1", "date": "2026-11-01T09:00:00+08:00", "tag": ["tender", "award"],
                     "tender": {"id": "D1", "status": "complete", "title": "区块链存证平台"},
                     "awards": [{"id": "A1", "status": "active", "suppliers": [{"id": "S", "name": "甲公司"}]}]}
                    """), "test", "2");
            ingest.finish();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        ingest(dir);
        context = ServerContext.open(dir, List.of(Topic.bundled("blockchain")), m -> { });
        token = ApiToken.loadOrCreate(dir.resolve(ApiToken.DEFAULT_FILE));
        alerts = new AlertRoutes(new AlertRoutes.Settings(false, Duration.ZERO, AlertMatcher.DEFAULT_FRESH_DAYS));
        server = WebServer.start(context, token, "127.0.0.1", 0, List.of(alerts));
    }

    @AfterAll
    static void stop() {
        alerts.close();
        server.close();
        context.close();
    }

    private HttpResponse<String> send(String method, String path, String body, boolean withToken) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (withToken) {
            b.header("Authorization", "Bearer " + token.value());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void savingNeedsTheTokenTheListShowsNoSecretAndTheFeedGetsEachTenderOnce() throws Exception {
        String body = "{\"id\": \"chain-gd\", \"name\": \"区块链 广东\", \"query\": \"区块链\", \"provinces\": [\"广东省\"],"
                + " \"webhook\": \"http://127.0.0.1:9/hook\"}";
        assertThat(send("POST", "/api/alerts", body, false).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/alerts", body, true).statusCode()).as("a loopback webhook is refused").isEqualTo(400);
        assertThat(send("POST", "/api/alerts", "{\"name\": \"x\", \"query\": \"title:(\"}", true).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/alerts", "not json", true).statusCode()).isEqualTo(400);

        HttpResponse<String> saved = send("POST", "/api/alerts", body.replace("http://127.0.0.1:9/hook", ""), true);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(saved.headers().firstValue("Location")).hasValue("/alerts/chain-gd/feed.atom");
        assertThat(send("POST", "/api/alerts", body.replace("http://127.0.0.1:9/hook", ""), true).statusCode()).isEqualTo(409);

        JsonNode list = JSON.readTree(send("GET", "/api/alerts", null, false).body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("query").asText()).isEqualTo("区块链");
        assertThat(list.get(0).toString()).doesNotContain("secret");

        alerts.runNow(context);
        alerts.runNow(context);
        HttpResponse<String> feed = send("GET", "/alerts/chain-gd/feed.atom", null, false);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/atom+xml"));
        assertThat(feed.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("entry").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("entry").item(0).getTextContent())
                .contains("区块链<b>政务</b>平台建设 & 运维").contains("province Guangdong").contains("open until 2099-06-30");
        assertThat(feed.body()).contains("href=\"http://127.0.0.1:" + server.port() + "/project/" + LIVE + "\"");

        JsonNode matches = JSON.readTree(send("GET", "/api/alerts/chain-gd/matches?limit=10", null, false).body());
        assertThat(matches.path("total").asInt()).isEqualTo(1);
        assertThat(matches.path("matches").get(0).path("ocid").asText()).isEqualTo(LIVE);
        assertThat(matches.path("matches").get(0).path("why").path("summaryZh").asText()).contains("地区 广东省").contains("投标截止 2099-06-30");
        assertThat(send("GET", "/api/alerts/nope/matches", null, false).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/alerts", null, false).body()).contains("区块链 广东").contains("/alerts/chain-gd/feed.atom");
        assertThat(send("DELETE", "/api/alerts/chain-gd", null, false).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", "/api/alerts/chain-gd", null, true).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/alerts/chain-gd", null, true).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/alerts/chain-gd/feed.atom", null, false).statusCode()).isEqualTo(404);
    }

    @Test
    void theSearchPageLinksToSubscribeWithItsQueryAndTheApiIsDocumented() throws Exception {
        String page = send("GET", "/search?q=" + java.net.URLEncoder.encode("区块链 \"<x>\"", StandardCharsets.UTF_8), null, false).body();
        assertThat(page).contains("id=\"subscribe-link\" href=\"/alerts?q=%E5%8C%BA%E5%9D%97%E9%93%BE+%22%3Cx%3E%22\"");
        String form = send("GET", "/alerts?q=" + java.net.URLEncoder.encode("区块链 \"<x>\"", StandardCharsets.UTF_8), null, false).body();
        assertThat(form).contains("name=\"query\" type=\"search\" value=\"区块链 &quot;&lt;x&gt;&quot;\"").doesNotContain("<x>");
        JsonNode api = JSON.readTree(send("GET", "/openapi.json", null, false).body());
        assertThat(api.path("paths").path("/api/alerts").has("get")).isTrue();
        assertThat(api.path("paths").path("/api/alerts").has("post")).isTrue();
        assertThat(api.path("paths").path("/api/alerts/{id}").has("delete")).isTrue();
        assertThat(api.path("paths").path("/api/alerts/{id}/matches").has("get")).isTrue();
    }
}
