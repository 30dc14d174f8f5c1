package io.tenderlens.place;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.place.GovernmentLevel.Level;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GovernmentLevelTest {

    private final GovernmentLevel levels = GovernmentLevel.bundled();

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            国家税务总局                                | CENTRAL | level.centralUnit
            国家税务总局广州市税务局                    | CENTRAL | level.centralUnit
            外交部政府采购办公室                        | CENTRAL | level.centralUnit
            中华人民共和国外交部                        | CENTRAL | level.centralUnit
            交通运输部公路科学研究所                    | CENTRAL | level.centralUnit
            国家体育总局训练局                          | CENTRAL | level.centralUnit
            中国医学科学院北京协和医院                  | CENTRAL | level.centralUnit
            中华人民共和国广州海关缉私局                | CENTRAL | level.verticalSystem
            黄埔海关                                    | CENTRAL | level.verticalSystem
            广东省地方海事局                            | LOCAL   | level.localException
            清华大学                                    | CENTRAL | level.centralUniversity
            东北大学秦皇岛分校                          | CENTRAL | level.centralUniversity
            北京大学第一医院                            | CENTRAL | level.centralUniversity
            山东大学(威海)                              | CENTRAL | level.centralUniversity
            中国科学院大学                              | CENTRAL | level.centralUniversity
            重庆大学附属肿瘤医院                        | LOCAL   | level.universityAffiliatedHospital
            北京科技大学天津学院                        | LOCAL   | level.independentCollege
            中国信息通信研究院                          | CENTRAL | level.nationalName
            国家图书馆                                  | CENTRAL | level.centralUnit
            中央广播电视总台                            | CENTRAL | level.centralUnit
            中国共产党南宁市委员会组织部                | LOCAL   | level.localDivision
            中共四川省委网络安全和信息化委员会办公室    | LOCAL   | level.localDivision
            岫岩满族自治县中心人民医院                  | LOCAL   | level.localDivision
            甘洛县教育和体育局                          | LOCAL   | level.localDivision
            中国医科大学附属盛京医院                    | LOCAL   | level.default
            中国移动通信集团江苏有限公司南通分公司      | LOCAL   | level.default
            南部战区空军医院                            | CENTRAL | level.verticalSystem
            """)
    void fromTheName(String buyer, Level level, String rule) {
        GovernmentLevel.Decision d = levels.classify(buyer);
        assertThat(d.level()).isEqualTo(level);
        assertThat(d.rule()).isEqualTo(rule);
    }

    @Test
    void theCcgpChannelDecidesWhenKnown() {
        assertThat(GovernmentLevel.ofCcgpChannel("http://www.ccgp.gov.cn/cggg/zygg/gkzb//201810/t20181027_10981618.htm"))
                .contains(Level.CENTRAL);
        assertThat(GovernmentLevel.ofCcgpChannel("首页 » 政采公告 » 地方公告 » 中标公告")).contains(Level.LOCAL);
        assertThat(GovernmentLevel.ofCcgpChannel("http://www.ccgp-hebei.gov.cn/cd/cd_wc/cggg/zhbggAAAA/")).isEmpty();
        GovernmentLevel.Decision d = levels.classify("重庆大学附属肿瘤医院", "http://www.ccgp.gov.cn/cggg/dfgg/zbgg/202608/t20260804_27071574.htm");
        assertThat(d.rule()).isEqualTo("level.ccgpChannel");
        assertThat(Level.CENTRAL.code()).isEqualTo("central");
        assertThat(Level.LOCAL.chinese()).isEqualTo("地方");
    }

    /** Every notice of the csv crawl is in the central channel; the name alone must say so too. */
    @Test
    void theCentralCsvCrawlIsCentralByName() {
        for (CcgpCsvNotices.Notice n : CcgpCsvNotices.load()) {
            assertThat(n.url()).contains("/zygg/");
            assertThat(levels.classify(n.buyer()).level()).as(n.buyer()).isEqualTo(Level.CENTRAL);
            assertThat(levels.classify(n.buyer(), n.url()).level()).isEqualTo(Level.CENTRAL);
        }
    }

    /**
     * The culture-procurement list (cn-notices group E): the URL channel is the truth, its isMinistry label is
     * noisy. The name alone must agree with the channel.
     */
    @Test
    void theCultureListAgreesWithItsUrlChannel() throws IOException {
        JsonNode root = new ObjectMapper().readTree(SharedData.path(
                "cn-notices/json/songweilovelj-cyber__culture-procurement-monitor__ccgp_data.json").toFile());
        int total = 0, right = 0, centralTotal = 0, centralRight = 0, labelRight = 0;
        StringBuilder wrong = new StringBuilder();
        for (JsonNode p : root.get("projects")) {
            Level truth = GovernmentLevel.ofCcgpChannel(p.get("url").asText()).orElseThrow();
            GovernmentLevel.Decision d = levels.classify(p.get("agency").asText());
            total++;
            right += d.level() == truth ? 1 : 0;
            labelRight += (p.get("isMinistry").asBoolean() ? Level.CENTRAL : Level.LOCAL) == truth ? 1 : 0;
            if (truth == Level.CENTRAL) {
                centralTotal++;
                centralRight += d.level() == truth ? 1 : 0;
            }
            if (d.level() != truth) {
                wrong.append("  ").append(p.get("agency").asText()).append(" channel ").append(truth)
                        .append(" got ").append(d).append('\n');
            }
        }
        System.out.printf("government level from the buyer's name vs the ccgp channel: %d/%d = %.4f (central %d/%d); "
                + "the list's own isMinistry label: %d/%d%n%s", right, total, (double) right / total, centralRight,
                centralTotal, labelRight, total, wrong);
        assertThat(centralRight).isEqualTo(centralTotal);
        assertThat((double) right / total).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void theRealCcgpPagesBreadcrumbs() throws IOException {
        Path dir = SharedData.path("cn-notices/raw-html/ccgp.gov.cn");
        Map<String, Level> withBreadcrumb = Map.of(
                "wpuu__ccgp_award_beijing_pumch_text_template__20260929.html", Level.CENTRAL,
                "wpuu__ccgp_award_hebei_cangzhou_goods_table__20260928.html", Level.LOCAL,
                "wpuu__ccgp_award_liaoning_all_packages_failed__20260929.html", Level.LOCAL,
                "aiting__guangdong_page__shenzhen_longhua_award_20250527.html", Level.LOCAL);
        for (Map.Entry<String, Level> e : withBreadcrumb.entrySet()) {
            String text = Jsoup.parse(Files.readString(dir.resolve(e.getKey()))).text();
            assertThat(GovernmentLevel.ofCcgpChannel(text)).as(e.getKey()).contains(e.getValue());
        }
        assertThat(levels.classify("中国医学科学院北京协和医院").level()).isEqualTo(Level.CENTRAL);
        assertThat(levels.classify("岫岩满族自治县中心人民医院").level()).isEqualTo(Level.LOCAL);
        assertThat(levels.classify("河北医科大学第三医院").level()).isEqualTo(Level.LOCAL);
        assertThat(levels.classify("重庆大学附属肿瘤医院(重庆市肿瘤研究所、重庆市肿瘤医院、重庆市癌症中心）").level())
                .isEqualTo(Level.LOCAL);
    }
}
