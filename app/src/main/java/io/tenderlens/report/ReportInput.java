package io.tenderlens.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.metrics.Procurement;
import io.tenderlens.metrics.ProcurementExtractor;
import io.tenderlens.ocds.MergeRules;
import io.tenderlens.ocds.ReleaseCompiler;
import io.tenderlens.search.RecordSearcher;
import io.tenderlens.search.SearchFields;
import io.tenderlens.source.ocds.OcdsHandler;
import io.tenderlens.source.ocds.OcdsProblem;
import io.tenderlens.source.ocds.OcdsReader;
import io.tenderlens.source.ocds.OcdsRelease;
import io.tenderlens.store.Store;
import io.tenderlens.topic.Topic;
import io.tenderlens.topic.TopicTerm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The report's procurements, from OCDS files (read with {@link OcdsReader}, compiled per ocid with
 * {@link ReleaseCompiler}) or from the store (its compiled records and their releases).
 */
public final class ReportInput {
    private static final List<String> DATA_SUFFIXES = List.of(".json", ".jsonl", ".ndjson", ".jsonlines", ".gz", ".zip");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param procurements one per ocid
     * @param inputs       what was read, one line each, for the report's header
     */
    public record Loaded(List<Procurement> procurements, List<String> inputs) {}

    private ReportInput() {}

    /** Files and directories (their data files, sorted by name), problems and merge warnings to {@code warn}. */
    public static Loaded fromFiles(List<Path> paths, ProcurementExtractor extractor, Consumer<String> warn) throws IOException {
        Map<String, List<ObjectNode>> byOcid = new LinkedHashMap<>();
        Map<String, ObjectNode> compiledOnly = new LinkedHashMap<>();
        List<String> inputs = new ArrayList<>();
        OcdsReader reader = OcdsReader.trees();
        for (Path file : expand(paths)) {
            long[] n = {0};
            reader.read(file, new OcdsHandler() {
                @Override public void release(OcdsRelease r) {
                    n[0]++;
                    if (r.origin() == OcdsRelease.Origin.COMPILED_RELEASE) {
                        compiledOnly.put(r.ocid(), r.tree());
                    } else {
                        byOcid.computeIfAbsent(r.ocid(), k -> new ArrayList<>()).add(r.tree());
                    }
                }

                @Override public void problem(OcdsProblem p) {
                    warn.accept(p.toString());
                }
            });
            inputs.add(file + " (" + n[0] + " releases)");
        }
        ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled(), (ocid, message) -> warn.accept(ocid + ": " + message));
        List<Procurement> out = new ArrayList<>();
        // one release is its own compiled record (the merge would only set id and tag): skip the merge for it
        byOcid.forEach((ocid, releases) -> out.add(extractor.extract(
                releases.size() == 1 ? releases.get(0) : compiler.compile(releases), releases)));
        compiledOnly.forEach((ocid, compiled) -> {
            if (!byOcid.containsKey(ocid)) {
                out.add(extractor.extract(compiled, List.of()));
            }
        });
        return new Loaded(out, inputs);
    }

    /**
     * The store's records that may mention the topic, with their releases. DuckDB scans every compiled
     * record for the topic's terms ({@code regexp_matches} with {@link io.tenderlens.topic.TopicMatcher#anyTermRegex});
     * only those that match are parsed and graded here. Records that do not match cannot contain a term:
     * they would grade as no match. {@link #fromIndex} is faster
     * when the store has a search index.
     */
    public static Loaded fromStore(Store store, ProcurementExtractor extractor, String anyTermRegex) {
        return read(store, extractor, "SELECT ocid FROM records WHERE regexp_matches(CAST(compiled AS VARCHAR), ?)",
                ps -> ps.setString(1, anyTermRegex), "scanned for the topic's terms");
    }

    /**
     * The store's records with a topic term, read from its search index alone (which stores each record's
     * compiled release and notices), graded on all cores. The index must be current.
     */
    public static Loaded fromIndex(Store store, RecordSearcher searcher, Topic topic, ProcurementExtractor extractor) {
        List<SearchFields.StoredRecord> candidates = new ArrayList<>(searcher.storedRecordsMatchingAny(
                topic.terms().stream().map(TopicTerm::text).toList()));
        // the index's document order depends on how its writer threads interleaved: ocid order keeps the report stable
        candidates.sort(Comparator.comparing(SearchFields.StoredRecord::ocid));
        List<Procurement> out = candidates.parallelStream().map(r -> {
            List<ObjectNode> notices = new ArrayList<>();
            parseArray(r.notices()).forEach(n -> notices.add((ObjectNode) n));
            return extractor.extract(parse(r.compiled()), notices);
        }).toList();
        return new Loaded(out, List.of("store " + store.directory() + " (" + store.recordCount() + " records; " + out.size()
                + " with a topic term, found by the search index)"));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static Loaded read(Store store, ProcurementExtractor extractor, String candidates, Binder binder, String how) {
        List<Procurement> out = new ArrayList<>();
        long total = store.recordCount();
        try (PreparedStatement records = store.connection().prepareStatement(
                     "SELECT ocid, compiled FROM records WHERE ocid IN (" + candidates + ") ORDER BY ocid");
             PreparedStatement releases = store.newConnection().prepareStatement(
                     "SELECT ocid, json FROM releases WHERE ocid IN (" + candidates + ") ORDER BY ocid, seq")) {
            binder.bind(records);
            binder.bind(releases);
            try (ResultSet rec = records.executeQuery(); ResultSet rel = releases.executeQuery()) {
                join(rec, rel, extractor, out);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the store in " + store.directory() + ": " + e.getMessage(), e);
        }
        return new Loaded(out, List.of("store " + store.directory() + " (" + total + " records; " + out.size()
                + " with a topic term, " + how + ")"));
    }

    /** Joins records and releases, both ordered by ocid, into procurements. */
    private static void join(ResultSet rec, ResultSet rel, ProcurementExtractor extractor, List<Procurement> out) throws SQLException {
        boolean more = rel.next();
        while (rec.next()) {
            String ocid = rec.getString(1);
            List<ObjectNode> list = new ArrayList<>();
            while (more && rel.getString(1).compareTo(ocid) < 0) {
                more = rel.next();
            }
            while (more && rel.getString(1).equals(ocid)) {
                list.add(parse(rel.getString(2)));
                more = rel.next();
            }
            out.add(extractor.extract(parse(rec.getString(2)), list));
        }
    }

    private static JsonNode parseArray(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored JSON value is damaged", e);
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored JSON value is damaged", e);
        }
    }

    /** Files as given; for directories, their data files (by suffix), sorted. */
    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(Files::isRegularFile).filter(f -> DATA_SUFFIXES.stream()
                            .anyMatch(x -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(x))).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
