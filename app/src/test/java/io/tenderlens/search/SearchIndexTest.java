package io.tenderlens.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.cli.CommandRun;
import io.tenderlens.store.Store;
import io.tenderlens.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The search index over a store holding the blockchain sample, samples/ocds, real OCDS (Canada, Mexico
 * City), real Chinese notices converted by {@code tenderlens convert} (ccgp.gov.cn pages and a
 * Heilongjiang aggregator file whose notices carry the 区块链已存证 stamp) and three small Chinese
 * fixtures about and around 区块链.
 */
class SearchIndexTest {
    @TempDir static Path tmp;
    static Path db;
    static SearchIndex index;
    static RecordSearcher searcher;

    @BeforeAll
    static void ingestAndIndex() throws Exception {
        db = tmp.resolve("db");
        Path notices = tmp.resolve("notices.json");
        run("convert", "-o", notices.toString(),
                SharedData.path("cn-notices/raw-html/ccgp.gov.cn").toString(),
                SharedData.path("cn-notices/json/daijy0926__zhaotoubiaoshuju/sssxw4.json").toString());
        Path repo = repoRoot();
        run("ingest", "--db", db.toString(), repo.resolve("samples/blockchain").toString(), repo.resolve("samples/ocds").toString(),
                SharedData.path("ocds/real/canada-buyandsell/releases.jsonl").toString(),
                SharedData.path("ocds/real/mexico-cdmx/releases.jsonl").toString(),
                notices.toString(), fixtures().toString());
        index = SearchIndex.of(db, SearchAnalyzer.bundled());
        try (Store store = Store.openReadOnly(db)) {
            assertThat(index.isCurrent(store)).isFalse();
            SearchIndex.UpdateCounts first = index.update(store, n -> { });
            assertThat(first.indexed()).isEqualTo(store.recordCount()).isGreaterThan(150);
            assertThat(index.isCurrent(store)).isTrue();
            assertThat(index.update(store, n -> { }).indexed()).as("a second update has nothing to do").isZero();
        }
        searcher = index.openSearcher();
    }

    static Path fixtures() throws URISyntaxException {
        return Path.of(SearchIndexTest.class.getResource("chinese-fixtures.jsonl").toURI());
    }

    static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples/blockchain"))) {
                return dir;
            }
        }
        throw new AssertionError("samples/blockchain not found above " + Path.of("").toAbsolutePath());
    }

    static String run(String... args) {
        CommandRun r = CommandRun.of(args);
        if (r.exit() != 0) {
            throw new AssertionError(String.join(" ", args) + " exited " + r.exit() + ": " + r.err());
        }
        return r.out();
    }

    static Set<String> ocids(String query) {
        return searcher.search(query, 1000).hits().stream().map(SearchHit::ocid).collect(Collectors.toSet());
    }

    @Test
    void chineseWordIsWholeAndPartialWordDoesNotMatchIt() {
        assertThat(ocids("区块链")).containsExactlyInAnyOrder("ocds-tltest-bc-1", "ocds-tltest-bc-3");
        // 区块 is a word of its own: it does not match inside 区块链 (documented; write 区块* for a prefix)
        assertThat(ocids("区块")).containsExactly("ocds-tltest-bc-2");
        assertThat(ocids("区块*")).containsExactlyInAnyOrder("ocds-tltest-bc-1", "ocds-tltest-bc-2", "ocds-tltest-bc-3");
    }

    @Test
    void boilerplateStampIsNotSearched() throws Exception {
        // the Heilongjiang notices are stored with their 区块链已存证 stamp, but it is boilerplate, not their text
        try (Store store = Store.openReadOnly(db)) {
            assertThat(count(store, "SELECT count(*) FROM records WHERE CAST(compiled AS VARCHAR) LIKE '%区块链已存证%'")).isPositive();
        }
        assertThat(ocids("区块链")).allMatch(o -> o.startsWith("ocds-tltest-"));
    }

    @Test
    void fieldScopes() {
        assertThat(ocids("title:区块链")).containsExactly("ocds-tltest-bc-1");
        assertThat(ocids("supplier:科技")).contains("ocds-tltest-bc-1");
        Set<String> customs = ocids("buyer:海关");
        assertThat(customs).contains("ocds-tenderlens-seed-05");
        for (SearchHit h : searcher.search("buyer:海关", 100).hits()) {
            assertThat(h.buyer()).contains("海关");
        }
        assertThat(ocids("buyer:医院")).hasSizeGreaterThan(5)
                .allSatisfy(o -> assertThat(searcher.search("buyer:医院", 100).hits().stream()
                        .filter(h -> h.ocid().equals(o)).findFirst().orElseThrow().buyer()).contains("医院"));
    }

    @Test
    void phrasesChineseSpacedOrNotAndEnglish() {
        assertThat(ocids("\"智能 合约\"")).containsExactly("ocds-tltest-bc-1");
        assertThat(ocids("智能合约")).containsExactly("ocds-tltest-bc-1");
        assertThat(ocids("\"共享平台\"")).containsExactly("ocds-tltest-bc-1");
        // a compound typed without quotes is the same phrase, not any one of its words (平台 alone is everywhere)
        assertThat(ocids("共享平台")).containsExactly("ocds-tltest-bc-1");
        assertThat(ocids("平台")).hasSizeGreaterThan(1);
        Set<String> seal = ocids("\"electronic seal\"");
        assertThat(seal).isNotEmpty();
        for (SearchHit h : searcher.search("\"electronic seal\"", 100).hits()) {
            assertThat(h.snippets()).anySatisfy(s -> assertThat(s.text().toLowerCase()).contains("electronic seal"));
        }
        // the same words apart are not the phrase
        assertThat(ocids("electronic seal")).containsAll(seal);
    }

    @Test
    void exclusionsAndBooleans() {
        assertThat(ocids("区块链 -存证")).containsExactly("ocds-tltest-bc-1");
        assertThat(ocids("区块链 NOT 档案")).containsExactly("ocds-tltest-bc-1");
        assertThat(ocids("区块链 OR 区块")).hasSize(3);
        assertThat(ocids("区块链 AND 档案")).containsExactly("ocds-tltest-bc-3");
        Set<String> blockchain = ocids("blockchain");
        Set<String> notPlatform = ocids("blockchain -platform");
        assertThat(blockchain).hasSizeGreaterThan(30);
        assertThat(notPlatform).isNotEmpty().hasSizeLessThan(blockchain.size());
        assertThat(blockchain).containsAll(notPlatform);
        // exclusions are run as filters (SearchQueryParser.exclusionsAsFilter): the same hits, in any position
        Set<String> either = ocids("区块链 OR 区块");
        Set<String> archive = ocids("档案");
        assertThat(ocids("区块链 OR 区块 -档案")).isNotEmpty()
                .isEqualTo(either.stream().filter(o -> !archive.contains(o)).collect(Collectors.toSet()));
        assertThat(ocids("(区块链 -档案) OR 区块")).containsExactlyInAnyOrder("ocds-tltest-bc-1", "ocds-tltest-bc-2");
        assertThat(searcher.search("blockchain -platform", 5).hits()).allSatisfy(h -> assertThat(h.snippets()).isNotEmpty()
                .allSatisfy(sn -> assertThat(sn.text().toLowerCase()).doesNotContain("platform")));
        // exclusions alone: everything but
        assertThat(searcher.search("-blockchain", 0).total()).isEqualTo(searcher.size() - blockchain.size());
    }

    @Test
    void englishAndSpanishOnRealOcds() {
        assertThat(searcher.search("blockchain", 100).hits()).first()
                .satisfies(h -> assertThat(h.title()).containsIgnoringCase("blockchain"));
        // Canada: real English tender titles; stemming makes "services" find "service"
        assertThat(ocids("title:services")).isNotEmpty().isEqualTo(ocids("title:service"));
        assertThat(ocids("text:mantenimiento OR title:mantenimiento")).isNotEmpty();
    }

    @Test
    void snippetsAreTextWithHighlightOffsets() {
        SearchHit hit = searcher.search("区块链", 10).hits().stream()
                .filter(h -> h.ocid().equals("ocds-tltest-bc-1")).findFirst().orElseThrow();
        assertThat(hit.title()).isEqualTo("基于区块链的电子证照共享平台建设项目");
        assertThat(hit.buyer()).isEqualTo("某市政务服务数据管理局");
        assertThat(hit.suppliers()).containsExactly("某某链科技有限公司");
        assertThat(hit.date()).isEqualTo("2024-03-05");
        SearchHit.Snippet title = hit.snippets().get(0);
        assertThat(title.field()).isEqualTo("title");
        assertThat(title.highlights()).hasSize(1);
        SearchHit.Highlight h = title.highlights().get(0);
        assertThat(title.text().substring(h.start(), h.end())).isEqualTo("区块链");
        for (SearchHit any : searcher.search("\"智能 合约\" OR blockchain", 50).hits()) {
            for (SearchHit.Snippet s : any.snippets()) {
                assertThat(s.highlights()).isNotEmpty().allSatisfy(x -> {
                    String word = s.text().substring(x.start(), x.end()).toLowerCase();
                    assertThat(word).isIn("智能合约", "blockchain", "blockchains");
                });
            }
        }
    }

    @Test
    void badQueriesSayWhy() {
        assertThatThrownBy(() -> searcher.search("title:(区块链", 10)).isInstanceOf(SearchQueryException.class)
                .hasMessageContaining("Cannot read the query `title:(区块链`").hasMessageContaining("field:word");
        assertThatThrownBy(() -> searcher.search("owner:海关", 10)).isInstanceOf(SearchQueryException.class)
                .hasMessageContaining("unknown field 'owner'");
        assertThatThrownBy(() -> searcher.search("  ", 10)).isInstanceOf(SearchQueryException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void commandPrintsMarkedSnippetsAndJson() throws Exception {
        String text = run("search", "--db", db.toString(), "--limit", "3", "title:区块链");
        assertThat(text).contains("1 record match title:区块链").contains("ocds-tltest-bc-1").contains("[区块链]");
        JsonNode json = new ObjectMapper().readTree(run("search", "--db", db.toString(), "--json", "blockchain"));
        assertThat(json.path("hits")).hasSize(10);
        JsonNode snippet = json.path("hits").get(0).path("snippets").get(0);
        JsonNode range = snippet.path("highlights").get(0);
        assertThat(snippet.path("text").asText().substring(range.path("start").asInt(), range.path("end").asInt()))
                .isEqualToIgnoringCase("blockchain");
        CommandRun unreadable = CommandRun.of("search", "--db", db.toString(), "\"区块链");
        assertThat(unreadable.exit()).isEqualTo(1);
        assertThat(unreadable.err()).contains("tenderlens search: Cannot read the query");
    }

    @Test
    void incrementalUpdateReindexesOnlyChangedRecords() throws Exception {
        Path copy = tmp.resolve("copy");
        run("ingest", "--db", copy.toString(), fixtures().toString());
        SearchIndex small = SearchIndex.of(copy, SearchAnalyzer.bundled());
        try (Store store = Store.openReadOnly(copy)) {
            assertThat(small.update(store, n -> { }).indexed()).isEqualTo(3);
        }
        Path extra = tmp.resolve("extra.jsonl");
        Files.writeString(extra, """
                {"ocid":"ocds-tltest-bc-2","id":"bc-2-cancel","date":"2024-07-01T00:00:00+08:00","tag":["tenderCancellation"],"tender":{"id":"bc-2","status":"cancelled","description":"因预算调整，项目终止。"}}
                """);
        run("ingest", "--db", copy.toString(), extra.toString());
        try (Store store = Store.openReadOnly(copy)) {
            assertThat(small.isCurrent(store)).isFalse();
            SearchIndex.UpdateCounts c = small.update(store, n -> { });
            assertThat(c.indexed()).isEqualTo(1);
            assertThat(c.documents()).isEqualTo(3);
        }
        try (RecordSearcher s = small.openSearcher()) {
            SearchHit hit = s.search("预算调整", 10).hits().get(0);
            assertThat(hit.ocid()).isEqualTo("ocds-tltest-bc-2");
            assertThat(hit.status()).isEqualTo("cancelled");
        }
    }

    private static long count(Store store, String sql) throws Exception {
        try (var s = store.connection().createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
