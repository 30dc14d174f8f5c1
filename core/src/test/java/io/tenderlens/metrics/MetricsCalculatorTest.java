package io.tenderlens.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.metrics.TopicMetrics.FunnelStep;
import io.tenderlens.metrics.TopicMetrics.MoneySeries;
import io.tenderlens.metrics.TopicMetrics.YearAmount;
import io.tenderlens.sector.SectorRules;
import io.tenderlens.topic.Topic;
import io.tenderlens.topic.TopicGrader;
import io.tenderlens.topic.TopicMatcher;
import io.tenderlens.topic.WhitespaceSegmenter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsCalculatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProcurementExtractor extractor = new ProcurementExtractor(
            new TopicGrader(new TopicMatcher(Topic.bundled("blockchain"), new WhitespaceSegmenter())), SectorRules.bundled(), "CNY");

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    /** A compiled release: title, buyer (name, province code, level), date, budget, award (supplier, amount), status. */
    private static JsonNode record(String ocid, String title, String buyer, String province, String level, String date,
                                   String budget, String supplier, String award, String tenderStatus) {
        String parties = "{'id': 'B-" + buyer + "', 'name': '" + buyer + "', 'roles': ['buyer'], 'details': {'governmentLevel': '"
                + level + "', 'division': {'province': {'code': '" + province + "'}}}}";
        String awards = "";
        if (supplier != null) {
            parties += ", {'id': 'S-" + supplier + "', 'name': '" + supplier + "', 'roles': ['supplier'], 'address': {'region': '北京市'}}";
            awards = ", 'awards': [{'id': '1', 'status': 'active', 'date': '" + date + "T00:00:00Z', "
                    + (award == null ? "" : "'value': {'amount': " + award + ", 'currency': 'CNY'}, ")
                    + "'suppliers': [{'id': 'S-" + supplier + "', 'name': '" + supplier + "'}]}]";
        }
        return json("{'ocid': '" + ocid + "', 'id': '" + ocid + "-c', 'date': '" + date + "T00:00:00Z', 'tag': ['compiled'],"
                + " 'buyer': {'id': 'B-" + buyer + "', 'name': '" + buyer + "'}, 'parties': [" + parties + "],"
                + " 'tender': {'id': 't', 'title': '" + title + "', 'tenderPeriod': {'startDate': '" + date + "T00:00:00Z'}"
                + (budget == null ? "" : ", 'value': {'amount': " + budget + ", 'currency': 'CNY'}")
                + (tenderStatus == null ? "" : ", 'status': '" + tenderStatus + "'") + "}" + awards + "}");
    }

    private static List<JsonNode> notices(String ocid, String... dates) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < dates.length; i++) {
            out.add(json("{'ocid': '" + ocid + "', 'id': '" + ocid + "-" + i + "', 'date': '" + dates[i] + "T00:00:00Z', 'tag': ['tender'],"
                    + " 'noticeSource': {'url': 'http://www.ccgp.gov.cn/" + ocid + "-" + i + ".htm', 'site': 'ccgp'}}"));
        }
        return out;
    }

    private List<Procurement> sample() {
        return List.of(
                extractor.extract(record("o1", "区块链 数据 保护 系统", "清华大学", "110000", "central", "2016-12-12", "900000", null, null, "active"),
                        notices("o1", "2016-12-12")),
                extractor.extract(record("o2", "区块链 电子 发票", "国家税务总局深圳市税务局", "440000", "local", "2018-03-01", "5000000", "甲公司", "4750000", null),
                        notices("o2", "2018-03-01", "2018-03-20", "2018-05-02")),
                extractor.extract(record("o3", "区块链 存证 平台", "佛山市禅城区司法局", "440000", "local", "2019-07-01", null, "甲公司", "3000000", null),
                        notices("o3", "2019-07-01", "2019-08-10")),
                extractor.extract(record("o4", "区块链 开奖 系统", "中国福利彩票发行管理中心", "110000", "central", "2019-02-01", "2000000", "乙公司", "1000000", null),
                        notices("o4", "2019-02-01", "2019-03-03")),
                extractor.extract(record("o5", "区块链 平台", "某市政府", "620000", "local", "2019-04-01", "100", null, null, "unsuccessful"),
                        notices("o5", "2019-04-01", "2019-04-20")),
                extractor.extract(record("o6", "医院 设备 采购", "大庆市人民医院", "230000", "local", "2019-05-01", "100", null, null, "active"),
                        notices("o6", "2019-05-01")),
                extractor.extract(record("o7", "服务器 采购", "某大学", "110000", "central", "2019-06-01", "100", null, null, "active"),
                        notices("o7", "2019-06-01")));
    }

    @Test
    void theFunnelGoesFromHitsToProjectsAndKeepsItsOcids() {
        TopicMetrics m = MetricsCalculator.compute(sample(), ProcurementFilter.all());
        List<FunnelStep> f = m.funnel();
        assertThat(f).extracting(FunnelStep::id).containsExactly("hits", "topical", "alive", "merged", "closed", "bidding", "unknown");
        assertThat(f.get(0).records()).isEqualTo(5);           // o6, o7 have no term
        assertThat(f.get(0).notices()).isEqualTo(1 + 3 + 2 + 2 + 2);
        assertThat(f.get(2).ocids()).containsExactly("o1", "o2", "o3", "o4"); // o5 failed
        assertThat(f.get(3).notices()).isEqualTo(4);            // 8 notices merged into 4 projects
        assertThat(f.get(2).notices()).isEqualTo(8);
        assertThat(f.get(4).ocids()).containsExactlyInAnyOrder("o2", "o3", "o4");
        assertThat(f.get(5).ocids()).containsExactly("o1");
        assertThat(m.projects()).extracting(Procurement::ocid).containsExactly("o1", "o2", "o4", "o3");
    }

    @Test
    void breakdownsCountShareAndDrillDown() {
        TopicMetrics m = MetricsCalculator.compute(sample(), ProcurementFilter.all());
        TopicMetrics.Breakdown provinces = m.breakdown("province");
        assertThat(provinces.rows()).extracting(r -> r.label().zh()).containsExactly("北京市", "广东省");
        assertThat(provinces.rows().get(0).label().en()).isEqualTo("Beijing");
        assertThat(provinces.rows().get(0).share()).isEqualByComparingTo("0.5");
        assertThat(provinces.rows().get(1).ocids()).containsExactlyInAnyOrder("o2", "o3");
        assertThat(provinces.rows().get(1).amounts().get(Measure.AWARD)).isEqualByComparingTo("7750000");
        assertThat(m.breakdown("level").rows()).extracting(r -> r.label().key() + "=" + r.count())
                .containsExactlyInAnyOrder("central=2", "local=2");
        assertThat(m.breakdown("year").rows()).extracting(r -> r.label().key()).containsExactly("2016", "2018", "2019");
        int sum = m.breakdown("sector").rows().stream().mapToInt(TopicMetrics.Row::count).sum();
        assertThat(sum).isEqualTo(m.projects().size());
    }

    @Test
    void growthRatesFollowTheStatedFormulas() {
        // sums: 2016 100, 2017 0, 2018 400, 2019 1200
        List<Procurement> ps = List.of(
                extractor.extract(record("a", "区块链", "甲", "110000", "local", "2016-01-01", "100", null, null, "active"), List.of()),
                extractor.extract(record("b", "区块链", "甲", "110000", "local", "2018-01-01", "400", null, null, "active"), List.of()),
                extractor.extract(record("c", "区块链", "甲", "110000", "local", "2019-01-01", "1000", null, null, "active"), List.of()),
                extractor.extract(record("d", "区块链", "甲", "110000", "local", "2019-06-01", "200", null, null, "active"), List.of()));
        MoneySeries s = MetricsCalculator.compute(ps, ProcurementFilter.all()).money(Measure.BUDGET);
        assertThat(s.total()).isEqualByComparingTo("1700");
        assertThat(s.years()).extracting(YearAmount::year).containsExactly(2016, 2017, 2018, 2019);
        assertThat(s.years()).extracting(YearAmount::amount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), BigDecimal.ZERO, new BigDecimal("400"), new BigDecimal("1200"));
        assertThat(s.years().get(1).growth()).isEqualByComparingTo("-1");   // 0 / 100 − 1
        assertThat(s.years().get(2).growth()).isNull();                     // from 0: undefined
        assertThat(s.years().get(3).growth()).isEqualByComparingTo("2");    // 1200 / 400 − 1
        assertThat(s.averageGrowth()).isEqualByComparingTo("0.5");          // (−1 + 2) / 2
        // CAGR 2016 → 2019: 12^(1/3) − 1
        assertThat(s.cagrFrom()).isEqualTo(2016);
        assertThat(s.cagrTo()).isEqualTo(2019);
        BigDecimal cube = s.cagr().add(BigDecimal.ONE).pow(3);
        assertThat(cube.subtract(new BigDecimal("12")).abs()).isLessThan(new BigDecimal("1e-25"));
        assertThat(s.years().get(3).ocids()).containsExactly("c", "d");
    }

    @Test
    void supplierConcentration() {
        TopicMetrics m = MetricsCalculator.compute(sample(), ProcurementFilter.all());
        TopicMetrics.SupplierStats s = m.suppliers();
        assertThat(s.distinct()).isEqualTo(2);
        assertThat(s.byWins()).extracting(r -> r.party().name() + "=" + r.wins()).containsExactly("甲公司=2", "乙公司=1");
        assertThat(s.byWins().get(0).ocids()).containsExactlyInAnyOrder("o2", "o3");
        assertThat(s.byAmount().get(0).amount()).isEqualByComparingTo("7750000");
        // wins 2 and 1: CR1 2/3, HHI (66.67)² + (33.33)² = 5555.6
        assertThat(s.ofWins().cr1().subtract(new BigDecimal("0.6666666666")).abs()).isLessThan(new BigDecimal("1e-9"));
        assertThat(s.ofWins().cr3()).isEqualByComparingTo("1");
        assertThat(s.ofWins().hhi().setScale(1, java.math.RoundingMode.HALF_EVEN)).isEqualByComparingTo("5555.6");
        // amounts 7.75M and 1M of 8.75M
        assertThat(s.ofAmounts().cr1().subtract(new BigDecimal("0.885714285714")).abs()).isLessThan(new BigDecimal("1e-9"));
        assertThat(s.byProvince().rows()).singleElement().satisfies(r -> assertThat(r.label().zh()).isEqualTo("北京市"));
    }

    @Test
    void firstLargestBuyersAndDaysFromTenderToAward() {
        TopicMetrics m = MetricsCalculator.compute(sample(), ProcurementFilter.all());
        assertThat(m.first().ocid()).isEqualTo("o1");
        assertThat(m.first().firstDate()).isEqualTo(LocalDate.of(2016, 12, 12));
        assertThat(m.largest()).containsOnlyKeys(Measure.BUDGET, Measure.AWARD, Measure.TOPIC_PART);
        assertThat(m.largest().get(Measure.BUDGET).ocid()).isEqualTo("o2");
        assertThat(m.largest().get(Measure.TOPIC_PART).ocid()).isEqualTo("o2");
        assertThat(m.buyers()).hasSize(4);
        // award dates equal the tender dates in this fixture (record() uses one date), so 0 days each
        assertThat(m.tenderToAward().count()).isEqualTo(3);
        assertThat(m.tenderToAward().max()).isZero();
    }

    @Test
    void filtersNarrowTheScope() {
        ProcurementFilter only2019 = ProcurementFilter.all().withDates(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));
        assertThat(MetricsCalculator.compute(sample(), only2019).projects()).extracting(Procurement::ocid).containsExactly("o4", "o3");
        ProcurementFilter guangdong = new ProcurementFilter(Set.of(), null, null, Set.of("Guangdong"), Set.of(), Set.of(), Set.of(), Set.of());
        assertThat(MetricsCalculator.compute(sample(), guangdong).projects()).extracting(Procurement::ocid).containsExactly("o2", "o3");
        ProcurementFilter central = new ProcurementFilter(Set.of(), null, null, Set.of(), Set.of("中央"), Set.of(), Set.of(), Set.of());
        assertThat(MetricsCalculator.compute(sample(), central).projects()).extracting(Procurement::ocid).containsExactly("o1", "o4");
        ProcurementFilter judicial = new ProcurementFilter(Set.of(), null, null, Set.of(), Set.of(), Set.of("judicial"), Set.of(), Set.of());
        assertThat(MetricsCalculator.compute(sample(), judicial).projects()).extracting(Procurement::ocid).containsExactly("o3");
    }

    @Test
    void theTopicPartComesFromTopicLotsAndItems() {
        JsonNode lots = json("""
                {'ocid': 'L', 'tender': {'title': '2019年 信息化 项目', 'lots': [{'id': '1', 'title': '机房'}, {'id': '2', 'title': '区块链 平台'}]},
                 'awards': [{'id': 'a', 'status': 'active', 'relatedLots': ['1'], 'value': {'amount': 500, 'currency': 'CNY'}},
                            {'id': 'b', 'status': 'active', 'relatedLots': ['2'], 'value': {'amount': 300, 'currency': 'CNY'}}]}""");
        Procurement p = extractor.extract(lots, List.of());
        assertThat(p.award()).isEqualByComparingTo("800");
        assertThat(p.topicPart()).isEqualByComparingTo("300");
        JsonNode items = json("""
                {'ocid': 'I', 'tender': {'title': '政务 平台'},
                 'awards': [{'id': 'a', 'status': 'active', 'value': {'amount': 1000, 'currency': 'CNY'},
                   'items': [{'id': '1', 'description': '服务器', 'quantity': 2, 'unit': {'value': {'amount': 100, 'currency': 'CNY'}}},
                             {'id': '2', 'description': '区块链 节点', 'quantity': 3, 'unit': {'value': {'amount': 50.5, 'currency': 'CNY'}}}]}]}""");
        assertThat(extractor.extract(items, List.of()).topicPart()).isEqualByComparingTo("151.5");
        JsonNode dollars = json("{'ocid': 'U', 'tender': {'title': 'blockchain pilot', 'value': {'amount': 10, 'currency': 'USD'}}}");
        Procurement u = extractor.extract(dollars, List.of());
        assertThat(u.budget()).isNull();
        assertThat(u.amountNotes()).singleElement().asString().contains("USD");
    }

    @Test
    void failedLotsAndCancellationsSetTheStatus() {
        assertThat(extractor.extract(json("{'ocid': 'x', 'tag': ['tenderCancellation'], 'tender': {'title': '区块链'}}"), List.of()).status())
                .isEqualTo(Status.CANCELLED);
        assertThat(extractor.extract(json("{'ocid': 'x', 'tender': {'title': '区块链', 'lots': [{'id': '1', 'status': 'unsuccessful'}]}}"), List.of()).status())
                .isEqualTo(Status.FAILED);
        assertThat(extractor.extract(json("{'ocid': 'x', 'tender': {'title': '区块链'}}"), List.of()).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void nthRootsAreExact() {
        assertThat(Decimals.root(new BigDecimal("8"), 3)).isEqualByComparingTo("2");
        BigDecimal r = Decimals.root(new BigDecimal("2"), 2);
        assertThat(r.multiply(r).subtract(new BigDecimal("2")).abs()).isLessThan(new BigDecimal("1e-30"));
        assertThat(Decimals.percent(new BigDecimal("0.436363"), 2)).isEqualByComparingTo("43.64");
    }
}
