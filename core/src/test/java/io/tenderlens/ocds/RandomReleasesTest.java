package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Generated releases (nulls, empty objects and arrays, duplicate and missing ids, whole lists, omitted
 * fields, equal dates, fields that change type) merged by {@link ReleaseCompiler} and by the literal
 * {@link FlattenedMergeModel} of the reference: the results must be equal, and so must the duplicate-id
 * warnings. Cases where the reference itself fails are counted, not compared.
 */
class RandomReleasesTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int CASES = 400;

    private final Random random = new Random(20240601);

    @Test
    void fastMergeAgreesWithTheFlattenedModel() {
        int compared = 0;
        int undefined = 0;
        for (int c = 0; c < CASES; c++) {
            List<ObjectNode> releases = releases();
            String before = releases.toString();
            FlattenedMergeModel model = new FlattenedMergeModel(MergeRules.bundled());
            Set<String> warnings = new LinkedHashSet<>();
            ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled(), (ocid, m) -> {
                if (m.startsWith("Multiple objects")) {
                    warnings.add(m);
                }
            });
            JsonNode expectedCompiled;
            JsonNode expectedVersioned;
            try {
                expectedCompiled = model.compile(releases);
                expectedVersioned = model.versioned(releases);
            } catch (FlattenedMergeModel.Undefined e) {
                undefined++;
                compiler.compileAndVersion(releases); // must not throw either
                continue;
            }
            ReleaseCompiler.Merged merged = compiler.compileAndVersion(releases);
            check(expectedCompiled, merged.compiled(), "compiled", releases);
            check(expectedVersioned, merged.versioned(), "versioned", releases);
            assertThat(warnings).as("warnings for %s", releases).isEqualTo(model.warnings);
            assertThat(releases.toString()).as("input unchanged").isEqualTo(before);
            // compiling again from the same input gives the same result (nothing shared was changed)
            check(expectedCompiled, compiler.compile(releases), "compiled again", releases);
            compared++;
        }
        System.out.printf("RandomReleasesTest: %d cases compared, %d undefined in the reference%n", compared, undefined);
        assertThat(compared).as("cases compared (undefined in the reference: %d)", undefined).isGreaterThan(CASES * 7 / 10);
    }

    private static void check(JsonNode expected, JsonNode actual, String what, List<ObjectNode> releases) {
        String difference = OcdsFixtures.difference(expected, actual, "");
        if (difference != null) {
            fail(what + ": " + difference + "\ninput:    " + releases + "\nexpected: " + expected + "\nactual:   " + actual);
        }
    }

    // ---- generator ----------------------------------------------------------------------------

    private List<ObjectNode> releases() {
        int n = 1 + random.nextInt(4);
        List<ObjectNode> releases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode r = NODES.objectNode();
            r.put("ocid", "ocds-x");
            r.put("id", "r" + random.nextInt(3));
            r.put("date", "2020-01-0" + (1 + random.nextInt(3)));
            r.set("tag", NODES.arrayNode().add(pick("tender", "award")));
            maybe(r, "title", this::scalar);
            maybe(r, "tender", () -> object(2));
            maybe(r, "parties", () -> elements(2, true));
            maybe(r, "awards", () -> elements(2, true));
            maybe(r, "planning", () -> object(1));
            maybe(r, "extra", this::anything);
            releases.add(r);
        }
        return releases;
    }

    private void maybe(ObjectNode target, String field, java.util.function.Supplier<JsonNode> value) {
        if (random.nextInt(3) > 0) {
            target.set(field, value.get());
        }
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private JsonNode scalar() {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextInt(3));
            case 2 -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(pick("a", "b", "c"));
        };
    }

    /** Fields named as in OCDS so that the schema's rules apply (items, suppliers, documents, additionalIdentifiers...). */
    private JsonNode object(int depth) {
        if (random.nextInt(10) == 0) {
            return random.nextBoolean() ? NODES.objectNode() : NODES.nullNode();
        }
        ObjectNode o = NODES.objectNode();
        maybe(o, "title", this::scalar);
        maybe(o, "status", this::scalar);
        if (depth > 0) {
            maybe(o, "value", () -> object(depth - 1));
            maybe(o, "items", () -> elements(depth - 1, true));
            maybe(o, "documents", () -> elements(depth - 1, random.nextBoolean()));
            maybe(o, "additionalIdentifiers", () -> elements(depth - 1, true));
            maybe(o, "submissionMethod", this::literalList);
            if (random.nextInt(4) == 0) {
                o.set("extra", anything());
            }
        }
        return o;
    }

    private JsonNode elements(int depth, boolean withIds) {
        ArrayNode array = NODES.arrayNode();
        int n = random.nextInt(depth > 0 ? 3 : 4);
        for (int i = 0; i < n; i++) {
            JsonNode element = object(depth);
            if (!element.isObject()) {
                element = NODES.objectNode();
            }
            if (withIds && random.nextInt(6) > 0) {
                ((ObjectNode) element).set("id", random.nextInt(12) == 0 ? NODES.nullNode() : NODES.textNode(pick("1", "2", "3")));
            }
            if (depth > 0 && random.nextInt(3) == 0) {
                ((ObjectNode) element).set("suppliers", elements(depth - 1, true));
            }
            array.add(element);
        }
        return array;
    }

    private JsonNode literalList() {
        ArrayNode array = NODES.arrayNode();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            array.add(pick("x", "y"));
        }
        return random.nextInt(8) == 0 ? NODES.nullNode() : array;
    }

    /** A field that changes shape between releases: a value, an object, an array of objects or a mixed array. */
    private JsonNode anything() {
        return switch (random.nextInt(5)) {
            case 0 -> scalar();
            case 1 -> object(1);
            case 2 -> elements(1, true);
            case 3 -> NODES.arrayNode().add(NODES.objectNode().put("id", "1")).add("text");
            default -> literalList();
        };
    }
}
