package io.tenderlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenderlens.source.ocds.OcdsJson;
import io.tenderlens.store.Store;
import io.tenderlens.store.StoreSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.tenderlens.cli.IngestCommandTest.tenderlens;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's main job on the sample data the repository ships, and the exports. */
class ExportAndSummaryCommandTest {
    @TempDir static Path dir;
    static Path db;

    @BeforeAll
    static void ingestTheSamples() {
        db = dir.resolve("db");
        IngestCommandTest.Run run = tenderlens("ingest", "--db", db.toString(), samples().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("1 file, 47 releases read: 47 new, 0 duplicate, 0 rejected; 0 problems; 12 records compiled");
    }

    @Test
    void theSummaryGivesCountsAndExactTotalsPerCurrency() throws Exception {
        Map<String, BigDecimal> budgets = new TreeMap<>();
        Map<String, BigDecimal> awards = new TreeMap<>();
        StoreSummary summary;
        try (Store store = Store.openReadOnly(db)) {
            summary = StoreSummary.of(store);
            for (String ocid : ocids()) {
                JsonNode compiled = store.compiledRelease(ocid).orElseThrow();
                JsonNode budget = compiled.at("/tender/value/amount").isNumber()
                        ? compiled.at("/tender/value") : compiled.at("/planning/budget/amount");
                if (budget.path("amount").isNumber()) {
                    budgets.merge(budget.path("currency").asText(), budget.path("amount").decimalValue(), BigDecimal::add);
                }
                for (JsonNode award : compiled.path("awards")) {
                    if (award.at("/value/amount").isNumber() && !award.path("status").asText().matches("cancelled|unsuccessful")) {
                        awards.merge(award.at("/value/currency").asText(), award.at("/value/amount").decimalValue(), BigDecimal::add);
                    }
                }
            }
        }
        assertThat(summary.releases()).isEqualTo(47);
        assertThat(summary.records()).isEqualTo(12);
        assertThat(summary.pending()).isZero();
        assertThat(summary.byStage().stream().mapToLong(StoreSummary.Count::records).sum()).isEqualTo(12);
        assertThat(summary.byYear().stream().mapToLong(StoreSummary.Count::records).sum()).isEqualTo(12);
        assertThat(summary.topProcuringEntities()).extracting(StoreSummary.Count::value).contains("Municipalidad de Asunción");
        assertThat(budgets).isNotEmpty();
        budgets.forEach((currency, total) -> assertThat(summary.budgets()).anySatisfy(t -> {
            assertThat(t.currency()).isEqualTo(currency);
            assertThat(t.amount()).isEqualByComparingTo(total);
        }));
        assertThat(awards).isNotEmpty();
        awards.forEach((currency, total) -> assertThat(summary.awards()).anySatisfy(t -> {
            assertThat(t.currency()).isEqualTo(currency);
            assertThat(t.amount()).isEqualByComparingTo(total);
        }));
        assertThat(summary.render()).contains("47 releases, 12 records").contains("Records by stage")
                .contains("Top procuring entities").contains("PYG");
    }

    @Test
    void summaryAndExportPrintTheirWork() throws Exception {
        assertThat(tenderlens("summary", "--db", db.toString()).exit()).isZero();
        Path csv = dir.resolve("records.csv");
        IngestCommandTest.Run run = tenderlens("export", "--db", db.toString(), "--format", "CSV", "--out", csv.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("12 records written to " + csv);
        assertThat(Files.readAllBytes(csv)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(Files.readAllLines(csv)).hasSize(13);
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void exportMistakesAreExplained() {
        IngestCommandTest.Run noFile = tenderlens("export", "--db", db.toString(), "--format", "parquet");
        assertThat(noFile.exit()).isEqualTo(1);
        assertThat(noFile.err()).contains("give a file with --out");
        IngestCommandTest.Run badFormat = tenderlens("export", "--db", db.toString(), "--format", "xml");
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(badFormat.err()).contains("unknown format 'xml': use ocds, jsonl, csv or parquet");
        IngestCommandTest.Run noStore = tenderlens("summary", "--db", dir.resolve("none").toString());
        assertThat(noStore.exit()).isEqualTo(1);
        assertThat(noStore.err()).contains("No tenderlens database in").contains("tenderlens ingest");
    }

    private static TreeSet<String> ocids() throws Exception {
        TreeSet<String> ocids = new TreeSet<>();
        for (String line : Files.readAllLines(samples().resolve("paraguay-dncp-releases.jsonl"))) {
            ocids.add(OcdsJson.mapper().readTree(line).get("ocid").asText());
        }
        return ocids;
    }

    /** The repository's samples/ocds, found from the working directory (the module or the root). */
    static Path samples() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("samples/ocds"))) {
                return d.resolve("samples/ocds");
            }
        }
        throw new AssertionError("samples/ocds not found above " + Path.of("").toAbsolutePath());
    }
}
