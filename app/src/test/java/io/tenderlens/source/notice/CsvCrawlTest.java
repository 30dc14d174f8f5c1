package io.tenderlens.source.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.notice.ExpectedRelease;
import io.tenderlens.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The crawler's CSV (cn-notices group C): 500 rows, 20 notices each crawled 25 times. Linking keeps one
 * release per notice, in the order the notices first appear, and never links two different notices of
 * the same buyer or template (北京师范大学 0807/0808, 交通运输部公路科学研究所 FF44/FF45, 国家税务总局 ×5).
 */
class CsvCrawlTest {
    private static final Path CSV = SharedData.path("cn-notices/csv/junkrango__ccgp_spider__output.csv");

    @Test
    void twentyNoticesCrawled25TimesEachBecomeTwentyReleases() throws Exception {
        List<NoticeProblem> problems = new ArrayList<>();
        NoticeFiles.Result result = new NoticeFiles().releases(List.of(CSV), problems::add);
        assertThat(problems).isEmpty();
        assertThat(result.notices()).isEqualTo(500);
        assertThat(result.duplicates()).isEqualTo(480);
        assertThat(result.releases()).hasSize(20);
        Set<String> ocids = new HashSet<>();
        result.releases().forEach(r -> ocids.add(r.path("ocid").asText()));
        assertThat(ocids).as("twenty procurements, none linked to another").hasSize(20);
        assertThat(result.releases().get(0).path("noticeSource").path("file").asText()).endsWith(".csv#1");
        assertThat(result.releases().get(19).path("noticeSource").path("file").asText()).endsWith(".csv#20");
    }

    @Test
    void everyNoticeReadsAsItsTextSays() throws Exception {
        NoticeFiles.Result result = new NoticeFiles().releases(List.of(CSV), p -> { });
        JsonNode expected = ExpectedRelease.resource(CsvCrawlTest.class, "csv-crawl.json");
        assertThat(expected).hasSize(20);
        for (JsonNode e : expected) {
            ObjectNode release = result.releases().stream()
                    .filter(r -> r.path("noticeSource").path("url").asText().endsWith(e.get("urlEndsWith").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no release for " + e.get("urlEndsWith")));
            ExpectedRelease.check(release, e);
            assertThat(release.path("date").asText()).startsWith("2018-10-2");
        }
    }

    @Test
    void readingTwiceGivesTheSameReleases() throws Exception {
        List<ObjectNode> first = new NoticeFiles().releases(List.of(CSV), p -> { }).releases();
        List<ObjectNode> second = new NoticeFiles().releases(List.of(CSV), p -> { }).releases();
        assertThat(second).isEqualTo(first);
    }
}
