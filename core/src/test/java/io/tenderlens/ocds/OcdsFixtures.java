package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/** Reading the shared OCDS fixtures, and comparing JSON as the reference tests do (key order ignored, numbers by value). */
final class OcdsFixtures {
    private OcdsFixtures() {}

    static final ObjectMapper JSON = new ObjectMapper();
    /** As the app reads OCDS: decimals kept as written (1311264.00), for Python's float equality to be checked on them too. */
    static final ObjectMapper DECIMALS = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** JSON text written in a test. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The releases in a release package, an array of releases, or a JSON Lines file of either. */
    static List<ObjectNode> releasesIn(Path file) {
        return releasesIn(file, JSON);
    }

    static List<ObjectNode> releasesIn(Path file, ObjectMapper mapper) {
        List<ObjectNode> releases = new ArrayList<>();
        try {
            if (file.toString().endsWith(".jsonl")) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        collect(mapper.readTree(line), releases);
                    }
                }
            } else {
                collect(mapper.readTree(file.toFile()), releases);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return releases;
    }

    private static void collect(JsonNode node, List<ObjectNode> releases) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, releases));
        } else if (node.has("releases")) {
            node.get("releases").forEach(n -> releases.add((ObjectNode) n));
        } else {
            releases.add((ObjectNode) node);
        }
    }

    /** Releases grouped by ocid, groups and releases in input order. */
    static Map<String, List<ObjectNode>> byOcid(List<ObjectNode> releases) {
        Map<String, List<ObjectNode>> groups = new LinkedHashMap<>();
        for (ObjectNode release : releases) {
            groups.computeIfAbsent(release.path("ocid").asText(), k -> new ArrayList<>()).add(release);
        }
        return groups;
    }

    static void assertJsonEquals(JsonNode expected, JsonNode actual, String label) {
        String difference = difference(expected, actual, "");
        if (difference != null) {
            fail(label + ": " + difference + "\nexpected: " + expected + "\nactual:   " + actual);
        }
    }

    /** The first difference between two JSON values, or null when they are equal. */
    static String difference(JsonNode expected, JsonNode actual, String at) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? null
                    : at + ": expected " + expected + " but was " + actual;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            return at + ": expected " + expected.getNodeType() + " " + abbreviate(expected) + " but was "
                    + actual.getNodeType() + " " + abbreviate(actual);
        }
        if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                return at + ": expected " + expected.size() + " items but was " + actual.size() + ": " + abbreviate(actual);
            }
            for (int i = 0; i < expected.size(); i++) {
                String d = difference(expected.get(i), actual.get(i), at + "/" + i);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode other = actual.get(field.getKey());
                if (other == null) {
                    return at + "/" + field.getKey() + ": missing, expected " + abbreviate(field.getValue());
                }
                String d = difference(field.getValue(), other, at + "/" + field.getKey());
                if (d != null) {
                    return d;
                }
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!expected.has(name)) {
                    return at + "/" + name + ": unexpected " + abbreviate(actual.get(name));
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : at + ": expected " + expected + " but was " + actual;
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
