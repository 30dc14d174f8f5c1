package io.tenderlens.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private final Gazetteer g = Gazetteer.bundled();

    private List<String> codes(String name) {
        return g.named(name).stream().map(Division::code).toList();
    }

    @Test
    void isCompleteAtThreeLevels() {
        assertThat(g.provinces()).hasSize(34);
        long prefectures = g.all().stream().filter(d -> d.level() == Division.Level.PREFECTURE).count();
        long counties = g.all().stream().filter(d -> d.level() == Division.Level.COUNTY).count();
        // 333 prefecture-level divisions, plus one city for each of the 4 municipalities
        assertThat(prefectures).isEqualTo(337);
        assertThat(counties).isGreaterThan(2800);
        assertThat(g.all()).allSatisfy(d -> assertThat(d.code()).matches("\\d{6}"));
    }

    @Test
    void provincesCarryShortAndEnglishNames() {
        assertThat(g.named("内蒙古")).extracting(Division::code).containsExactly("150000");
        assertThat(g.named("广西")).extracting(Division::name).containsExactly("广西壮族自治区");
        assertThat(g.named("北京")).singleElement().satisfies(d -> {
            assertThat(d.englishName()).isEqualTo("Beijing");
            assertThat(d.isMunicipality()).isTrue();
        });
        assertThat(g.byCode("150000").flatMap(Division::english)).contains("Inner Mongolia");
        assertThat(g.byCode("540000").orElseThrow().englishName()).isEqualTo("Tibet");
        assertThat(g.provinces()).allSatisfy(p -> assertThat(p.englishName()).isNotBlank());
        assertThat(codes("香港")).containsExactly("810000");
    }

    @Test
    void citiesWithAndWithoutTheirSuffix() {
        assertThat(codes("鞍山市")).containsExactly("210300");
        assertThat(codes("鞍山")).containsExactly("210300");
        assertThat(codes("大兴安岭地区")).containsExactly("232700");
        assertThat(codes("大兴安岭")).containsExactly("232700");
        assertThat(codes("锡林郭勒盟")).containsExactly("152500");
        assertThat(codes("锡林郭勒")).containsExactly("152500");
        assertThat(codes("延边朝鲜族自治州")).containsExactly("222400");
        assertThat(codes("延边州")).containsExactly("222400");
        assertThat(codes("恩施州")).containsExactly("422800");
        assertThat(codes("恩施")).containsExactly("422800", "422801");
        assertThat(codes("巴音郭楞")).containsExactly("652800");
        // a province's short name is never a county's: 河南 is the province, not 河南蒙古族自治县
        assertThat(codes("河南")).containsExactly("410000");
        assertThat(codes("河南县")).containsExactly("632324");
        assertThat(codes("吉林")).containsExactly("220000");
        assertThat(codes("吉林市")).containsExactly("220200");
    }

    @Test
    void countiesIncludingAutonomousOnes() {
        assertThat(codes("岫岩满族自治县")).containsExactly("210323");
        assertThat(codes("岫岩县")).containsExactly("210323");
        assertThat(codes("岫岩")).containsExactly("210323");
        assertThat(codes("双江")).containsExactly("530925");
        assertThat(codes("东乡县")).contains("622926");
        assertThat(codes("神农架林区")).containsExactly("429021");
    }

    @Test
    void formerNamesNameTheDivisionThatCoversThemNow() {
        assertThat(codes("襄樊市")).containsExactly("420600");
        assertThat(codes("襄樊")).containsExactly("420600");
        assertThat(codes("宣武区")).containsExactly("110102");
        assertThat(codes("塘沽区")).containsExactly("120116");
    }

    @Test
    void ambiguousCountyNamesGiveEveryCandidate() {
        assertThat(codes("朝阳区")).containsExactly("110105", "220104");
        assertThat(codes("龙华区")).containsExactly("440309", "460106");
        assertThat(codes("鼓楼区")).hasSizeGreaterThanOrEqualTo(3);
        // 甘南县 (Heilongjiang) is not 甘南州 (Gansu)
        assertThat(codes("甘南县")).containsExactly("230225");
        assertThat(codes("甘南州")).containsExactly("623000");
    }

    @Test
    void municipalitiesHaveOneCityNamedAfterThem() {
        Division beijing = g.byCode("110000").orElseThrow();
        assertThat(g.city(beijing)).map(Division::toString).contains("110100 北京市");
        assertThat(g.byCode("1101")).map(Division::name).contains("北京市");
        Division chengkou = g.named("城口县").get(0);
        assertThat(g.city(chengkou)).map(Division::code).contains("500100");
        assertThat(g.province(chengkou).name()).isEqualTo("重庆市");
        assertThat(g.byCode("500200")).map(Division::code).contains("500100");
    }

    @Test
    void countiesDirectlyUnderAProvinceAreTheirOwnCity() {
        Division xiantao = g.named("仙桃市").get(0);
        assertThat(g.city(xiantao)).contains(xiantao);
        assertThat(g.province(xiantao).name()).isEqualTo("湖北省");
        assertThat(g.byCode("429000")).isEmpty();
    }

    @Test
    void countyCityAndCapital() {
        Division xiuyan = g.byCode("210323").orElseThrow();
        assertThat(g.city(xiuyan)).map(Division::name).contains("鞍山市");
        assertThat(g.province(xiuyan).name()).isEqualTo("辽宁省");
        assertThat(g.capital(g.byCode("440000").orElseThrow())).map(Division::name).contains("广州市");
        assertThat(g.byCode("210323001000")).contains(xiuyan);
    }

    @Test
    void mentionsAreScannedLongestFirst() {
        List<DivisionMention> m = g.mentions("辽宁省鞍山市岫岩县中心人民医院");
        assertThat(m).extracting(DivisionMention::text).containsExactly("辽宁省", "鞍山市", "岫岩县");
        assertThat(m).allMatch(DivisionMention::fullName);
        assertThat(g.mentions("沧州市中心医院")).extracting(DivisionMention::text).containsExactly("沧州市");
        assertThat(g.mentions("南京　鼓楼医院")).extracting(DivisionMention::text).containsExactly("南京", "鼓楼");
        assertThat(g.mentions("南京鼓楼医院").get(0).fullName()).isFalse();
    }
}
