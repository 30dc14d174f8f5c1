package io.tenderlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive commands end to end, and the stdlib-only Python checker on their output. */
class ArchiveCommandsTest {
    @TempDir Path tmp;

    static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void addProveCheckWithPythonThenCatchAFlippedByte() throws Exception {
        Path pages = SharedData.path("cn-notices/raw-html/ccgp.gov.cn");
        Path page = pages.resolve("wpuu__ccgp_award_tianjin_multi_package__20260928.html");
        String db = tmp.resolve("data").toString();

        CommandRun add = run("archive", "add", "--db", db, pages.toString());
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out().lines()).hasSize(15).allSatisfy(l -> assertThat(l).startsWith("archived "));
        CommandRun again = run("archive", "add", "--db", db, page.toString());
        assertThat(again.out()).startsWith("already ");

        CommandRun prove = run("prove", "--db", db, page.toString());
        assertThat(prove.exit()).as(prove.err()).isZero();
        JsonNode proof = new ObjectMapper().readTree(prove.out());
        assertThat(proof.get("treeSize").asInt()).isEqualTo(15);
        assertThat(proof.get("auditPath")).hasSize(4);
        Path proofFile = tmp.resolve("proof.json");
        Files.writeString(proofFile, prove.out());
        String key = Files.readString(tmp.resolve("data/archive/public-key.txt")).strip();

        CommandRun python = python(proofFile.toString(), page.toString(), "--public-key", key);
        assertThat(python.exit()).as(python.out()).isZero();
        assertThat(python.out()).contains("VERIFIED").doesNotContain("FAIL");
        CommandRun wrongFile = python(proofFile.toString(), pages.resolve("wpuu__ccgp_award_tianjin_single_package__20260928.html").toString());
        assertThat(wrongFile.exit()).isEqualTo(1);
        ObjectNode forged = (ObjectNode) new ObjectMapper().readTree(prove.out());
        ((ObjectNode) forged.get("treeHead")).put("timestamp", forged.get("treeHead").get("timestamp").asLong() + 1);
        Files.writeString(proofFile, forged.toString());
        CommandRun badSignature = python(proofFile.toString(), "--public-key", key);
        assertThat(badSignature.exit()).isEqualTo(1);
        assertThat(badSignature.out()).contains("FAIL  the tree head").contains("NOT VERIFIED");

        Path savedHead = tmp.resolve("head.json");
        Files.writeString(savedHead, proof.get("treeHead").toString());
        run("archive", "add", "--db", db, SharedData.path("cn-notices/raw-html/ccgp-hebei.gov.cn").toString());
        CommandRun verify = run("verify", "--db", db, "--since", savedHead.toString());
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("consistency proof from size 15 to 17").contains("verified: 17 objects");

        String sha = proof.get("sha256").asText();
        Path object = tmp.resolve("data/archive").resolve(proof.get("archivePath").asText());
        Files.setPosixFilePermissions(object, PosixFilePermissions.fromString("rw-r--r--"));
        try (RandomAccessFile raf = new RandomAccessFile(object.toFile(), "rw")) {
            raf.seek(4321);
            int b = raf.read();
            raf.seek(4321);
            raf.write(b ^ 0x20);
        }
        CommandRun broken = run("verify", "--db", db);
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).contains("PROBLEM: object " + object).contains(sha).contains("is corrupt").contains("FAILED");
    }

    @Test
    void proveNamesANoticeThatIsNotArchived() throws IOException {
        Path file = Files.writeString(tmp.resolve("n.html"), "never archived", StandardCharsets.UTF_8);
        run("archive", "add", "--db", tmp.toString(), SharedData.path("cn-notices/raw-html/ccgp-hebei.gov.cn").toString());
        CommandRun prove = run("prove", "--db", tmp.toString(), file.toString());
        assertThat(prove.exit()).isEqualTo(1);
        assertThat(prove.err()).contains("is not in the archive");
    }

    static CommandRun python(String... args) throws Exception {
        Path script = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && script == null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("tools/verify-proof.py"))) {
                script = dir.resolve("tools/verify-proof.py");
            }
        }
        List<String> command = new ArrayList<>(List.of("python3", String.valueOf(script)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new CommandRun(p.exitValue(), out, "");
    }
}
