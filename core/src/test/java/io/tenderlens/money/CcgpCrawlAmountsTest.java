package io.tenderlens.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenderlens.testing.CsvRows;
import io.tenderlens.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Budgets and other amounts in the prose of the ccgp text crawl (20 notices, each 25 times). */
class CcgpCrawlAmountsTest {
    private final AmountParser parser = new AmountParser();

    @Test
    void everyNoticeReadsAsCheckedByHandAndEveryCopyAlike() throws Exception {
        String csv = Files.readString(SharedData.path("cn-notices/csv/junkrango__ccgp_spider__output.csv"), StandardCharsets.UTF_8);
        List<List<String>> rows = CsvRows.parse(csv);
        assertThat(rows).hasSize(501);
        Map<String, String> byNotice = new LinkedHashMap<>();
        List<String> inconsistent = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String got = Expectations.show(parser.findAll(row.get(1)));
            String before = byNotice.putIfAbsent(row.get(0), got);
            if (before != null && !before.equals(got)) {
                inconsistent.add(row.get(0));
            }
        }
        assertThat(inconsistent).isEmpty();
        Map<String, String> expected = new LinkedHashMap<>();
        for (String[] r : Expectations.rows("ccgp-crawl-amounts.tsv")) {
            expected.put(r[0], r[1]);
        }
        assertThat(byNotice).containsExactlyInAnyOrderEntriesOf(expected);
    }
}
