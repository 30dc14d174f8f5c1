package io.tenderlens.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.metrics.Procurement;
import io.tenderlens.metrics.ProcurementExtractor;
import io.tenderlens.metrics.ProcurementFilter;
import io.tenderlens.metrics.Status;
import io.tenderlens.sector.SectorRules;
import io.tenderlens.topic.Topic;
import io.tenderlens.topic.TopicGrade;
import io.tenderlens.topic.TopicGrader;
import io.tenderlens.topic.TopicMatcher;
import io.tenderlens.topic.WhitespaceSegmenter;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AlertMatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final ProcurementExtractor extractor = new ProcurementExtractor(
            new TopicGrader(new TopicMatcher(Topic.bundled("blockchain"), new WhitespaceSegmenter())), SectorRules.bundled(), "CNY");
    private final AlertMatcher matcher = new AlertMatcher(AlertMatcher.DEFAULT_FRESH_DAYS);

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    /** A call for tenders of a Beijing central buyer, published {@code date}, deadline {@code end} (or none). */
    private static JsonNode tender(String title, String date, String end, String status, String awards) {
        return json("{'ocid': 'ocds-x-1', 'id': 'r1', 'date': '" + date + "T09:00:00+08:00', 'tag': ['tender'],"
                + " 'buyer': {'id': 'B1', 'name': '国家税务总局'},"
                + " 'parties': [{'id': 'B1', 'name': '国家税务总局', 'roles': ['buyer'], 'details': {'governmentLevel': 'central',"
                + " 'buyerKind': 'government', 'division': {'province': {'code': '110000', 'name': '北京市'}}}}],"
                + " 'tender': {'id': 't', 'title': '" + title + "', 'status': '" + status + "', 'tenderPeriod': {'startDate': '"
                + date + "T09:00:00+08:00'" + (end == null ? "" : ", 'endDate': '" + end + "T09:30:00+08:00'") + "}},"
                + " 'noticeSource': {'url': 'http://www.ccgp.gov.cn/cggg/zygg/gkzb/202611/t1.htm', 'site': 'ccgp'}"
                + (awards == null ? "" : ", 'awards': " + awards) + "}");
    }

    private Procurement procurement(JsonNode release) {
        return extractor.extract(release, List.of(release));
    }

    private static SavedSearch search(String query, String topic, ProcurementFilter filter, Set<Status> statuses) {
        return new SavedSearch("s1", "区块链 北京", query, topic, filter, statuses);
    }

    private Optional<AlertMatch> match(SavedSearch s, JsonNode release, QueryOutcome q) {
        return matcher.match(s, procurement(release), release, q, TODAY);
    }

    @Test
    void anOpenTenderMatchingQueryTopicAndFiltersIsAnnouncedWithEveryReason() {
        JsonNode r = tender("区块链 电子 发票 平台", "2026-11-20", "2026-12-10", "active", null);
        ProcurementFilter f = new ProcurementFilter(Set.of(), LocalDate.of(2026, 1, 1), null, Set.of("Beijing"), Set.of("central"),
                Set.of(), Set.of("government"), Set.of());
        QueryOutcome q = new QueryOutcome(true, List.of(new QueryHit("title", "区块链", "区块链 电子 发票 平台"),
                new QueryHit("title", "区块链", "…"), new QueryHit("buyer", "税务", "国家税务总局")));
        AlertMatch m = match(search("区块链 税务", "blockchain", f, Set.of(Status.BIDDING)), r, q).orElseThrow();

        assertThat(m.topicGrade()).isEqualTo(TopicGrade.ABOUT);
        assertThat(m.deadline()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(m.published()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(m.sourceUrl()).isEqualTo("http://www.ccgp.gov.cn/cggg/zygg/gkzb/202611/t1.htm");
        assertThat(m.reasons()).extracting(AlertReason::kind)
                .containsExactly("query", "topic", "open", "date", "province", "level", "buyerKind", "status");
        assertThat(m.summaryEn()).contains("query 区块链 税务: 区块链 in title; 税务 in buyer")
                .contains("topic blockchain: about the topic (区块链 @ tender/title)")
                .contains("open until 2026-12-10").contains("province Beijing").contains("government level");
        assertThat(m.summaryZh()).contains("区块链 见于标题").contains("投标截止 2026-12-10").contains("地区 北京市");
    }

    @Test
    void eachConditionThatFailsKeepsTheTenderOut() {
        JsonNode r = tender("区块链 电子 发票 平台", "2026-11-20", "2026-12-10", "active", null);
        ProcurementFilter all = ProcurementFilter.all();
        assertThat(match(search("x", null, all, Set.of()), r, QueryOutcome.NO_MATCH)).isEmpty();
        assertThat(match(search(null, null, new ProcurementFilter(Set.of(), null, null, Set.of("广东省"), Set.of(), Set.of(),
                Set.of(), Set.of()), Set.of()), r, QueryOutcome.NO_QUERY)).isEmpty();
        assertThat(match(search(null, null, new ProcurementFilter(Set.of(), null, null, Set.of(), Set.of("local"), Set.of(),
                Set.of(), Set.of()), Set.of()), r, QueryOutcome.NO_QUERY)).isEmpty();
        assertThat(match(search(null, null, all.withDates(LocalDate.of(2026, 11, 21), null), Set.of()), r, QueryOutcome.NO_QUERY)).isEmpty();
        assertThat(match(search(null, null, all, Set.of(Status.UNKNOWN)), r, QueryOutcome.NO_QUERY)).isEmpty();
        JsonNode other = tender("医院 设备 采购", "2026-11-20", "2026-12-10", "active", null);
        assertThat(match(search(null, "blockchain", all, Set.of()), other, QueryOutcome.NO_QUERY)).isEmpty();
        assertThat(match(search(null, null, all, Set.of()), other, QueryOutcome.NO_QUERY)).isPresent();
    }

    @Test
    void onlyTendersStillOpenOrNewlyPublishedAreNew() {
        assertThat(match(search(null, null, ProcurementFilter.all(), Set.of()),
                tender("平台", "2026-11-01", "2026-11-23", "active", null), QueryOutcome.NO_QUERY))
                .as("deadline today: still open").isPresent();
        assertThat(match(search(null, null, ProcurementFilter.all(), Set.of()),
                tender("平台", "2026-11-01", "2026-11-22", "active", null), QueryOutcome.NO_QUERY))
                .as("deadline passed").isEmpty();
        AlertMatch noDeadline = match(search(null, null, ProcurementFilter.all(), Set.of()),
                tender("平台", "2026-10-25", null, "active", null), QueryOutcome.NO_QUERY).orElseThrow();
        assertThat(noDeadline.summaryEn()).isEqualTo("published 2026-10-25 (no deadline stated)");
        assertThat(match(search(null, null, ProcurementFilter.all(), Set.of()),
                tender("平台", "2026-10-23", null, "active", null), QueryOutcome.NO_QUERY))
                .as("no deadline, published more than 30 days ago").isEmpty();
        assertThat(new AlertMatcher(60).match(search(null, null, ProcurementFilter.all(), Set.of()),
                procurement(tender("平台", "2026-10-23", null, "active", null)), tender("平台", "2026-10-23", null, "active", null),
                QueryOutcome.NO_QUERY, TODAY)).isPresent();
    }

    @Test
    void awardedFailedAndCancelledProcurementsAreNotNewTenders() {
        SavedSearch any = search(null, null, ProcurementFilter.all(), Set.of());
        String award = "[{'id': 'a1', 'status': 'active', 'suppliers': [{'id': 'S', 'name': '甲公司'}]}]";
        assertThat(match(any, tender("平台", "2026-11-20", "2026-12-10", "active", award), QueryOutcome.NO_QUERY)).isEmpty();
        assertThat(match(any, tender("平台", "2026-11-20", "2026-12-10", "unsuccessful", null), QueryOutcome.NO_QUERY)).isEmpty();
        assertThat(match(any, tender("平台", "2026-11-20", "2026-12-10", "cancelled", null), QueryOutcome.NO_QUERY)).isEmpty();
        JsonNode planning = json("{'ocid': 'p', 'id': 'p1', 'date': '2026-11-20T00:00:00Z', 'tag': ['planning'],"
                + " 'planning': {'budget': {'project': '区块链 平台'}}, 'tender': {'status': 'planned'}}");
        assertThat(match(any, planning, QueryOutcome.NO_QUERY)).as("a purchase intention is not a call for tenders").isEmpty();
    }

    @Test
    void aMatchReadsBackFromItsJson() {
        JsonNode r = tender("区块链 <b>平台</b>", "2026-11-20", null, "active", null);
        AlertMatch m = match(search("区块链", "blockchain", ProcurementFilter.all(), Set.of()), r,
                new QueryOutcome(true, List.of(new QueryHit("title", "区块链", "区块链 <b>平台</b>")))).orElseThrow();
        assertThat(AlertMatch.fromJson(m.toJson())).isEqualTo(m);
        assertThat(m.whyJson().path("topicGrade").asText()).isEqualTo("about");
    }
}
