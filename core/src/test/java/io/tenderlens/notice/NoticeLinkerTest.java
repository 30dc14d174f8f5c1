package io.tenderlens.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Linking rules on small notices written for the purpose. */
class NoticeLinkerTest {
    private static final PlainTextNoticeParser TEXTS = new PlainTextNoticeParser();

    private static ObjectNode notice(String title, String body, String date) throws NotANoticeException {
        return TEXTS.parse(title, body, new NoticeOrigin("t", null, null, date, null));
    }

    @Test
    void aCallItsCorrectionAndItsAwardShareTheCodesOcid() throws Exception {
        ObjectNode call = notice("苏州市立医院监护仪采购项目公开招标公告", "项目编号：SZSL-2026-G-0101\n采购人：苏州市立医院\n预算金额：300万元", "2026-03-01");
        ObjectNode fix = notice("苏州市立医院监护仪采购项目更正公告", "原公告的采购项目编号：SZSL-2026-G-0101\n更正原因：开标时间调整", "2026-03-05");
        ObjectNode award = notice("苏州市立医院监护仪采购项目中标公告",
                "项目编号：SZSL-2026-G-0101\n供应商名称：苏州甲医疗设备有限公司\n中标金额：288万元", "2026-03-30");
        NoticeLinker.Linked linked = NoticeLinker.link(List.of(call, fix, award));
        assertThat(linked.releases()).extracting(r -> r.path("ocid").asText()).containsOnly(call.path("ocid").asText());
        assertThat(call.path("ocid").asText()).startsWith(NoticeLinker.OCID_PREFIX).hasSize(NoticeLinker.OCID_PREFIX.length() + 16);
    }

    @Test
    void withoutACodeTheTitleStemLinksTheNoticesOfOneProcurement() throws Exception {
        ObjectNode call = notice("【公开招标】江阴市中医院新医院信息系统搬迁及扩容项目的公开招标公告", "采购人：江阴市中医院", "2024-02-05");
        ObjectNode award = notice("【中标公告】江阴市中医院新医院信息系统搬迁及扩容项目中标公告", "采购人：江阴市中医院", "2024-02-26");
        ObjectNode other = notice("江阴市中医院新医院办公家具采购项目的公开招标公告", "采购人：江阴市中医院", "2024-02-06");
        NoticeLinker.link(List.of(call, award, other));
        assertThat(award.path("ocid").asText()).isEqualTo(call.path("ocid").asText());
        assertThat(other.path("ocid").asText()).isNotEqualTo(call.path("ocid").asText());
    }

    @Test
    void differentCodesNeverLinkBySameTitleAndAYearApartTitlesDoNotLink() throws Exception {
        ObjectNode a = notice("北京师范大学仪器采购项目公开招标公告", "项目编号：XHTC-HW-2018-0807\n采购单位：北京师范大学", "2018-10-26");
        ObjectNode b = notice("北京师范大学仪器采购项目公开招标公告", "项目编号：XHTC-HW-2018-0808\n采购单位：北京师范大学", "2018-10-26");
        ObjectNode y1 = notice("西安市第四医院手术智能柜租赁服务项目调研公告", "采购人：西安市第四医院", "2022-08-08");
        ObjectNode y2 = notice("西安市第四医院手术智能柜租赁服务项目调研公告（二次）", "采购人：西安市第四医院", "2023-09-19");
        NoticeLinker.link(List.of(a, b, y1, y2));
        assertThat(a.path("ocid").asText()).isNotEqualTo(b.path("ocid").asText());
        assertThat(y1.path("ocid").asText()).isNotEqualTo(y2.path("ocid").asText());
    }

    @Test
    void aGenericCodeLinksOnlyWithinOneBuyer() throws Exception {
        ObjectNode a = notice("市属医院2026年医用设备集中带量采购放射组招标公告", "采购项目编号：202601\n采购单位：北京市医院管理中心", "2026-08-01");
        ObjectNode b = notice("某县教育局课桌椅采购招标公告", "采购项目编号：202601\n采购单位：某县教育局", "2026-08-01");
        NoticeLinker.link(List.of(a, b));
        assertThat(NoticeLinker.distinctive("202601")).isFalse();
        assertThat(a.path("ocid").asText()).isNotEqualTo(b.path("ocid").asText());
    }

    @Test
    void callsForDifferentLotsOfOneTemplateStayApartButTheLotsAwardJoinsItsCall() throws Exception {
        ObjectNode call7 = notice("积水潭医院回龙观院区二期开办费-信息化建设采购项目第7、9、10包公开招标公告", "采购人：北京积水潭医院", "2024-06-01");
        ObjectNode call3 = notice("积水潭医院回龙观院区二期开办费-信息化建设采购项目第3、11、13包公开招标公告", "采购人：北京积水潭医院", "2024-06-01");
        ObjectNode award7 = notice("积水潭医院回龙观院区二期开办费-信息化建设采购项目第7包中标公告", "采购人：北京积水潭医院", "2024-07-01");
        NoticeLinker.link(List.of(call7, call3, award7));
        assertThat(call7.path("ocid").asText()).isNotEqualTo(call3.path("ocid").asText());
        assertThat(award7.path("ocid").asText()).isIn(call7.path("ocid").asText(), call3.path("ocid").asText());
    }

    @Test
    void theSameNoticeOnTwoSitesIsOneRelease() throws Exception {
        ObjectNode one = TEXTS.parse("南通市第一人民医院布草洗涤外包服务项目采购公告", "项目编号：NTZC-2023-1130\n采购人：南通市第一人民医院",
                new NoticeOrigin("site-a.txt", "http://a.example/1", "a", "2023-11-30", null));
        ObjectNode two = TEXTS.parse("南通市第一人民医院布草洗涤外包服务项目采购公告", "项目编号：NTZC-2023-1130\n采购人：南通市第一人民医院",
                new NoticeOrigin("site-b.txt", "http://b.example/9", "b", "2023-11-30", null));
        assertThat(two.path("id").asText()).isEqualTo(one.path("id").asText());
        NoticeLinker.Linked linked = NoticeLinker.link(List.of(one, two));
        assertThat(linked.releases()).hasSize(1);
        assertThat(linked.duplicateOf()).containsEntry(1, 0);
    }

    @Test
    void codesAreNormalisedAndReTenderMarksFolded() {
        assertThat(NoticeLinker.normaliseCode("ｓｒｊｙｚｆｃｇ－２０２２－００３#-1")).isEqualTo("SRJYZFCG-2022-003");
        assertThat(NoticeLinker.normaliseCode("GXZC2022-G3-000998-KLZB（重）")).isEqualTo("GXZC2022-G3-000998-KLZB");
        assertThat(NoticeLinker.normaliseCode("BB2021WHCGZ0851-重1")).isEqualTo("BB2021WHCGZ0851");
        assertThat(NoticeLinker.normaliseCode("[231025]FAGC[GK]20260002")).isEqualTo("(231025)FAGC(GK)20260002");
    }
}
