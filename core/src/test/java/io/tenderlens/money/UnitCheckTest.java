package io.tenderlens.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitCheckTest {
    private final AmountParser parser = new AmountParser();

    private static List<BigDecimal> values(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Test
    void aWanYuanColumnFilledInYuanIsCaughtByThePageAward() {
        // Tianjin 东丽疾控: 单价(万元) holds 312000, the page's award is ￥31.200000 万元
        Money award = parser.parse("总中标金额 ￥31.200000 万元（人民币）").orElseThrow();
        UnitCheck.Decision d = UnitCheck.reconcile(AmountUnit.WAN_YUAN, values("312000"), award);
        assertThat(d.corrected()).isTrue();
        assertThat(d.unit()).isEqualTo(AmountUnit.YUAN);
        Money read = d.read(new BigDecimal("312000"));
        assertThat(read.amount()).isEqualByComparingTo("312000");
        assertThat(read.has(MoneyFlag.UNIT_CORRECTED)).isTrue();
    }

    @Test
    void aColumnThatSumsToTheTotalKeepsItsUnit() {
        // Tianjin 第三中心医院: four packages 中标金额(万元), total 932万
        Money total = Money.cny("9320000");
        UnitCheck.Decision d = UnitCheck.reconcile(AmountUnit.WAN_YUAN, values("237.5", "257", "251", "186.5"), total);
        assertThat(d.corrected()).isFalse();
        assertThat(d.reason()).contains("sum");
    }

    @Test
    void plausibleSharesKeepTheDeclaredUnit() {
        // 评审报价（万元） of three bidders against the award 31.2万: a bid above the award is still a share
        UnitCheck.Decision d = UnitCheck.reconcile(AmountUnit.WAN_YUAN, values("24.96", "59.85", "30"), Money.cny("312000"));
        assertThat(d.corrected()).isFalse();
        // unit prices in 元 of a 143万 award
        assertThat(UnitCheck.reconcile(AmountUnit.YUAN, values("410000", "49000", "39000"), Money.cny("1430000")).corrected()).isFalse();
    }

    @Test
    void aCeilingMultipliedOutTwiceIsCaughtByTheBudget() throws Exception {
        // Guangxi 北流市平政镇第二中心幼儿园: 预算总金额（元）：952204.81 … 最高限价（如有）：9522048100
        String line = Expectations.guangxiLines("YeMengLiChou__base_info_test_cases.txt").stream()
                .filter(l -> l.contains("9522048100")).findFirst().orElseThrow();
        List<AmountMatch> found = parser.findAll(line);
        Money budget = found.stream().filter(m -> m.role() == AmountRole.BUDGET).findFirst().orElseThrow().money();
        Money ceiling = found.stream().filter(m -> m.role() == AmountRole.CEILING).findFirst().orElseThrow().money();
        assertThat(budget.amount()).isEqualByComparingTo("952204.81");
        assertThat(ceiling.amount()).isEqualByComparingTo("9522048100");
        UnitCheck.Decision d = UnitCheck.reconcile(AmountUnit.YUAN, List.of(ceiling.amount()), budget);
        assertThat(d.corrected()).isTrue();
        assertThat(d.read(ceiling.amount()).amount()).isEqualByComparingTo("952204.81");
    }

    @Test
    void aYuanColumnFilledInWanYuanIsCaught() {
        // 预算金额(元)：30 for a study whose page total is 300000
        UnitCheck.Decision d = UnitCheck.reconcile(AmountUnit.YUAN, values("30"), Money.cny("300000"));
        assertThat(d.corrected()).isTrue();
        assertThat(d.unit()).isEqualTo(AmountUnit.WAN_YUAN);
    }

    @Test
    void withoutAReferenceOnlyTheAbsurdIsCorrected() {
        // 6687920 under a 万元 header would be 668亿
        UnitCheck.Decision absurd = UnitCheck.reconcile(AmountUnit.WAN_YUAN, values("6687920.0"), null);
        assertThat(absurd.corrected()).isTrue();
        assertThat(absurd.unit()).isEqualTo(AmountUnit.YUAN);
        assertThat(UnitCheck.reconcile(AmountUnit.WAN_YUAN, values("668.79"), null).corrected()).isFalse();
        assertThat(UnitCheck.reconcile(AmountUnit.YUAN, values("30"), null).corrected()).isFalse();
    }

    @Test
    void nothingToJudgeKeepsTheDeclaredUnit() {
        assertThat(UnitCheck.reconcile(AmountUnit.WAN_YUAN, values("0", "0"), Money.cny("100")).corrected()).isFalse();
        assertThat(UnitCheck.reconcile(AmountUnit.WAN_YUAN, values("5"), Money.cny("0")).corrected()).isFalse();
        // a reference in another currency says nothing
        assertThat(UnitCheck.reconcile(AmountUnit.WAN_YUAN, values("312000"), new Money(new BigDecimal("312000"), "USD"))
                .corrected()).isFalse();
        // no candidate fits: keep
        assertThat(UnitCheck.reconcile(AmountUnit.WAN_YUAN, values("3"), Money.cny("1000000000000")).corrected()).isFalse();
    }
}
