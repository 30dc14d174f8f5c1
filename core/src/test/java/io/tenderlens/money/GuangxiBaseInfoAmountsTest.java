package io.tenderlens.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Budgets and ceilings in the flattened 项目基本情况 sections of Guangxi notices (fields run together
 * with no separator), against {@code guangxi-base-info-amounts.tsv}.
 */
class GuangxiBaseInfoAmountsTest {
    private final AmountParser parser = new AmountParser();

    @Test
    void everyBudgetAndCeilingIsReadExactly() throws Exception {
        List<String> lines = Expectations.guangxiLines("YeMengLiChou__base_info_test_cases.txt");
        List<String[]> expected = Expectations.rows("guangxi-base-info-amounts.tsv");
        assertThat(expected).hasSize(lines.size());
        List<String> wrong = new ArrayList<>();
        int amounts = 0;
        for (String[] row : expected) {
            int n = Integer.parseInt(row[0]);
            List<AmountMatch> found = parser.findAll(lines.get(n - 1)).stream()
                    .filter(m -> m.role() == AmountRole.BUDGET || m.role() == AmountRole.CEILING)
                    .collect(Collectors.toList());
            String got = Expectations.show(found);
            if (!got.equals(row[1])) {
                wrong.add("line " + n + ": expected " + row[1] + " got " + got);
            }
            amounts += found.size();
        }
        assertThat(wrong).isEmpty();
        assertThat(amounts).isEqualTo(511);
    }

    @Test
    void percentagesAndDatesInTheSameSectionsAreNotMoney() throws Exception {
        List<String> lines = Expectations.guangxiLines("YeMengLiChou__base_info_test_cases.txt");
        for (String line : lines) {
            for (AmountMatch m : parser.findAll(line)) {
                String text = m.money().text();
                assertThat(text).as(line).doesNotContain("%").doesNotContain("年").doesNotContain("日历天");
                assertThat(m.money().currency()).isIn(Set.of("CNY"));
            }
        }
    }
}
