package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.tenderlens.ocds.OcdsFixtures.assertJsonEquals;
import static io.tenderlens.ocds.OcdsFixtures.read;
import static io.tenderlens.ocds.OcdsFixtures.releasesIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pair of open-contracting/ocds-merge's fixtures (conformance/ocds-merge, see its PAIRING.md):
 * 1.1 against the 1.1.4 schema and against our bundled 1.1.5, 1.0 against 1.0.3, and the synthetic
 * schema.json cases, compiled and versioned, compared as JSON; plus the duplicate-id collision cases.
 */
class OcdsMergeConformanceTest {
    private static final String DIR = "ocds/conformance/ocds-merge/";
    private static final String DUPLICATE_ID = "identifier-merge-duplicate-id";

    static Stream<Arguments> pairs() {
        List<Arguments> cases = new ArrayList<>();
        MergeRules schema114 = rulesFrom("release-schema-1__1__4.json");
        add(cases, "1.1", "1.1.4", schema114);
        add(cases, "1.1", "bundled 1.1.5", MergeRules.bundled());
        add(cases, "1.0", "1.0.3", rulesFrom("release-schema-1__0__3.json"));
        add(cases, "schema", "schema.json", rulesFrom("schema.json"));
        return cases.stream();
    }

    private static MergeRules rulesFrom(String schemaFile) {
        return MergeRules.fromSchema(read(SharedData.path(DIR + schemaFile)));
    }

    private static void add(List<Arguments> cases, String folder, String schemaName, MergeRules rules) {
        try (Stream<Path> files = Files.list(SharedData.path(DIR + folder))) {
            files.map(Path::getFileName).map(Path::toString)
                    .filter(name -> name.endsWith("-compiled.json") || name.endsWith("-versioned.json"))
                    .sorted()
                    .forEach(name -> cases.add(Arguments.of(folder + "/" + name + " [" + schemaName + "]", folder, name, rules)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyPairIsFound() {
        assertThat(pairs()).hasSize(84);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void mergesAsTheReference(String label, String folder, String expectedFile, MergeRules rules) {
        boolean compiled = expectedFile.endsWith("-compiled.json");
        String input = expectedFile.replace(compiled ? "-compiled.json" : "-versioned.json", ".json");
        List<ObjectNode> releases = releasesIn(SharedData.path(DIR + folder + "/" + input));
        String before = releases.toString();
        List<String> warnings = new ArrayList<>();
        ReleaseCompiler compiler = new ReleaseCompiler(rules, (ocid, message) -> warnings.add(ocid + ": " + message));

        JsonNode actual = compiled ? compiler.compile(releases) : compiler.versioned(releases);

        assertJsonEquals(read(SharedData.path(DIR + folder + "/" + expectedFile)), actual, label);
        assertThat(releases.toString()).as("the input releases are left as they were").isEqualTo(before);
        if (input.equals(DUPLICATE_ID + ".json")) {
            assertThat(warnings).containsExactly(
                    "ocds-213czf-1: Multiple objects have the `id` value '1' in the `nested.identifierMerge` array",
                    "ocds-213czf-1: Multiple objects have the `id` value '1' in the `nested.array` array");
        } else {
            assertThat(warnings).as("no unexpected warnings").isEmpty();
        }
    }

    private static List<ObjectNode> twice(String file) {
        List<ObjectNode> releases = new ArrayList<>(releasesIn(SharedData.path(DIR + "schema/" + file)));
        releases.addAll(releasesIn(SharedData.path(DIR + "schema/" + file)));
        return releases;
    }

    /** The input given twice has equal dates, which we report too (the reference does not). */
    private static final String SAME_DATE = "2 releases have the same `date` value '2000-01-01T00:00:00Z' (release ids"
            + " '1' and '1'): they are merged in the order given, so the later one wins";
    private static final List<String> DUPLICATE_WARNINGS = List.of(SAME_DATE,
            "Multiple objects have the `id` value '1' in the `nested.identifierMerge` array",
            "Multiple objects have the `id` value '1' in the `nested.array` array");

    /** ocds-merge's test_collisions: the duplicate-id input given twice, with a rule override on nested.array. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"MERGE_BY_POSITION, by-position", "APPEND, append"})
    void arrayStrategyOverrides(ArrayMergeStrategy strategy, String expectedSuffix) {
        List<String> warnings = new ArrayList<>();
        MergeRules rules = MergeRules.fromSchema(read(SharedData.path(DIR + "schema.json")))
                .withArrayStrategy(strategy, "nested", "array");
        ObjectNode actual = new ReleaseCompiler(rules, (ocid, m) -> warnings.add(m)).compile(twice(DUPLICATE_ID + ".json"));
        assertJsonEquals(read(SharedData.path(DIR + "schema/" + DUPLICATE_ID + "-" + expectedSuffix + ".json")), actual, expectedSuffix);
        assertThat(warnings).containsExactlyElementsOf(DUPLICATE_WARNINGS);
    }

    @Test
    void appendOverrideWithoutIds() {
        List<String> warnings = new ArrayList<>();
        MergeRules rules = MergeRules.fromSchema(read(SharedData.path(DIR + "schema.json")))
                .withArrayStrategy(ArrayMergeStrategy.APPEND, "nested", "array");
        ObjectNode actual = new ReleaseCompiler(rules, (ocid, m) -> warnings.add(m)).compile(twice("identifier-merge-no-id.json"));
        assertJsonEquals(read(SharedData.path(DIR + "schema/identifier-merge-no-id-append.json")), actual, "append, no id");
        assertThat(warnings).containsExactly(SAME_DATE);
    }
}
