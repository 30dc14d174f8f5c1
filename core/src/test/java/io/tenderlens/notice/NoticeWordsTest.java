package io.tenderlens.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Small readers: lots, title stems, dates, notice types, failure statements. */
class NoticeWordsTest {
    @Test
    void lotIds() {
        assertThat(LotIds.all("市属医院2026年医用设备集中带量采购放射组第14包、第16包废标公告")).containsExactly("14", "16");
        assertThat(LotIds.all("公改示范项目（第一批）-西城区骨健康特色诊疗中心项目（丰盛医院）06包更正公告")).containsExactly("6");
        assertThat(LotIds.first("合同包1(医疗设备采购及服务):")).isEqualTo("1");
        assertThat(LotIds.normalise("002")).isEqualTo("2");
        assertThat(LotIds.all("至投标文件递交截止时间，01、02、03分标提交投标文件的供应商均不足3家")).containsExactly("1", "2", "3");
        assertThat(LotIds.first("标项三")).isEqualTo("3");
        assertThat(LotIds.first("A分标：因对招标文件作实质响应的供应商不足3家")).isEqualTo("A");
    }

    @Test
    void titleStems() {
        assertThat(TitleStem.of("沧州市中心医院病房护理设备设施采购项目公开招标中标公告")).isEqualTo("沧州市中心医院病房护理设备设施");
        assertThat(TitleStem.of("甘南县人民医院紧密型县域医共体五大共享中心改建及设备购置项目(透析设备)(二次)采购更正公告（第一次）"))
                .startsWith("甘南县人民医院紧密型县域医共体五大共享中心改建及设备购置项目(透析设备)");
        assertThat(TitleStem.forLinking("上饶市建源招标咨询有限公司关于上饶市人民医院手术室行为管理系统项目（SRJYZFCG-2022-003#-1）第二次不见面公开招标公告"))
                .isEqualTo(TitleStem.forLinking("[SRJYZFCG-2022-003#-1]上饶市人民医院手术室行为管理系统项目"));
        assertThat(TitleStem.forLinking("南京市第一医院布草洗涤服务项目更正公告(二)"))
                .isEqualTo(TitleStem.forLinking("南京市第一医院布草洗涤服务项目中标公告"));
    }

    @Test
    void dates() {
        assertThat(ChineseDates.parse("2026年09月28日  23:50")).hasValue("2026-09-28T23:50:00+08:00");
        assertThat(ChineseDates.parse("2026年8月4日")).hasValue("2026-08-04T00:00:00+08:00");
        assertThat(ChineseDates.parse("2018年11月19日上午9：30")).hasValue("2018-11-19T09:30:00+08:00");
        assertThat(ChineseDates.parse("下午2：30开标，2026年10月29日 下午2:30")).hasValue("2026-10-29T14:30:00+08:00");
        assertThat(ChineseDates.parse("2026年13月40日")).isEmpty();
        assertThat(ChineseDates.ofEpochSeconds(1694759873)).isEqualTo("2023-09-15T14:37:53+08:00");
    }

    @Test
    void noticeTypesFromTitles() {
        assertThat(NoticeClassifier.typeOfTitle("关于镇海区人民医院棉织品洗涤租赁服务采购项目的中标(成交)结果公告[浙江天诚工程咨询有限公司]")
                .get().value()).isEqualTo(NoticeType.AWARD);
        assertThat(NoticeClassifier.typeOfTitle("深圳市龙华科技实验高级中学空调采购中标（成交）结果公告").get().words()).isEqualTo("中标（成交）结果公告");
        assertThat(NoticeClassifier.typeOfTitle("上饶市人民医院手术室行为管理系统延期询价公告").get().value()).isEqualTo(NoticeType.AMENDMENT);
        assertThat(NoticeClassifier.typeOfTitle("吉木萨尔县总医院手术室行为管理系统中标结果变更公告").get().value()).isEqualTo(NoticeType.AWARD_AMENDMENT);
        assertThat(NoticeClassifier.typeOfTitle("国义招标股份有限公司手术室行为管理系统及高清腹腔镜系统采购（404025-G1-0435-GYZB）")).isEmpty();
        assertThat(NoticeClassifier.typeOfTitle("重庆市人民医院意向公开（中山院区办公家具采购项目）").get().value()).isEqualTo(NoticeType.PLANNING);
        assertThat(NoticeClassifier.method("☑竞争性谈判□竞争性磋商□询价", null, null).get().value()).isEqualTo("竞争性谈判");
        assertThat(NoticeClassifier.methodCode("单一来源")).isEqualTo("direct");
    }

    @Test
    void failureStatements() {
        assertThat(FailureReasons.read("标项1：有效供应商不足三家，废标；标项2：分标2投标供应商数量不符合要求,系统自动废标"))
                .extracting(FailureReasons.Failure::lots).containsExactly(java.util.List.of("1"), java.util.List.of("2"));
        assertThat(FailureReasons.outcome("因采购需求发生变化，故本项目终止采购")).isEqualTo("cancelled");
        assertThat(FailureReasons.outcome("有效投标人不足三家，本项目废标")).isEqualTo("unsuccessful");
        assertThat(FailureReasons.kind("投标人的报价均超过了采购预算，采购人不能支付")).isEqualTo(FailureReasons.Kind.OVER_BUDGET);
    }
}
