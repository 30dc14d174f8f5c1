package io.tenderlens.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.metrics.Measure;
import io.tenderlens.metrics.Procurement;
import io.tenderlens.metrics.ProcurementFilter;
import io.tenderlens.metrics.TopicMetrics;
import io.tenderlens.place.Gazetteer;
import io.tenderlens.testing.SharedData;
import io.tenderlens.topic.TopicGrade;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample is what the seeds report, marked as such, and the report finds in it what the seeds say. */
class SampleDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyReleaseIsMarkedAsReportedByItsArticleWithTheSeedFilesHash() throws Exception {
        JsonNode pkg = JSON.readTree(SampleReports.sampleDirectory().resolve("seed-releases.json").toFile());
        Set<String> ocids = new HashSet<>();
        Gazetteer gazetteer = Gazetteer.bundled();
        for (JsonNode r : pkg.path("releases")) {
            String ocid = r.path("ocid").asText();
            assertThat(ocids.add(ocid)).as("unique ocid %s", ocid).isTrue();
            assertThat(r.path("noticeSource").path("noticeType").asText()).isEqualTo("other");
            assertThat(r.path("noticeSource").path("noticeTypeZh").asText()).startsWith("媒体报道");
            assertThat(r.path("reportedBy").size()).as(ocid).isPositive();
            for (JsonNode article : r.path("reportedBy")) {
                for (JsonNode seed : article.path("seedFiles")) {
                    String file = seed.path("file").asText().replace("seeds/", "");
                    byte[] bytes = Files.readAllBytes(SharedData.root().resolve("seeds").resolve(file));
                    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                    assertThat(seed.path("sha256").asText()).as("%s cites %s", ocid, file).isEqualTo(sha);
                }
            }
            assertThat(r.path("provenance").findValuesAsText("id")).as(ocid).contains("date");
            // every amount carries the article's words
            if (r.path("tender").has("value")) {
                assertThat(r.path("provenance").findValuesAsText("id")).as(ocid).contains("tender/value");
            }
            for (JsonNode p : r.path("parties")) {
                JsonNode code = p.path("details").path("division").path("province").path("code");
                if (!code.isMissingNode()) {
                    assertThat(gazetteer.byCode(code.asText())).as("%s %s", ocid, code).isPresent();
                }
            }
        }
        assertThat(ocids).hasSize(42);
    }

    @Test
    void everySampleProcurementIsFoundByTheBlockchainTopic() throws Exception {
        assertThat(SampleReports.sample().procurements()).allSatisfy(p ->
                assertThat(p.topic().grade()).as(p.ocid() + " " + p.title()).isIn(TopicGrade.ABOUT, TopicGrade.MENTIONS));
    }

    @Test
    void theReportFindsTheSeedsFirstAndLargestPurchase() throws Exception {
        // PANews: the first purchase was Tsinghua University's on 2016-12-12; the largest blockchain part was
        // 27.08 million yuan, Haidian District Government Affairs Services Management Bureau, 2019-08-07
        TopicMetrics panewsWindow = SampleReports.metrics(ProcurementFilter.all()
                .withDates(LocalDate.of(2016, 12, 12), LocalDate.of(2019, 9, 24)));
        Procurement first = panewsWindow.first();
        assertThat(first.buyer().name()).isEqualTo("清华大学");
        assertThat(first.firstDate()).isEqualTo(LocalDate.of(2016, 12, 12));
        Procurement largest = panewsWindow.largest().get(Measure.TOPIC_PART);
        assertThat(largest.buyer().name()).isEqualTo("北京市海淀区政务服务管理局");
        assertThat(largest.topicPart()).isEqualByComparingTo("27080000");
        // Interchain Pulse: the highest 2019 award, 8.995 million yuan, to a small and micro enterprise
        TopicMetrics in2019 = SampleReports.metrics(ProcurementFilter.all().withDates(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)));
        Procurement top2019 = in2019.largest().get(Measure.AWARD);
        assertThat(top2019.award()).isEqualByComparingTo("8995000");
        assertThat(top2019.suppliers()).singleElement().satisfies(s -> assertThat(s.party().scale()).isEqualTo("sme"));
        // 01Caijing: the Hangzhou electronic seal platform, 18.48 million yuan, is the largest award of all
        assertThat(SampleReports.metrics(ProcurementFilter.all()).largest().get(Measure.AWARD).award()).isEqualByComparingTo("18480000");
    }
}
