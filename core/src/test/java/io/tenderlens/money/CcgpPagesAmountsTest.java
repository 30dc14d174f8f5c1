package io.tenderlens.money;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** Amounts in the prose and in the tables of every saved ccgp page, against hand-checked readings. */
class CcgpPagesAmountsTest {
    private final AmountParser parser = new AmountParser();

    private static Map<String, Document> pages() throws IOException {
        Map<String, Document> pages = new TreeMap<>();
        for (String site : List.of("ccgp.gov.cn", "ccgp-hebei.gov.cn")) {
            Path dir = SharedData.path("cn-notices/raw-html/" + site);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                    Document doc = Jsoup.parse(f.toFile(), null);
                    doc.select("script,style").remove();
                    pages.put(site + "/" + f.getFileName(), doc);
                }
            }
        }
        return pages;
    }

    @Test
    void proseAmountsOfEveryPage() throws Exception {
        Map<String, Document> pages = pages();
        List<String[]> expected = Expectations.rows("ccgp-page-amounts.tsv");
        assertThat(expected.stream().map(r -> r[0]).toList()).containsExactlyInAnyOrderElementsOf(pages.keySet());
        List<String> wrong = new ArrayList<>();
        for (String[] row : expected) {
            String got = Expectations.show(parser.findAll(pages.get(row[0]).body().text()));
            if (!got.equals(row[1])) {
                wrong.add(row[0] + ": expected " + row[1] + " got " + got);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A money column of a table: its header and its non-empty cells. */
    private record Column(String page, String header, List<String> cells) {}

    private static List<Column> moneyColumns(String page, Document doc) {
        List<Column> columns = new ArrayList<>();
        for (Element table : doc.select("table")) {
            Elements rows = table.select("> tbody > tr, > tr, > thead > tr");
            if (rows.size() < 2) {
                continue;
            }
            List<String> head = rows.get(0).select("> th, > td").eachText();
            for (int c = 0; c < head.size(); c++) {
                if (!MoneyLabels.isMoney(head.get(c))) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int r = 1; r < rows.size(); r++) {
                    Elements row = rows.get(r).select("> th, > td");
                    if (row.size() == head.size() && !row.get(c).text().isBlank()) {
                        cells.add(row.get(c).text());
                    }
                }
                columns.add(new Column(page, head.get(c), cells));
            }
        }
        return columns;
    }

    @Test
    void tableCellsReadWithTheirHeadersUnit() throws Exception {
        List<String> got = new ArrayList<>();
        for (Map.Entry<String, Document> page : pages().entrySet()) {
            for (Column col : moneyColumns(page.getKey(), page.getValue())) {
                AmountUnit hint = AmountUnits.fromHeader(col.header()).orElse(null);
                for (String cell : col.cells()) {
                    String amount = parser.parse(cell, hint)
                            .map(m -> m.amount().toPlainString() + (m.per() == null ? "" : "/" + m.per())).orElse("-");
                    got.add(String.join("\t", col.page(), col.header(), MoneyLabels.role(col.header()).name(), cell, amount));
                }
            }
        }
        List<String> expected = Expectations.rows("ccgp-page-tables.tsv").stream().map(r -> String.join("\t", r)).toList();
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void onlyTheMisdeclaredColumnIsCorrectedAgainstThePageAward() throws Exception {
        List<String> corrected = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Document> page : pages().entrySet()) {
            Money award = parser.findAll(page.getValue().body().text()).stream()
                    .filter(m -> m.role() == AmountRole.AWARD).map(AmountMatch::money).findFirst().orElse(null);
            for (Column col : moneyColumns(page.getKey(), page.getValue())) {
                AmountUnit declared = AmountUnits.fromHeader(col.header()).orElse(null);
                if (declared == null || award == null) {
                    continue;
                }
                List<BigDecimal> values = col.cells().stream()
                        .map(c -> parser.parse(c, AmountUnit.YUAN).orElseThrow().amount()).toList();
                UnitCheck.Decision d = UnitCheck.reconcile(declared, values, award);
                checked++;
                if (d.corrected()) {
                    corrected.add(col.page() + " " + col.header() + " " + values + " -> ×" + d.unit().factor().toPlainString()
                            + " = " + d.read(values.get(0)).amount().toPlainString());
                }
            }
        }
        assertThat(checked).isEqualTo(28);
        assertThat(corrected).containsExactly(
                "ccgp.gov.cn/wpuu__ccgp_award_tianjin_unit_price_misdeclared__20260928.html 单价(万元) [312000] -> ×1 = 312000");
    }
}
