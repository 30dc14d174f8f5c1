package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.tenderlens.ocds.OcdsFixtures.JSON;
import static io.tenderlens.ocds.OcdsFixtures.assertJsonEquals;
import static io.tenderlens.ocds.OcdsFixtures.byOcid;
import static io.tenderlens.ocds.OcdsFixtures.releasesIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agreement with ocdskit 1.7.0 (ocdsmerge 0.8.0) on real datasets: conformance/peer-ocdskit holds its
 * compiled and versioned releases, made with the 1.1.5 release schema (PEER-OCDSKIT.md §6).
 */
class PeerOcdskitTest {
    private static final String REAL = "ocds/real/";

    static Stream<Arguments> datasets() {
        return Stream.of(
                Arguments.of("paraguay-dncp-v1.1", List.of("paraguay-dncp/releases-v1.1.jsonl")),
                Arguments.of("paraguay-dncp-2017raw", List.of("paraguay-dncp/release-package.json")),
                Arguments.of("mexico-cdmx", List.of("mexico-cdmx/release-package.json")),
                Arguments.of("mexico-jalisco", jaliscoPackages()),
                Arguments.of("canada-buyandsell", List.of("canada-buyandsell/release-package.json")),
                Arguments.of("uk-contracts-finder", List.of("uk-contracts-finder/release-package.json")),
                Arguments.of("portugal-impic", List.of("portugal-impic/release-package.json")),
                Arguments.of("moldova-tender-gov-md", List.of("moldova-tender-gov-md/release-package.json")));
    }

    private static List<String> jaliscoPackages() {
        try (Stream<Path> files = Files.list(SharedData.path(REAL + "mexico-jalisco/release-packages"))) {
            List<String> names = files.map(p -> "mexico-jalisco/release-packages/" + p.getFileName()).sorted().toList();
            assertThat(names).hasSize(10);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void compiledReleasesAgree(String slug, List<String> inputs) {
        compare(slug, inputs, "compiled");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void versionedReleasesAgree(String slug, List<String> inputs) {
        compare(slug, inputs, "versioned");
    }

    /** Read as the app reads OCDS (decimals as BigDecimal, trailing zeros kept): same results. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void versionedReleasesAgreeWithDecimalsAsWritten(String slug, List<String> inputs) {
        compare(slug, inputs, "versioned", OcdsFixtures.DECIMALS);
    }

    private static void compare(String slug, List<String> inputs, String kind) {
        compare(slug, inputs, kind, JSON);
    }

    private static void compare(String slug, List<String> inputs, String kind, ObjectMapper mapper) {
        List<ObjectNode> releases = new ArrayList<>();
        for (String input : inputs) {
            releases.addAll(releasesIn(SharedData.path(REAL + input), mapper));
        }
        Map<String, JsonNode> expected = byOcidLine(SharedData.path("ocds/conformance/peer-ocdskit/" + slug + "-" + kind + ".jsonl"));
        ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled(), MergeWarnings.IGNORE);
        String before = releases.toString();
        Map<String, List<ObjectNode>> groups = byOcid(releases);
        assertThat(groups.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, List<ObjectNode>> group : groups.entrySet()) {
            JsonNode actual = kind.equals("compiled") ? compiler.compile(group.getValue()) : compiler.versioned(group.getValue());
            assertJsonEquals(expected.get(group.getKey()), actual, slug + " " + kind + " " + group.getKey());
        }
        assertThat(releases.toString()).as("the input releases are left as they were").isEqualTo(before);
    }

    private static Map<String, JsonNode> byOcidLine(Path jsonl) {
        Map<String, JsonNode> byOcid = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(jsonl)) {
                if (!line.isBlank()) {
                    JsonNode release = JSON.readTree(line);
                    assertThat(byOcid.put(release.get("ocid").asText(), release)).as("one line per ocid").isNull();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byOcid;
    }
}
