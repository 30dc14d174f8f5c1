package io.tenderlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.ocds.MergeRules;
import io.tenderlens.ocds.MergeWarnings;
import io.tenderlens.ocds.ReleaseCompiler;
import io.tenderlens.source.ocds.OcdsHandler;
import io.tenderlens.source.ocds.OcdsJson;
import io.tenderlens.source.ocds.OcdsReader;
import io.tenderlens.store.ReleaseIdentity;
import io.tenderlens.store.Store;
import io.tenderlens.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class IngestCommandTest {
    /** Real data in several shapes: release packages, JSON Lines, a bare array, record packages. */
    private static final List<String> REAL = List.of(
            "ocds/real/mexico-cdmx", "ocds/real/uk-find-a-tender", "ocds/real/mexico-apf-records",
            "ocds/real/canada-buyandsell", "ocds/real/paraguay-dncp-2021", "ocds/real/portugal-impic");

    @TempDir Path dir;

    record Run(int exit, String err) {}

    static Run tenderlens(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int exit = cli.execute(args);
        return new Run(exit, err.toString());
    }

    @Test
    void chineseNoticeFilesAreConvertedLinkedAndStoredOnce() throws Exception {
        Path db = dir.resolve("notices");
        String crawl = SharedData.path("cn-notices/csv/junkrango__ccgp_spider__output.csv").toString();
        String pages = SharedData.path("cn-notices/raw-html/ccgp.gov.cn").toString();
        Run first = tenderlens("ingest", "--db", db.toString(), "--workers", "1", crawl, pages);
        assertThat(first.exit()).as(first.err()).isZero();
        long records;
        try (Store store = Store.openReadOnly(db)) {
            records = store.recordCount();
            // the crawl holds 20 notices, each 25 times: repeats vanish, one record per procurement
            try (Statement st = store.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM records WHERE compiled->>'$.noticeSource.file' LIKE '%.csv#%'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(20);
            }
        }
        assertThat(records).isGreaterThan(20);
        // again on three workers: the same releases, so nothing new
        Run again = tenderlens("ingest", "--db", db.toString(), "--workers", "3", crawl, pages);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains(" 0 new,");
        try (Store store = Store.openReadOnly(db)) {
            assertThat(store.recordCount()).isEqualTo(records);
        }
    }

    @Test
    void ingestingRealDataOfEveryShapeTwiceGivesTheSameStore() throws Exception {
        Path db = dir.resolve("db");
        List<String> args = new ArrayList<>(List.of("ingest", "--db", db.toString()));
        REAL.forEach(p -> args.add(SharedData.path(p).toString()));

        Set<String> identities = new HashSet<>();
        Set<String> ocids = new HashSet<>();
        long read = 0;
        for (String p : REAL) {
            try (Stream<Path> files = Files.list(SharedData.path(p))) {
                for (Path file : files.toList()) {
                    read += OcdsReader.trees().read(file, OcdsHandler.of(r -> {
                        identities.add(ReleaseIdentity.sha256(r.tree()));
                        ocids.add(r.ocid());
                    }, p2 -> { })).releases();
                }
            }
        }

        Run first = tenderlens(args.toArray(String[]::new));
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains(read + " releases read: " + identities.size() + " new, "
                + (read - identities.size()) + " duplicate, 0 rejected");
        String stored = contents(db);
        try (Store store = Store.openReadOnly(db)) {
            assertThat(store.releaseCount()).isEqualTo(identities.size());
            assertThat(store.recordCount()).isEqualTo(ocids.size());
        }

        Run second = tenderlens(args.toArray(String[]::new));
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err()).contains(read + " releases read: 0 new, " + read + " duplicate, 0 rejected")
                .contains("0 records compiled");
        assertThat(contents(db)).isEqualTo(stored);
    }

    @Test
    void storedRecordsAreWhatTheReleaseCompilerMakesOfTheReleases() throws Exception {
        List<Path> files = List.of(
                SharedData.path("ocds/real/paraguay-dncp/releases-v1.1.jsonl"),
                SharedData.path("ocds/real/mexico-cdmx/release-package.json"),
                SharedData.path("ocds/real/canada-buyandsell/release-package.json"),
                SharedData.path("ocds/real/paraguay-dncp/release-package.json"));
        Path db = dir.resolve("db");
        List<String> args = new ArrayList<>(List.of("ingest", "--db", db.toString()));
        files.forEach(f -> args.add(f.toString()));
        assertThat(tenderlens(args.toArray(String[]::new)).exit()).isZero();

        // the releases of each ocid in input order, each distinct release once
        Map<String, List<ObjectNode>> byOcid = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Path file : files) {
            OcdsReader.trees().read(file, OcdsHandler.of(r -> {
                if (seen.add(ReleaseIdentity.sha256(r.tree()))) {
                    byOcid.computeIfAbsent(r.ocid(), k -> new ArrayList<>()).add(r.tree());
                }
            }, p -> { }));
        }
        ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled(), MergeWarnings.IGNORE);
        assertThat(byOcid.values()).anyMatch(list -> list.size() >= 7);
        Map<String, JsonNode> stored = new HashMap<>();
        try (Store store = Store.openReadOnly(db); Statement s = store.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT ocid, compiled FROM records")) {
            while (rs.next()) {
                stored.put(rs.getString(1), OcdsJson.mapper().readTree(rs.getString(2)));
            }
        }
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(byOcid.keySet());
        byOcid.forEach((ocid, releases) -> assertThat(stored.get(ocid)).as(ocid).isEqualTo(compiler.compile(releases)));
    }

    @Test
    void brokenLinesAndTruncatedFilesAreNamedWithTheirPositionAndTheRestIsIngested() throws Exception {
        Path input = Files.createDirectory(dir.resolve("input"));
        List<String> lines = Files.readAllLines(SharedData.path("ocds/real/paraguay-dncp/releases-v1.1.jsonl"));
        List<String> broken = new ArrayList<>(lines.subList(0, 10));
        broken.add("{\"ocid\": \"ocds-broken\", \"id\": ");
        broken.addAll(lines.subList(10, lines.size()));
        String truncatedLine = lines.get(0).substring(0, lines.get(0).length() / 2);
        Files.writeString(input.resolve("broken.jsonl"), String.join("\n", broken) + "\n" + truncatedLine);
        byte[] pkg = Files.readAllBytes(SharedData.path("ocds/real/mexico-cdmx/release-package.json"));
        Path truncated = input.resolve("truncated.json");
        Files.write(truncated, java.util.Arrays.copyOf(pkg, pkg.length / 2));
        long wholeReleases = OcdsReader.trees().read(truncated, OcdsHandler.of(r -> { }, p -> { })).releases();
        assertThat(wholeReleases).isBetween(1L, 19L);
        Files.writeString(input.resolve("README.md"), "not OCDS, not read");

        Path db = dir.resolve("db");
        Run run = tenderlens("ingest", "--db", db.toString(), input.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains(input.resolve("broken.jsonl") + ":line 11, column")
                .contains(input.resolve("broken.jsonl") + ":line 49")
                .contains(truncated.toString() + ":line")
                .contains("2 files, " + (47 + wholeReleases) + " releases read: " + (47 + wholeReleases) + " new");
        try (Store store = Store.openReadOnly(db)) {
            assertThat(store.releaseCount()).isEqualTo(47 + wholeReleases);
        }

        Run strict = tenderlens("ingest", "--strict", "--db", dir.resolve("strict").toString(), input.toString());
        assertThat(strict.exit()).isEqualTo(1);
        try (Store store = Store.openReadOnly(dir.resolve("strict"))) {
            assertThat(store.releaseCount()).isEqualTo(47 + wholeReleases); // the good data is kept all the same
        }
    }

    @Test
    void nothingReadableIsAnError() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.json"), "this is not JSON", StandardCharsets.UTF_8);
        Run run = tenderlens("ingest", "--db", dir.resolve("db").toString(), junk.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(junk.toString()).contains("no release could be read");

        Run missing = tenderlens("ingest", "--db", dir.resolve("db").toString(), dir.resolve("nowhere").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nowhere: no such file or directory");
    }

    @Test
    void aSecondWriterIsToldClearly() {
        Path db = dir.resolve("db");
        try (Store holder = Store.openForWriting(db, "tenderlens ingest")) {
            Run run = tenderlens("ingest", "--db", db.toString(), SharedData.path("ocds/real/mexico-cdmx").toString());
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("in use by another tenderlens process").contains("Only one process may write");
        }
    }

    /** Everything stored, as text, to compare two moments. */
    static String contents(Path db) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Store store = Store.openReadOnly(db); Statement s = store.connection().createStatement()) {
            for (String query : List.of(
                    "SELECT release_sha256, ocid, json FROM releases ORDER BY seq",
                    "SELECT * EXCLUDE (compiled), compiled FROM records ORDER BY ocid")) {
                try (ResultSet rs = s.executeQuery(query)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            out.append(rs.getString(i)).append('\t');
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
