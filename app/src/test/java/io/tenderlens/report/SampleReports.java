package io.tenderlens.report;

import io.tenderlens.metrics.MetricsCalculator;
import io.tenderlens.metrics.ProcurementExtractor;
import io.tenderlens.metrics.ProcurementFilter;
import io.tenderlens.metrics.TopicMetrics;
import io.tenderlens.search.ChineseSegmenter;
import io.tenderlens.sector.SectorRules;
import io.tenderlens.topic.Topic;
import io.tenderlens.topic.TopicGrader;
import io.tenderlens.topic.TopicMatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bundled sample, read and measured once per test JVM. */
public final class SampleReports {
    static final Topic TOPIC = Topic.bundled("blockchain");
    static final SectorRules SECTORS = SectorRules.bundled();
    static final ProcurementExtractor EXTRACTOR = new ProcurementExtractor(
            new TopicGrader(new TopicMatcher(TOPIC, new ChineseSegmenter(TOPIC.dictionary()))), SECTORS, "CNY");

    private static ReportInput.Loaded loaded;

    private SampleReports() {}

    /** samples/blockchain in the checkout (tests run in app/). */
    public static Path sampleDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples/blockchain"))) {
                return dir.resolve("samples/blockchain");
            }
        }
        throw new AssertionError("samples/blockchain not found above " + Path.of("").toAbsolutePath());
    }

    static synchronized ReportInput.Loaded sample() throws IOException {
        if (loaded == null) {
            List<String> warnings = new ArrayList<>();
            loaded = ReportInput.fromFiles(List.of(sampleDirectory()), EXTRACTOR, warnings::add);
            if (!warnings.isEmpty()) {
                throw new AssertionError("the sample reads with warnings: " + warnings);
            }
        }
        return loaded;
    }

    static TopicMetrics metrics(ProcurementFilter filter) throws IOException {
        return MetricsCalculator.compute(sample().procurements(), filter);
    }

    static ReportWriter.Written write(Path dir, TopicMetrics m) throws IOException {
        return ReportWriter.write(dir, m, TOPIC, SECTORS, new HtmlReport.ReportContext(sample().inputs(), "test", "CNY"),
                ReportSources.none());
    }
}
