package io.tenderlens.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.cli.CommandRun;
import io.tenderlens.cli.Main;
import io.tenderlens.metrics.ProcurementFilter;
import io.tenderlens.search.RecordSearcher;
import io.tenderlens.search.SearchAnalyzer;
import io.tenderlens.search.SearchHit;
import io.tenderlens.search.SearchIndex;
import io.tenderlens.store.Store;
import io.tenderlens.testing.SharedData;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts over real notices: a Heilongjiang aggregator file of hospital procurement notices (2023),
 * converted by {@code tenderlens convert} and ingested, checked "as on" a day of that year.
 */
class AlertRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2023, 11, 6);
    /** Call for tenders, published 2023-11-03, deadline 2023-11-14: open on DAY. */
    private static final String OPEN = "ocds-tenderlens-87c8a1386c3c7d99";
    /** Call for tenders whose deadline (2023-10-09) passed before DAY. */
    private static final String CLOSED = "ocds-tenderlens-f781ef522d30a59b";

    @TempDir static Path shared;
    static Path template;
    @TempDir Path tmp;

    @BeforeAll
    static void convertAndIngest() {
        Path notices = shared.resolve("notices.json");
        cli("convert", "-o", notices.toString(), SharedData.path("cn-notices/json/daijy0926__zhaotoubiaoshuju/sssxw4.json").toString());
        template = shared.resolve("db");
        cli("ingest", "--db", template.toString(), notices.toString());
    }

    static void cli(String... args) {
        CommandRun r = CommandRun.of(args);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
    }

    /** A store of its own for a test: a copy of the ingested one. */
    private Path ingested() throws IOException {
        Path db = Files.createDirectories(tmp.resolve("db"));
        try (Stream<Path> files = Files.list(template)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, db.resolve(f.getFileName()));
            }
        }
        return db;
    }

    private static Clock clock(LocalDate day) {
        return Clock.fixed(day.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC"));
    }

    private static AlertRunner.RunCounts run(AlertStore alerts, Store store, LocalDate day) {
        List<String> problems = new ArrayList<>();
        AlertRunner.RunCounts c = new AlertRunner(alerts, store, new AlertMatcher(AlertMatcher.DEFAULT_FRESH_DAYS),
                new QueryMatcher(SearchAnalyzer.bundled()), clock(day)).run(problems::add);
        assertThat(problems).isEmpty();
        return c;
    }

    private static SavedSearch search(String id, String query) {
        return new SavedSearch(id, "手术室 surgery rooms", query, null, null, null);
    }

    @Test
    void announcesEachOpenMatchingTenderOnceAndANewOneExactlyOnce() throws Exception {
        Path db = ingested();
        Set<String> searchHits;
        try (Store store = Store.openReadOnly(db); AlertStore alerts = AlertStore.open(db)) {
            SearchIndex index = SearchIndex.of(db, SearchAnalyzer.bundled());
            index.update(store, n -> { });
            try (RecordSearcher searcher = index.openSearcher()) {
                searchHits = searcher.search("手术室", 1000).hits().stream().map(SearchHit::ocid).collect(Collectors.toSet());
            }
            AlertRegistration.register(alerts, search("surgery", "手术室"), null, WebhookTargets.system(false),
                    new QueryMatcher(SearchAnalyzer.bundled()), Instant.parse("2023-11-01T00:00:00Z"));

            AlertRunner.RunCounts first = run(alerts, store, DAY);
            Set<String> announced = alerts.announced("surgery");
            assertThat(first.announced()).isEqualTo(announced.size());
            assertThat(announced).contains(OPEN).doesNotContain(CLOSED);
            assertThat(searchHits).as("the search command finds what the alert found").containsAll(announced).contains(CLOSED);
            for (String ocid : announced) {
                JsonNode tender = store.compiledRelease(ocid).orElseThrow().path("tender");
                String end = tender.path("tenderPeriod").path("endDate").asText("");
                assertThat(end.isEmpty() || end.substring(0, 10).compareTo(DAY.toString()) >= 0).as(ocid + " open on " + DAY).isTrue();
            }
            assertThat(run(alerts, store, DAY).announced()).as("a second run announces nothing").isZero();

            Document feed = parse(AlertFeeds.feed(alerts, "surgery", "http://127.0.0.1:7070", AlertFeeds.ENTRIES).orElseThrow());
            assertThat(entryIds(feed)).hasSize(announced.size()).doesNotHaveDuplicates();
            Element open = entry(feed, OPEN);
            assertThat(child(open, "summary").getTextContent())
                    .contains("Why it matched: query 手术室: 手术室 in title").contains("open until 2023-11-14")
                    .contains("匹配原因: 检索式 手术室：手术室 见于标题");
            assertThat(child(open, "title").getTextContent()).isEqualTo("深圳市第三人民医院手术室行为管理系统");
        }

        // a new call for tenders arrives
        Path fresh = tmp.resolve("fresh.jsonl");
        Files.writeString(fresh, "{\"ocid\":\"ocds-tltest-alert-1\",\"id\":\"t1\",\"date\":\"2023-11-07T10:00:00+08:00\",\"tag\":[\"tender\"],"
                + "\"buyer\":{\"id\":\"B\",\"name\":\"某市人民医院\"},\"parties\":[{\"id\":\"B\",\"name\":\"某市人民医院\",\"roles\":[\"buyer\"]}],"
                + "\"tender\":{\"id\":\"t\",\"title\":\"手术室 <script>alert(1)</script> 行为管理系统 & 维保\",\"status\":\"active\","
                + "\"tenderPeriod\":{\"endDate\":\"2023-11-28T09:30:00+08:00\"}},"
                + "\"noticeSource\":{\"url\":\"http://www.ccgp.gov.cn/cggg/dfgg/gkzb/202311/t20231107_1.htm\"}}\n", StandardCharsets.UTF_8);
        cli("ingest", "--db", db.toString(), fresh.toString());
        try (Store store = Store.openReadOnly(db); AlertStore alerts = AlertStore.open(db)) {
            int before = alerts.announced("surgery").size();
            AlertRunner.RunCounts second = run(alerts, store, DAY.plusDays(1));
            assertThat(second.candidates()).as("only the record compiled since the last run is looked at").isEqualTo(1);
            assertThat(second.announced()).isEqualTo(1);
            assertThat(run(alerts, store, DAY.plusDays(1)).announced()).isZero();
            Document feed = parse(AlertFeeds.feed(alerts, "surgery", "http://127.0.0.1:7070", AlertFeeds.ENTRIES).orElseThrow());
            assertThat(entryIds(feed)).hasSize(before + 1).doesNotHaveDuplicates();
            Element added = entry(feed, "ocds-tltest-alert-1");
            assertThat(child(added, "title").getTextContent()).isEqualTo("手术室 <script>alert(1)</script> 行为管理系统 & 维保");
            assertThat(((Element) feed.getDocumentElement().getElementsByTagName("entry").item(0)))
                    .as("newest first").isSameAs(added);
        }
    }

    @Test
    void webhooksArePostedSignedOnceEachAndAFailingTargetIsRetriedThenLogged() throws Exception {
        Path db = ingested();
        try (MockWebServer good = new MockWebServer(); MockWebServer bad = new MockWebServer();
             Store store = Store.openReadOnly(db); AlertStore alerts = AlertStore.open(db)) {
            good.start(0);
            for (int i = 0; i < 10; i++) {
                good.enqueue(new MockResponse.Builder().code(204).build());
            }
            for (int i = 0; i < 3; i++) {
                bad.enqueue(new MockResponse.Builder().code(503).body("busy").build());
            }
            bad.enqueue(new MockResponse.Builder().code(302).addHeader("Location", good.url("/stolen")).build());
            bad.start(0);
            WebhookTargets local = WebhookTargets.system(true);
            QueryMatcher queries = new QueryMatcher(SearchAnalyzer.bundled());
            SavedSearch guangdong = new SavedSearch("hooked", "广东 手术室", "手术室", null, new ProcurementFilter(Set.of(), null, null,
                    Set.of("广东省"), Set.of(), Set.of(), Set.of(), Set.of()), null);
            AlertStore.Stored hooked = AlertRegistration.register(alerts, guangdong, good.url("/hook").toString(),
                    local, queries, Instant.EPOCH);
            AlertRegistration.register(alerts, search("failing", "title:深圳市第三人民医院手术室行为管理系统"), bad.url("/hook").toString(),
                    local, queries, Instant.EPOCH);

            AlertRunner.RunCounts c = run(alerts, store, DAY);
            int expected = alerts.announced("hooked").size();
            assertThat(expected).isPositive();
            assertThat(c.webhooksQueued()).isEqualTo(expected + 1);
            List<Duration> pauses = new ArrayList<>();
            WebhookSender sender = new WebhookSender(alerts, local, Duration.ofSeconds(5), 4, Duration.ofSeconds(1), pauses::add,
                    Clock.systemUTC());
            WebhookSender.Sent sent = sender.sendPending();
            assertThat(sent).isEqualTo(new WebhookSender.Sent(expected, 1));

            Set<String> ocids = new HashSet<>();
            for (int i = 0; i < expected; i++) {
                RecordedRequest r = good.takeRequest(5, TimeUnit.SECONDS);
                assertThat(r.getMethod()).isEqualTo("POST");
                assertThat(r.getTarget()).isEqualTo("/hook");
                String body = r.getBody().utf8();
                String timestamp = r.getHeaders().get(WebhookSender.TIMESTAMP_HEADER);
                assertThat(r.getHeaders().get(WebhookSender.SIGNATURE_HEADER))
                        .isEqualTo(WebhookSender.signature(hooked.webhook().secret(), timestamp, body))
                        .isNotEqualTo(WebhookSender.signature("another secret", timestamp, body));
                JsonNode json = JSON.readTree(body);
                assertThat(json.path("searchId").asText()).isEqualTo("hooked");
                assertThat(json.path("release").path("ocid").asText()).isEqualTo(json.path("ocid").asText());
                assertThat(json.path("release").path("tender").path("title").asText()).contains("手术室");
                assertThat(json.path("why").path("summaryEn").asText()).contains("query 手术室: 手术室 in title").contains("province Guangdong");
                assertThat(json.path("why").path("summaryZh").asText()).contains("地区 广东省");
                assertThat(r.getHeaders().get(WebhookSender.DELIVERY_HEADER)).isEqualTo(json.path("deliveryId").asText());
                ocids.add(json.path("ocid").asText());
            }
            assertThat(ocids).isEqualTo(alerts.announced("hooked"));

            assertThat(bad.getRequestCount()).as("three 503s, then a redirect: final, and not followed").isEqualTo(4);
            assertThat(good.getRequestCount()).as("the redirect target was never asked").isEqualTo(expected);
            assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
            List<AlertStore.Attempt> log = alerts.attempts("failing");
            assertThat(log).extracting(AlertStore.Attempt::httpStatus).containsExactly(302, 503, 503, 503);
            assertThat(log.get(0).error()).isEqualTo("redirect not followed");
            assertThat(alerts.deliveries("failing")).extracting(AlertStore.Delivery::state).containsExactly("failed");

            assertThat(run(alerts, store, DAY).webhooksQueued()).isZero();
            assertThat(sender.sendPending()).as("nothing is sent twice").isEqualTo(new WebhookSender.Sent(0, 0));
        }
    }

    @Test
    void aDeliveryLeftPendingIsSentByTheNextRunAndATargetThatTurnsPrivateIsRefusedAtSendTime() throws Exception {
        Path db = ingested();
        try (MockWebServer server = new MockWebServer(); Store store = Store.openReadOnly(db); AlertStore alerts = AlertStore.open(db)) {
            server.enqueue(new MockResponse.Builder().code(200).build());
            server.start(0);
            String[] resolvesTo = {"93.184.215.14"};
            WebhookTargets checked = new WebhookTargets(false, host -> new java.net.InetAddress[] {
                    java.net.InetAddress.getByName(resolvesTo[0])});
            AlertRegistration.register(alerts, search("rebind", "title:深圳市第三人民医院手术室行为管理系统"),
                    "http://hook.example:" + server.getPort() + "/hook", checked, new QueryMatcher(SearchAnalyzer.bundled()), Instant.EPOCH);
            run(alerts, store, DAY); // the run "is killed" before sending: its deliveries stay pending
            assertThat(alerts.pendingDeliveries()).hasSize(1);

            resolvesTo[0] = "127.0.0.1"; // the name now points at this machine
            WebhookSender.Sent sent = new WebhookSender(alerts, checked, Duration.ofSeconds(5), 4, Duration.ZERO, d -> { },
                    Clock.systemUTC()).sendPending();
            assertThat(sent).isEqualTo(new WebhookSender.Sent(0, 1));
            assertThat(server.getRequestCount()).isZero();
            assertThat(alerts.attempts("rebind")).singleElement().satisfies(a -> {
                assertThat(a.httpStatus()).isNull();
                assertThat(a.error()).contains("resolves to 127.0.0.1");
            });
        }
    }

    @Test
    void theQueryMatchesExactlyTheRecordsTheSearchCommandFinds() throws Exception {
        Path db = ingested();
        List<String> queries = List.of("手术室", "title:手术室", "医院 -手术室", "\"行为 管理\"", "医院 OR 大学", "手术*",
                "buyer:医院 AND text:系统", "-手术室", "信息化 (采购 OR 建设)");
        QueryMatcher matcher = new QueryMatcher(SearchAnalyzer.bundled());
        try (Store store = Store.openReadOnly(db)) {
            SearchIndex index = SearchIndex.of(db, SearchAnalyzer.bundled());
            index.update(store, n -> { });
            List<QueryMatcher.Candidate> candidates = new ArrayList<>();
            List<String> ocids = new ArrayList<>();
            try (var ps = store.connection().prepareStatement("SELECT ocid, title, buyer_name, supplier_names, compiled FROM records");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> suppliers = new ArrayList<>();
                    for (Object o : (Object[]) rs.getArray(4).getArray()) {
                        suppliers.add(o.toString());
                    }
                    ocids.add(rs.getString(1));
                    candidates.add(matcher.candidate(io.tenderlens.search.SearchFields.of(rs.getString(1), rs.getString(2), rs.getString(3),
                            suppliers, null, null, null, JSON.readTree(rs.getString(5)))));
                }
            }
            assertThat(ocids).hasSizeGreaterThan(50);
            try (RecordSearcher searcher = index.openSearcher()) {
                for (String q : queries) {
                    Set<String> found = searcher.search(q, 1000).hits().stream().map(SearchHit::ocid).collect(Collectors.toSet());
                    Set<String> matched = new HashSet<>();
                    for (int i = 0; i < ocids.size(); i++) {
                        QueryOutcome outcome = matcher.match(matcher.parse(q), candidates.get(i));
                        if (outcome.matched()) {
                            matched.add(ocids.get(i));
                            assertThat(q.startsWith("-") || !outcome.hits().isEmpty()).as(q + " says which words matched in " + ocids.get(i)).isTrue();
                        }
                    }
                    assertThat(matched).as(q).isEqualTo(found).isNotEmpty();
                }
            }
        }
    }

    @Test
    void aSearchSavedLaterLooksAtEveryRecordWhileTheFirstLooksOnlyAtNewOnes() throws Exception {
        Path db = ingested();
        try (Store store = Store.openReadOnly(db); AlertStore alerts = AlertStore.open(db)) {
            QueryMatcher queries = new QueryMatcher(SearchAnalyzer.bundled());
            AlertRegistration.register(alerts, search("first", "手术室"), null, WebhookTargets.system(false), queries, Instant.EPOCH);
            int first = run(alerts, store, DAY).announced();
            assertThat(first).isPositive();
            AlertRegistration.register(alerts, search("second", "手术室"), null, WebhookTargets.system(false), queries, Instant.EPOCH);
            AlertRunner.RunCounts c = run(alerts, store, DAY);
            assertThat(c.announced()).isEqualTo(first);
            assertThat(alerts.announced("second")).isEqualTo(alerts.announced("first"));
            assertThat(alerts.find("first").orElseThrow().checkedThrough()).isEqualTo(alerts.find("second").orElseThrow().checkedThrough())
                    .isNotNull();
        }
    }

    @Test
    void aRunKilledWhileSendingLosesNothingAndAnnouncesNothingTwice() throws Exception {
        Path db = ingested();
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).headersDelay(60, TimeUnit.SECONDS).build());
            for (int i = 0; i < 20; i++) {
                server.enqueue(new MockResponse.Builder().code(200).build());
            }
            server.start(0);
            try (AlertStore alerts = AlertStore.open(db)) {
                AlertRegistration.register(alerts, search("killed", "手术室"), server.url("/hook").toString(), WebhookTargets.system(true),
                        new QueryMatcher(SearchAnalyzer.bundled()), Instant.EPOCH);
            }
            Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "alerts", "run", "--db", db.toString(),
                    "--today", DAY.toString(), "--allow-private-webhooks"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            RecordedRequest first;
            try {
                first = server.takeRequest(120, TimeUnit.SECONDS);
                assertThat(first).as("the child run began sending").isNotNull();
            } finally {
                child.destroyForcibly(); // SIGKILL while it waits for the first answer
                child.waitFor(30, TimeUnit.SECONDS);
            }
            try (Store store = Store.openReadOnly(db); AlertStore alerts = AlertStore.open(db)) {
                int announced = alerts.announced("killed").size();
                assertThat(announced).as("the matches were committed before sending").isPositive();
                assertThat(alerts.pendingDeliveries()).hasSize(announced);
                assertThat(run(alerts, store, DAY).announced()).as("nothing is announced twice").isZero();
                WebhookSender.Sent sent = new WebhookSender(alerts, WebhookTargets.system(true), Duration.ofSeconds(5), 4, Duration.ZERO,
                        d -> { }, Clock.systemUTC()).sendPending();
                assertThat(sent).isEqualTo(new WebhookSender.Sent(announced, 0));
                List<String> delivered = new ArrayList<>();
                for (int i = 0; i < announced; i++) {
                    delivered.add(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get(WebhookSender.DELIVERY_HEADER));
                }
                assertThat(delivered).as("every match is delivered; the one cut off is sent again under its id")
                        .doesNotHaveDuplicates().hasSize(announced).contains(first.getHeaders().get(WebhookSender.DELIVERY_HEADER));
                assertThat(alerts.pendingDeliveries()).isEmpty();
            }
        }
    }

    // ---- feed helpers

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> entryIds(Document feed) {
        List<String> ids = new ArrayList<>();
        NodeList entries = feed.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            ids.add(child((Element) entries.item(i), "id").getTextContent());
        }
        return ids;
    }

    private static Element entry(Document feed, String ocid) {
        NodeList entries = feed.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        Element found = null;
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            if (child(e, "summary").getTextContent().endsWith("OCID: " + ocid)) {
                assertThat(found).as("one entry for " + ocid).isNull();
                found = e;
            }
        }
        assertThat(found).as("an entry for " + ocid).isNotNull();
        return found;
    }

    private static Element child(Element parent, String name) {
        return (Element) parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0);
    }
}
