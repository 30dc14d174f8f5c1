package io.tenderlens.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code tenderlens archive add} in a real child JVM, kills it with SIGKILL at random points several times,
 * runs it again to the end, and checks that nothing was lost, nothing duplicated and that verify passes.
 */
class ArchiveCrashTest {
    @TempDir Path tmp;

    @Test
    void killedImportsResumeWithNothingLostOrDuplicated() throws Exception {
        Random random = new Random(20161201);
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            byte[] bytes;
            if (i % 13 == 12) {
                bytes = Files.readAllBytes(inbox.resolve(String.format("notice-%04d.html", i - 7))); // a re-published copy
            } else {
                bytes = new byte[1_000 + random.nextInt(15_000)];
                random.nextBytes(bytes);
            }
            Files.write(inbox.resolve(String.format("notice-%04d.html", i)), bytes);
            distinct.add(Archive.sha256Of(inbox.resolve(String.format("notice-%04d.html", i))));
        }
        Path db = tmp.resolve("data");

        List<Integer> linesBeforeKill = new ArrayList<>();
        List<String> recoveries = new ArrayList<>();
        for (int kill = 0; kill < 5; kill++) {
            Process process = startImport(db, inbox);
            int wanted = 1 + random.nextInt(60);
            int seen = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                while (seen < wanted && out.readLine() != null) {
                    seen++;
                }
                process.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flushing
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            linesBeforeKill.add(seen);
            recoveries.addAll(Files.readAllLines(tmp.resolve("stderr-" + process.pid() + ".txt")));
        }
        Process last = startImport(db, inbox);
        last.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(tmp.resolve("stderr-" + last.pid() + ".txt"));
        assertThat(last.exitValue()).as(stderr).isZero();

        try (Archive archive = Archive.open(Archive.inDataDir(db))) {
            assertThat(archive.size()).as("one log entry per distinct content").isEqualTo(distinct.size());
            for (String sha : distinct) {
                assertThat(archive.contains(sha)).isTrue();
            }
            Set<String> logged = new HashSet<>();
            for (String line : Files.readAllLines(Archive.inDataDir(db).resolve("log"))) {
                assertThat(logged.add(line.substring(0, 64))).as("logged once: " + line).isTrue();
            }
            VerificationReport report = archive.verify(Optional.empty());
            assertThat(report.problems()).isEmpty();
            assertThat(report.objects()).isEqualTo(distinct.size());
        }
        System.out.println("archive kill test: killed after " + linesBeforeKill + " lines; recovery: " + recoveries);
    }

    private Process startImport(Path db, Path inbox) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "io.tenderlens.cli.Main", "archive", "add", "--db", db.toString(), inbox.toString());
        Path err = Files.createTempFile(tmp, "stderr", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        Files.move(err, tmp.resolve("stderr-" + p.pid() + ".txt"));
        return p;
    }
}
