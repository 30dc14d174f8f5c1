package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The OCDS merge rules of one release schema, precomputed as a tree that the merge walks beside
 * the data (one map lookup per field, no path strings).
 *
 * <p>Derived as the OCDS merging specification and ocds-merge 0.8.0 do: {@code $ref}s are
 * dereferenced locally (a {@code $ref} object is replaced by its target, its other keys ignored);
 * {@code omitWhenMerged} (1.1) or {@code "mergeStrategy": "ocdsOmit"} (1.0) drops a field and beats
 * every other rule; {@code wholeListMerge} (1.1) or {@code "mergeStrategy": "ocdsVersion"} (1.0) on
 * an array makes it one value and hides the rules nested in it; an array whose items are not all
 * objects, or whose item objects have no {@code id} property, is a literal too; arrays of objects
 * with an {@code id} are merged by identifier. Fields the schema does not know are judged by their
 * data during the merge.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MergeRules {

    /** The rule that applies at one path, as {@link #ruleAt} reports it. */
    public enum PathRule {
        /** Dropped from compiled and versioned releases. */
        OMIT_WHEN_MERGED,
        /** One value: a later release replaces the whole array (or object). */
        WHOLE_LIST_MERGE,
        /** An array of objects merged element by element, matching the {@code id}s. */
        IDENTIFIER_MERGE,
        /** An object whose fields are merged one by one. */
        OBJECT,
        /** A field the schema knows, with no special rule: merged as a value, or judged by its data. */
        VALUE,
        /** A path the schema does not describe: judged by its data. */
        UNKNOWN
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLED = "release-schema.json";

    private final JsonNode schema;
    private final Node root;
    private final List<Override> overrides;

    private record Override(List<String> path, ArrayMergeStrategy strategy) { }

    private MergeRules(JsonNode schema, List<Override> overrides) {
        this.schema = schema;
        this.overrides = List.copyOf(overrides);
        Node built = new SchemaWalker(schema).rootNode();
        for (Override o : this.overrides) {
            built = built.withStrategy(o.path, 0, o.strategy);
        }
        this.root = built;
    }

    /** The rules of the OCDS 1.1.5 release schema shipped in this jar (Apache-2.0, see NOTICE). */
    public static MergeRules bundled() {
        return Bundled.RULES;
    }

    private static final class Bundled {
        static final MergeRules RULES = fromSchema(readResource());

        private static JsonNode readResource() {
            try (InputStream in = MergeRules.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled OCDS release schema is missing from the classpath: "
                            + MergeRules.class.getPackageName().replace('.', '/') + "/" + BUNDLED);
                }
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled OCDS release schema", e);
            }
        }
    }

    /**
     * The rules of a release schema (any OCDS version, or a patched one).
     *
     * @throws IllegalArgumentException if the schema has no {@code properties} object or a {@code $ref}
     *                                  that is not a local JSON pointer into the schema
     */
    public static MergeRules fromSchema(JsonNode releaseSchema) {
        Objects.requireNonNull(releaseSchema, "releaseSchema");
        if (!releaseSchema.path("properties").isObject()) {
            throw new IllegalArgumentException("not a release schema: it has no \"properties\" object");
        }
        return new MergeRules(releaseSchema.deepCopy(), List.of());
    }

    /**
     * These rules with an extension applied: {@code releaseSchemaPatch} (an extension's
     * release-schema.json) is merged into the schema as a JSON merge patch (RFC 7386), as OCDS
     * extensions are, and the rules are derived again.
     */
    public MergeRules withExtension(JsonNode releaseSchemaPatch) {
        Objects.requireNonNull(releaseSchemaPatch, "releaseSchemaPatch");
        JsonNode patched = mergePatch(schema.deepCopy(), releaseSchemaPatch);
        if (!patched.path("properties").isObject()) {
            throw new IllegalArgumentException("the extension patch removes the schema's \"properties\"");
        }
        return new MergeRules(patched, overrides);
    }

    /**
     * These rules with the array at {@code path} (field names, no indices, e.g. {@code "awards", "items"})
     * merged by {@code strategy} instead of by identifier.
     */
    public MergeRules withArrayStrategy(ArrayMergeStrategy strategy, String... path) {
        Objects.requireNonNull(strategy, "strategy");
        if (path.length == 0) {
            throw new IllegalArgumentException("an array strategy needs a path");
        }
        List<Override> more = new ArrayList<>(overrides);
        more.add(new Override(List.of(path), strategy));
        return new MergeRules(schema, more);
    }

    /** The release schema these rules come from (a copy). */
    public JsonNode schema() {
        return schema.deepCopy();
    }

    /**
     * The rule the schema gives at a path of field names (no array indices), e.g. {@code "tender", "items"}.
     * A path inside an omitted field or a whole-list value gets that rule.
     */
    public PathRule ruleAt(String... path) {
        Node node = root;
        for (String name : path) {
            node = node.child(name);
            if (node == null) {
                return PathRule.UNKNOWN;
            }
            if (node.omit) {
                return PathRule.OMIT_WHEN_MERGED;
            }
            if (node.wholeList) {
                return PathRule.WHOLE_LIST_MERGE;
            }
        }
        return switch (node.shape) {
            case OBJECT -> PathRule.OBJECT;
            case IDENTIFIER_ARRAY -> PathRule.IDENTIFIER_MERGE;
            case VALUE -> PathRule.VALUE;
        };
    }

    Node root() {
        return root;
    }

    // ---------------------------------------------------------------------------------------------

    enum Shape { VALUE, OBJECT, IDENTIFIER_ARRAY }

    /** The rules at one path: its own rule, and the rules of its fields (or of its items' fields). */
    static final class Node {
        static final Map<String, Node> NONE = Map.of();

        final boolean omit;
        final boolean wholeList;
        final Shape shape;
        /** Set only on override paths; null means identifier merge. */
        final ArrayMergeStrategy strategy;
        /** Shared between paths that use the same schema definition (may form cycles). */
        Map<String, Node> children;

        Node(boolean omit, boolean wholeList, Shape shape, ArrayMergeStrategy strategy, Map<String, Node> children) {
            this.omit = omit;
            this.wholeList = wholeList;
            this.shape = shape;
            this.strategy = strategy;
            this.children = children;
        }

        Node child(String name) {
            return children.get(name);
        }

        /** A copy of this node with {@code strategy} set at {@code path[from..]}, copying only the nodes on the path. */
        Node withStrategy(List<String> path, int from, ArrayMergeStrategy strategy) {
            if (from == path.size()) {
                return new Node(omit, wholeList, shape, strategy, children);
            }
            Map<String, Node> copy = new HashMap<>(children);
            Node child = children.get(path.get(from));
            if (child == null) {
                child = new Node(false, false, Shape.VALUE, null, NONE);
            }
            copy.put(path.get(from), child.withStrategy(path, from + 1, strategy));
            return new Node(omit, wholeList, shape, this.strategy, Collections.unmodifiableMap(copy));
        }
    }

    /** Walks a schema, resolving {@code $ref}s on the way, memoising the rules of each properties object. */
    private static final class SchemaWalker {
        private final JsonNode schema;
        private final Map<JsonNode, Map<String, Node>> byProperties = new IdentityHashMap<>();

        SchemaWalker(JsonNode schema) {
            this.schema = schema;
        }

        Node rootNode() {
            return new Node(false, false, Shape.OBJECT, null, fields(deref(schema.get("properties"))));
        }

        private Map<String, Node> fields(JsonNode properties) {
            if (properties == null || !properties.isObject()) {
                return Node.NONE;
            }
            Map<String, Node> known = byProperties.get(properties);
            if (known != null) {
                return known;
            }
            Map<String, Node> map = new HashMap<>();
            byProperties.put(properties, map); // before recursing, so a definition that contains itself terminates
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode property = deref(field.getValue());
                if (property.isObject()) {
                    map.put(field.getKey(), node(property));
                }
            }
            return map;
        }

        private Node node(JsonNode property) {
            List<String> types = types(property);
            String strategy = property.path("mergeStrategy").asText("");
            if (truthy(property.get("omitWhenMerged")) || strategy.equals("ocdsOmit")) {
                return new Node(true, false, Shape.VALUE, null, Node.NONE);
            }
            if (types.contains("array") && (truthy(property.get("wholeListMerge")) || strategy.equals("ocdsVersion"))) {
                return wholeList();
            }
            if (types.contains("object") && property.has("properties")) {
                return new Node(false, false, Shape.OBJECT, null, fields(deref(property.get("properties"))));
            }
            if (types.contains("array") && property.has("items")) {
                JsonNode items = deref(property.get("items"));
                if (!items.isObject()) {
                    return value();
                }
                List<String> itemTypes = types(items);
                for (String t : itemTypes) {
                    if (!t.equals("object")) {
                        return wholeList();
                    }
                }
                if (itemTypes.contains("object") && items.has("properties")) {
                    JsonNode itemProperties = deref(items.get("properties"));
                    if (!itemProperties.has("id")) {
                        return wholeList();
                    }
                    return new Node(false, false, Shape.IDENTIFIER_ARRAY, null, fields(itemProperties));
                }
            }
            return value();
        }

        private static Node value() {
            return new Node(false, false, Shape.VALUE, null, Node.NONE);
        }

        private static Node wholeList() {
            return new Node(false, true, Shape.VALUE, null, Node.NONE);
        }

        private static List<String> types(JsonNode property) {
            JsonNode type = property.get("type");
            if (type == null) {
                return List.of();
            }
            if (type.isTextual()) {
                return List.of(type.asText());
            }
            List<String> list = new ArrayList<>();
            for (JsonNode t : type) {
                list.add(t.asText());
            }
            return list;
        }

        /** Follows {@code $ref}s (a chain of them too) to the node they point to. */
        private JsonNode deref(JsonNode node) {
            if (node == null) {
                return null;
            }
            int hops = 0;
            while (node.isObject() && node.get("$ref") != null && node.get("$ref").isTextual()) {
                if (++hops > 64) {
                    throw new IllegalArgumentException("$ref cycle in the release schema at " + node.get("$ref").asText());
                }
                node = resolve(node.get("$ref").asText());
            }
            return node;
        }

        private JsonNode resolve(String ref) {
            if (!ref.startsWith("#")) {
                throw new IllegalArgumentException("the release schema refers to an external schema (" + ref
                        + "); only local references (#/definitions/...) are supported: dereference it first");
            }
            String pointer = URLDecoder.decode(ref.substring(1), StandardCharsets.UTF_8);
            JsonNode target = pointer.isEmpty() ? schema : schema.at(pointer);
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("the release schema's $ref " + ref + " points to nothing");
            }
            return target;
        }
    }

    /** Python truthiness, as ocds-merge tests {@code value.get("omitWhenMerged")}. */
    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return value.size() > 0;
    }

    /** RFC 7386 JSON merge patch: objects merge key by key, {@code null} deletes, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}
