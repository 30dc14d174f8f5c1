package io.tenderlens.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountParserTest {
    private final AmountParser parser = new AmountParser();

    private Money read(String text) {
        return parser.parse(text).orElseThrow(() -> new AssertionError("no amount in " + text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ￥668.790000 万元（人民币）             | 6687900
            6687920.0元                         | 6687920
            182.0000000（万元）                   | 1820000
            120万元人民币                          | 1200000
            预算金额：120.0 万元（人民币）            | 1200000
            人民币壹佰万元整                        | 1000000
            壹亿肆仟叁佰肆拾叁万零壹佰捌拾贰元叁角陆分 | 143430182.36
            贰万零伍佰元正                          | 20500
            壹拾万零玖仟叁佰玖拾元整                 | 109390
            拾万元                                | 100000
            伍角                                  | 0.5
            壹元零伍分                             | 1.05
            五十万元                               | 500000
            １２３４５６７．８９元                     | 1234567.89
            ￥１，２３４，５６７．００                  | 1234567
            1,234,567.00                        | 1234567
            1.5亿元                               | 150000000
            3千万元                               | 30000000
            约6000（万元）                         | 60000000
            中标（成交）金额：449.24000000（单位：万元） | 4492400
            合同金额（元）：2899360.003.履约期限        | 2899360
            不低于人民币伍亿元（RMB500,000,000.00）     | 500000000
            """)
    void readsTheWrittenForms(String text, String yuan) {
        Money m = read(text);
        assertThat(m.amount()).isEqualByComparingTo(yuan);
        assertThat(m.amount().toPlainString()).isEqualTo(yuan);
        assertThat(m.currency()).isEqualTo("CNY");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            USD 1,000         | 1000    | USD
            1,000USD          | 1000    | USD
            $80               | 80      | USD
            US$2,500.50       | 2500.5  | USD
            20美元             | 20      | USD
            100万美元           | 1000000 | USD
            壹佰万美元          | 1000000 | USD
            €500              | 500     | EUR
            500欧元            | 500     | EUR
            HK$100            | 100     | HKD
            3万日元            | 30000   | JPY
            RMB 1,200,000     | 1200000 | CNY
            """)
    void readsStatedCurrencies(String text, String amount, String currency) {
        Money m = read(text);
        assertThat(m.amount()).isEqualByComparingTo(amount);
        assertThat(m.currency()).isEqualTo(currency);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "下浮系数(%):57(元)", "让利系数:1.1(%)", "投标综合优惠率:3(%)", "优惠率：3", "费率：0.5%", "折扣率80%",
            "设计费费率报价:2.2(%)", "出资比例为100%", "汇率：6.8", "利润率（税前）7.50%",
            "2023年", "2018-10-29", "2018年10月29日 09:30", "2018.10.29", "09:30", "022-26824572",
            "电话：0314-7566207", "项目编号：GXZC2023-G3-000948-GTZX", "统一社会信用代码9112011132869574XC",
            "账号：23001865951050507272", "3(个)", "数量：5台", "工期：60天", "工期:60(元)", "项目经理:0(元)",
            "供货期/服务项目负责人:180(元)", "评审得分 90.5", "第1包", "15个工作日", "含5种元素", "统一元化管理",
            "/", "无", "详见招标文件", "最高限价（如有）：/", "桂建标[2018]37号"})
    void ratesCountsDatesCodesAndPhonesAreNotMoney(String text) {
        assertThat(parser.parse(text)).as(text).isEmpty();
        assertThat(parser.findAll(text)).as(text).isEmpty();
    }

    @Test
    void aMobileNumberAloneInACellIsNotMoneyUnlessTheHeaderSaysSo() {
        assertThat(parser.parse("13899998888")).isEmpty();
        assertThat(parser.parse("13899998888", AmountUnit.YUAN)).isPresent();
    }

    @Test
    void emptyAndMissingTextGiveNothing() {
        assertThat(parser.parse(null)).isEmpty();
        assertThat(parser.parse("  ")).isEmpty();
        assertThat(parser.findAll(null)).isEmpty();
        assertThat(parser.findAll("")).isEmpty();
    }

    @Test
    void aZeroTotalIsReadButFlagged() {
        Money zero = read("总中标金额 ￥0.000000 万元（人民币）");
        assertThat(zero.amount()).isEqualByComparingTo("0");
        assertThat(zero.amount().toPlainString()).isEqualTo("0");
        assertThat(zero.isZero()).isTrue();
        assertThat(zero.has(MoneyFlag.ZERO)).isTrue();
        assertThat(read("668.79万元").isZero()).isFalse();
    }

    @Test
    void aPricePerPeriodIsARateNotATotal() {
        Money perYear = read("264.85万元/年");
        assertThat(perYear.amount()).isEqualByComparingTo("2648500");
        assertThat(perYear.per()).isEqualTo("年");
        assertThat(perYear.isTotal()).isFalse();
        assertThat(read("500元人民币/套").per()).isEqualTo("套");
        assertThat(read("单价：120元/人·天").per()).isEqualTo("人·天");
        assertThat(read("投标单价（元/吨）:475(元)").per()).isEqualTo("吨");
        assertThat(read("每年预算100万元").per()).isEqualTo("年");
        // a slash that opens the next field is no basis
        assertThat(read("招标控制价：3910063.00元/采购需求：").isTotal()).isTrue();
        // parse prefers the sum when a rate comes first
        assertThat(read("264.85万元/年，2023-2025年合计794.55万元").amount()).isEqualByComparingTo("7945500");
    }

    @Test
    void formalAndFigureWritingsOfOneAmountBecomeOneMatch() {
        List<AmountMatch> both = parser.findAll("预算金额：人民币壹仟贰佰贰拾捌万伍仟陆佰柒拾元整（¥12285670.00元）交付时间：15日");
        assertThat(both).hasSize(1);
        AmountMatch m = both.get(0);
        assertThat(m.money().amount()).isEqualByComparingTo("12285670");
        assertThat(m.money().flags()).contains(MoneyFlag.CHINESE_NUMERALS, MoneyFlag.CROSS_CHECKED);
        assertThat(m.role()).isEqualTo(AmountRole.BUDGET);
        assertThat(m.money().text()).isEqualTo("人民币壹仟贰佰贰拾捌万伍仟陆佰柒拾元整（¥12285670.00元）");

        Money deposit = read("投标保证金金额：（大写）人民币贰万元整（小写）¥20000.00。");
        assertThat(deposit.amount()).isEqualByComparingTo("20000");
        assertThat(deposit.has(MoneyFlag.CROSS_CHECKED)).isTrue();
    }

    @Test
    void whenTheTwoWritingsDisagreeTheFormalOneIsKept() {
        Money m = read("人民币壹佰万元整（¥1,100,000.00）");
        assertThat(m.amount()).isEqualByComparingTo("1000000");
        assertThat(m.has(MoneyFlag.WRITTEN_FORMS_DISAGREE)).isTrue();
        assertThat(m.has(MoneyFlag.CROSS_CHECKED)).isFalse();
    }

    @Test
    void findAllGivesSpansLabelsAndRoles() {
        String text = "一、预算金额：120万元；最高限价：118.5万元。二、中标（成交）金额：1,150,000.00元，"
                + "评审报价（万元）：114，代理服务费：11500元，投标保证金：2万元，合同金额：115万元。";
        List<AmountMatch> found = parser.findAll(text);
        assertThat(found).extracting(AmountMatch::role).containsExactly(AmountRole.BUDGET, AmountRole.CEILING,
                AmountRole.AWARD, AmountRole.BID, AmountRole.FEE, AmountRole.DEPOSIT, AmountRole.CONTRACT);
        assertThat(found).extracting(m -> m.money().amount().toPlainString())
                .containsExactly("1200000", "1185000", "1150000", "1140000", "11500", "20000", "1150000");
        AmountMatch award = found.get(2);
        assertThat(text.substring(award.start(), award.end())).isEqualTo("1,150,000.00元");
        assertThat(award.label()).isEqualTo("中标（成交）金额");
        assertThat(text.substring(award.spanStart(), award.end())).isEqualTo("中标（成交）金额：1,150,000.00元");
        AmountMatch review = found.get(3);
        assertThat(review.money().flags()).doesNotContain(MoneyFlag.UNIT_ASSUMED); // the label declared 万元
    }

    @Test
    void lotMarkersTakeTheLabelBeforeThem() {
        List<AmountMatch> found = parser.findAll("最高限价：1分标1725127元；2分标404326元");
        assertThat(found).extracting(AmountMatch::role).containsExactly(AmountRole.CEILING, AmountRole.CEILING);
        assertThat(found).extracting(AmountMatch::label).containsExactly("1分标", "2分标");
    }

    @Test
    void theWinnersPriceIsTheAwardAndOtherBidsAreBids() {
        assertThat(parser.findAll("中标报价：100万元").get(0).role()).isEqualTo(AmountRole.AWARD);
        assertThat(parser.findAll("投标报价：100万元").get(0).role()).isEqualTo(AmountRole.BID);
        assertThat(parser.findAll("评审报价：100万元").get(0).role()).isEqualTo(AmountRole.BID);
        assertThat(parser.findAll("中标服务费：1万元").get(0).role()).isEqualTo(AmountRole.FEE);
    }

    @Test
    void aHeaderUnitAppliesOnlyToBareCells() {
        Money wan = parser.parse("31.2", AmountUnit.WAN_YUAN).orElseThrow();
        assertThat(wan.amount()).isEqualByComparingTo("312000");
        assertThat(wan.has(MoneyFlag.UNIT_FROM_HINT)).isTrue();
        Money written = parser.parse("报价：250000（元）", AmountUnit.WAN_YUAN).orElseThrow();
        assertThat(written.amount()).isEqualByComparingTo("250000");
        assertThat(written.has(MoneyFlag.UNIT_FROM_HINT)).isFalse();
        Money assumed = parser.parse("745680").orElseThrow();
        assertThat(assumed.has(MoneyFlag.UNIT_ASSUMED)).isTrue();
        assertThat(parser.parse("830000; 160000", AmountUnit.YUAN).orElseThrow().amount()).isEqualByComparingTo("830000");
    }

    @Test
    void amountsAreCanonicalDecimals() {
        assertThat(read("6687920.0元").amount().scale()).isZero();
        assertThat(read("1355348.80元").amount().toPlainString()).isEqualTo("1355348.8");
        assertThat(read("100元").amount()).isEqualTo(read("100.00元").amount()); // equals, not only compareTo
        assertThat(Money.cny("1E+3").amount().toPlainString()).isEqualTo("1000");
        assertThat(new Money(new java.math.BigDecimal("10.50"), "CNY")).isEqualTo(Money.cny("10.5"));
    }

    @Test
    void theSourceTextIsKept() {
        Optional<Money> m = parser.parse("  总中标金额 ￥668.790000 万元（人民币）  ");
        assertThat(m.orElseThrow().text()).isEqualTo("￥668.790000 万元（人民币）");
    }
}
