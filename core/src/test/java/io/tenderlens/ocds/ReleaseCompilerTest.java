package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static io.tenderlens.ocds.OcdsFixtures.json;
import static io.tenderlens.ocds.OcdsFixtures.assertJsonEquals;
import static org.assertj.core.api.Assertions.assertThat;

/** Behaviours of ocds-merge 0.8.0 that its fixtures do not cover (its test_merge.py), and what we do where it stops. */
class ReleaseCompilerTest {
    private final List<String> warnings = new ArrayList<>();
    /** ocds-merge's "empty_merger" (Merger({})), which uses the latest 1.1 release schema. */
    private final ReleaseCompiler latest = new ReleaseCompiler(MergeRules.bundled(), (ocid, m) -> warnings.add(ocid + ": " + m));


    private static List<ObjectNode> releases(String jsonArray) {
        List<ObjectNode> list = new ArrayList<>();
        json(jsonArray).forEach(r -> list.add((ObjectNode) r));
        return list;
    }

    @Test
    void idsAreComparedWithTheirJsonType() {
        for (String[] c : new String[][] {
                {"1", "1", "[{\"id\":1,\"x\":\"first\",\"y\":\"second\"}]"},
                {"\"1\"", "\"1\"", "[{\"id\":\"1\",\"x\":\"first\",\"y\":\"second\"}]"},
                {"1", "\"1\"", "[{\"id\":1,\"x\":\"first\"},{\"id\":\"1\",\"y\":\"second\"}]"}}) {
            ObjectNode compiled = latest.compile(releases("[{\"date\":\"2000-01-01T00:00:00Z\",\"array\":[{\"id\":" + c[0]
                    + ",\"x\":\"first\"}]},{\"date\":\"2000-01-02T00:00:00Z\",\"array\":[{\"id\":" + c[1] + ",\"y\":\"second\"}]}]"));
            assertJsonEquals(json(c[2]), compiled.get("array"), c[0] + " then " + c[1]);
        }
        assertThat(warnings).isEmpty();
        // in one release the reference warns on ids equal as text (1 and "1", kept apart), not on true and 1
        // (merged, as Python says True == 1, though their texts differ)
        ObjectNode compiled = latest.compile(releases("[{\"ocid\":\"A\",\"date\":\"1\",\"array\":[{\"id\":1},{\"id\":\"1\"},{\"id\":true}]}]"));
        assertJsonEquals(json("[{\"id\":1},{\"id\":\"1\"}]"), compiled.get("array"), "1, \"1\", true");
        assertThat(warnings).containsExactly("A: Multiple objects have the `id` value '1' in the `array` array");
    }

    @Test
    void singleReleaseWithoutDateOrOcidIsNotSorted() {
        assertJsonEquals(json("{\"id\":\"None-None\",\"tag\":[\"compiled\"]}"), latest.compile(releases("[{}]")), "no date");
        assertJsonEquals(json("{\"id\":\"None-{}\",\"date\":{},\"tag\":[\"compiled\"]}"),
                latest.compile(releases("[{\"date\":{}}]")), "object date");
        assertJsonEquals(json("{\"initiationType\":[{\"releaseID\":null,\"releaseDate\":null,\"releaseTag\":null,\"value\":\"tender\"}]}"),
                latest.versioned(releases("[{\"date\":null,\"initiationType\":\"tender\"}]")), "versioned, null date");
    }

    @Test
    void releasesWithoutUsableDateAreMergedFirstWithAWarning() {
        ObjectNode compiled = latest.compile(releases("""
                [{"ocid":"A","id":"2","date":"2010-01-02","title":"dated"},
                 {"ocid":"A","id":"1","title":"undated"},
                 {"ocid":"A","id":"3","date":null,"title":"null date"}]"""));
        assertThat(compiled.get("title").asText()).isEqualTo("dated");
        assertThat(warnings).containsExactly(
                "A: The `date` field of at least one release is missing (release id '1'): it is merged before the releases that have a date",
                "A: The `date` field of at least one release is null (release id '3'): it is merged before the releases that have a date");
    }

    @Test
    void datesAreComparedAsTextAndTiesKeepInputOrder() {
        // 11:00-04:00 (15:00 UTC) sorts after 10:30-05:00 (15:30 UTC) as text; the reference does the same.
        ObjectNode compiled = latest.compile(releases("""
                [{"ocid":"A","id":"1","date":"2017-01-01T11:00:00-04:00","v":"minus four"},
                 {"ocid":"A","id":"2","date":"2017-01-01T10:30:00-05:00","v":"minus five"}]"""));
        assertThat(compiled.get("v").asText()).isEqualTo("minus four");
        assertThat(compiled.get("id").asText()).isEqualTo("A-2017-01-01T11:00:00-04:00");
        ObjectNode ties = latest.compile(releases("""
                [{"ocid":"A","id":"3","date":"2017-01-01T09:00:00Z","v":"tie first"},
                 {"ocid":"A","id":"4","date":"2017-01-01T09:00:00Z","v":"tie second"}]"""));
        assertThat(ties.get("v").asText()).isEqualTo("tie second");
        assertThat(warnings).containsExactly("A: 2 releases have the same `date` value '2017-01-01T09:00:00Z' (release ids '3' and"
                + " '4'): they are merged in the order given, so the later one wins");
    }

    @Test
    void nullRemovesAValueButNotItsParentAndDoesNotRemoveAnObject() {
        ObjectNode compiled = latest.compile(releases("""
                [{"ocid":"A","date":"1","tender":{"title":"t","value":{"amount":1}},"planning":{"budget":{"x":1}}},
                 {"ocid":"A","date":"2","tender":{"title":null,"value":{"amount":null}},"planning":null}]"""));
        assertJsonEquals(json("{\"value\":{}}"), compiled.get("tender"), "tender");
        assertJsonEquals(json("{\"budget\":{\"x\":1}}"), compiled.get("planning"), "planning");
    }

    @Test
    void anObjectMeetingAValueKeepsTheObjectAndWarns() {
        ObjectNode compiled = latest.compile(releases("""
                [{"ocid":"A","date":"1","value":1},{"ocid":"A","date":"2","value":{"amount":1}},
                 {"ocid":"A","date":"3","value":2}]"""));
        assertJsonEquals(json("{\"amount\":1}"), compiled.get("value"), "value");
        assertThat(warnings).containsExactly(
                "A: An earlier release had the value 1 for /value, but the current release has an object: the object is kept",
                "A: An earlier release had an object for /value, but the current release has the value 2: the value is ignored");
    }

    @Test
    void duplicateIdsMergeIntoOneElementAndWarnOncePerArray() {
        ObjectNode compiled = latest.compile(releases("""
                [{"ocid":"A","date":"1","parties":[{"id":"1","name":"a"},{"id":"1","role":"b"},{"id":"1","name":"c"},
                                                   {"name":"no id"},{"name":"no id"}]}]"""));
        assertJsonEquals(json("[{\"id\":\"1\",\"name\":\"c\",\"role\":\"b\"},{\"name\":\"no id\"},{\"name\":\"no id\"}]"),
                compiled.get("parties"), "parties");
        assertThat(warnings).containsExactly("A: Multiple objects have the `id` value '1' in the `parties` array");
    }

    @Test
    void objectsWithoutIdAccumulateAcrossReleases() {
        ObjectNode compiled = latest.compile(releases("""
                [{"ocid":"A","date":"1","documents":[{"url":"x"}]},{"ocid":"A","date":"2","documents":[{"url":"x"}]}]"""));
        assertThat(compiled.get("documents")).hasSize(2);
    }

    @Test
    void versionedValuesAreAddedOnlyWhenTheValueChangesByPythonEquality() {
        ObjectNode versioned = latest.versioned(releases("""
                [{"ocid":"A","id":"1","date":"1","tag":["tender"],"amount":1,"list":["a"]},
                 {"ocid":"A","id":"2","date":"2","tag":["award"],"amount":1.0,"list":["a"]},
                 {"ocid":"A","id":"3","date":"3","tag":["award"],"amount":2,"list":["b"]}]"""));
        assertThat(versioned.get("ocid").asText()).isEqualTo("A");
        assertThat(versioned.get("amount")).hasSize(2);
        assertThat(versioned.get("list")).hasSize(2);
        assertJsonEquals(json("{\"releaseID\":\"3\",\"releaseDate\":\"3\",\"releaseTag\":[\"award\"],\"value\":2}"),
                versioned.get("amount").get(1), "latest amount");
    }

    @Test
    void compiledOutputFedBackInIsTakenAsData() {
        ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled(), MergeWarnings.IGNORE);
        List<ObjectNode> releases = releases("""
                [{"ocid":"A","id":"1","date":"1","parties":[{"id":"p","name":"x"}],"tender":{"title":"t"}},
                 {"ocid":"A","id":"2","date":"2","parties":[{"id":"q","name":"y"}]}]""");
        ObjectNode once = compiler.compile(releases);
        ObjectNode again = compiler.compile(List.of(once.deepCopy(), once));
        assertJsonEquals(once, again, "compiling a compiled release again");
    }

    @ParameterizedTest
    @CsvSource({"0,0", "0,1", "1,0", "1,1"})
    void arraysMixingObjectsAndValuesAreLiterals(int release, int item) {
        // ocds-merge's test_merge_when_array_is_mixed: schema.json declares mixedArray with items of type [object, string]
        ReleaseCompiler compiler = new ReleaseCompiler(
                MergeRules.fromSchema(OcdsFixtures.read(SharedData.path("ocds/conformance/ocds-merge/schema.json"))),
                MergeWarnings.IGNORE);
        ObjectNode[] data = {
                (ObjectNode) json("{\"ocid\":\"ocds-213czf-A\",\"id\":\"1\",\"date\":\"2000-01-01T00:00:00Z\",\"mixedArray\":[{\"id\":1},\"foo\"]}"),
                (ObjectNode) json("{\"ocid\":\"ocds-213czf-A\",\"id\":\"2\",\"date\":\"2000-01-02T00:00:00Z\",\"mixedArray\":[{\"id\":2},\"bar\"]}")};
        ObjectNode expected = (ObjectNode) json("{\"tag\":[\"compiled\"],\"id\":\"ocds-213czf-A-2000-01-02T00:00:00Z\","
                + "\"date\":\"2000-01-02T00:00:00Z\",\"ocid\":\"ocds-213czf-A\",\"mixedArray\":[{\"id\":2},\"bar\"]}");
        assertJsonEquals(expected, compiler.compile(List.of(data)), "both mixed");
        ((com.fasterxml.jackson.databind.node.ArrayNode) data[release].get("mixedArray")).remove(item);
        if (release == 1) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) expected.get("mixedArray")).remove(item);
        }
        assertJsonEquals(expected, compiler.compile(List.of(data)), "item " + item + " removed from release " + release);
    }

    @Test
    void emptyInput() {
        assertJsonEquals(json("{\"tag\":[\"compiled\"]}"), latest.compile(List.of()), "compiled");
        assertJsonEquals(json("{}"), latest.versioned(List.of()), "versioned");
    }
}
