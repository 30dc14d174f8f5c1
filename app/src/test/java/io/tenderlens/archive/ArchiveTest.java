package io.tenderlens.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {
    @TempDir Path tmp;

    private List<Path> realPages() throws IOException {
        try (Stream<Path> s = Files.list(SharedData.path("cn-notices/raw-html/ccgp.gov.cn"))) {
            return s.sorted().toList();
        }
    }

    private Path archiveWithRealPages() throws IOException {
        Path dir = tmp.resolve("archive");
        try (Archive archive = Archive.open(dir)) {
            for (Path page : realPages()) {
                archive.add(page);
            }
        }
        return dir;
    }

    @Test
    void storesEachContentOnceByItsSha256() throws IOException {
        List<Path> pages = realPages();
        try (Archive archive = Archive.open(tmp.resolve("archive"))) {
            Archive.Entry first = archive.add(pages.get(0));
            Archive.Entry again = archive.add(Files.readAllBytes(pages.get(0)));
            assertThat(first.added()).isTrue();
            assertThat(again.added()).isFalse();
            assertThat(again.sha256()).isEqualTo(first.sha256()).isEqualTo(Archive.sha256Of(pages.get(0)));
            assertThat(archive.size()).isEqualTo(1);
            assertThat(archive.read(first.sha256())).isEqualTo(Files.readAllBytes(pages.get(0)));
            assertThat(archive.objectPath(first.sha256()).orElseThrow())
                    .endsWith(Path.of("objects", first.sha256().substring(0, 2), first.sha256()));
        }
        try (Archive reopened = Archive.open(tmp.resolve("archive"))) {
            assertThat(reopened.size()).isEqualTo(1);
            assertThat(reopened.recoveryNotes()).isEmpty();
            assertThat(reopened.latestTreeHead().orElseThrow().treeSize()).isEqualTo(1);
        }
    }

    @Test
    void aCleanArchiveVerifiesAndItsProofsCheckAgainstTheSignedHead() throws IOException {
        Path dir = archiveWithRealPages();
        try (Archive archive = Archive.open(dir)) {
            VerificationReport report = archive.verify(Optional.empty());
            assertThat(report.problems()).isEmpty();
            assertThat(report.objects()).isEqualTo(realPages().size());
            for (Path page : realPages()) {
                InclusionProof proof = archive.prove(Archive.sha256Of(page));
                assertThat(proof.verifies()).isTrue();
                assertThat(TreeHeadSigner.verify(archive.publicKey(), proof.treeHead())).isTrue();
            }
        }
    }

    @Test
    void oneFlippedByteInAnArchivedFileFailsVerificationNamingTheFile() throws IOException {
        Path dir = archiveWithRealPages();
        String sha = Archive.sha256Of(realPages().get(3));
        Path object = dir.resolve("objects").resolve(sha.substring(0, 2)).resolve(sha);
        flipOneByte(object, 1000);
        try (Archive archive = Archive.open(dir)) {
            VerificationReport report = archive.verify(Optional.empty());
            assertThat(report.ok()).isFalse();
            assertThat(report.problems()).singleElement().asString()
                    .contains(object.toString()).contains("is corrupt").contains("log entry 3");
        }
    }

    @Test
    void aTamperedLogEntryFailsVerificationNamingTheEntry() throws IOException {
        Path dir = archiveWithRealPages();
        flipOneByte(dir.resolve("log"), 5 * LogFile.RECORD_SIZE + 10);
        try (Archive archive = Archive.open(dir)) {
            VerificationReport report = archive.verify(Optional.empty());
            assertThat(report.ok()).isFalse();
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("log entry 5").contains("damaged"));
            assertThatThrownBy(() -> archive.add("more".getBytes(StandardCharsets.UTF_8)))
                    .hasMessageContaining("damaged");
        }
    }

    @Test
    void aRewrittenLogEntryWithAValidChecksumStillFailsAgainstTheSignedHead() throws IOException {
        Path dir = archiveWithRealPages();
        // swap entries 2 and 7: every line stays well-formed, only the order (and so the root) changes
        byte[] log = Files.readAllBytes(dir.resolve("log"));
        byte[] swapped = log.clone();
        System.arraycopy(log, 2 * LogFile.RECORD_SIZE, swapped, 7 * LogFile.RECORD_SIZE, LogFile.RECORD_SIZE);
        System.arraycopy(log, 7 * LogFile.RECORD_SIZE, swapped, 2 * LogFile.RECORD_SIZE, LogFile.RECORD_SIZE);
        Files.write(dir.resolve("log"), swapped);
        try (Archive archive = Archive.open(dir)) {
            VerificationReport report = archive.verify(Optional.empty());
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("entries were changed after it was signed"));
        }
    }

    @Test
    void aTornLogTailIsRepairedOnOpenAndReported() throws IOException {
        Path dir = archiveWithRealPages();
        String sha = Archive.sha256Of(realPages().get(0));
        Files.write(dir.resolve("log"), sha.substring(0, 30).getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
        try (Archive archive = Archive.open(dir)) {
            assertThat(archive.recoveryNotes()).singleElement().asString().contains("unfinished last entry");
            assertThat(archive.verify(Optional.empty()).problems()).isEmpty();
            assertThat(archive.size()).isEqualTo(realPages().size());
        }
    }

    @Test
    void aCompleteObjectWhoseLogEntryWasNeverWrittenIsLoggedOnOpen() throws IOException {
        Path dir = archiveWithRealPages();
        byte[] bytes = "<html>an object renamed into place just before a crash</html>".getBytes(StandardCharsets.UTF_8);
        String sha = MerkleTree.hex(Archive.sha256().digest(bytes));
        Path object = dir.resolve("objects").resolve(sha.substring(0, 2)).resolve(sha);
        Files.createDirectories(object.getParent());
        Files.write(object, bytes);
        Files.write(dir.resolve("tmp").resolve("object123.tmp"), new byte[] {1, 2, 3});
        try (Archive archive = Archive.open(dir)) {
            assertThat(archive.recoveryNotes()).hasSize(2);
            assertThat(archive.contains(sha)).isTrue();
            assertThat(archive.verify(Optional.empty()).problems()).isEmpty();
        }
    }

    @Test
    void aConsistencyProofFromASavedHeadShowsTheLogOnlyGrew() throws IOException {
        Path dir = archiveWithRealPages();
        TreeHead saved;
        try (Archive archive = Archive.open(dir)) {
            saved = archive.latestTreeHead().orElseThrow();
            archive.add("a later notice".getBytes(StandardCharsets.UTF_8));
            archive.add("another later notice".getBytes(StandardCharsets.UTF_8));
        }
        try (Archive archive = Archive.open(dir)) {
            VerificationReport report = archive.verify(Optional.of(saved));
            assertThat(report.problems()).isEmpty();
            assertThat(report.facts()).anySatisfy(f -> assertThat(f).contains("only grew"));
        }
        // a head signed by another archive's key is not accepted as a baseline
        TreeHead foreign;
        try (Archive other = Archive.open(tmp.resolve("other"))) {
            other.add("x".getBytes(StandardCharsets.UTF_8));
            foreign = other.commit();
        }
        try (Archive archive = Archive.open(dir)) {
            assertThat(archive.verify(Optional.of(foreign)).problems()).singleElement().asString().contains("not signed by this archive's key");
        }
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheArchive() throws IOException {
        try (Archive first = Archive.open(tmp.resolve("archive"))) {
            assertThatThrownBy(() -> Archive.open(tmp.resolve("archive"))).hasMessageContaining("another tenderlens process");
        }
    }

    static void flipOneByte(Path file, long offset) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x01);
        }
    }
}
