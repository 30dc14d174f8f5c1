package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A slow, literal model of how the reference implementation merges (ocds-merge 0.8.0, described in
 * MERGE-NOTES.md): every release is flattened into an insertion-ordered map from paths to values, the
 * maps are folded, and the result is rebuilt path by path. Test-only, to check the fast
 * {@link ReleaseCompiler} against on generated releases. Ids are compared as text, which is exact as
 * long as the ids are strings. Where the reference fails (InconsistentTypeError) or does something
 * accidental (appending objects to a literal list), {@link Undefined} is thrown.
 */
final class FlattenedMergeModel {
    static final class Undefined extends RuntimeException {
        Undefined(String message) {
            super(message);
        }
    }

    /** One part of a path: a field name, or an array element's identity (text) with its original id. */
    private record Part(String text, boolean element, JsonNode originalId) { }

    private static final class Entry {
        final List<Part> parts;
        Object value; // JsonNode, or List<ObjectNode> of versioned values

        Entry(List<Part> parts, Object value) {
            this.parts = parts;
            this.value = value;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final MergeRules rules;
    final Set<String> warnings = new LinkedHashSet<>();
    private int uuid;

    FlattenedMergeModel(MergeRules rules) {
        this.rules = rules;
    }

    ObjectNode compile(List<ObjectNode> releases) {
        Map<List<String>, Entry> data = new LinkedHashMap<>();
        put(data, List.of(new Part("tag", false, null)), NODES.arrayNode().add("compiled"));
        for (ObjectNode release : sorted(releases)) {
            JsonNode ocid = release.get("ocid");
            JsonNode date = release.get("date");
            Map<List<String>, Entry> flat = flatten(release);
            put(data, List.of(new Part("id", false, null)), TextNode.valueOf(PythonValues.str(none(ocid)) + "-" + PythonValues.str(none(date))));
            put(data, List.of(new Part("date", false, null)), date);
            put(data, List.of(new Part("ocid", false, null)), ocid);
            for (Entry e : flat.values()) {
                put(data, e.parts, e.value);
            }
        }
        return unflatten(data);
    }

    ObjectNode versioned(List<ObjectNode> releases) {
        Map<List<String>, Entry> data = new LinkedHashMap<>();
        for (ObjectNode release : sorted(releases)) {
            Map<List<String>, Entry> flat = flatten(release);
            flat.remove(List.of("ocid"));
            put(data, List.of(new Part("ocid", false, null)), release.get("ocid"));
            for (Entry e : flat.values()) {
                List<String> key = texts(e.parts);
                Entry existing = data.get(key);
                if (existing != null) {
                    if (!(existing.value instanceof List<?> history)) {
                        continue;
                    }
                    ObjectNode last = (ObjectNode) history.get(history.size() - 1);
                    if (PythonValues.equal(last.get("value"), orNull((JsonNode) e.value))) {
                        continue;
                    }
                }
                ObjectNode versioned = NODES.objectNode();
                versioned.set("releaseID", orNull(release.get("id")));
                versioned.set("releaseDate", orNull(release.get("date")));
                versioned.set("releaseTag", orNull(release.get("tag")));
                versioned.set("value", orNull((JsonNode) e.value));
                if (existing == null) {
                    List<ObjectNode> history = new ArrayList<>();
                    history.add(versioned);
                    data.put(key, new Entry(e.parts, history));
                } else {
                    @SuppressWarnings("unchecked")
                    List<ObjectNode> history = (List<ObjectNode>) existing.value;
                    history.add(versioned);
                }
            }
        }
        return unflatten(data);
    }

    private static JsonNode none(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }

    private static JsonNode orNull(JsonNode value) {
        return value == null ? NODES.nullNode() : value;
    }

    private static List<ObjectNode> sorted(List<ObjectNode> releases) {
        if (releases.size() == 1) {
            return releases;
        }
        List<ObjectNode> copy = new ArrayList<>(releases);
        copy.sort(Comparator.comparing(r -> r.get("date").textValue(), ReleaseCompiler::compareText));
        return copy;
    }

    private static void put(Map<List<String>, Entry> data, List<Part> parts, Object value) {
        Entry existing = data.get(texts(parts));
        if (existing != null) {
            existing.value = value;
        } else {
            data.put(texts(parts), new Entry(parts, value));
        }
    }

    private static List<String> texts(List<Part> parts) {
        List<String> texts = new ArrayList<>(parts.size());
        for (Part p : parts) {
            texts.add(p.text);
        }
        return texts;
    }

    // ---- flatten ------------------------------------------------------------------------------

    private Map<List<String>, Entry> flatten(ObjectNode release) {
        Map<List<String>, Entry> flat = new LinkedHashMap<>();
        ObjectNode withoutTag = release.deepCopy();
        withoutTag.remove("tag");
        flatten(withoutTag, new ArrayList<>(), new ArrayList<>(), flat);
        return flat;
    }

    private void flatten(JsonNode node, List<Part> path, List<String> rulePath, Map<List<String>, Entry> flat) {
        List<Map.Entry<Part, JsonNode>> items = new ArrayList<>();
        if (node.isArray()) {
            Map<String, Integer> identifiers = new HashMap<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = node.get(i);
                Part part;
                if (value.has("id")) {
                    part = new Part(PythonValues.str(none(value.get("id"))), true, none(value.get("id")));
                } else {
                    part = new Part("uuid-" + (uuid++), true, null);
                }
                if (identifiers.putIfAbsent(part.text, i) != null) {
                    warnings.add("Multiple objects have the `id` value " + PythonValues.repr(part.text) + " in the `"
                            + String.join(".", rulePath) + "` array");
                }
                items.add(Map.entry(part, value));
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                items.add(Map.entry(new Part(field.getKey(), false, null), field.getValue()));
            }
        }
        for (Map.Entry<Part, JsonNode> item : items) {
            List<String> newRulePath = rulePath;
            if (!node.isArray()) {
                newRulePath = new ArrayList<>(rulePath);
                newRulePath.add(item.getKey().text);
            }
            MergeRules.PathRule rule = ruleAt(newRulePath);
            boolean exact = isExactRule(newRulePath);
            if (exact && rule == MergeRules.PathRule.OMIT_WHEN_MERGED) {
                continue;
            }
            JsonNode value = item.getValue();
            List<Part> newPath = new ArrayList<>(path);
            newPath.add(item.getKey());
            boolean literal = exact && rule == MergeRules.PathRule.WHOLE_LIST_MERGE || !value.isContainerNode();
            if (value.isArray()) {
                for (JsonNode v : value) {
                    literal |= !v.isObject();
                }
            }
            if (literal) {
                put(flat, newPath, value);
            } else if (!value.isEmpty()) {
                flatten(value, newPath, newRulePath, flat);
            }
        }
    }

    private final Map<List<String>, MergeRules.PathRule> ruleCache = new HashMap<>();

    private MergeRules.PathRule ruleAt(List<String> path) {
        return ruleCache.computeIfAbsent(List.copyOf(path), p -> rules.ruleAt(p.toArray(String[]::new)));
    }

    /** ruleAt also answers for paths inside an omitted or whole-list field; the reference looks rules up by exact path. */
    private boolean isExactRule(List<String> path) {
        for (int i = 1; i < path.size(); i++) {
            MergeRules.PathRule above = ruleAt(path.subList(0, i));
            if (above == MergeRules.PathRule.OMIT_WHEN_MERGED || above == MergeRules.PathRule.WHOLE_LIST_MERGE) {
                return false;
            }
        }
        return true;
    }

    // ---- unflatten ----------------------------------------------------------------------------

    private ObjectNode unflatten(Map<List<String>, Entry> data) {
        ObjectNode root = NODES.objectNode();
        Map<List<String>, ObjectNode> identifiers = new HashMap<>();
        for (Map.Entry<List<String>, Entry> e : data.entrySet()) {
            List<Part> key = e.getValue().parts;
            JsonNode current = root;
            for (int end = 1; end <= key.size(); end++) {
                Part part = key.get(end - 1);
                if (part.element) {
                    List<String> idPath = new ArrayList<>(e.getKey().subList(0, end - 1));
                    idPath.add(part.text);
                    ObjectNode node = identifiers.get(idPath);
                    if (node == null) {
                        node = NODES.objectNode();
                        if (part.originalId != null) {
                            node.set("id", part.originalId);
                        }
                        identifiers.put(idPath, node);
                        if (current instanceof ArrayNode && !(current instanceof Built)) {
                            throw new Undefined("objects appended to a literal list at " + idPath);
                        }
                        if (!(current instanceof Built array)) {
                            throw new Undefined("InconsistentTypeError: an earlier release had an object at " + idPath);
                        }
                        array.add(node);
                    }
                    current = node;
                } else if (!current.isObject()) {
                    throw new Undefined("InconsistentTypeError: an earlier release had a value at " + e.getKey());
                } else if (current.has(part.text)) {
                    current = current.get(part.text);
                } else if (end < key.size()) {
                    JsonNode child = key.get(end).element ? new Built() : NODES.objectNode();
                    ((ObjectNode) current).set(part.text, child);
                    current = child;
                } else {
                    Object value = e.getValue().value;
                    if (value instanceof List<?> history) {
                        ArrayNode list = NODES.arrayNode();
                        history.forEach(v -> list.add((JsonNode) v));
                        ((ObjectNode) current).set(part.text, list);
                    } else if (value != null && !((JsonNode) value).isNull()) {
                        ((ObjectNode) current).set(part.text, (JsonNode) value);
                    }
                }
            }
        }
        return root;
    }

    /** An array made by unflatten (as opposed to a literal list value). */
    private static final class Built extends ArrayNode {
        private static final long serialVersionUID = 1L;

        Built() {
            super(NODES);
        }
    }
}
