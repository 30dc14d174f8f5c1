package io.tenderlens.party;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenderlens.party.BuyerKind.Kind;
import io.tenderlens.place.AggregatorNotices;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuyerKindTest {

    private final BuyerKind kinds = BuyerKind.bundled();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            重庆医科大学附属大学城医院                | HEALTH                 | buyerKind.health:医院
            岫岩满族自治县中心人民医院                | HEALTH                 | buyerKind.health:医院
            广州市南沙区卫生健康局                    | HEALTH                 | buyerKind.health:卫生健康局
            天津市东丽区疾病预防控制中心              | HEALTH                 | buyerKind.health:疾病预防控制中心
            北京市医院管理中心(本级)                  | HEALTH                 | buyerKind.health:医院管理中心
            绍兴市中心医院医共体总院                  | HEALTH                 | buyerKind.health:总院
            重庆大学附属肿瘤医院(重庆市肿瘤研究所、重庆市肿瘤医院、重庆市癌症中心） | HEALTH | buyerKind.health:医院
            清华大学                                  | EDUCATION              | buyerKind.education:大学
            深圳市龙华科技实验高级中学                | EDUCATION              | buyerKind.education:中学
            东北大学秦皇岛分校                        | EDUCATION              | buyerKind.education:分校
            甘洛县教育和体育局                        | GOVERNMENT             | buyerKind.government:局
            国家税务总局                              | GOVERNMENT             | buyerKind.government:局
            中国人民银行广州分行                      | GOVERNMENT             | buyerKind.government:中国人民银行
            外交部                                    | GOVERNMENT             | buyerKind.government:部
            中共四川省委网络安全和信息化委员会办公室  | GOVERNMENT             | buyerKind.government:办公室
            某县人民政府                              | GOVERNMENT             | buyerKind.government:人民政府
            中华人民共和国广州海关缉私局              | GOVERNMENT             | buyerKind.government:局
            吉林省文物考古研究所                      | PUBLIC_INSTITUTION     | buyerKind.publicInstitution:研究所
            故宫博物院                                | PUBLIC_INSTITUTION     | buyerKind.publicInstitution:博物院
            白城广播电视台                            | PUBLIC_INSTITUTION     | buyerKind.publicInstitution:广播电视台
            海口市融媒体中心（海口日报社、海口广播电视台） | PUBLIC_INSTITUTION | buyerKind.publicInstitution:融媒体中心
            贵州省体育彩票管理中心                    | PUBLIC_INSTITUTION     | buyerKind.publicInstitution:中心
            国家电网有限公司                          | STATE_OWNED_ENTERPRISE | buyerKind.stateOwnedEnterprise:国家电网
            中国移动通信集团江苏有限公司南通分公司    | STATE_OWNED_ENTERPRISE | buyerKind.stateOwnedEnterprise:中国移动
            成都兴城投资集团有限公司                  | STATE_OWNED_ENTERPRISE | buyerKind.stateOwnedEnterprise:投资集团
            成都湔江医疗管理有限公司                  | OTHER                  | buyerKind.enterprise:有限公司
            中国医学装备协会                          | OTHER                  | buyerKind.other:协会
            某单位                                    | OTHER                  | buyerKind.default
            """)
    void fromTheName(String buyer, Kind kind, String rule) {
        BuyerKind.Decision d = kinds.classify(buyer);
        assertThat(d.kind()).isEqualTo(kind);
        assertThat(d.rule()).isEqualTo(rule);
    }

    @Test
    void codesAreThoseOfTheExtension() {
        assertThat(Stream.of(Kind.values()).map(Kind::code)).containsExactly("government", "education", "health",
                "stateOwnedEnterprise", "publicInstitution", "other");
    }

    /**
     * Against the aggregator's buyerClass (cn-notices group D), where it names a kind: 医疗 and 卫健委 are
     * health, 学校 education. Its other classes are sectors (金融业, 建筑业 …) and are only reported.
     */
    @Test
    void agreesWithTheAggregatorsBuyerClass() {
        List<JsonNode> notices = AggregatorNotices.load();
        Map<String, Kind> expected = Map.of("医疗", Kind.HEALTH, "卫健委", Kind.HEALTH, "学校", Kind.EDUCATION);
        Map<String, Map<Kind, Integer>> confusion = new TreeMap<>();
        int total = 0, right = 0;
        StringBuilder wrong = new StringBuilder();
        for (JsonNode n : notices) {
            String buyer = n.path("buyer").asText("");
            String cls = n.path("buyerClass").asText("(none)");
            if (buyer.isBlank() || buyer.equals("null")) {
                continue;
            }
            Kind got = kinds.classify(buyer).kind();
            confusion.computeIfAbsent(cls, k -> new TreeMap<>()).merge(got, 1, Integer::sum);
            Kind want = expected.get(cls);
            if (want != null) {
                total++;
                if (got == want) {
                    right++;
                } else {
                    wrong.append("  ").append(buyer).append(" | ").append(cls).append(" | got ").append(kinds.classify(buyer)).append('\n');
                }
            }
        }
        System.out.printf("buyer kind vs the aggregator's buyerClass (医疗, 卫健委, 学校): %d/%d = %.4f%n", right, total, (double) right / total);
        confusion.forEach((cls, counts) -> System.out.println("  buyerClass " + cls + " → " + counts));
        System.out.print(wrong);
        assertThat((double) right / total).isGreaterThanOrEqualTo(0.97);
    }
}
