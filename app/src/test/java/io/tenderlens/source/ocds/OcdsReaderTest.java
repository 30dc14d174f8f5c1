package io.tenderlens.source.ocds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenderlens.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OcdsReaderTest {

    @TempDir Path tmp;

    /** Trees, raw bytes, and raw bytes from JSON Lines cut into small chunks for 3 threads. */
    static Stream<OcdsReader> readers() {
        return Stream.of(OcdsReader.trees(), OcdsReader.raw(), OcdsReader.raw().withThreads(3).withChunks(700, 2000));
    }

    /** Everything a read produced. */
    static final class Collected implements OcdsHandler {
        final List<OcdsRelease> releases = new ArrayList<>();
        final List<OcdsProblem> problems = new ArrayList<>();
        final List<PackageMetadata> packages = new ArrayList<>();
        ReadCounts counts;

        @Override public void release(OcdsRelease release) {
            release.tree();
            releases.add(release);
        }

        @Override public void problem(OcdsProblem problem) {
            problems.add(problem);
        }

        @Override public void packageEnd(PackageMetadata complete) {
            packages.add(complete);
        }

        List<String> ocids() {
            return releases.stream().map(OcdsRelease::ocid).toList();
        }

        List<OcdsProblem> errors() {
            return problems.stream().filter(p -> p.severity() == OcdsProblem.Severity.ERROR).toList();
        }
    }

    static Collected read(OcdsReader reader, Path file) throws IOException {
        Collected c = new Collected();
        c.counts = reader.read(file, c);
        return c;
    }

    static Collected read(OcdsReader reader, String name, byte[] bytes) throws IOException {
        Collected c = new Collected();
        c.counts = reader.read(name, new ByteArrayInputStream(bytes), c);
        return c;
    }

    static Path real(String rel) {
        return SharedData.path("ocds/real/" + rel);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @ParameterizedTest @MethodSource("readers")
    void releasePackageAndItsJsonLinesGiveTheSameReleases(OcdsReader reader) throws IOException {
        Collected pkg = read(reader, real("mexico-cdmx/release-package.json"));
        Collected lines = read(reader, real("mexico-cdmx/releases.jsonl"));
        assertThat(pkg.releases).hasSize(20);
        assertThat(pkg.problems).isEmpty();
        assertThat(pkg.ocids()).isEqualTo(lines.ocids());
        for (int i = 0; i < 20; i++) {
            assertThat(pkg.releases.get(i).tree()).isEqualTo(lines.releases.get(i).tree());
            assertThat(pkg.releases.get(i).origin()).isEqualTo(OcdsRelease.Origin.PACKAGE_RELEASE);
            assertThat(lines.releases.get(i).origin()).isEqualTo(OcdsRelease.Origin.BARE_RELEASE);
            assertThat(lines.releases.get(i).position().line()).isEqualTo(i + 1);
        }
        assertThat(pkg.packages).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(PackageMetadata.Kind.RELEASE_PACKAGE);
            assertThat(m.publisher().get("name").asText()).isEqualTo("CDMX-SEFIN");
            assertThat(m.ocdsVersion()).isEqualTo("1.0");
        });
        assertThat(pkg.releases.get(0).metadata().uri()).isEqualTo(pkg.packages.get(0).uri());
    }

    @ParameterizedTest @MethodSource("readers")
    void rawBytesAreTheReleaseAsWritten(OcdsReader reader) throws IOException {
        Collected trees = read(OcdsReader.trees(), real("paraguay-dncp/release-package.json"));
        Collected other = read(reader, real("paraguay-dncp/release-package.json"));
        assertThat(other.releases).hasSize(23);
        for (int i = 0; i < trees.releases.size(); i++) {
            assertThat(OcdsJson.parseObject(other.releases.get(i).json())).isEqualTo(trees.releases.get(i).tree());
            assertThat(other.releases.get(i).date()).isEqualTo(trees.releases.get(i).tree().get("date").asText());
        }
    }

    @ParameterizedTest @MethodSource("readers")
    void bareArrayOfReleases(OcdsReader reader) throws IOException {
        Collected c = read(reader, real("uk-find-a-tender/releases.json"));
        assertThat(c.releases).hasSize(10).allSatisfy(r -> assertThat(r.origin()).isEqualTo(OcdsRelease.Origin.BARE_RELEASE));
        assertThat(c.problems).isEmpty();
    }

    @ParameterizedTest @MethodSource("readers")
    void ocds10PackagesWithVersionAndNullExtension(OcdsReader reader) throws IOException {
        Collected c = new Collected();
        try (Stream<Path> files = Files.list(real("australia-nsw/release-packages"))) {
            for (Path f : files.sorted().toList()) {
                reader.read(f, c);
            }
        }
        assertThat(c.releases).hasSize(10);
        assertThat(c.packages).hasSize(10).allSatisfy(m -> {
            assertThat(m.version()).isEqualTo("1.0.1");
            assertThat(m.extensions()).containsExactly("https://tenders.nsw.gov.au/public_data/API/NSW-eTendering-API-release-schema.json");
        });
    }

    @ParameterizedTest @MethodSource("readers")
    void recordPackageWithLinkedReleasesGivesTheCompiledReleaseAndANote(OcdsReader reader) throws IOException {
        Collected c = read(reader, real("paraguay-dncp/record-packages/277004.json"));
        assertThat(c.releases).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo(OcdsRelease.Origin.COMPILED_RELEASE);
            assertThat(r.ocid()).isEqualTo("ocds-03ad3f-277004");
            assertThat(r.metadata().kind()).isEqualTo(PackageMetadata.Kind.RECORD_PACKAGE);
            assertThat(r.metadata().license()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        });
        assertThat(c.problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(OcdsProblem.Kind.LINKED_RELEASE);
            assertThat(p.severity()).isEqualTo(OcdsProblem.Severity.NOTE);
            assertThat(p.message()).contains("7 linked releases").contains("compiledRelease is used");
            assertThat(p.at().line()).isPositive();
        });
        assertThat(c.counts.linkedReleases()).isEqualTo(7);
    }

    @ParameterizedTest @MethodSource("readers")
    void recordWithLinkedReleasesAndNoCompiledReleaseGivesOnlyANote(OcdsReader reader) throws IOException {
        Collected c = read(reader, real("paraguay-dncp/record-packages/284437.json"));
        assertThat(c.releases).isEmpty();
        assertThat(c.problems).extracting(OcdsProblem::kind).containsExactly(OcdsProblem.Kind.LINKED_RELEASE);
        assertThat(c.errors()).isEmpty();
    }

    @ParameterizedTest @MethodSource("readers")
    void recordPackageWithEmbeddedReleasesGivesThemNotTheCompiledRelease(OcdsReader reader) throws IOException {
        Collected c = read(reader, real("mexico-apf-records/record-package-1-2.json"));
        assertThat(c.ocids()).containsExactly("ocds-07smqs-993235", "ocds-07smqs-1542970");
        assertThat(c.releases).allSatisfy(r -> assertThat(r.origin()).isEqualTo(OcdsRelease.Origin.RECORD_RELEASE));
        assertThat(c.problems).isEmpty();
        assertThat(c.packages).singleElement().satisfies(m -> assertThat(m.kind()).isEqualTo(PackageMetadata.Kind.RECORD_PACKAGE));
    }

    @ParameterizedTest @MethodSource("readers")
    void gzipAndZipAreReadByContent(OcdsReader reader) throws IOException {
        byte[] pkg = Files.readAllBytes(real("mexico-cdmx/release-package.json"));
        byte[] lines = Files.readAllBytes(real("portugal-impic/releases.jsonl"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(lines);
        }
        Path gzFile = write("impic.jsonl.gz", gz.toByteArray());
        assertThat(read(reader, gzFile).releases).hasSize(100);

        ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipBytes)) {
            zip.putNextEntry(new ZipEntry("dir/"));
            zip.putNextEntry(new ZipEntry("dir/cdmx.json"));
            zip.write(pkg);
            zip.putNextEntry(new ZipEntry("broken.json"));
            zip.write("{\"releases\": [{\"ocid\": \"x\", ".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("impic.jsonl.gz"));
            zip.write(gz.toByteArray());
        }
        Path zipFile = write("data.zip", zipBytes.toByteArray());
        Collected fromFile = read(reader, zipFile);
        assertThat(fromFile.releases).hasSize(120);
        assertThat(fromFile.errors()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(OcdsProblem.Kind.TRUNCATED);
            assertThat(p.at().file()).endsWith("data.zip!/broken.json");
        });
        Collected fromStream = read(reader, "<stdin>", zipBytes.toByteArray());
        assertThat(fromStream.ocids()).isEqualTo(fromFile.ocids());
        assertThat(fromStream.errors()).hasSize(1);
    }

    @ParameterizedTest @MethodSource("readers")
    void concatenatedPrettyAndCompactJson(OcdsReader reader) throws IOException {
        String a = Files.readString(real("uk-contracts-finder/release-package.json"));
        String b = Files.readString(real("mexico-inai/release-package.json"));
        Collected pretty = read(reader, write("cat.json", a + b));
        assertThat(pretty.releases).hasSize(20);
        assertThat(pretty.packages).hasSize(2);
        assertThat(pretty.problems).isEmpty();
        String compact = "{\"ocid\":\"a\",\"date\":\"2020-01-01\"}{\"ocid\":\"b\",\"date\":\"2020-01-02\"} [{\"ocid\":\"c\",\"date\":\"x\"}]\n";
        assertThat(read(reader, write("one-line.json", compact)).ocids()).containsExactly("a", "b", "c");
    }

    @ParameterizedTest @MethodSource("readers")
    void truncatedFileKeepsWhatCameBefore(OcdsReader reader) throws IOException {
        byte[] whole = Files.readAllBytes(real("moldova-tender-gov-md/release-package.json"));
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        Collected c = read(reader, write("half.json", half));
        assertThat(c.releases).hasSizeBetween(10, 50);
        assertThat(c.errors()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(OcdsProblem.Kind.TRUNCATED);
            assertThat(p.at().byteOffset()).isGreaterThan(whole.length / 2 - 100);
            assertThat(p.toString()).startsWith(tmp.resolve("half.json") + ", line ");
        });
    }

    @ParameterizedTest @MethodSource("readers")
    void brokenLinesAreReportedAndSkipped(OcdsReader reader) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(real("uganda-ppda/releases.jsonl")));
        lines.set(2, lines.get(2).substring(0, 40));           // cut short
        lines.set(5, "{\"ocid\": nope}");                      // not JSON
        lines.add(7, "");                                      // blank line
        lines.add(8, "[1, 2]");                                // not OCDS
        lines.add(9, "{\"id\": \"r1\", \"date\": \"2017-01-01\"}"); // no ocid
        lines.add(10, "{\"ocid\": \"ocds-x-1\", \"id\": \"r2\"}");   // no date
        lines.add(11, "{\"hello\": \"world\"}");               // not OCDS
        Path f = write("broken.jsonl", String.join("\n", lines) + "\n");
        Collected c = read(reader, f);
        assertThat(c.releases).hasSize(9);
        assertThat(c.problems).extracting(p -> p.kind() + "@" + p.at().line()).containsExactly(
                "INVALID_JSON@3", "INVALID_JSON@6", "NOT_OCDS@9", "NOT_OCDS@9", "MISSING_OCID@10", "MISSING_DATE@11", "NOT_OCDS@12");
        assertThat(c.releases).filteredOn(r -> r.ocid().equals("ocds-x-1")).singleElement()
                .satisfies(r -> assertThat(r.date()).isNull());
        long line4Offset = String.join("\n", lines.subList(0, 3)).getBytes(StandardCharsets.UTF_8).length + 1;
        assertThat(c.releases.get(2).position().byteOffset()).isEqualTo(line4Offset);
        assertThat(c.counts.errors()).isEqualTo(6);
        assertThat(c.counts.warnings()).isEqualTo(1);
    }

    @ParameterizedTest @MethodSource("readers")
    void brokenValueInAPrettyDocumentResumesAtTheNextTopLevelValue(OcdsReader reader) throws IOException {
        String a = Files.readString(real("uk-contracts-finder/release-package.json"));
        String b = Files.readString(real("mexico-inai/release-package.json"));
        String broken = a.replaceFirst("\"tag\"", "\"tag\" oops");
        Collected c = read(reader, write("broken.json", broken + "\n" + b));
        assertThat(c.ocids()).hasSize(10).contains("PC-0001");
        assertThat(c.errors()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(OcdsProblem.Kind.INVALID_JSON);
            assertThat(p.message()).contains("resuming at line");
        });
    }

    @ParameterizedTest @MethodSource("readers")
    void notOcds(OcdsReader reader) throws IOException {
        assertThat(read(reader, write("n.json", "42")).errors()).extracting(OcdsProblem::kind).containsExactly(OcdsProblem.Kind.NOT_OCDS);
        Collected c = read(reader, write("o.json", "{\n  \"name\": \"not ocds\",\n  \"rows\": [1, 2]\n}\n"));
        assertThat(c.errors()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(OcdsProblem.Kind.NOT_OCDS);
            assertThat(p.at().line()).isEqualTo(1);
        });
    }

    @ParameterizedTest @MethodSource("readers")
    void bytesThatAreNotUtf8AreReportedPerLine(OcdsReader reader) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("{\"ocid\":\"a\",\"date\":\"2020\"}\n".getBytes(StandardCharsets.UTF_8));
        b.write("{\"ocid\":\"b\",\"date\":\"2020\",\"title\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        b.write("{\"ocid\":\"c\",\"date\":\"2020\"}\n".getBytes(StandardCharsets.UTF_8));
        Collected c = read(reader, write("latin1.jsonl", b.toByteArray()));
        assertThat(c.ocids()).containsExactly("a", "c");
        assertThat(c.errors()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(OcdsProblem.Kind.ENCODING);
            assertThat(p.at().line()).isEqualTo(2);
        });
        Collected latin = new Collected();
        reader.decodingFrom(StandardCharsets.ISO_8859_1).read(write("latin1b.jsonl", b.toByteArray()), latin);
        assertThat(latin.releases.get(1).tree().get("title").asText()).isEqualTo("caf\u00e9");
    }

    @ParameterizedTest @MethodSource("readers")
    void utf16WithByteOrderMark(OcdsReader reader) throws IOException {
        String text = Files.readString(real("taiwan/release-package.json"));
        byte[] utf16 = ("\uFEFF" + text).getBytes(Charset.forName("UTF-16LE"));
        Collected c = read(reader, write("utf16.json", utf16));
        assertThat(c.releases).hasSize(11);
        assertThat(c.problems).isEmpty();
        Collected utf8bom = read(reader, write("bom.json", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)));
        assertThat(utf8bom.ocids()).isEqualTo(c.ocids());
    }

    @ParameterizedTest @MethodSource("readers")
    void metadataAfterTheReleasesComesAtPackageEnd(OcdsReader reader) throws IOException {
        Collected c = read(reader, SharedData.path("ocds/conformance/ocdskit-realdata/release-package_additional-contact-points.json"));
        assertThat(c.releases).hasSize(2).allSatisfy(r -> {
            assertThat(r.metadata().version()).isNull();
            assertThat(r.metadata().uri()).isEqualTo("http://example.com/id/1");
            assertThat(r.metadata().sequence()).isZero();
        });
        assertThat(c.packages).singleElement().satisfies(m -> {
            assertThat(m.version()).isEqualTo("1.1");
            assertThat(m.sequence()).isZero();
        });
    }

    @Test
    void everyRealFileReadsWithoutErrors() throws IOException {
        long total = 0;
        try (Stream<Path> files = Files.walk(SharedData.path("ocds/real"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.jsonl?$")).toList()) {
                Collected c = read(OcdsReader.raw(), f);
                assertThat(c.errors()).as(f.toString()).isEmpty();
                total += c.releases.size();
            }
        }
        assertThat(total).isGreaterThanOrEqualTo(1500);
    }

    @Test
    void chunksOfLinesOnThreadsGiveWhatOneThreadGives() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            switch (i % 7) {
                case 3 -> b.append("{\"ocid\": \"broken\n");
                case 5 -> b.append("{\"uri\":\"u").append(i).append("\",\"releases\":[{\"ocid\":\"p").append(i)
                        .append("\",\"date\":\"d\"}],\"version\":\"1.1\"}\n");
                default -> b.append("{\"ocid\":\"o").append(i % 11).append("\",\"date\":\"2020-01-").append(i).append("\"}\n");
            }
        }
        Path f = write("many.jsonl", b.toString());
        Collected one = read(OcdsReader.raw(), f);
        Collected many = read(OcdsReader.raw().withThreads(4).withChunks(300, 400), f);
        Collected streamed = read(OcdsReader.trees().withChunks(10, 50), f);
        assertThat(streamed.ocids()).isEqualTo(one.ocids());
        assertThat(streamed.problems).isEqualTo(one.problems);
        assertThat(streamed.packages).isEqualTo(one.packages);
        assertThat(many.ocids()).isEqualTo(one.ocids());
        assertThat(many.releases).extracting(OcdsRelease::position).isEqualTo(one.releases.stream().map(OcdsRelease::position).toList());
        assertThat(many.releases).extracting(r -> r.metadata().sequence()).isEqualTo(one.releases.stream().map(r -> r.metadata().sequence()).toList());
        assertThat(many.problems).isEqualTo(one.problems);
        assertThat(many.packages).isEqualTo(one.packages);
        assertThat(many.counts).isEqualTo(one.counts);
        assertThat(one.problems).hasSize(29);
        assertThat(one.packages).hasSize(28).extracting(PackageMetadata::sequence).startsWith(0L, 1L, 2L);
    }

    @Test
    void missingFileIsAProblemNotAnException() throws IOException {
        Collected c = read(OcdsReader.trees(), tmp.resolve("nope.json"));
        assertThat(c.errors()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(OcdsProblem.Kind.UNREADABLE));
    }

    @Test
    void releaseTreesKeepDecimalsExactly() throws IOException {
        Collected c = read(OcdsReader.trees(), "<stdin>",
                "{\"ocid\":\"a\",\"date\":\"d\",\"tender\":{\"value\":{\"amount\":1234567.10}}}".getBytes(StandardCharsets.UTF_8));
        JsonNode amount = c.releases.get(0).tree().at("/tender/value/amount");
        assertThat(amount.decimalValue()).isEqualByComparingTo("1234567.10");
        assertThat(new String(c.releases.get(0).json(), StandardCharsets.UTF_8)).contains("1234567.10");
    }
}
