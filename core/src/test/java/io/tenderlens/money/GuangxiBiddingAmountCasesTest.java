package io.tenderlens.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every line of the Guangxi 中标金额 strings (real bid fields, many of them rates or template noise)
 * against readings written by hand in {@code guangxi-bidding-amount-cases.tsv}.
 */
class GuangxiBiddingAmountCasesTest {
    private final AmountParser parser = new AmountParser();

    @Test
    void everyLineReadsAsJudgedByHand() throws Exception {
        List<String> lines = Expectations.guangxiLines("YeMengLiChou__bidding_amount_cases.txt");
        List<String[]> expected = Expectations.rows("guangxi-bidding-amount-cases.tsv");
        assertThat(expected).as("one expectation per source line").hasSize(lines.size());
        List<String> wrong = new ArrayList<>();
        int money = 0;
        int notMoney = 0;
        for (String[] row : expected) {
            int n = Integer.parseInt(row[0]);
            String got = Expectations.show(parser.findAll(lines.get(n - 1)));
            if (!got.equals(row[1])) {
                wrong.add("line " + n + ": expected " + row[1] + " got " + got + " — " + lines.get(n - 1));
            }
            if (row[1].equals("-")) {
                notMoney++;
            } else {
                money++;
            }
        }
        assertThat(wrong).as("lines read differently from the hand judgement").isEmpty();
        assertThat(money).isEqualTo(84);
        assertThat(notMoney).isEqualTo(25);
    }

    @Test
    void parseOfALineGivesItsFirstSum() throws Exception {
        List<String> lines = Expectations.guangxiLines("YeMengLiChou__bidding_amount_cases.txt");
        assertThat(parser.parse(lines.get(99)).orElseThrow().amount()).isEqualByComparingTo("7945500"); // 264.85万元/年 is skipped for the total
        assertThat(parser.parse(lines.get(60)).orElseThrow().per()).isEqualTo("吨"); // only a rate: the rate
        assertThat(parser.parse(lines.get(7))).isEmpty(); // 让利系数:1.1(%)
        assertThat(parser.parse(lines.get(16)).orElseThrow().amount()).isEqualByComparingTo("1355348.8");
    }
}
