package io.tenderlens.place;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenderlens.place.ResolvedRegion.Source;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionResolverTest {

    private final RegionResolver resolver = RegionResolver.bundled();

    private static String where(ResolvedRegion r) {
        return r.province().map(Division::name).orElse("-") + " " + r.city().map(Division::name).orElse("-");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            岫岩县中心人民医院                    | 辽宁省 鞍山市
            岫岩满族自治县中心人民医院            | 辽宁省 鞍山市
            天津市第三中心医院                    | 天津市 天津市
            重庆大学附属肿瘤医院                  | 重庆市 重庆市
            北京协和医院                          | 北京市 北京市
            国家税务总局                          | - -
            深圳市龙华区中心医院                  | 广东省 深圳市
            南京鼓楼医院                          | 江苏省 南京市
            云南省曲靖中心医院                    | 云南省 曲靖市
            宁波市北仑区人民医院                  | 浙江省 宁波市
            恩施州中心医院                        | 湖北省 恩施土家族苗族自治州
            锡林郭勒盟医院                        | 内蒙古自治区 锡林郭勒盟
            仙桃市第一人民医院                    | 湖北省 仙桃市
            广东省人民医院                        | 广东省 广州市
            复旦大学附属中山医院                  | 上海市 上海市
            中山大学附属第一医院                  | 广东省 广州市
            中山市人民医院                        | 广东省 中山市
            北京大学深圳医院                      | 广东省 深圳市
            东北大学秦皇岛分校                    | 河北省 秦皇岛市
            首都医科大学附属北京朝阳医院          | 北京市 北京市
            西安交通大学第一附属医院              | 陕西省 西安市
            大庆龙南医院                          | 黑龙江省 大庆市
            暨南大学附属顺德医院                  | 广东省 佛山市
            国家税务总局广州市税务局              | 广东省 广州市
            中国医疗器械山东有限公司聊城分公司    | 山东省 聊城市
            天元建设集团有限公司                  | - -
            """)
    void fromTheBuyersName(String buyer, String expected) {
        assertThat(where(resolver.resolve(RegionClues.ofBuyer(buyer)))).isEqualTo(expected);
    }

    @Test
    void saysWhichEvidenceDecided() {
        ResolvedRegion r = resolver.resolve("岫岩县中心人民医院", null, null);
        assertThat(r.county()).map(Division::code).contains("210323");
        assertThat(r.decidedBy()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(Source.BUYER_NAME);
            assertThat(e.text()).isEqualTo("岫岩县");
            assertThat(e.source().rule()).isEqualTo("region.buyerName");
        });
        ResolvedRegion capital = resolver.resolve("广东省人民医院", null, null);
        assertThat(capital.decidedBy()).extracting(ResolvedRegion.Evidence::source)
                .contains(Source.BUYER_NAME, Source.PROVINCIAL_CAPITAL);
        assertThat(resolver.resolve("复旦大学附属中山医院", null, null).decidedBy())
                .extracting(ResolvedRegion.Evidence::source).containsExactly(Source.KNOWN_INSTITUTION);
    }

    @Test
    void theRegionLineAndTheAddressDecideWhatTheNameLeavesOpen() {
        // 龙华区 is a district of 深圳 and of 海口
        assertThat(where(resolver.resolve(null, null, "龙华区"))).isEqualTo("- -");
        assertThat(resolver.resolve(null, null, "龙华区").alternatives()).extracting(Division::name)
                .contains("广东省", "海南省");
        assertThat(where(resolver.resolve("深圳市龙华科技实验高级中学", null, "龙华区"))).isEqualTo("广东省 深圳市");
        assertThat(where(resolver.resolve("某区疾病预防控制中心", "海口市龙华区滨海大道", "龙华区"))).isEqualTo("海南省 海口市");
        // 市辖区 names no place; the address does
        assertThat(where(resolver.resolve("第三中心医院", "天津市河东区津塘路83号", "市辖区"))).isEqualTo("天津市 天津市");
        assertThat(where(resolver.resolve("国家税务总局", "北京市海淀区羊坊店西路5号", null))).isEqualTo("北京市 北京市");
        // 甘南县 (Heilongjiang) is not 甘南藏族自治州 (Gansu)
        assertThat(where(resolver.resolve("甘南县人民医院", "光明路与工农路交汇处", "甘南县"))).isEqualTo("黑龙江省 齐齐哈尔市");
    }

    @Test
    void streetsNamedAfterPlacesAreNotPlaces() {
        assertThat(where(resolver.resolve("某某医院", "广州市越秀区北京路1号", null))).isEqualTo("广东省 广州市");
        assertThat(where(resolver.resolve("某某医院", "中山路8号", null))).isEqualTo("- -");
    }

    @Test
    void ambiguousNamesAreNotGuessed() {
        ResolvedRegion r = resolver.resolve("朝阳区人民医院", null, null);
        assertThat(r.province()).isEmpty();
        assertThat(r.alternatives()).extracting(Division::name).contains("北京市", "吉林省");
        assertThat(where(resolver.resolve("朝阳区人民医院", null, "北京市"))).isEqualTo("北京市 北京市");
    }

    /** Expected province and city of each real ccgp page, read by hand from the page. */
    private static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("aiting__guangdong_page__shenzhen_longhua_award_20250527.html", "广东省 深圳市"),
            Map.entry("wpuu__ccgp_event_beijing_package_failed_bid__20260924.html", "北京市 北京市"),
            Map.entry("wpuu__ccgp_event_beijing_package_correction__20260924.html", "北京市 北京市"),
            Map.entry("wpuu__ccgp_award_tianjin_multi_package__20260928.html", "天津市 天津市"),
            Map.entry("wpuu__ccgp_award_tianjin_single_package__20260928.html", "天津市 天津市"),
            Map.entry("wpuu__ccgp_award_tianjin_unit_price_misdeclared__20260928.html", "天津市 天津市"),
            Map.entry("wpuu__ccgp_deal_tianjin_works_only__20260928.html", "天津市 天津市"),
            Map.entry("wpuu__ccgp_award_liaoning_all_packages_failed__20260929.html", "辽宁省 鞍山市"),
            Map.entry("wpuu__ccgp_award_liaoning_single_item_awarded__20260928.html", "辽宁省 大连市"),
            Map.entry("wpuu__ccgp_award_chongqing_national_template_failed_packages__20260804.html", "重庆市 重庆市"),
            Map.entry("wpuu__ccgp_award_beijing_pumch_text_template__20260929.html", "北京市 北京市"),
            Map.entry("wpuu__ccgp_award_hebei_cangzhou_goods_table__20260928.html", "河北省 沧州市"),
            Map.entry("wpuu__ccgp_award_hebei_hbmu3_service_table__20260928.html", "河北省 石家庄市"),
            Map.entry("wpuu__ccgp_award_heilongjiang_linkou_contract_package__20260929.html", "黑龙江省 牡丹江市"),
            Map.entry("wpuu__ccgp_event_heilongjiang_gannan_project_correction__20260928.html", "黑龙江省 齐齐哈尔市"));

    @Test
    void everyRealCcgpPage() throws IOException {
        Path dir = SharedData.path("cn-notices/raw-html/ccgp.gov.cn");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(PAGES.keySet());
        }
        for (Map.Entry<String, String> page : PAGES.entrySet()) {
            Document doc = Jsoup.parse(dir.resolve(page.getKey()).toFile(), "UTF-8");
            String buyer = summaryCell(doc, "采购单位");
            String region = summaryCell(doc, "行政区域");
            String address = summaryCell(doc, "采购单位地址", "地址");
            assertThat(where(resolver.resolve(buyer, address, region))).as(page.getKey()).isEqualTo(page.getValue());
        }
    }

    /** The value beside the first of the labels found in the ccgp 公告概要 table. */
    private static String summaryCell(Document doc, String... labels) {
        for (String label : labels) {
            for (Element td : doc.select("td")) {
                if (Gazetteer.compact(td.text()).equals(label) && td.nextElementSibling() != null) {
                    return td.nextElementSibling().text();
                }
            }
        }
        throw new AssertionError("no " + String.join("/", labels) + " in " + doc.location());
    }

    @Test
    void theHebeiCountyPage() throws IOException {
        Path page = SharedData.path("cn-notices/raw-html/ccgp-hebei.gov.cn/hbjiance__weichang_pc_award_20211011.html");
        String text = Jsoup.parse(new String(Files.readAllBytes(page), charsetOf(page))).text();
        Matcher buyer = Pattern.compile("采购人信息\\s*名称：\\s*(\\S+)\\s*地址\\s*：\\s*(\\S+)").matcher(text);
        Matcher place = Pattern.compile("当前位置：\\s*(\\S+)\\s*>\\s*(\\S+)\\s*>").matcher(text);
        assertThat(buyer.find()).isTrue();
        assertThat(place.find()).isTrue();
        ResolvedRegion r = resolver.resolve(buyer.group(1), buyer.group(2), place.group(1) + place.group(2));
        assertThat(where(r)).isEqualTo("河北省 承德市");
        assertThat(r.county()).map(Division::name).contains("围场满族蒙古族自治县");
    }

    private static Charset charsetOf(Path page) throws IOException {
        String head = new String(Files.readAllBytes(page), StandardCharsets.ISO_8859_1);
        return head.toLowerCase().contains("charset=gb") ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
    }

    /** The buyers of the central csv crawl, from their name and address. */
    @Test
    void theCentralCsvCrawl() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("上海交通大学", "上海市 上海市"),
                Map.entry("北京师范大学", "北京市 北京市"),
                Map.entry("国家税务总局", "北京市 北京市"),
                Map.entry("东北大学", "辽宁省 沈阳市"),
                Map.entry("外交部政府采购办公室", "北京市 北京市"),
                Map.entry("中国地震台网中心", "北京市 北京市"),
                Map.entry("交通运输部公路科学研究所", "北京市 北京市"),
                Map.entry("哈尔滨工业大学", "黑龙江省 哈尔滨市"),
                Map.entry("中华人民共和国广州海关缉私局", "广东省 广州市"),
                Map.entry("东北大学秦皇岛分校", "河北省 秦皇岛市"),
                Map.entry("南开大学", "天津市 天津市"),
                Map.entry("清华大学", "北京市 北京市"),
                Map.entry("中央财经大学", "北京市 北京市"),
                Map.entry("煤炭总医院", "北京市 北京市"));
        var notices = CcgpCsvNotices.load();
        assertThat(notices).hasSize(20);
        for (var n : notices) {
            assertThat(where(resolver.resolve(n.buyer(), n.address(), null))).as(n.buyer()).isEqualTo(expected.get(n.buyer()));
        }
        // the name alone places the universities, and leaves the central bodies without a province
        assertThat(where(resolver.resolve(RegionClues.ofBuyer("东北大学")))).isEqualTo("辽宁省 沈阳市");
        assertThat(where(resolver.resolve(RegionClues.ofBuyer("外交部政府采购办公室")))).isEqualTo("- -");
    }
}
