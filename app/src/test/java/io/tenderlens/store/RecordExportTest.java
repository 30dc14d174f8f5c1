package io.tenderlens.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.tenderlens.store.StoreFixtures.COMPILER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordExportTest {

    @TempDir static Path dir;
    static Path db;

    @BeforeAll
    static void ingestRealData() throws Exception {
        db = dir.resolve("db");
        try (Store store = Store.openForWriting(db, "test")) {
            StoreFixtures.ingest(store, COMPILER, StoreFixtures.REAL_JSONL);
        }
    }

    @Test
    void jsonLinesHoldOneCompiledReleasePerRecord() throws Exception {
        try (Store store = Store.openReadOnly(db)) {
            String text = export(store, RecordExport.Format.JSONL);
            String[] lines = text.split("\n");
            assertThat(lines).hasSize((int) store.recordCount());
            String previous = "";
            for (String line : lines) {
                ObjectNode compiled = Store.parseObject(line);
                String ocid = compiled.get("ocid").asText();
                assertThat(ocid).isGreaterThan(previous);
                assertThat(store.compiledRelease(ocid)).contains(compiled);
                previous = ocid;
            }
        }
    }

    @Test
    void theRecordPackageCarriesEveryReleaseAndIngestsIntoAnEqualStore() throws Exception {
        JsonNode recordPackage;
        String original;
        try (Store store = Store.openReadOnly(db)) {
            recordPackage = Store.JSON.readTree(export(store, RecordExport.Format.OCDS));
            original = StoreFixtures.fingerprint(store);
            assertThat(recordPackage.path("version").asText()).isEqualTo("1.1");
            assertThat(recordPackage.path("records")).hasSize((int) store.recordCount());
            for (JsonNode record : recordPackage.path("records")) {
                String ocid = record.get("ocid").asText();
                assertThat(record.get("compiledRelease")).isEqualTo(store.compiledRelease(ocid).orElseThrow());
                assertThat(record.get("releases")).containsExactlyElementsOf(store.releases(ocid));
            }
        }
        try (Store copy = Store.openForWriting(dir.resolve("copy"), "test");
             ReleaseIngest ingest = copy.beginIngest(COMPILER, StoreFixtures.QUIET)) {
            for (JsonNode record : recordPackage.path("records")) {
                record.path("releases").forEach(r -> ingest.add((ObjectNode) r, "export.json", null));
            }
            ingest.finish();
            assertThat(StoreFixtures.fingerprint(copy)).isEqualTo(original);
        }
    }

    @Test
    void csvStartsWithAByteOrderMarkAndHoldsTheFlatColumns() throws Exception {
        try (Store store = Store.openReadOnly(db)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long count = new RecordExport(store).write(RecordExport.Format.CSV, out);
            byte[] bytes = out.toByteArray();
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            List<CSVRecord> rows;
            try (CSVParser parser = CSVParser.parse(new StringReader(text),
                    CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
                assertThat(parser.getHeaderNames()).containsExactlyElementsOf(
                        FlatRecord.columns().stream().map(FlatRecord.Column::name).toList());
                rows = parser.getRecords();
            }
            assertThat(rows).hasSize((int) count).hasSize((int) store.recordCount());
            for (CSVRecord row : rows) {
                ObjectNode compiled = store.compiledRelease(row.get("ocid")).orElseThrow();
                FlatRecord flat = FlatRecord.of(row.get("ocid"), store.releases(row.get("ocid")), compiled);
                assertThat(row.get("title")).isEqualTo(nullToEmpty(flat.title()));
                assertThat(row.get("buyer_name")).isEqualTo(nullToEmpty(flat.buyerName()));
                assertThat(row.get("supplier_names")).isEqualTo(String.join(RecordExport.LIST_SEPARATOR, flat.supplierNames()));
                assertThat(row.get("first_date")).isEqualTo(flat.firstDate() == null ? "" : flat.firstDate().toString());
                if (flat.budgetAmount() == null) {
                    assertThat(row.get("budget_amount")).isEmpty();
                } else {
                    assertThat(new BigDecimal(row.get("budget_amount"))).isEqualByComparingTo(flat.budgetAmount());
                    assertThat(row.get("budget_amount")).doesNotContain("E").doesNotEndWith(".000000");
                }
            }
        }
    }

    @Test
    void parquetReadsBackWithDuckDbWithTheSameRecordsAndExactSums() throws Exception {
        Path file = dir.resolve("records.parquet");
        Map<String, BigDecimal> budgets = new HashMap<>();
        long count;
        try (Store store = Store.openReadOnly(db)) {
            count = new RecordExport(store).writeParquet(file);
            assertThat(count).isEqualTo(store.recordCount());
            try (var s = store.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT budget_currency, sum(budget_amount) FROM records GROUP BY 1")) {
                while (rs.next()) {
                    budgets.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement ps = duck.prepareStatement(
                     "SELECT budget_currency, sum(budget_amount), count(*) OVER (), typeof(any_value(supplier_names)),"
                             + " typeof(any_value(budget_amount)) FROM read_parquet(?) GROUP BY 1")) {
            ps.setString(1, file.toString());
            List<String> currencies = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    currencies.add(rs.getString(1));
                    assertThat(rs.getBigDecimal(2)).isEqualTo(budgets.get(rs.getString(1)));
                    assertThat(rs.getString(4)).isEqualTo("VARCHAR[]");
                    assertThat(rs.getString(5)).isEqualTo("DECIMAL(38,6)");
                }
            }
            assertThat(currencies).containsExactlyInAnyOrderElementsOf(budgets.keySet());
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement ps = duck.prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
            ps.setString(1, file.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(count);
            }
        }
        try (var temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(temporary.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("tenderlens-export-" + ProcessHandle.current().pid() + "-"));
        }
    }

    @Test
    void parquetIsNotWrittenToAStream() throws Exception {
        try (Store store = Store.openReadOnly(db)) {
            assertThatThrownBy(() -> new RecordExport(store).write(RecordExport.Format.PARQUET, new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String export(Store store, RecordExport.Format format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RecordExport(store).write(format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
