package io.tenderlens.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.tenderlens.store.StoreFixtures.COMPILER;
import static io.tenderlens.store.StoreFixtures.REAL_JSONL;
import static io.tenderlens.store.StoreFixtures.assertConsistent;
import static io.tenderlens.store.StoreFixtures.fingerprint;
import static io.tenderlens.store.StoreFixtures.ingest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreTest {

    @TempDir Path dir;

    @Test
    void ingestingTheSameRealDataTwiceChangesNothing() throws Exception {
        long expectedReleases = 0;
        for (String file : REAL_JSONL) {
            expectedReleases += StoreFixtures.releases(file).size();
        }
        int ocids = StoreFixtures.byOcid(REAL_JSONL).size();
        String first;
        try (Store store = Store.openForWriting(dir, "test")) {
            IngestCounts counts = ingest(store, COMPILER, REAL_JSONL);
            assertThat(counts.files()).isEqualTo(REAL_JSONL.size());
            assertThat(counts.releasesRead()).isEqualTo(expectedReleases);
            // canada-buyandsell holds no two identical releases, so everything read is new
            assertThat(counts.newReleases()).isEqualTo(expectedReleases);
            assertThat(counts.recordsCompiled()).isEqualTo(ocids);
            first = fingerprint(store);
        }
        try (Store store = Store.openForWriting(dir, "test")) {
            IngestCounts again = ingest(store, COMPILER, REAL_JSONL);
            assertThat(again.newReleases()).isZero();
            assertThat(again.duplicates()).isEqualTo(expectedReleases);
            assertThat(again.recordsCompiled()).isZero();
            assertThat(fingerprint(store)).isEqualTo(first);
            assertThat(store.releaseCount()).isEqualTo(expectedReleases);
            assertThat(store.recordCount()).isEqualTo(ocids);
            assertConsistent(store, COMPILER);
        }
    }

    @Test
    void theSameReleasesInAPackageAndInJsonLinesAreStoredOnce() throws Exception {
        List<ObjectNode> fromPackage = new ArrayList<>();
        Store.JSON.readTree(io.tenderlens.testing.SharedData.path("ocds/real/mexico-cdmx/release-package.json").toFile())
                .path("releases").forEach(r -> fromPackage.add((ObjectNode) r));
        try (Store store = Store.openForWriting(dir, "test"); ReleaseIngest ingest = store.beginIngest(COMPILER, StoreFixtures.QUIET)) {
            fromPackage.forEach(r -> ingest.add(r, "release-package.json", null));
            StoreFixtures.releases("ocds/real/mexico-cdmx/releases.jsonl").forEach(r -> ingest.add(r, "releases.jsonl", null));
            IngestCounts counts = ingest.finish();
            assertThat(counts.releasesRead()).isEqualTo(40);
            assertThat(counts.newReleases()).isEqualTo(20);
            assertThat(counts.duplicates()).isEqualTo(20);
            assertThat(store.recordCount()).isEqualTo(8);
            assertThat(store.count("SELECT count(*) FROM releases WHERE source_file = 'releases.jsonl'")).isZero();
        }
    }

    @Test
    void newReleasesRecompileOnlyTheirRecords() throws Exception {
        var groups = StoreFixtures.byOcid(List.of("ocds/real/paraguay-dncp/releases-v1.1.jsonl"));
        String ocid = "ocds-03ad3f-277004";
        List<ObjectNode> releases = groups.get(ocid);
        assertThat(releases).hasSize(7);
        try (Store store = Store.openForWriting(dir, "test")) {
            try (ReleaseIngest ingest = store.beginIngest(COMPILER, StoreFixtures.QUIET)) {
                groups.values().forEach(list -> list.subList(0, list.size() - 1).forEach(r -> ingest.add(r, "a", null)));
                ingest.finish();
            }
            assertThat(store.compiledRelease(ocid)).contains(COMPILER.apply(releases.subList(0, 6)));
            try (ReleaseIngest ingest = store.beginIngest(COMPILER, StoreFixtures.QUIET)) {
                ingest.add(releases.get(6), "b", null);
                IngestCounts counts = ingest.finish();
                assertThat(counts.recordsCompiled()).isEqualTo(1);
            }
            assertThat(store.compiledRelease(ocid)).contains(COMPILER.apply(releases));
            assertThat(store.count("SELECT release_count FROM records WHERE ocid = 'ocds-03ad3f-277004'")).isEqualTo(7);
            assertConsistent(store, COMPILER);
        }
    }

    @Test
    void aReleaseWithoutOcidIsRejectedAndTheRestStored() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Store store = Store.openForWriting(dir, "test");
             ReleaseIngest ingest = store.beginIngest(COMPILER, (file, position, message) -> problems.add(file + ":" + position + ": " + message))) {
            ingest.add((ObjectNode) Store.JSON.readTree("{\"id\":\"1\",\"date\":\"2020-01-01T00:00:00Z\"}"), "x.jsonl", "line 1");
            ingest.add((ObjectNode) Store.JSON.readTree("{\"ocid\":42,\"id\":\"1\"}"), "x.jsonl", "line 2");
            ingest.add((ObjectNode) Store.JSON.readTree("{\"ocid\":\"ocds-a\",\"id\":\"1\",\"date\":\"2020-01-01T00:00:00Z\"}"), "x.jsonl", "line 3");
            IngestCounts counts = ingest.finish();
            assertThat(counts.rejected()).isEqualTo(2);
            assertThat(counts.newReleases()).isEqualTo(1);
            assertThat(counts.duplicates()).isZero();
            assertThat(problems).containsExactly("x.jsonl:line 1: release without an ocid string: not stored",
                    "x.jsonl:line 2: release without an ocid string: not stored");
        }
    }

    @Test
    void aRecordThatCannotBeCompiledIsReportedAndTheOthersAreStored() throws Exception {
        List<String> problems = new ArrayList<>();
        Function<List<ObjectNode>, ObjectNode> picky = releases -> {
            if (releases.get(0).path("ocid").asText().equals("ocds-03ad3f-274744")) {
                throw new IllegalArgumentException("a field is an object in one release and a string in another");
            }
            return COMPILER.apply(releases);
        };
        try (Store store = Store.openForWriting(dir, "test");
             ReleaseIngest ingest = store.beginIngest(picky, (file, position, message) -> problems.add(file + ": " + message))) {
            StoreFixtures.releases("ocds/real/paraguay-dncp/releases-v1.1.jsonl").forEach(r -> ingest.add(r, "f", null));
            IngestCounts counts = ingest.finish();
            assertThat(counts.recordsCompiled()).isEqualTo(11);
            assertThat(counts.recordsFailed()).isEqualTo(1);
            assertThat(store.recordCount()).isEqualTo(11);
            assertThat(store.pendingRecordCount()).isEqualTo(1);
            assertThat(problems).containsExactly("record ocds-03ad3f-274744: its releases could not be compiled"
                    + " (the next ingest retries): a field is an object in one release and a string in another");
        }
        try (Store store = Store.openForWriting(dir, "test"); ReleaseIngest retry = store.beginIngest(COMPILER, StoreFixtures.QUIET)) {
            assertThat(retry.finish().recordsCompiled()).isEqualTo(1);
            assertThat(store.recordCount()).isEqualTo(12);
            assertThat(store.pendingRecordCount()).isZero();
        }
    }

    @Test
    void aFailureWhileCompilingLeavesTheStoreConsistentAndTheNextIngestFinishesTheWork() throws Exception {
        Path clean = dir.resolve("clean");
        Path killed = dir.resolve("killed");
        String expected;
        try (Store store = Store.openForWriting(clean, "test")) {
            ingest(store, COMPILER, REAL_JSONL);
            expected = fingerprint(store);
        }
        AtomicInteger calls = new AtomicInteger();
        Function<List<ObjectNode>, ObjectNode> dying = releases -> {
            if (calls.incrementAndGet() == 100) {
                throw new SimulatedKill();
            }
            return COMPILER.apply(releases);
        };
        try (Store store = Store.openForWriting(killed, "test")) {
            // small transactions, so that some are committed before the failure
            var small = new ReleaseIngest.Limits(50, 1 << 20, 20, 100);
            assertThatThrownBy(() -> ingest(store, dying, REAL_JSONL, small)).isInstanceOf(SimulatedKill.class);
        }
        try (Store store = Store.openForWriting(killed, "test")) {
            assertThat(store.pendingRecordCount()).isPositive();
            assertThat(store.recordCount()).isPositive(); // the chunks before the failure were committed
            assertConsistent(store, COMPILER);
            IngestCounts resumed = ingest(store, COMPILER, REAL_JSONL);
            assertThat(resumed.newReleases()).isZero();
            assertThat(resumed.recordsCompiled()).isPositive();
            assertThat(fingerprint(store)).isEqualTo(expected);
        }
    }

    @Test
    void recordsMadeByAnotherVersionAreRebuiltFromTheReleases() throws Exception {
        String current;
        try (Store store = Store.openForWriting(dir, "test")) {
            ingest(store, COMPILER, List.of(REAL_JSONL.get(0)));
            current = fingerprint(store);
            // as an older tenderlens would have left it: other values, made by records version 1
            store.execute("UPDATE store_meta SET value = '1' WHERE key = 'records_version'");
            store.execute("UPDATE records SET title = 'stale', compiled = '{}'");
        }
        try (Store store = Store.openReadOnly(dir)) {
            assertThat(store.pendingRecordCount()).isEqualTo(12);
        }
        try (Store store = Store.openForWriting(dir, "test"); ReleaseIngest ingest = store.beginIngest(COMPILER, StoreFixtures.QUIET)) {
            assertThat(store.recordCount()).isZero();
            assertThat(ingest.finish().recordsCompiled()).isEqualTo(12);
            assertThat(fingerprint(store)).isEqualTo(current);
            assertThat(store.count("SELECT count(*) FROM records WHERE compiled_at IS NOT NULL AND title IS DISTINCT FROM 'stale'")).isEqualTo(12);
        }
    }

    @Test
    void aSecondWriterIsToldWhoHoldsTheDatabase() {
        try (Store first = Store.openForWriting(dir, "tenderlens ingest")) {
            assertThatThrownBy(() -> Store.openForWriting(dir, "tenderlens ingest"))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("in use by another tenderlens process")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid() + ", tenderlens ingest")
                    .hasMessageContaining("Only one process may write");
        }
        Store.openForWriting(dir, "again").close(); // released on close
    }

    @Test
    void readingAMissingDatabaseSaysHowToCreateOne() {
        assertThatThrownBy(() -> Store.openReadOnly(dir.resolve("nothing-here")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("No tenderlens database in")
                .hasMessageContaining("tenderlens ingest");
    }

    /** Stands for the process dying in the middle of a transaction. */
    static final class SimulatedKill extends Error {
        private static final long serialVersionUID = 1L;
    }
}
