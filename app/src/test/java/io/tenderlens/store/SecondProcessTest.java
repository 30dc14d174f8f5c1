package io.tenderlens.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store against other processes: a second writer, and a writer killed with SIGKILL mid-ingest. */
class SecondProcessTest {
    @TempDir static Path shared;
    @TempDir Path dir;
    private static Path input;
    private static String expected;

    /** An input of some 1,200 real releases, and the store a clean ingest of it makes. */
    @BeforeAll
    static void ingestCleanly() throws IOException, SQLException {
        input = enlargedRealInput(shared.resolve("enlarged.jsonl"), 5);
        try (Store store = Store.openForWriting(shared.resolve("clean"), "test")) {
            ingest(store, input);
            expected = StoreFixtures.fingerprint(store);
        }
    }

    @Test
    void aSecondProcessCannotWriteOrReadWhileTheWriterHoldsTheDatabase() throws Exception {
        Path db = dir.resolve("db");
        Process holder = child("hold", db.toString());
        try {
            awaitLine(holder, "ready"::equals);
            String who = "pid " + holder.pid() + ", test holder";
            assertThatThrownBy(() -> Store.openForWriting(db, "second"))
                    .isInstanceOf(StoreLockedException.class).hasMessageContaining(who);
            assertThatThrownBy(() -> Store.openReadOnly(db))
                    .isInstanceOf(StoreLockedException.class).hasMessageContaining(who);
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor()).isZero();
        }
        Store.openForWriting(db, "after").close();
    }

    @Test
    void aWriterIsToldWhichProcessIsReadingTheDatabase() throws Exception {
        Path db = dir.resolve("db");
        Store.openForWriting(db, "create").close();
        Process reader = child("read", db.toString());
        try {
            awaitLine(reader, "ready"::equals);
            assertThatThrownBy(() -> Store.openForWriting(db, "writer"))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("in use by another process (PID " + reader.pid() + ")");
        } finally {
            reader.getOutputStream().close();
            assertThat(reader.waitFor()).isZero();
        }
        Store.openForWriting(db, "after").close();
    }

    @Test
    void aWriterKilledWhileStoringReleasesLeavesAConsistentStoreThatTheNextIngestCompletes() throws Exception {
        killMidIngestAndResume(line -> line.startsWith("stored ") && Long.parseLong(line.substring(7)) >= 300);
    }

    @Test
    void aWriterKilledWhileCompilingRecordsLeavesAConsistentStoreThatTheNextIngestCompletes() throws Exception {
        killMidIngestAndResume(line -> line.startsWith("compiled ") && Long.parseLong(line.substring(9)) >= 60);
    }

    private void killMidIngestAndResume(Predicate<String> killWhen) throws Exception {
        Path killed = dir.resolve("killed");
        Process writer = child("ingest", killed.toString(), input.toString());
        awaitLine(writer, killWhen);
        writer.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no checkpoint
        writer.waitFor();

        try (Store store = Store.openForWriting(killed, "test")) {
            assertThat(store.releaseCount()).isPositive().isLessThanOrEqualTo(lineCount(input));
            StoreFixtures.assertConsistent(store, StoreFixtures.COMPILER);
            assertThat(StoreFixtures.fingerprint(store)).isNotEqualTo(expected);
            long before = store.releaseCount();
            IngestCounts resumed = ingest(store, input);
            assertThat(resumed.newReleases()).isEqualTo(lineCount(input) - before);
            assertThat(StoreFixtures.fingerprint(store)).isEqualTo(expected);
        }
    }

    private static IngestCounts ingest(Store store, Path input) throws IOException {
        try (ReleaseIngest ingest = store.beginIngest(StoreFixtures.COMPILER, StoreFixtures.QUIET)) {
            for (String line : Files.readAllLines(input)) {
                ingest.add((ObjectNode) Store.JSON.readTree(line), input.toString(), null);
            }
            return ingest.finish();
        }
    }

    /** Real releases, {@code copies} times, each copy under other ocids. */
    private static Path enlargedRealInput(Path file, int copies) throws IOException {
        List<ObjectNode> real = new ArrayList<>();
        for (String f : StoreFixtures.REAL_JSONL) {
            real.addAll(StoreFixtures.releases(f));
        }
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int copy = 0; copy < copies; copy++) {
                for (ObjectNode release : real) {
                    ObjectNode r = release.deepCopy();
                    r.put("ocid", release.get("ocid").asText() + "-copy" + copy);
                    out.write(Store.JSON.writeValueAsString(r));
                    out.write('\n');
                }
            }
        }
        return file;
    }

    private static long lineCount(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    private Process child(String... args) throws IOException {
        // DuckDB unpacks its native library into the temporary directory; a killed child cannot delete it
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                "-cp", System.getProperty("java.class.path"), StoreChild.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Reads the child's output until a line matches; fails if it ends first. */
    private static void awaitLine(Process process, Predicate<String> wanted) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (wanted.test(line)) {
                return;
            }
            seen.add(line);
        }
        throw new AssertionError("the child process ended before the expected line; it printed " + seen);
    }
}
