package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenderlens.ocds.MergeRules.PathRule;
import io.tenderlens.testing.SharedData;
import org.junit.jupiter.api.Test;

import static io.tenderlens.ocds.OcdsFixtures.json;
import static io.tenderlens.ocds.OcdsFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergeRulesTest {


    /** The rules MERGE-NOTES.md lists for 1.1, read from the bundled 1.1.5 schema. */
    @Test
    void bundledSchemaHasTheOcds11Rules() {
        MergeRules rules = MergeRules.bundled();
        assertThat(rules.ruleAt("id")).isEqualTo(PathRule.OMIT_WHEN_MERGED);
        assertThat(rules.ruleAt("date")).isEqualTo(PathRule.OMIT_WHEN_MERGED);
        assertThat(rules.ruleAt("tag")).isEqualTo(PathRule.OMIT_WHEN_MERGED);
        assertThat(rules.ruleAt("ocid")).isEqualTo(PathRule.VALUE);
        assertThat(rules.ruleAt("parties", "additionalIdentifiers")).isEqualTo(PathRule.WHOLE_LIST_MERGE);
        assertThat(rules.ruleAt("buyer", "additionalIdentifiers")).isEqualTo(PathRule.WHOLE_LIST_MERGE);
        assertThat(rules.ruleAt("tender", "items", "additionalClassifications")).isEqualTo(PathRule.WHOLE_LIST_MERGE);
        assertThat(rules.ruleAt("awards", "items", "additionalClassifications")).isEqualTo(PathRule.WHOLE_LIST_MERGE);
        assertThat(rules.ruleAt("awards")).isEqualTo(PathRule.IDENTIFIER_MERGE);
        assertThat(rules.ruleAt("awards", "suppliers")).isEqualTo(PathRule.IDENTIFIER_MERGE);
        assertThat(rules.ruleAt("contracts", "implementation", "transactions")).isEqualTo(PathRule.IDENTIFIER_MERGE);
        assertThat(rules.ruleAt("tender")).isEqualTo(PathRule.OBJECT);
        assertThat(rules.ruleAt("tender", "items", "unit", "id")).isEqualTo(PathRule.VALUE);
        assertThat(rules.ruleAt("tender", "submissionMethod")).as("array of strings").isEqualTo(PathRule.WHOLE_LIST_MERGE);
        assertThat(rules.ruleAt("parties", "roles")).isEqualTo(PathRule.WHOLE_LIST_MERGE);
        assertThat(rules.ruleAt("tender", "noSuchField")).isEqualTo(PathRule.UNKNOWN);
        assertThat(rules.schema().path("id").asText()).endsWith("1__1__5/release-schema.json");
    }

    @Test
    void ocds10MergeStrategies() {
        MergeRules rules = MergeRules.fromSchema(read(SharedData.path("ocds/conformance/ocds-merge/release-schema-1__0__3.json")));
        assertThat(rules.ruleAt("ocid")).isEqualTo(PathRule.OMIT_WHEN_MERGED);
        assertThat(rules.ruleAt("awards", "suppliers")).isEqualTo(PathRule.WHOLE_LIST_MERGE);
        assertThat(rules.ruleAt("tender", "tenderers")).isEqualTo(PathRule.WHOLE_LIST_MERGE);
        assertThat(rules.ruleAt("tender", "title")).as("ocdsVersion on a string is no whole list").isEqualTo(PathRule.VALUE);
        assertThat(rules.ruleAt("awards")).isEqualTo(PathRule.IDENTIFIER_MERGE);
    }

    /** Our own dereferencing gives the rules of the standard's dereferenced copy of the same schema. */
    @Test
    void dereferencingMatchesTheStandardsDereferencedSchema() {
        MergeRules ours = MergeRules.bundled();
        MergeRules theirs = MergeRules.fromSchema(read(SharedData.path("ocds/schema/dereferenced-release-schema.json")));
        String[][] paths = {{"parties", "additionalIdentifiers"}, {"tender", "items", "additionalClassifications"},
                {"contracts", "relatedProcesses"}, {"planning", "budget", "amount", "currency"}, {"tender", "tenderers"},
                {"awards", "documents"}, {"contracts", "implementation", "milestones"}, {"tender", "amendments", "changes"},
                {"buyer", "address", "region"}, {"tender", "items", "unit", "value", "amount"}};
        for (String[] path : paths) {
            assertThat(ours.ruleAt(path)).as(String.join(".", path)).isEqualTo(theirs.ruleAt(path));
        }
    }

    @Test
    void selfReferencingDefinitionsTerminate() {
        MergeRules rules = MergeRules.fromSchema(json("""
                {"properties": {"node": {"$ref": "#/definitions/Node"}},
                 "definitions": {"Node": {"type": "object", "properties": {
                   "child": {"$ref": "#/definitions/Node"},
                   "secret": {"type": "string", "omitWhenMerged": true},
                   "list": {"type": "array", "items": {"$ref": "#/definitions/Node"}}}}}}"""));
        assertThat(rules.ruleAt("node", "child", "child", "secret")).isEqualTo(PathRule.OMIT_WHEN_MERGED);
        assertThat(rules.ruleAt("node", "child", "list")).as("items without id").isEqualTo(PathRule.WHOLE_LIST_MERGE);
    }

    @Test
    void omitBeatsWholeListAndWholeListHidesNestedRules() {
        MergeRules rules = MergeRules.fromSchema(read(SharedData.path("ocds/conformance/ocds-merge/schema.json")));
        assertThat(rules.ruleAt("omitWhenMerged")).isEqualTo(PathRule.OMIT_WHEN_MERGED);
        assertThat(rules.ruleAt("keepWhenMerged")).isEqualTo(PathRule.VALUE);
        assertThat(rules.ruleAt("wholeListMergeOmitWhenMerged", "omitWhenMerged")).isEqualTo(PathRule.WHOLE_LIST_MERGE);
        assertThat(rules.ruleAt("wholeListMergeObject", "c")).as("wholeListMerge on an object is ignored")
                .isEqualTo(PathRule.OMIT_WHEN_MERGED);
        assertThat(rules.ruleAt("identifierMerge", "subarray", "subsubarray")).isEqualTo(PathRule.WHOLE_LIST_MERGE);
        assertThat(rules.ruleAt("arrayWithoutObjectId")).isEqualTo(PathRule.WHOLE_LIST_MERGE);
        assertThat(rules.ruleAt("mixedArray")).isEqualTo(PathRule.WHOLE_LIST_MERGE);
        assertThat(rules.ruleAt("noType")).isEqualTo(PathRule.VALUE);
    }

    @Test
    void extensionPatchAddsAndRemoves() {
        MergeRules rules = MergeRules.bundled().withExtension(json("""
                {"properties": {"tag": null, "extra": {"type": "array", "items": {"type": "object",
                   "properties": {"id": {"type": "string"}}}}},
                 "definitions": {"Organization": {"properties": {"additionalIdentifiers": {"wholeListMerge": false}}}}}"""));
        assertThat(rules.ruleAt("tag")).isEqualTo(PathRule.UNKNOWN);
        assertThat(rules.ruleAt("extra")).isEqualTo(PathRule.IDENTIFIER_MERGE);
        assertThat(rules.ruleAt("parties", "additionalIdentifiers")).isEqualTo(PathRule.IDENTIFIER_MERGE);
        assertThat(MergeRules.bundled().ruleAt("tag")).as("the bundled rules are unchanged").isEqualTo(PathRule.OMIT_WHEN_MERGED);
    }

    @Test
    void badReferencesAreClearErrors() {
        assertThatThrownBy(() -> MergeRules.fromSchema(json("{\"properties\": {\"a\": {\"$ref\": \"https://example.com/s.json\"}}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("external schema (https://example.com/s.json)");
        assertThatThrownBy(() -> MergeRules.fromSchema(json("{\"properties\": {\"a\": {\"$ref\": \"#/definitions/Nope\"}}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#/definitions/Nope points to nothing");
        assertThatThrownBy(() -> MergeRules.fromSchema(json("{\"type\": \"object\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no \"properties\"");
    }
}
