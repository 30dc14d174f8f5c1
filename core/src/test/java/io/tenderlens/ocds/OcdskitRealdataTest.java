package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tenderlens.ocds.OcdsFixtures.JSON;
import static io.tenderlens.ocds.OcdsFixtures.assertJsonEquals;
import static io.tenderlens.ocds.OcdsFixtures.byOcid;
import static io.tenderlens.ocds.OcdsFixtures.read;
import static io.tenderlens.ocds.OcdsFixtures.releasesIn;
import static org.assertj.core.api.Assertions.assertThat;

/** ocdskit's own expected results on real Mexico City data (conformance/ocdskit-realdata, see PAIRING.md). */
class OcdskitRealdataTest {
    private static final String DIR = "ocds/conformance/ocdskit-realdata/";
    private static final MergeRules OCDS_1_0_3 =
            MergeRules.fromSchema(read(SharedData.path("ocds/conformance/ocds-merge/release-schema-1__0__3.json")));

    /** release-package-1.json then release-package-2.json, grouped by ocid. */
    private static List<List<ObjectNode>> groups() {
        List<ObjectNode> releases = new ArrayList<>(releasesIn(SharedData.path(DIR + "release-package-1.json")));
        releases.addAll(releasesIn(SharedData.path(DIR + "release-package-2.json")));
        Map<String, List<ObjectNode>> groups = byOcid(releases);
        assertThat(groups).hasSize(2);
        return new ArrayList<>(groups.values());
    }

    @ParameterizedTest(name = "{0}-release-N.json")
    @ValueSource(strings = {"compiled", "versioned"})
    void compiledAndVersionedReleases(String kind) {
        List<String> warnings = new ArrayList<>();
        ReleaseCompiler compiler = new ReleaseCompiler(OCDS_1_0_3, (ocid, m) -> warnings.add(m));
        List<List<ObjectNode>> groups = groups();
        for (int i = 0; i < groups.size(); i++) {
            JsonNode actual = kind.equals("compiled") ? compiler.compile(groups.get(i)) : compiler.versioned(groups.get(i));
            String expected = kind + "-release-" + (i + 1) + ".json";
            assertJsonEquals(read(SharedData.path(DIR + expected)), actual, expected);
        }
        assertThat(warnings).isEmpty();
    }

    /** The compiled and versioned releases inside the record packages of `compile --package [--versioned]`. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"record-package_package.json", "record-package_versioned.json", "record-package_linked-releases.json"})
    void releasesInsideRecordPackages(String file) {
        ReleaseCompiler compiler = new ReleaseCompiler(OCDS_1_0_3, MergeWarnings.IGNORE);
        JsonNode records = read(SharedData.path(DIR + file)).get("records");
        List<List<ObjectNode>> groups = groups();
        assertThat(records).hasSize(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            ReleaseCompiler.Merged merged = compiler.compileAndVersion(groups.get(i));
            assertJsonEquals(records.get(i).get("compiledRelease"), merged.compiled(), file + " record " + i);
            if (records.get(i).has("versionedRelease")) {
                assertJsonEquals(records.get(i).get("versionedRelease"), merged.versioned(), file + " record " + i);
            }
        }
    }

    @Test
    void duplicatePartyIdWarnsOnceWithOcdskitsWording() {
        List<String> warnings = new ArrayList<>();
        ObjectNode actual = new ReleaseCompiler(MergeRules.bundled(), (ocid, m) -> warnings.add(ocid + ": " + m))
                .compile(releasesIn(SharedData.path(DIR + "release-package_warning.json")));
        assertJsonEquals(read(SharedData.path(DIR + "compile_warning.json")), actual, "compile_warning.json");
        assertThat(warnings).containsExactly("ocds-213czf-1: Multiple objects have the `id` value '1' in the `parties` array");
    }

    /** The additionalContactPoints extension makes the array a whole list: only the later list survives. */
    @Test
    void extensionTurnsArrayIntoWholeList() throws Exception {
        MergeRules rules = MergeRules.bundled().withExtension(JSON.readTree("""
                {"definitions": {"Organization": {"properties": {"additionalContactPoints": {
                  "type": "array", "items": {"$ref": "#/definitions/ContactPoint"}, "wholeListMerge": true}}}}}
                """));
        assertThat(rules.ruleAt("parties", "additionalContactPoints")).isEqualTo(MergeRules.PathRule.WHOLE_LIST_MERGE);
        ObjectNode actual = new ReleaseCompiler(rules, MergeWarnings.IGNORE)
                .compile(releasesIn(SharedData.path(DIR + "release-package_additional-contact-points.json")));
        assertJsonEquals(read(SharedData.path(DIR + "compile_extensions.json")), actual, "compile_extensions.json");
    }

    /** Without the extension the field is unknown, so its objects are merged by id and both contact points stay. */
    @Test
    void unknownArrayOfObjectsIsMergedById() {
        assertThat(MergeRules.bundled().ruleAt("parties", "additionalContactPoints")).isEqualTo(MergeRules.PathRule.UNKNOWN);
        List<String> warnings = new ArrayList<>();
        ObjectNode actual = new ReleaseCompiler(MergeRules.bundled(), (ocid, m) -> warnings.add(m))
                .compile(releasesIn(SharedData.path(DIR + "release-package_additional-contact-points.json")));
        assertJsonEquals(read(SharedData.path(DIR + "compile_no-extensions.json")), actual, "compile_no-extensions.json");
        assertThat(warnings).containsExactly("2 releases have the same `date` value '2001-02-03T04:05:06Z' (release ids"
                + " '1' and '1'): they are merged in the order given, so the later one wins");
    }
}
