package io.tenderlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code tenderlens compile} end to end, against ocdskit's expected outputs and the peer's outputs on real data. */
class CompileCommandTest {
    /** Numbers compared by value, as Python compares them (1 == 1.0 == 1.00): the peer's inputs went through jq. */
    private static final ObjectMapper PLAIN = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir Path tmp;

    private static JsonNode json(String text) {
        try {
            return numbersByValue(PLAIN.readTree(text));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static JsonNode json(Path file) throws IOException {
        return numbersByValue(PLAIN.readTree(file.toFile()));
    }

    private static JsonNode numbersByValue(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            return DecimalNode.valueOf(d.scale() < 0 ? d.setScale(0) : d);
        }
        if (node.isObject()) {
            ObjectNode copy = PLAIN.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), numbersByValue(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = PLAIN.createArrayNode();
            node.forEach(e -> copy.add(numbersByValue(e)));
            return copy;
        }
        return node;
    }

    private static List<JsonNode> jsonLines(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(CompileCommandTest::json).toList();
    }

    private static String realdata(String name) {
        return SharedData.path("ocds/conformance/ocdskit-realdata/" + name).toString();
    }

    private static String schema103() {
        return SharedData.path("ocds/conformance/ocds-merge/release-schema-1__0__3.json").toString();
    }

    private static String schema115() {
        return SharedData.path("ocds/schema/release-schema.json").toString();
    }

    private static String real(String rel) {
        return SharedData.path("ocds/real/" + rel).toString();
    }

    @Test
    void compiledReleasesFromStandardInputAreOcdskits() throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write(Files.readAllBytes(Path.of(realdata("release-package-1.json"))));
        in.write(Files.readAllBytes(Path.of(realdata("release-package-2.json"))));
        CliRun run = CliRun.compile(in.toByteArray(), "--schema", schema103());
        assertThat(run.exit()).isZero();
        assertThat(jsonLines(run.out())).containsExactly(
                json(Path.of(realdata("compiled-release-1.json"))), json(Path.of(realdata("compiled-release-2.json"))));
        assertThat(run.stderr()).contains("compile: 4 releases read").contains("2 compiled releases written");
    }

    @Test
    void versionedReleasesAreOcdskits() throws IOException {
        CliRun run = CliRun.compile("--schema", schema103(), "--versioned",
                realdata("release-package-1.json"), realdata("release-package-2.json"));
        assertThat(jsonLines(run.out())).containsExactly(
                json(Path.of(realdata("versioned-release-1.json"))), json(Path.of(realdata("versioned-release-2.json"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "record-package_package.json, --package",
        "record-package_versioned.json, --package --versioned",
        "record-package_linked-releases.json, --package --linked-releases"})
    void recordPackagesAreOcdskits(String expected, String options) throws IOException {
        List<String> args = new ArrayList<>(List.of("--schema", schema103()));
        args.addAll(List.of(options.split(" ")));
        args.add(realdata("release-package-1.json"));
        args.add(realdata("release-package-2.json"));
        CliRun run = CliRun.compile(args.toArray(String[]::new));
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(1);
        assertThat(json(run.out())).isEqualTo(json(Path.of(realdata(expected))));
    }

    @Test
    void prettyRecordPackageIsTheSameJson() throws IOException {
        CliRun run = CliRun.compile("--schema", schema103(), "--package", "--pretty",
                realdata("release-package-1.json"), realdata("release-package-2.json"));
        assertThat(run.out()).startsWith("{\n  \"uri\": \"\",\n  \"publisher\": {\n");
        assertThat(json(run.out())).isEqualTo(json(Path.of(realdata("record-package_package.json"))));
    }

    @Test
    void duplicateIdsWarnWithTheOcid() throws IOException {
        CliRun run = CliRun.compile(realdata("release-package_warning.json"));
        assertThat(run.exit()).isZero();
        assertThat(jsonLines(run.out())).containsExactly(json(Path.of(realdata("compile_warning.json"))));
        assertThat(run.stderr()).contains("ocds-213czf-1: Multiple objects have the `id` value '1' in the `parties` array");
        assertThat(CliRun.compile("--strict", realdata("release-package_warning.json")).exit()).isEqualTo(1);
    }

    @Test
    void declaredExtensionsApplyWhenALocalCopyIsFound() throws Exception {
        Path dir = Path.of(getClass().getResource("/extensions").toURI());
        CliRun with = CliRun.compile("--extension-dir", dir.toString(), realdata("release-package_additional-contact-points.json"));
        assertThat(jsonLines(with.out())).containsExactly(json(Path.of(realdata("compile_extensions.json"))));
        assertThat(with.stderr()).doesNotContain("no local copy");

        CliRun without = CliRun.compile(realdata("release-package_additional-contact-points.json"));
        assertThat(jsonLines(without.out())).containsExactly(json(Path.of(realdata("compile_no-extensions.json"))));
        assertThat(without.stderr()).contains("no local copy").contains("ocds_additionalContactPoints_extension");

        // a checkout named after the extension's repository is found too
        Path checkout = tmp.resolve("ocds_additionalContactPoints_extension");
        Files.createDirectories(checkout);
        Files.copy(dir.resolve("raw.githubusercontent.com/open-contracting-extensions/ocds_additionalContactPoints_extension/master/"
                + "release-schema.json"), checkout.resolve("release-schema.json"));
        CliRun byName = CliRun.compile("--extension-dir", tmp.toString(), realdata("release-package_additional-contact-points.json"));
        assertThat(jsonLines(byName.out())).containsExactly(json(Path.of(realdata("compile_extensions.json"))));
    }

    static Stream<Arguments> peerDatasets() {
        return Stream.of(
                Arguments.of("paraguay-dncp-v1.1", "paraguay-dncp/releases-v1.1.jsonl"),
                Arguments.of("paraguay-dncp-2017raw", "paraguay-dncp/release-package.json"),
                Arguments.of("mexico-cdmx", "mexico-cdmx/release-package.json"),
                Arguments.of("mexico-jalisco", "mexico-jalisco/release-packages"),
                Arguments.of("canada-buyandsell", "canada-buyandsell/release-package.json"),
                Arguments.of("uk-contracts-finder", "uk-contracts-finder/release-package.json"),
                Arguments.of("portugal-impic", "portugal-impic/release-package.json"),
                Arguments.of("moldova-tender-gov-md", "moldova-tender-gov-md/release-package.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peerDatasets")
    void agreesWithOcdskitOnRealData(String slug, String input) throws IOException {
        for (String kind : List.of("compiled", "versioned")) {
            List<String> args = new ArrayList<>(List.of("--schema", schema115()));
            if (kind.equals("versioned")) {
                args.add("--versioned");
            }
            args.add(real(input));
            CliRun run = CliRun.compile(args.toArray(String[]::new));
            assertThat(run.exit()).isZero();
            String peer = Files.readString(SharedData.path("ocds/conformance/peer-ocdskit/" + slug + "-" + kind + ".jsonl"));
            assertThat(jsonLines(run.out())).as(slug + " " + kind).containsExactlyElementsOf(jsonLines(peer));
        }
    }

    @Test
    void outputIsInOcidOrderWhateverTheInputOrder() {
        CliRun run = CliRun.compile(real("portugal-impic/release-package.json"));
        List<String> ocids = jsonLines(run.out()).stream().map(n -> n.get("ocid").asText()).toList();
        assertThat(ocids).hasSize(100).isSorted();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"compiled,'',1", "package,--package --versioned --linked-releases,200k"})
    void spillingToDiskGivesTheSameBytes(String name, String options, String sortMemory) {
        List<String> args = new ArrayList<>(options.isBlank() ? List.of() : List.of(options.split(" ")));
        args.addAll(List.of(real("mexico-gacm/releases.jsonl"), real("paraguay-dncp/release-package.json"),
                real("mexico-jalisco/release-packages")));
        CliRun inMemory = CliRun.compile(args.toArray(String[]::new));
        assertThat(inMemory.stderr()).contains("grouped in memory");

        // with "1", one release per run: 345 runs, more than one merge pass can take
        List<String> spill = new ArrayList<>(List.of("--sort-memory", sortMemory, "--temp-dir", tmp.toString(), "--threads", "1"));
        spill.addAll(args);
        CliRun onDisk = CliRun.compile(spill.toArray(String[]::new));
        assertThat(onDisk.stderr()).contains("sorted runs on disk");
        assertThat(onDisk.out()).isEqualTo(inMemory.out());
        assertThat(tmp.toFile().list()).as("temporary runs deleted").isEmpty();
    }

    @Test
    void badInputIsReportedWithItsPositionAndTheRestIsCompiled() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(real("canada-montreal/releases.jsonl"))));
        lines.set(3, lines.get(3).substring(0, lines.get(3).length() / 2));
        lines.add("{\"id\": \"no-ocid\", \"date\": \"2017-01-01T00:00:00Z\"}");
        Path broken = tmp.resolve("broken.jsonl");
        Files.writeString(broken, String.join("\n", lines) + "\n");
        CliRun run = CliRun.compile(broken.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(19);
        assertThat(run.stderr())
                .contains("error: " + broken + ", line 4,")
                .contains("error: " + broken + ", line 21,")
                .contains("has no ocid")
                .contains("problems: 2 errors");
        assertThat(CliRun.compile("--strict", broken.toString()).exit()).isEqualTo(1);
    }

    @Test
    void nothingReadableExitsWithOne() throws IOException {
        Path garbage = tmp.resolve("garbage.json");
        Files.writeString(garbage, "this is not JSON\n");
        CliRun run = CliRun.compile(garbage.toString(), tmp.resolve("missing.json").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).contains("nothing could be read").contains("missing.json");
        assertThat(run.out()).isEmpty();
        assertThat(CliRun.compile(new byte[0]).exit()).as("empty input is not an error").isZero();
    }

    @Test
    void wrongUsageExitsWithTwo() {
        assertThat(CliRun.compile("--no-such-option").exit()).isEqualTo(2);
        assertThat(CliRun.compile("--sort-memory", "lots").exit()).isEqualTo(2);
        assertThat(CliRun.compile("--schema", "/no/such/schema.json", real("taiwan/release-package.json")).exit()).isEqualTo(2);
    }

    @Test
    void packageOptionsSetTheMetadata() {
        CliRun run = CliRun.compile("--package", "--fake", "--publisher-name", "Me", "--version", "1.1",
                real("taiwan/release-package.json"));
        JsonNode pkg = json(run.out());
        assertThat(pkg.get("uri").asText()).isEqualTo("placeholder:");
        assertThat(pkg.get("publishedDate").asText()).isEqualTo("9999-01-01T00:00:00Z");
        assertThat(pkg.get("publisher")).isEqualTo(json("{\"name\":\"Me\"}"));
        assertThat(pkg.get("records")).hasSize(11);
        assertThat(pkg.get("packages")).hasSize(1);
    }

    @Test
    void helpIsThere() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
        assertThat(cli.execute("compile", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--linked-releases").contains("--sort-memory");
    }

    @Test
    void registeredAsASubcommand() {
        assertThat(Main.commandLine().getSubcommands()).containsKey("compile");
        assertThat(Main.commandLine().getSubcommands().get("compile").getUsageMessage()).contains("--linked-releases");
    }

    @Test
    void gzipAndZipInputsCompileLikeTheirContent() throws IOException {
        byte[] plain = Files.readAllBytes(Path.of(real("mexico-cdmx/release-package.json")));
        Path gz = tmp.resolve("cdmx.json.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(plain);
        }
        assertThat(CliRun.compile(gz.toString()).out()).isEqualTo(CliRun.compile(real("mexico-cdmx/release-package.json")).out());
        assertThat(new String(CliRun.compile(gz.toString()).stdout(), StandardCharsets.UTF_8).lines()).hasSize(8);
    }
}
