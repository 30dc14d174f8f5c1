package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.tenderlens.ocds.OcdsFixtures.assertJsonEquals;
import static io.tenderlens.ocds.OcdsFixtures.read;
import static io.tenderlens.ocds.OcdsFixtures.releasesIn;

/**
 * The worked examples of the standard's merging documentation (schema/merging-examples): records whose
 * compiledRelease and versionedRelease were made from their releases with the 1.1 rules. Not
 * embedded_releases.json: its compiledRelease is written by hand (roles ["buyer", "buyer"], id of the last release).
 */
class StandardMergingExamplesTest {
    private static final String DIR = "ocds/schema/merging-examples/";
    private static final List<String> UPDATES = List.of("tender1", "tender2", "tender3", "award1", "award2");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"updates/merged.json", "updates/versioned.json", "deletions/array_record.json",
            "deletions/field_record.json", "deletions/object_record.json"})
    void recordsMatch(String file) {
        JsonNode record = read(SharedData.path(DIR + file)).get("records").get(0);
        List<ObjectNode> releases = new ArrayList<>();
        if (record.get("releases").get(0).has("ocid")) {
            record.get("releases").forEach(r -> releases.add((ObjectNode) r));
        } else { // linked releases: the release packages are beside the record
            UPDATES.forEach(name -> releases.addAll(releasesIn(SharedData.path(DIR + "updates/" + name + ".json"))));
        }
        ReleaseCompiler.Merged merged = new ReleaseCompiler(MergeRules.bundled(), MergeWarnings.IGNORE).compileAndVersion(releases);
        assertJsonEquals(record.get("compiledRelease"), merged.compiled(), file + " compiledRelease");
        if (record.has("versionedRelease")) {
            assertJsonEquals(record.get("versionedRelease"), merged.versioned(), file + " versionedRelease");
        }
    }
}
