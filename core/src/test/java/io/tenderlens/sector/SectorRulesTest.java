package io.tenderlens.sector;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SectorRulesTest {
    private final SectorRules rules = SectorRules.bundled();

    private Assignment sector(String buyer, String kind, String title) {
        return rules.classify(new SectorInput(buyer, kind, title.isEmpty() ? List.of() : List.of(title), List.of())).sector();
    }

    @ParameterizedTest(name = "{0} / {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "清华大学|education|基于区块链的数据保护系统|education|education-buyer",
            "莆田学院附属医院|health|区块链电子病历|health|health-buyer",
            "全国海关信息中心|publicInstitution|区块链咨询服务|customs|customs-buyer",
            "中国网络安全审查技术与认证中心|publicInstitution|区块链技术支持|cyberSecurity|cyber-buyer",
            "玉林市住房公积金管理中心|publicInstitution|公积金区块链平台对接|socialSecurity|social-security-words",
            "德保县扶贫开发办公室|government|区块链项目|agriculture|agriculture-words",
            "佛山市禅城区司法局|government|社区矫正区块链数据共享联动平台|judicial|judicial-buyer",
            "国家税务总局深圳市税务局|government|区块链电子发票扩容及运维项目|finance|finance-words",
            "中国福利彩票发行管理中心|publicInstitution|区块链开奖系统|finance|finance-words",
            "交通运输部水运科学研究院|publicInstitution|区块链研究|transport|transport-words",
            "北京市海淀区政务服务管理局|government|一网通办平台建设项目|government|government-words",
            "普洱市数字经济局|government|区块链|government|government-words",
            "某某局|government|区块链平台|government|government-kind",
            "某某公司||区块链平台|other|default",
    })
    void bundledRulesPutTheSeedsBuyersInTheSeedsSectors(String buyer, String kind, String title, String sector, String rule) {
        Assignment a = sector(buyer, kind == null ? "" : kind, title);
        assertThat(a.value().id()).isEqualTo(sector);
        assertThat(a.ruleId()).isEqualTo(rule);
    }

    @Test
    void latinKeywordsMatchWholeWordsOnly() {
        Assignment taxi = sector("Chengdu Bureau", "", "High-tech Zone Network Reservation Taxi Micro-Government Platform");
        assertThat(taxi.value().id()).isEqualTo("transport");
        assertThat(taxi.matched()).isEqualTo("taxi");
        assertThat(sector("Shenzhen Taxation Bureau", "", "Blockchain invoice").value().id()).isEqualTo("finance");
    }

    @Test
    void everyAssignmentSaysWhichRuleAndWord() {
        Assignment a = sector("某市人民医院", "", "");
        assertThat(a.ruleId()).isEqualTo("health-buyer");
        assertThat(a.field()).isEqualTo("buyer");
        assertThat(a.matched()).isEqualTo("医院");
        assertThat(a.value().labelZh()).isEqualTo("医疗卫生");
        assertThat(a.value().labelEn()).isEqualTo("Health care");
    }

    @Test
    void categoriesFollowTheApplicationAndServiceSplit() {
        assertThat(rules.classify(new SectorInput("某大学", "education", List.of("区块链教学实训平台"), List.of())).category().value().id())
                .isEqualTo("industrialService");
        assertThat(rules.classify(new SectorInput("某局", "government", List.of("区块链技术支持服务"), List.of())).category().value().id())
                .isEqualTo("technicalService");
        assertThat(rules.classify(new SectorInput("某局", "government", List.of("区块链电子证照系统"), List.of())).category().ruleId())
                .isEqualTo("default");
    }

    @Test
    void aUserRuleFileIsCheckedAndUsed() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String file = """
                {"sectors": [{"id": "energy", "zh": "能源", "en": "Energy"}, {"id": "other", "zh": "其他", "en": "Other"}],
                 "sectorRules": [{"id": "energy-words", "class": "energy", "fields": ["title"], "any": ["氢能", "hydrogen"]}],
                 "defaultSector": "other",
                 "categories": [{"id": "app", "zh": "应用", "en": "Application"}], "categoryRules": [], "defaultCategory": "app"}""";
        SectorRules custom = SectorRules.fromJson(json.readTree(file), "mine.json");
        assertThat(custom.classify(new SectorInput("x", "", List.of("Hydrogen buses"), List.of())).sector().value().id()).isEqualTo("energy");
        assertThatThrownBy(() -> SectorRules.fromJson(json.readTree(file.replace("\"class\": \"energy\"", "\"class\": \"power\"")), "mine.json"))
                .hasMessageContaining("mine.json").hasMessageContaining("power");
    }
}
