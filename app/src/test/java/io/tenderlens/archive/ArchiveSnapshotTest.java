package io.tenderlens.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock-free read view used by the report and the web server, and the sources of records built on it. */
class ArchiveSnapshotTest {
    @TempDir Path tmp;

    private static List<Path> realPages() throws IOException {
        try (Stream<Path> s = Files.list(SharedData.path("cn-notices/raw-html/ccgp.gov.cn"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void readsWhileAWriterHoldsTheArchiveAndCoversExactlyTheSignedHead() throws IOException {
        Path dir = tmp.resolve("archive");
        List<Path> pages = realPages();
        try (Archive writer = Archive.open(dir)) {
            List<String> shas = new ArrayList<>();
            for (Path p : pages.subList(0, 10)) {
                shas.add(writer.add(p).sha256());
            }
            TreeHead head = writer.commit();
            String late = writer.add(pages.get(10)).sha256(); // added, not yet signed

            ArchiveSnapshot snapshot = ArchiveSnapshot.open(dir).orElseThrow();
            assertThat(snapshot.treeHead().treeSize()).isEqualTo(10);
            assertThat(MerkleTree.hex(snapshot.treeHead().rootHash())).isEqualTo(MerkleTree.hex(head.rootHash()));
            assertThat(snapshot.contains(late)).as("not covered by the signed head yet").isFalse();
            assertThat(snapshot.prove(late)).isEmpty();
            for (String sha : shas) {
                InclusionProof proof = snapshot.prove(sha).orElseThrow();
                assertThat(proof.verifies()).isTrue();
                assertThat(proof.treeHead().treeSize()).isEqualTo(10);
                assertThat(snapshot.objectPath(sha).orElseThrow()).hasSameBinaryContentAs(dir.resolve(proof.archivePath()));
            }
        }
    }

    @Test
    void itsProofsAreTheWritersProofs() throws IOException {
        Path dir = tmp.resolve("archive");
        List<String> shas = new ArrayList<>();
        try (Archive writer = Archive.open(dir)) {
            for (Path p : realPages()) {
                shas.add(writer.add(p).sha256());
            }
        }
        ArchiveSnapshot snapshot = ArchiveSnapshot.open(dir).orElseThrow();
        try (Archive writer = Archive.open(dir)) {
            for (String sha : shas) {
                assertThat(snapshot.prove(sha).orElseThrow().toJson()).isEqualTo(writer.prove(sha).toJson());
            }
        }
    }

    @Test
    void noArchiveIsNoSnapshot() throws IOException {
        assertThat(ArchiveSnapshot.open(tmp.resolve("nothing-here"))).isEmpty();
        assertThat(ArchivedSources.of(tmp.resolve("no-data")).treeHead()).isEmpty();
    }

    @Test
    void refusesALogThatNoLongerMatchesItsSignedHead() throws IOException {
        Path dir = tmp.resolve("archive");
        try (Archive writer = Archive.open(dir)) {
            for (Path p : realPages()) {
                writer.add(p);
            }
        }
        byte[] log = Files.readAllBytes(dir.resolve("log"));
        byte[] swapped = log.clone(); // entries 1 and 4 swapped: every line is well-formed, the root changes
        System.arraycopy(log, LogFile.RECORD_SIZE, swapped, 4 * LogFile.RECORD_SIZE, LogFile.RECORD_SIZE);
        System.arraycopy(log, 4 * LogFile.RECORD_SIZE, swapped, LogFile.RECORD_SIZE, LogFile.RECORD_SIZE);
        Files.write(dir.resolve("log"), swapped);
        assertThatThrownBy(() -> ArchiveSnapshot.open(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("do not hash to the root").hasMessageContaining("tenderlens verify");
    }

    @Test
    void refusesATreeHeadSignedByAnotherKey() throws IOException {
        Path dir = tmp.resolve("archive");
        try (Archive writer = Archive.open(dir)) {
            writer.add(realPages().get(0));
        }
        Files.writeString(dir.resolve("public-key.txt"), "00".repeat(32) + "\n");
        assertThatThrownBy(() -> ArchiveSnapshot.open(dir)).hasMessageContaining("is not signed by the archive's key");
    }

    @Test
    void theSourcesOfReleasesWithTheirSizesAndProofs() throws IOException {
        Path data = tmp.resolve("data");
        Path page = realPages().get(3);
        String sha;
        try (Archive writer = Archive.open(Archive.inDataDir(data))) {
            sha = writer.add(page).sha256();
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode archived = json.createObjectNode().put("id", "r-1").put("date", "2026-09-28T00:00:00+08:00");
        archived.putObject("noticeSource").put("url", "http://www.ccgp.gov.cn/cggg/dfgg/zbgg/202609/t20260928_1.htm")
                .put("sha256", sha).put("site", "ccgp.gov.cn").put("noticeTypeZh", "中标公告");
        ObjectNode again = archived.deepCopy().put("id", "r-2"); // the same bytes cited twice: listed once
        ObjectNode elsewhere = json.createObjectNode().put("id", "r-3");
        elsewhere.putObject("noticeSource").put("file", "notes/elsewhere.html").put("sha256", "ab".repeat(32));
        ObjectNode unsourced = json.createObjectNode().put("id", "r-4");

        List<ArchivedSource> sources = ArchivedSources.of(data).of(List.of(archived, again, elsewhere, unsourced));

        assertThat(sources).extracting(ArchivedSource::releaseId).containsExactly("r-1", "r-3");
        ArchivedSource first = sources.get(0);
        assertThat(first.archived()).isTrue();
        assertThat(first.size()).isEqualTo(Files.size(page));
        assertThat(first.path().orElseThrow()).hasSameBinaryContentAs(page);
        assertThat(first.proof().orElseThrow().verifies()).isTrue();
        assertThat(first.toJson().get("proof").get("sha256").asText()).isEqualTo(sha);
        assertThat(first.toJson().get("url").asText()).startsWith("http://www.ccgp.gov.cn/");
        ArchivedSource second = sources.get(1);
        assertThat(second.archived()).isFalse();
        assertThat(second.size()).isEqualTo(-1);
        assertThat(second.toJson().has("proof")).isFalse();
        assertThat(second.file()).isEqualTo("notes/elsewhere.html");
    }
}
