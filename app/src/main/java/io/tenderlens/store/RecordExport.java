package io.tenderlens.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the stored records out: as an OCDS record package, as compiled releases in JSON Lines, or
 * flattened to CSV (UTF-8 with a byte order mark, so Excel reads Chinese correctly) and Parquet.
 * Records come out ordered by ocid; everything streams, so the export size is not bounded by memory.
 */
public final class RecordExport {
    /** The export formats. */
    public enum Format {
        /** An OCDS record package: each record with its releases embedded and its compiled release. */
        OCDS,
        /** Compiled releases, one JSON object per line. */
        JSONL,
        /** The flat columns of {@link FlatRecord}; lists joined by {@value #LIST_SEPARATOR}. */
        CSV,
        /** The flat columns of {@link FlatRecord}, with lists as Parquet lists and amounts as decimals. */
        PARQUET;

        /** Parses a format name, case-insensitively. */
        public static Format of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** Separates list items (supplier names, tags) in a CSV cell. */
    public static final String LIST_SEPARATOR = "; ";
    private static final String FLAT_COLUMNS = FlatRecord.columns().stream()
            .map(FlatRecord.Column::name).collect(Collectors.joining(", "));

    private final Store store;

    public RecordExport(Store store) {
        this.store = store;
    }

    /**
     * Writes the records to {@code out} in a text format (OCDS, JSONL or CSV); {@code out} is
     * flushed, not closed.
     *
     * @return the number of records written
     */
    public long write(Format format, OutputStream out) throws IOException {
        try {
            return switch (format) {
                case OCDS -> writeRecordPackage(out);
                case JSONL -> writeJsonLines(out);
                case CSV -> writeCsv(out);
                case PARQUET -> throw new IllegalArgumentException("Parquet is binary: export it to a file");
            };
        } catch (SQLException e) {
            throw store.failure("export " + format, e);
        }
    }

    /**
     * Writes the flat records to a Parquet file at {@code target} (replaced if it exists).
     *
     * @return the number of records written
     */
    public long writeParquet(Path target) throws IOException {
        // DuckDB writes to a temporary file whose name we chose, so no outside text enters the SQL;
        // DuckDB creates it, with the permissions any new file gets
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"),
                "tenderlens-export-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".parquet");
        try {
            String literal = temporary.toAbsolutePath().toString().replace("'", "''");
            long count;
            try (Statement s = store.connection().createStatement()) {
                count = s.executeUpdate("COPY (SELECT " + FLAT_COLUMNS + " FROM records ORDER BY ocid) TO '"
                        + literal + "' (FORMAT parquet, COMPRESSION zstd)");
            } catch (SQLException e) {
                throw store.failure("export parquet", e);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            return count;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private long writeJsonLines(OutputStream out) throws SQLException, IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long count = 0;
        try (Statement s = store.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT compiled FROM records ORDER BY ocid")) {
            while (rs.next()) {
                writer.write(rs.getString(1));
                writer.write('\n');
                count++;
            }
        }
        writer.flush();
        return count;
    }

    private long writeRecordPackage(OutputStream out) throws SQLException, IOException {
        long count = 0;
        try (JsonGenerator gen = Store.JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
             Connection second = store.newConnection();
             Statement recordQuery = store.connection().createStatement();
             Statement releaseQuery = second.createStatement();
             ResultSet records = recordQuery.executeQuery("SELECT ocid, compiled FROM records ORDER BY ocid");
             ResultSet releases = releaseQuery.executeQuery(
                     "SELECT ocid, json FROM releases WHERE ocid IN (SELECT ocid FROM records) ORDER BY ocid, seq")) {
            gen.writeStartObject();
            gen.writeStringField("uri", "urn:tenderlens:records");
            gen.writeStringField("version", "1.1");
            gen.writeStringField("publishedDate", Instant.now().toString());
            gen.writeObjectFieldStart("publisher");
            gen.writeStringField("name", "tenderlens");
            gen.writeEndObject();
            gen.writeArrayFieldStart("records");
            boolean moreReleases = releases.next();
            while (records.next()) {
                String ocid = records.getString(1);
                gen.writeStartObject();
                gen.writeStringField("ocid", ocid);
                gen.writeArrayFieldStart("releases");
                // both cursors are ordered by ocid, and every stored release's ocid has a record
                while (moreReleases && ocid.equals(releases.getString(1))) {
                    gen.writeRawValue(releases.getString(2));
                    moreReleases = releases.next();
                }
                gen.writeEndArray();
                gen.writeFieldName("compiledRelease");
                gen.writeRawValue(records.getString(2));
                gen.writeEndObject();
                count++;
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        out.flush();
        return count;
    }

    private long writeCsv(OutputStream out) throws SQLException, IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write('\uFEFF');
        List<FlatRecord.Column> columns = FlatRecord.columns();
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                .setHeader(columns.stream().map(FlatRecord.Column::name).toArray(String[]::new))
                .setRecordSeparator("\r\n")
                .build());
        long count = 0;
        try (Statement s = store.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT " + FLAT_COLUMNS + " FROM records ORDER BY ocid")) {
            List<String> row = new ArrayList<>(columns.size());
            while (rs.next()) {
                row.clear();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(csvCell(rs, i));
                }
                csv.printRecord(row);
                count++;
            }
        }
        csv.flush();
        return count;
    }

    private static String csvCell(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return "";
        } else if (value instanceof BigDecimal amount) {
            return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
        } else if (value instanceof Array array) {
            List<String> items = new ArrayList<>();
            for (Object item : (Object[]) array.getArray()) {
                items.add(String.valueOf(item));
            }
            return String.join(LIST_SEPARATOR, items);
        } else if (value instanceof java.sql.Timestamp) {
            return rs.getObject(column, LocalDateTime.class).toString();
        }
        return value.toString();
    }
}
