package io.tenderlens.report;

import io.tenderlens.metrics.TopicMetrics;
import io.tenderlens.sector.SectorRules;
import io.tenderlens.topic.Topic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a report directory: {@code index.html}, {@code report.xlsx}, {@code csv/<table>.csv}, and the archived
 * copies of the sources it cites with their proofs ({@link ReportSources}).
 */
public final class ReportWriter {
    private ReportWriter() {}

    /** The files written. */
    public record Written(Path html, Path xlsx, List<Path> csv) {}

    /** Writes (or overwrites) the report in {@code dir}; each file is written beside its final name and then moved into place. */
    public static Written write(Path dir, TopicMetrics metrics, Topic topic, SectorRules sectors, HtmlReport.ReportContext context,
                                ReportSources sources) throws IOException {
        Files.createDirectories(dir.resolve("csv"));
        sources.write(dir); // before the page that links to them
        List<ReportTable> tables = ReportTables.of(metrics, sources);
        Path html = dir.resolve("index.html");
        Path tmp = dir.resolve("index.html.tmp");
        Files.writeString(tmp, new HtmlReport(metrics, topic, sectors, context, tables, sources).render(), StandardCharsets.UTF_8);
        Files.move(tmp, html, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path xlsx = dir.resolve("report.xlsx");
        Path xlsxTmp = dir.resolve("report.xlsx.tmp");
        TableFiles.writeXlsx(xlsxTmp, tables);
        Files.move(xlsxTmp, xlsx, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        List<Path> csv = TableFiles.writeCsv(dir.resolve("csv"), tables);
        return new Written(html, xlsx, csv);
    }
}
