package io.tenderlens.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.place.AggregatorNotices;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganizationNamesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            国药朗洁（济南）医疗消毒供应有限公司            | 国药朗洁(济南)医疗消毒供应有限公司
            武汉大学  人民医院                              | 武汉大学人民医院
            北京市医院管理中心(本级)                        | 北京市医院管理中心
            河北广播电视台本级                              | 河北广播电视台
            国义招标股份有限公司                            | 国义招标有限公司
            江苏某某科技有限责任公司                        | 江苏某某科技有限公司
            望海康信（北京）科技股份公司                    | 望海康信(北京)科技有限公司
            上海益中亘泰（集团）股份有限公司                | 上海益中亘泰(集团)有限公司
            深圳市ＡＢＣ科技有限公司。                      | 深圳市ABC科技有限公司
            深圳市abc科技有限公司                           | 深圳市ABC科技有限公司
            中华人民共和国外交部                            | 外交部
            杭州博物馆（杭州博物院（筹））                  | 杭州博物馆
            海口市融媒体中心（海口日报社、海口广播电视台）  | 海口市融媒体中心
            重庆大学附属肿瘤医院(重庆市肿瘤研究所、重庆市肿瘤医院、重庆市癌症中心） | 重庆大学附属肿瘤医院
            某某医院（盖章）                                | 某某医院
            【某某县人民政府】                              | 某某县人民政府
            """)
    void variantsOfOneNameAreOneParty(String variant, String normal) {
        assertThat(OrganizationNames.normalise(variant)).isEqualTo(normal);
        assertThat(OrganizationNames.id(variant)).isEqualTo(OrganizationNames.id(normal));
    }

    @Test
    void bracketsThatArePartOfTheNameStay() {
        assertThat(OrganizationNames.normalise("山东大学（威海）")).isEqualTo("山东大学(威海)");
        assertThat(OrganizationNames.normalise("德勤华永会计师事务所（特殊普通合伙）")).isEqualTo("德勤华永会计师事务所(特殊普通合伙)");
        assertThat(OrganizationNames.id("山东大学(威海)")).isNotEqualTo(OrganizationNames.id("山东大学"));
    }

    @Test
    void branchesAreTheirOwnPartiesWithAParent() {
        String branch = "中国移动通信集团江苏有限公司南通分公司";
        assertThat(OrganizationNames.id(branch)).isNotEqualTo(OrganizationNames.id("中国移动通信集团江苏有限公司"));
        assertThat(OrganizationNames.parent(branch)).contains("中国移动通信集团江苏有限公司");
        assertThat(OrganizationNames.parent("东北大学秦皇岛分校")).contains("东北大学");
        assertThat(OrganizationNames.parent("深圳交易集团有限公司龙华分公司")).contains("深圳交易集团有限公司");
        assertThat(OrganizationNames.parent("中国银行股份有限公司北京分行")).contains("中国银行有限公司");
        assertThat(OrganizationNames.parent("清华大学")).isEmpty();
    }

    @Test
    void idsAreStableAndShaped() {
        String id = OrganizationNames.id("天津市第三中心医院");
        assertThat(id).matches("CN-ORG-[0-9a-f]{16}");
        // a stable identifier: the same for every run and every machine
        assertThat(id).isEqualTo(OrganizationNames.id("天津市第三中心医院 "));
        assertThat(OrganizationNames.displayName("  武汉大学　 人民医院 ")).isEqualTo("武汉大学 人民医院");
        assertThatThrownBy(() -> OrganizationNames.id(" （） ")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The aggregator (cn-notices group D) gives each winning supplier an id of its own: two names with one
     * aggregator id are one supplier, two ids are two suppliers. Our ids must not merge what it keeps apart,
     * and must merge the writings of one name it shows us.
     */
    @Test
    void agreesWithTheAggregatorsSupplierIds() throws IOException {
        List<JsonNode> notices = AggregatorNotices.load();
        Map<String, Set<String>> theirIdsByOurs = new HashMap<>();
        Set<String> names = new HashSet<>();
        Set<String> written = new HashSet<>();
        for (JsonNode n : notices) {
            for (String w : n.path("winner").asText("").split(",")) {
                if (!w.isBlank()) {
                    written.add(w);
                }
            }
            for (JsonNode w : n.path("winnerInfo")) {
                String name = w.path("winner").asText();
                names.add(name);
                theirIdsByOurs.computeIfAbsent(OrganizationNames.id(name), k -> new HashSet<>()).add(w.path("winnerId").asText());
            }
        }
        long merged = theirIdsByOurs.values().stream().filter(s -> s.size() > 1).count();
        long writtenIds = written.stream().map(OrganizationNames::id).distinct().count();
        System.out.printf("aggregator winners: %d names with %d aggregator ids give %d party ids, %d merging two aggregator ids; "
                        + "%d winner strings give %d party ids%n", names.size(),
                theirIdsByOurs.values().stream().mapToInt(Set::size).sum(), theirIdsByOurs.size(), merged,
                written.size(), writtenIds);
        assertThat(merged).isZero();
        assertThat(written).contains("国药朗洁（济南）医疗消毒供应有限公司", "国药朗洁(济南)医疗消毒供应有限公司");
        assertThat(OrganizationNames.id("国药朗洁（济南）医疗消毒供应有限公司"))
                .isEqualTo(OrganizationNames.id("国药朗洁(济南)医疗消毒供应有限公司"));
    }

    /** Buyers of the culture list (cn-notices group E) written two ways are one party. */
    @Test
    void buyersOfTheCultureList() throws IOException {
        JsonNode root = new ObjectMapper().readTree(SharedData.path(
                "cn-notices/json/songweilovelj-cyber__culture-procurement-monitor__ccgp_data.json").toFile());
        Set<String> raw = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode p : root.get("projects")) {
            raw.add(p.get("agency").asText());
            ids.add(OrganizationNames.id(p.get("agency").asText()));
        }
        assertThat(raw).contains("杭州博物馆（杭州博物院（筹））", "河北广播电视台本级");
        assertThat(ids.size()).isLessThanOrEqualTo(raw.size());
        assertThat(ids).contains(OrganizationNames.id("杭州博物馆"));
    }
}
