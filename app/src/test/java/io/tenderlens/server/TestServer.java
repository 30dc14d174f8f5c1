package io.tenderlens.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.archive.Archive;
import io.tenderlens.ocds.MergeRules;
import io.tenderlens.ocds.MergeWarnings;
import io.tenderlens.ocds.ReleaseCompiler;
import io.tenderlens.report.SampleReports;
import io.tenderlens.store.ReleaseIngest;
import io.tenderlens.store.Store;
import io.tenderlens.topic.Topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One real server for the test classes of a run: a store in a temporary directory holding the bundled
 * sample (samples/blockchain), a notice whose text carries script payloads (its raw bytes archived), and
 * a tender whose deadline is far in the future, a rival's award at the same buyer; a search index; Javalin on an ephemeral port.
 */
final class TestServer {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Set by any payload that runs; the browser tests assert it stays undefined. */
    static final String FLAG = "__xss";
    static final String HOSTILE_OCID = "ocds-tenderlens-test-hostile";
    static final String LIVE_OCID = "ocds-tenderlens-test-live";
    static final String RIVAL_OCID = "ocds-tenderlens-test-rival";
    static final String RIVAL_ID = "CN-ORG-test-rival";
    static final String HOSTILE_BUYER_ID = "CN-ORG-test-hostile-buyer";
    static final String HOSTILE_SUPPLIER_ID = "CN-ORG-test-hostile-supplier";
    static final String SCRIPT_TITLE = "区块链<script>document.title='pwned';window.__xss=1</script>存证平台";
    static final String IMG_BUYER = "<img src=x onerror=\"document.title='pwned';window.__xss=2\">恶意采购人";
    static final String ONCLICK_SUPPLIER = "<b onclick=\"window.__xss=3\" onmouseover=\"window.__xss=3\">恶意供应商</b>";
    static final String ARCHIVED_PAGE = "<html><body><script>window.__xss=4</script><p>区块链 公开招标公告 raw bytes</p></body></html>";

    private static TestServer instance;

    final Path dir;
    final ServerContext context;
    final WebServer server;
    final ApiToken token;
    final String archivedSha256;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(Path dir, ServerContext context, WebServer server, ApiToken token, String archivedSha256) {
        this.dir = dir;
        this.context = context;
        this.server = server;
        this.token = token;
        this.archivedSha256 = archivedSha256;
    }

    static synchronized TestServer get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.server.close();
                instance.context.close();
            }));
        }
        return instance;
    }

    private static TestServer start() throws IOException {
        Path dir = Files.createTempDirectory("tenderlens-web");
        String sha;
        try (Archive archive = Archive.open(Archive.inDataDir(dir))) {
            sha = archive.add(ARCHIVED_PAGE.getBytes(StandardCharsets.UTF_8)).sha256();
            archive.commit();
        }
        ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled(), MergeWarnings.IGNORE);
        try (Store store = Store.openForWriting(dir, "test");
             ReleaseIngest ingest = store.beginIngest(compiler::compile, (f, p, m) -> { })) {
            Path sample = SampleReports.sampleDirectory().resolve("seed-releases.json");
            int i = 0;
            for (JsonNode r : JSON.readTree(sample.toFile()).path("releases")) {
                ingest.add((ObjectNode) r, sample.toString(), "release " + i++);
            }
            for (ObjectNode r : List.of(hostileTender(sha), hostileAward(), liveTender(), rivalAward())) {
                ingest.add(r, "test", null);
            }
            ingest.finish();
        }
        ServerContext context = ServerContext.open(dir, List.of(Topic.bundled("blockchain")), m -> { });
        ApiToken token = ApiToken.loadOrCreate(dir.resolve(ApiToken.DEFAULT_FILE));
        WebServer server = WebServer.start(context, token, "127.0.0.1", 0, List.of());
        return new TestServer(dir, context, server, token, sha);
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode buyerParty() {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", HOSTILE_BUYER_ID).put("name", IMG_BUYER).putArray("roles").add("buyer");
        p.putObject("address").put("region", "北京市").put("locality", "北京市");
        ObjectNode d = p.putObject("details");
        d.put("governmentLevel", "local").put("buyerKind", "government");
        d.putObject("division").putObject("province").put("code", "110000").put("name", "北京市");
        return p;
    }

    static ObjectNode hostileTender(String sha) {
        ObjectNode r = parse("""
                {"ocid": "%s", "id": "hostile-1", "date": "2024-03-01T09:00:00+08:00", "tag": ["tender"], "initiationType": "tender",
                 "tender": {"id": "HOSTILE-1", "status": "active",
                   "description": "区块链 <img src=x onerror=window.__xss=5> <a href=\\"javascript:window.__xss=6\\" onclick=\\"window.__xss=6\\">点击 click</a>",
                   "value": {"amount": 1000000, "currency": "CNY"},
                   "tenderPeriod": {"startDate": "2024-03-01T09:00:00+08:00", "endDate": "2024-03-20T09:00:00+08:00"}},
                 "noticeSource": {"url": "javascript:window.__xss=7", "site": "test", "noticeType": "tender",
                   "noticeTypeZh": "公开招标公告<script>window.__xss=8</script>"},
                 "provenance": [{"id": "tender/title", "text": "<script>window.__xss=9</script>区块链", "rule": "<i onclick=x>test</i>"}]}
                """.formatted(HOSTILE_OCID));
        ((ObjectNode) r.get("tender")).put("title", SCRIPT_TITLE);
        ((ObjectNode) r.get("noticeSource")).put("sha256", sha);
        r.putObject("buyer").put("id", HOSTILE_BUYER_ID).put("name", IMG_BUYER);
        r.putArray("parties").add(buyerParty());
        return r;
    }

    static ObjectNode hostileAward() {
        ObjectNode r = parse("""
                {"ocid": "%s", "id": "hostile-2", "date": "2024-04-01T09:00:00+08:00", "tag": ["award"],
                 "awards": [{"id": "A1", "status": "active", "date": "2024-04-01T09:00:00+08:00", "value": {"amount": 990000, "currency": "CNY"},
                             "suppliers": [{"id": "%s"}]}]}
                """.formatted(HOSTILE_OCID, HOSTILE_SUPPLIER_ID));
        ((ObjectNode) r.path("awards").get(0).path("suppliers").get(0)).put("name", ONCLICK_SUPPLIER);
        ObjectNode supplier = JSON.createObjectNode();
        supplier.put("id", HOSTILE_SUPPLIER_ID).put("name", ONCLICK_SUPPLIER).putArray("roles").add("supplier");
        r.putArray("parties").add(supplier);
        return r;
    }

    /** Another supplier winning from the same buyer: a competitor. */
    static ObjectNode rivalAward() {
        ObjectNode r = parse("""
                {"ocid": "%s", "id": "rival-1", "date": "2024-05-01T09:00:00+08:00", "tag": ["tender", "award"],
                 "tender": {"id": "RIVAL-1", "status": "complete", "title": "区块链政务数据共享平台"},
                 "awards": [{"id": "A1", "status": "active", "date": "2024-05-01T09:00:00+08:00", "value": {"amount": 500000, "currency": "CNY"},
                             "suppliers": [{"id": "%s", "name": "竞争对手科技有限公司"}]}],
                 "parties": [{"id": "%s", "name": "竞争对手科技有限公司", "roles": ["supplier"]}]}
                """.formatted(RIVAL_OCID, RIVAL_ID, RIVAL_ID));
        r.putObject("buyer").put("id", HOSTILE_BUYER_ID).put("name", IMG_BUYER);
        ((com.fasterxml.jackson.databind.node.ArrayNode) r.get("parties")).add(buyerParty());
        return r;
    }

    static ObjectNode liveTender() {
        ObjectNode r = parse("""
                {"ocid": "%s", "id": "live-1", "date": "2025-01-01T09:00:00+08:00", "tag": ["tender"],
                 "tender": {"id": "LIVE-1", "status": "active", "title": "区块链电子证照平台 open tender",
                   "value": {"amount": 2500000, "currency": "CNY"},
                   "lots": [{"id": "1", "title": "第1包 区块链电子证照平台", "value": {"amount": 1800000, "currency": "CNY"}, "status": "active"},
                            {"id": "2", "title": "第2包 运维服务", "value": {"amount": 700000, "currency": "CNY"}, "status": "active"}],
                   "tenderPeriod": {"startDate": "2025-01-01T09:00:00+08:00", "endDate": "2099-06-30T17:00:00+08:00"}}}
                """.formatted(LIVE_OCID));
        r.putObject("buyer").put("id", HOSTILE_BUYER_ID).put("name", IMG_BUYER);
        r.putArray("parties").add(buyerParty());
        return r;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
