package io.tenderlens.source.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenderlens.archive.Archive;
import io.tenderlens.archive.MerkleTree;
import io.tenderlens.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code tenderlens harvest ccgp} in a child JVM against the local replay server and kills it with SIGKILL
 * from inside the server at random requests, several times, then lets a last run finish: every notice is archived
 * exactly once, the job's state knows all of them, and the archive verifies.
 */
class HarvestKillTest {
    @TempDir Path tmp;

    @Test
    void killedHarvestsResumeWithNothingLostOrDuplicated() throws Exception {
        Random random = new Random(20190924);
        try (CcgpReplayServer server = new CcgpReplayServer(5)) {
            AtomicReference<Process> running = new AtomicReference<>();
            int[] killAt = {0};
            server.onRequest = n -> {
                if (n == killAt[0]) {
                    running.get().destroyForcibly(); // SIGKILL while this request is being answered
                }
            };
            Path db = tmp.resolve("data");
            List<String> kills = new ArrayList<>();
            int runs = 0;
            for (int kill = 0; kill < 3; kill++) {
                killAt[0] = server.requests.get() + 2 + random.nextInt(5);
                Process p = start(db, server, ++runs);
                running.set(p);
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                kills.add("run " + runs + " killed at request " + killAt[0] + " (exit " + p.exitValue() + ")");
            }
            killAt[0] = -1;
            Process last = start(db, server, ++runs);
            running.set(last);
            assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(tmp.resolve("stderr-" + runs + ".txt"));
            assertThat(last.exitValue()).as(stderr).isZero();

            try (Archive archive = Archive.open(Archive.inDataDir(db))) {
                assertThat(archive.size()).as("each notice archived once").isEqualTo(server.notices.size());
                for (CcgpReplayServer.Notice n : server.notices) {
                    String sha = MerkleTree.hex(MessageDigest.getInstance("SHA-256").digest(n.bytes()));
                    assertThat(archive.contains(sha)).isTrue();
                    assertThat(server.timesRequested(n.path())).as(n.path()).isPositive();
                }
                assertThat(archive.verify(Optional.empty()).problems()).isEmpty();
            }
            long releases;
            try (Store store = Store.openReadOnly(db)) {
                releases = store.releaseCount();
                assertThat(releases).as("the harvested notices are converted and ingested").isPositive();
            }
            // one more run: nothing to fetch, nothing new to ingest
            Process again = start(db, server, ++runs);
            assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(again.exitValue()).isZero();
            try (Store store = Store.openReadOnly(db)) {
                assertThat(store.releaseCount()).isEqualTo(releases);
            }
            int noticeFetches = server.notices.stream().mapToInt(n -> server.timesRequested(n.path())).sum();
            assertThat(noticeFetches).as("only a notice in flight at a kill is fetched again").isLessThanOrEqualTo(server.notices.size() + kills.size());
            int refetched = (int) server.notices.stream().filter(n -> server.timesRequested(n.path()) > 1).count();
            System.out.println("harvest kill test: " + kills + "; " + server.requests.get() + " requests in all, "
                    + refetched + " notice(s) fetched twice (killed in flight); " + releases + " releases ingested; last run: " + stderr.lines().filter(l -> l.contains("tenderlens")).toList());
        }
    }

    private Process start(Path db, CcgpReplayServer server, int run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "io.tenderlens.cli.Main", "harvest", "ccgp", "--topic", "blockchain",
                "--from", "2016-12-01", "--to", "2019-09-24", "--delay", "0", "--db", db.toString(),
                "--site-url", server.searchUrl());
        pb.redirectError(tmp.resolve("stderr-" + run + ".txt").toFile());
        pb.redirectOutput(tmp.resolve("stdout-" + run + ".txt").toFile());
        return pb.start();
    }
}
