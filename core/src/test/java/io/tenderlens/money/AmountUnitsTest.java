package io.tenderlens.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountUnitsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            中标金额(万元)                       | 10000     | CNY | null
            评审报价（万元）                      | 10000     | CNY | null
            预算金额\t\t\t（万元）                 | 10000     | CNY | null
            预算总金额（元）                      | 1         | CNY | null
            中标（成交）金额(元)                   | 1         | CNY | null
            单价（元/台）                         | 1         | CNY | 台
            投标单价（元/吨）                      | 1         | CNY | 吨
            总报价（单位：元，总报价含所有费用及优惠条件） | 1         | CNY | null
            竞标报价（包含税费等所有费用，人民币）      | 1         | CNY | null
            金额（万美元）                         | 10000     | USD | null
            金额（人民币万元）                      | 10000     | CNY | null
            投资额（亿元）                         | 100000000 | CNY | null
            单价/元                              | 1         | CNY | null
            万元                                 | 10000     | CNY | null
            """)
    void headersDeclareTheirUnit(String header, String factor, String currency, String per) {
        AmountUnit u = AmountUnits.fromHeader(header).orElseThrow();
        assertThat(u.factor()).isEqualByComparingTo(new BigDecimal(factor));
        assertThat(u.currency()).isEqualTo(currency);
        assertThat(u.per()).isEqualTo(per);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"下浮系数(%)", "新车自主定价系数报价 (总价、%)", "中标金额", "中标（成交）金额", "数量", "供应商名称"})
    void headersWithoutAMoneyUnit(String header) {
        assertThat(AmountUnits.fromHeader(header)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            中标金额(万元)   | true
            中标金额         | true
            评审报价（万元）  | true
            单价            | true
            总价(元)         | true
            代理服务费金额（万元） | true
            报价总得分       | false
            价格得分         | false
            合计            | false
            下浮率(%)        | false
            优惠率           | false
            数量            | false
            供应商名称       | false
            评审得分         | false
            """)
    void moneyHeadersAreToldFromScoresRatesAndCounts(String header, boolean money) {
        assertThat(MoneyLabels.isMoney(header)).isEqualTo(money);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            预算金额         | BUDGET
            采购预算         | BUDGET
            最高限价（如有）   | CEILING
            招标控制价        | CEILING
            中标（成交）金额   | AWARD
            总成交金额        | AWARD
            中标报价         | AWARD
            合同金额         | CONTRACT
            评审报价（万元）   | BID
            最终报价         | BID
            投标单价（元/吨）  | UNIT_PRICE
            代理服务费        | FEE
            中标服务费        | FEE
            投标保证金        | DEPOSIT
            总价            | OTHER
            """)
    void labelsGiveRoles(String label, AmountRole role) {
        assertThat(MoneyLabels.role(label)).isEqualTo(role);
    }
}
