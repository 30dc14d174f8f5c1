package io.tenderlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.metrics.MetricsCalculator;
import io.tenderlens.metrics.ProcurementExtractor;
import io.tenderlens.metrics.ProcurementFilter;
import io.tenderlens.metrics.TopicMetrics;
import io.tenderlens.archive.Archive;
import io.tenderlens.archive.ArchivedSources;
import io.tenderlens.report.HtmlReport;
import io.tenderlens.report.ReportInput;
import io.tenderlens.report.ReportSources;
import io.tenderlens.report.ReportWriter;
import io.tenderlens.search.ChineseSegmenter;
import io.tenderlens.search.RecordSearcher;
import io.tenderlens.search.SearchAnalyzer;
import io.tenderlens.search.SearchIndex;
import io.tenderlens.search.SearchIndexException;
import io.tenderlens.sector.SectorRules;
import io.tenderlens.store.Store;
import io.tenderlens.store.StoreException;
import io.tenderlens.topic.Topic;
import io.tenderlens.topic.TopicGrade;
import io.tenderlens.topic.TopicGrader;
import io.tenderlens.topic.TopicMatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code tenderlens report}: the topic report as HTML (with SVG charts), .xlsx and .csv. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes a self-contained, bilingual report on a topic: who buys it, what, where, how much, from whom.",
                "Reads OCDS files given with --input, else the store (--db; the default one when it holds records), else — when there is",
                "no store — the bundled sample samples/blockchain (Chinese government blockchain procurements reported by the",
                "articles in the project's seeds).",
                "Writes DIR/index.html (open it offline), DIR/report.xlsx and DIR/csv/<table>.csv."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:report written", "1:input or output failed", "2:bad option or topic/sector file"})
public final class ReportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--topic", defaultValue = "blockchain", paramLabel = "NAME", description = "bundled topic (default: ${DEFAULT-VALUE})")
    String topicName;

    @Option(names = "--topic-file", paramLabel = "FILE", description = "a topic of your own (JSON, the shape of the bundled blockchain.json)")
    Path topicFile;

    @Option(names = "--sectors-file", paramLabel = "FILE", description = "sector and category rules of your own (JSON, the shape of the bundled sectors.json)")
    Path sectorsFile;

    @Option(names = "--from", paramLabel = "DATE", description = "first date (yyyy-MM-dd) of a procurement's first notice")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "last date (yyyy-MM-dd)")
    LocalDate to;

    @Mixin DatabaseOption database;

    @Mixin ProcurementFilterOptions filters;

    @Option(names = "--input", arity = "1..*", paramLabel = "FILE", description = "OCDS files or directories to read instead of the store")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write the report to")
    Path out;

    @Option(names = "--source", split = ",", paramLabel = "SITE", description = "only notices from these sources (noticeSource.site)")
    List<String> sources = new ArrayList<>();

    @Option(names = "--currency", defaultValue = "CNY", paramLabel = "CUR", description = "currency of the money figures (default: ${DEFAULT-VALUE})")
    String currency;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        Topic topic;
        SectorRules rules;
        ProcurementFilter filter;
        try {
            ObjectMapper json = new ObjectMapper();
            topic = topicFile != null ? Topic.fromJson(json.readTree(topicFile.toFile()), topicFile.toString()) : Topic.bundled(topicName);
            rules = sectorsFile != null ? SectorRules.fromJson(json.readTree(sectorsFile.toFile()), sectorsFile.toString()) : SectorRules.bundled();
            filter = new ProcurementFilter(grades(), from, to, Set.copyOf(filters.provinces), Set.copyOf(filters.levels),
                    Set.copyOf(filters.sectors), Set.copyOf(filters.buyerKinds), Set.copyOf(sources));
        } catch (IllegalArgumentException | IOException e) {
            err.println("tenderlens report: " + e.getMessage());
            return 2;
        }
        TopicMatcher matcher = new TopicMatcher(topic, new ChineseSegmenter(topic.dictionary()));
        ProcurementExtractor extractor = new ProcurementExtractor(new TopicGrader(matcher), rules, currency);
        ReportInput.Loaded loaded;
        try {
            loaded = load(topic, extractor, matcher.anyTermRegex(), err);
        } catch (IllegalArgumentException | StoreException | IOException e) {
            err.println("tenderlens report: " + e.getMessage());
            return 1;
        }
        TopicMetrics metrics = MetricsCalculator.compute(loaded.procurements(), filter);
        String scope = describe(filter, topic);
        ReportSources sources = new ReportSources(archivedSources(err), metrics.projects());
        ReportWriter.Written w;
        try {
            w = ReportWriter.write(out, metrics, topic, rules, new HtmlReport.ReportContext(loaded.inputs(), scope, currency), sources);
        } catch (IOException e) {
            err.println("tenderlens report: writing " + out + " failed: " + e.getMessage());
            return 1;
        }
        outWriter.printf("%d procurements read, %d projects on %s (%s)%n", loaded.procurements().size(), metrics.projects().size(),
                topic.labelEn(), scope);
        outWriter.printf("wrote %s, %s and %d CSV tables in %s%n", w.html(), w.xlsx(), w.csv().size(), out.resolve("csv"));
        if (sources.archivedCount() > 0) {
            outWriter.printf("with %d archived sources and their inclusion proofs (check: python3 %s --report %s)%n",
                    sources.archivedCount(), out.resolve("verify-proof.py"), out);
        }
        if (sources.notArchivedCount() > 0) {
            err.printf("tenderlens report: %d cited sources are not in the archive %s (archive them with 'tenderlens archive add')%n",
                    sources.notArchivedCount(), Archive.inDataDir(database.directory()));
        }
        return 0;
    }

    /** The archive of the data directory (--db), whatever the records were read from: the sources the report links to. */
    private ArchivedSources archivedSources(PrintWriter err) {
        try {
            return ArchivedSources.of(database.directory());
        } catch (IOException e) {
            err.println("tenderlens report: the archive cannot be used (" + e.getMessage() + "); the report links to no archived copies");
            return ArchivedSources.none();
        }
    }

    private ReportInput.Loaded load(Topic topic, ProcurementExtractor extractor, String anyTermRegex, PrintWriter err) throws IOException {
        if (inputs != null && !inputs.isEmpty()) {
            for (Path p : inputs) {
                if (!Files.exists(p)) {
                    throw new IllegalArgumentException("--input " + p + ": no such file or directory");
                }
            }
            return ReportInput.fromFiles(inputs, extractor, m -> err.println("warning: " + m));
        }
        Path dir = database.directory();
        boolean explicit = spec.commandLine().getParseResult().hasMatchedOption("--db");
        if (Store.existsIn(dir) || explicit) {
            try (Store store = Store.openReadOnly(dir)) {
                if (store.recordCount() > 0 || explicit) {
                    // the search index finds the records with the topic's terms: bring it up to date (cheap
                    // after the first time), then read only those records
                    SearchIndex index = SearchIndex.of(dir, SearchAnalyzer.bundled());
                    try {
                        if (!index.isCurrent(store)) {
                            err.println("tenderlens report: updating the search index in " + index.directory());
                            index.update(store, n -> { });
                        }
                        try (RecordSearcher searcher = index.openSearcher()) {
                            return ReportInput.fromIndex(store, searcher, topic, extractor);
                        }
                    } catch (SearchIndexException e) {
                        err.println("tenderlens report: " + e.getMessage() + " — scanning every record instead");
                        return ReportInput.fromStore(store, extractor, anyTermRegex);
                    }
                }
            }
        }
        Path sample = bundledSample();
        err.println("tenderlens report: no store at " + dir.toAbsolutePath() + " and no --input: reporting on the bundled sample " + sample);
        return ReportInput.fromFiles(List.of(sample), extractor, m -> err.println("warning: " + m));
    }

    /** samples/blockchain of this installation (the checkout the launcher runs from). */
    static Path bundledSample() {
        try {
            Path here = Path.of(ReportCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = here; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("samples").resolve("blockchain");
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("the bundled sample samples/blockchain was not found beside this installation: pass --input or --db");
    }

    private Set<TopicGrade> grades() {
        Set<TopicGrade> out = EnumSet.noneOf(TopicGrade.class);
        for (String g : filters.grades) {
            try {
                out.add(TopicGrade.valueOf(g.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--grade " + g + ": use about, mentions or boilerplate");
            }
        }
        return out;
    }

    private static String describe(ProcurementFilter f, Topic topic) {
        List<String> parts = new ArrayList<>();
        parts.add("topic " + topic.id());
        parts.add("grades " + String.join(",", f.grades().stream().map(g -> g.name().toLowerCase(Locale.ROOT)).toList()));
        if (f.from() != null || f.to() != null) {
            parts.add("dates " + (f.from() == null ? "…" : f.from()) + " – " + (f.to() == null ? "…" : f.to()));
        }
        addSet(parts, "provinces", f.provinces());
        addSet(parts, "levels", f.levels());
        addSet(parts, "sectors", f.sectors());
        addSet(parts, "buyer kinds", f.buyerKinds());
        addSet(parts, "sources", f.sources());
        return String.join("; ", parts);
    }

    private static void addSet(List<String> parts, String name, Set<String> values) {
        if (!values.isEmpty()) {
            parts.add(name + " " + String.join(",", new HashSet<>(values)));
        }
    }
}
