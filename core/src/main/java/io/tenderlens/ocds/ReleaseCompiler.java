package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tenderlens.ocds.MergedNodes.MergedArray;
import io.tenderlens.ocds.MergedNodes.MergedElement;
import io.tenderlens.ocds.MergedNodes.MergedObject;
import io.tenderlens.ocds.MergedNodes.VersionHistory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges the releases of one ocid into a compiled release or a versioned release by the OCDS merge
 * rules, with the results of the reference implementation (ocds-merge 0.8.0, as ocdskit 1.7 uses it).
 *
 * <ul>
 *   <li>Releases are sorted by {@code date} compared as plain text (not as instants), stably: releases
 *       with the same date keep their order and the later one wins. A single release is not sorted.</li>
 *   <li>Compiled: a {@code null} removes the field (its parent object stays, possibly empty); an empty
 *       object or an empty identifier-merge array adds nothing; literals (scalars, whole-list arrays,
 *       arrays holding a non-object) are replaced whole; arrays of objects are merged by {@code id},
 *       compared with its JSON type ({@code 1} and {@code "1"} differ); objects without {@code id} are
 *       always appended. The result has {@code tag: ["compiled"]}, {@code date} of the latest release
 *       and {@code id = "{ocid}-{date}"}.</li>
 *   <li>Versioned: every merged value becomes a list of {@code {releaseID, releaseDate, releaseTag, value}},
 *       oldest first, with a new entry only when the value changes (Python equality); {@code ocid} and the
 *       {@code id} of array elements stay plain values.</li>
 * </ul>
 *
 * <p>Nothing aborts a merge. These are reported to {@link MergeWarnings}, once per distinct message and call:
 * duplicate ids in one array (ocdskit's wording), missing, null or non-text dates (those releases are merged
 * first, in input order), releases with equal dates, and a field that is an object in one release but a
 * value or an array in another (the object or array is kept, as the reference keeps it when it comes first;
 * where the reference would stop with InconsistentTypeError we keep the object or array too).
 *
 * <p>Where it differs from the reference, knowingly: ids of different JSON types with the same text
 * ({@code 1} and {@code "1"}) in one array stay separate elements (the reference writes their common
 * fields into the first one; both warn about them as duplicates within a release); where the reference
 * stops (InconsistentTypeError) or appends merged objects to an earlier literal list or versioned history,
 * the object or array is kept and a warning given; the order of keys inside objects may differ (JSON
 * equality is unaffected).
 *
 * <p>The results share nodes with the input releases (a compiled release holds every input subtree that
 * merging leaves unchanged as it is, not a copy): treat inputs and results as read-only afterwards, or
 * deep-copy. A compiler is immutable and safe to use from several threads.
 */
public final class ReleaseCompiler {
    private static final Object NULL_ID = new Object() {
        @Override
        public String toString() {
            return "null id";
        }
    };

    /** Markers of {@code unchangedOrMergedValue} (compared by identity): nothing written; a null written. */
    private static final JsonNode NOTHING = new TextNode("nothing written");
    private static final JsonNode WROTE_NULL = new TextNode("null written");

    private final MergeRules rules;
    private final MergeWarnings warnings;

    public ReleaseCompiler(MergeRules rules, MergeWarnings warnings) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** Both results of one merge, sharing the sort and the warnings. */
    public record Merged(ObjectNode compiled, ObjectNode versioned) { }

    /** The compiled release of {@code releasesOfOneOcid}, given in any order. */
    public ObjectNode compile(List<ObjectNode> releasesOfOneOcid) {
        Run run = new Run(releasesOfOneOcid);
        return run.compiled(run.sorted(releasesOfOneOcid));
    }

    /** The versioned release of {@code releasesOfOneOcid}, given in any order. */
    public ObjectNode versioned(List<ObjectNode> releasesOfOneOcid) {
        Run run = new Run(releasesOfOneOcid);
        return run.versioned(run.sorted(releasesOfOneOcid));
    }

    /** The compiled and the versioned release at once (each warning reported once for both). */
    public Merged compileAndVersion(List<ObjectNode> releasesOfOneOcid) {
        Run run = new Run(releasesOfOneOcid);
        List<ObjectNode> sorted = run.sorted(releasesOfOneOcid);
        return new Merged(run.compiled(sorted), run.versioned(sorted));
    }

    /** The state of one call: the owner of the nodes it builds, the field path for messages, the warnings given. */
    private final class Run {
        private final String ocid;
        private Set<String> warned;
        private String[] path = new String[16];
        private int visits;
        private boolean versioned;
        /** Of the release being merged, for versioned values. */
        private JsonNode releaseId;
        private JsonNode releaseDate;
        private JsonNode releaseTag;
        private int releaseNumber;

        Run(List<ObjectNode> releases) {
            this.ocid = releases.isEmpty() ? "None" : PythonValues.str(releases.get(0).get("ocid"));
        }

        // ---- sorting ---------------------------------------------------------------------------

        List<ObjectNode> sorted(List<ObjectNode> releases) {
            int n = releases.size();
            if (n < 2) {
                return releases;
            }
            List<ObjectNode> undated = null;
            List<ObjectNode> dated = new ArrayList<>(n);
            boolean ordered = true;
            String previous = null;
            for (ObjectNode release : releases) {
                JsonNode date = release.get("date");
                if (date == null || !date.isTextual()) {
                    if (undated == null) {
                        undated = new ArrayList<>();
                    }
                    undated.add(release);
                    warn("The `date` field of at least one release is " + (date == null ? "missing"
                            : date.isNull() ? "null" : "not a string") + " (release id " + idText(release)
                            + "): it is merged before the releases that have a date");
                    continue;
                }
                if (previous != null && compareText(previous, date.textValue()) > 0) {
                    ordered = false;
                }
                previous = date.textValue();
                dated.add(release);
            }
            if (!ordered) {
                dated.sort((a, b) -> compareText(a.get("date").textValue(), b.get("date").textValue()));
            }
            warnEqualDates(dated);
            if (undated == null) {
                return dated;
            }
            undated.addAll(dated);
            return undated;
        }

        private void warnEqualDates(List<ObjectNode> dated) {
            for (int i = 0; i < dated.size() - 1; ) {
                String date = dated.get(i).get("date").textValue();
                int j = i + 1;
                while (j < dated.size() && dated.get(j).get("date").textValue().equals(date)) {
                    j++;
                }
                if (j - i > 1) {
                    StringBuilder ids = new StringBuilder();
                    for (int k = i; k < j; k++) {
                        ids.append(k == i ? "" : k == j - 1 ? " and " : ", ").append(idText(dated.get(k)));
                    }
                    warn((j - i) + " releases have the same `date` value " + PythonValues.repr(date) + " (release ids "
                            + ids + "): they are merged in the order given, so the later one wins");
                }
                i = j;
            }
        }

        private String idText(ObjectNode release) {
            JsonNode id = release.get("id");
            return id != null && id.isTextual() ? PythonValues.repr(id.textValue()) : PythonValues.str(id);
        }

        // ---- the two outputs -------------------------------------------------------------------

        ObjectNode compiled(List<ObjectNode> sorted) {
            versioned = false;
            MergedObject root = new MergedObject(this, sorted.isEmpty() ? 4 : sorted.get(0).size() + 4);
            root.set("tag", root.arrayNode(1).add("compiled"));
            for (ObjectNode release : sorted) {
                JsonNode ocidValue = release.get("ocid");
                JsonNode date = release.get("date");
                root.set("id", TextNode.valueOf(PythonValues.str(ocidValue) + "-" + PythonValues.str(date)));
                setOrRemove(root, "date", date);
                setOrRemove(root, "ocid", ocidValue);
                mergeRelease(root, release);
            }
            return root;
        }

        ObjectNode versioned(List<ObjectNode> sorted) {
            versioned = true;
            MergedObject root = new MergedObject(this, sorted.isEmpty() ? 4 : sorted.get(0).size());
            for (ObjectNode release : sorted) {
                setOrRemove(root, "ocid", release.get("ocid"));
                releaseId = orNull(release.get("id"));
                releaseDate = orNull(release.get("date"));
                releaseTag = orNull(release.get("tag"));
                releaseNumber++;
                mergeRelease(root, release);
            }
            return root;
        }

        private void setOrRemove(ObjectNode target, String name, JsonNode value) {
            if (value == null || value.isNull()) {
                target.remove(name);
            } else {
                target.set(name, value);
            }
        }

        private JsonNode orNull(JsonNode value) {
            return value == null ? NullNode.instance : value;
        }

        /** The top level: {@code tag} is metadata, never merged; in a versioned release {@code ocid} stays plain. */
        private void mergeRelease(MergedObject root, ObjectNode release) {
            Map<String, MergeRules.Node> fields = rules.root().children;
            for (Map.Entry<String, JsonNode> field : release.properties()) {
                String name = field.getKey();
                if (name.equals("tag") || (versioned && name.equals("ocid"))) {
                    continue;
                }
                MergeRules.Node rule = fields.get(name);
                if (rule != null && rule.omit) {
                    continue;
                }
                path[0] = name;
                mergeField(root, name, field.getValue(), rule, 0);
            }
        }

        // ---- the merge -------------------------------------------------------------------------
        //
        // Compiled releases share every input subtree that merging would leave as it is (no null, no
        // empty or omitted field, no duplicate id, no element that vanishes): such a subtree is put in
        // the output as it is, and copied (one level at a time) only when a later release merges into it.
        // In the output, an object at a path that is not a whole list is therefore a container, ours or
        // shared; so is an array whose items are all objects.

        /** Merges one input field into {@code target}; true if it wrote anything (even a null). */
        private boolean mergeField(ObjectNode target, String name, JsonNode value, MergeRules.Node rule, int depth) {
            if (value instanceof ObjectNode) {
                if (rule != null && rule.wholeList) {
                    return leaf(target, name, value, rule, depth);
                }
                return !value.isEmpty() && mergeObjectField(target, name, (ObjectNode) value, rule, depth);
            }
            if (value instanceof ArrayNode) {
                if (rule != null && rule.wholeList || !allObjects(value)) {
                    return leaf(target, name, value, rule, depth);
                }
                return !value.isEmpty() && mergeArrayField(target, name, (ArrayNode) value, rule, depth);
            }
            return leaf(target, name, value, rule, depth);
        }

        private boolean allObjects(JsonNode array) {
            for (int i = 0, n = array.size(); i < n; i++) {
                if (!(array.get(i) instanceof ObjectNode)) {
                    return false;
                }
            }
            return true;
        }

        private boolean mergeObjectField(ObjectNode target, String name, ObjectNode value, MergeRules.Node rule, int depth) {
            JsonNode existing = target.get(name);
            if (existing instanceof MergedObject merged && merged.owner == this) {
                return mergeObject(merged, value, rule, depth + 1);
            }
            if (!versioned && existing != null && existing instanceof ObjectNode) {
                MergedObject copy = copyOf((ObjectNode) existing);
                target.set(name, copy);
                return mergeObject(copy, value, rule, depth + 1);
            }
            JsonNode merged;
            if (!versioned) {
                merged = unchangedOrMerged(value, rule, depth + 1);
                if (merged == NOTHING) {
                    return false;
                }
            } else {
                MergedObject child = new MergedObject(this, value.size());
                if (!mergeObject(child, value, rule, depth + 1)) {
                    return false;
                }
                merged = child;
            }
            if (existing != null) {
                inconsistent(existing, "an object", depth);
            }
            target.set(name, merged);
            return true;
        }

        private boolean mergeObject(MergedObject target, ObjectNode input, MergeRules.Node rule, int depth) {
            // an id that identifies an array element was written once, at the element's creation
            boolean fixedId = target instanceof MergedElement element && element.fixedId;
            Map<String, MergeRules.Node> fields = rule == null ? MergeRules.Node.NONE : rule.children;
            boolean wrote = false;
            for (Map.Entry<String, JsonNode> field : input.properties()) {
                String name = field.getKey();
                MergeRules.Node child = fields.isEmpty() ? null : fields.get(name);
                if (child != null && child.omit) {
                    continue;
                }
                if (fixedId && name.equals("id")) {
                    wrote = true;
                    continue;
                }
                pathAt(depth, name);
                wrote |= mergeField(target, name, field.getValue(), child, depth);
            }
            return wrote;
        }

        private boolean mergeArrayField(ObjectNode target, String name, ArrayNode value, MergeRules.Node rule, int depth) {
            JsonNode existing = target.get(name);
            if (existing instanceof MergedArray merged && merged.owner == this) {
                return mergeArray(merged, value, rule, depth);
            }
            if (!versioned && existing != null && existing instanceof ArrayNode && allObjects(existing)) {
                MergedArray copy = copyOf((ArrayNode) existing);
                target.set(name, copy);
                return mergeArray(copy, value, rule, depth);
            }
            JsonNode merged = versioned ? mergedArray(value, rule, depth) : unchangedOrMergedArray(value, rule, depth);
            if (merged == NOTHING) {
                return false;
            }
            if (existing != null) {
                inconsistent(existing, "an array of objects", depth);
            }
            target.set(name, merged);
            return true;
        }

        private boolean mergeArray(MergedArray target, ArrayNode input, MergeRules.Node rule, int depth) {
            return mergeArray(target, input, rule, depth, 0, ++visits);
        }

        /** A new array holding {@code input} merged into nothing, or {@link #NOTHING}. */
        private JsonNode mergedArray(JsonNode input, MergeRules.Node rule, int depth) {
            MergedArray array = new MergedArray(this, input.size());
            return mergeArray(array, (ArrayNode) input, rule, depth) ? array : NOTHING;
        }

        /**
         * Merges the objects of {@code input} from index {@code from} on, as part of the input array
         * numbered {@code visit} (elements stamped with it were seen in this same array: a duplicate id).
         */
        private boolean mergeArray(MergedArray target, ArrayNode input, MergeRules.Node rule, int depth, int from, int visit) {
            ArrayMergeStrategy strategy = rule == null ? null : rule.strategy;
            Set<String> overrideIds = null;
            boolean otherTypes = false; // an id that is not text was seen in this array
            for (int i = 0; i < from && !otherTypes; i++) {
                JsonNode id = input.get(i).get("id");
                otherTypes = id != null && !id.isTextual();
            }
            boolean wrote = false;
            for (int i = from, n = input.size(); i < n; i++) {
                ObjectNode item = (ObjectNode) input.get(i);
                JsonNode id = item.get("id");
                MergedElement element = null;
                if (strategy == null) {
                    if (id != null) {
                        element = target.find(idKey(id));
                        // the reference warns on ids equal as text: with text ids only, that is the element found
                        boolean textOnly = !otherTypes && id.isTextual();
                        if (textOnly ? element != null && element.visit == visit : sameText(target, id, visit)) {
                            duplicateId(id, depth);
                        }
                        otherTypes |= !id.isTextual();
                    }
                } else {
                    if (id != null) {
                        if (overrideIds == null) {
                            overrideIds = new HashSet<>();
                        }
                        if (!overrideIds.add(PythonValues.str(id))) {
                            duplicateId(id, depth);
                        }
                    }
                    if (strategy == ArrayMergeStrategy.MERGE_BY_POSITION) {
                        element = target.find(i);
                    }
                }
                boolean created = element == null;
                if (created) {
                    Object key = strategy == ArrayMergeStrategy.MERGE_BY_POSITION ? (Object) i
                            : strategy == null && id != null ? idKey(id) : null;
                    element = new MergedElement(this, key, id, item.size());
                }
                element.visit = visit;
                boolean w = mergeObject(element, item, rule, depth + 1);
                if (created && w) {
                    target.addElement(element);
                }
                wrote |= w;
            }
            return wrote;
        }

        /** Writes a literal: compiled, the last one wins and null removes; versioned, a new value when it changed. */
        private boolean leaf(ObjectNode target, String name, JsonNode value, MergeRules.Node rule, int depth) {
            if (!versioned) {
                boolean literalPath = rule != null && rule.wholeList;
                if (value instanceof NullNode) {
                    JsonNode existing = target.get(name);
                    if (existing != null && (literalPath || !isContainer(existing))) {
                        target.remove(name);
                    }
                    return true;
                }
                // one map operation in the usual case; a container found in the way is put back
                JsonNode replaced = target.replace(name, value);
                if (replaced != null && !literalPath && isContainer(replaced)) {
                    target.set(name, replaced);
                    ignored(replaced, value, depth);
                }
                return true;
            }
            JsonNode existing = target.get(name);
            if (existing instanceof VersionHistory history && history.owner == this) {
                if (history.latestRelease == releaseNumber) {
                    // the same field again in this release (duplicate ids): it counts once, with its last value
                    history.remove(history.size() - 1);
                    history.latestRelease = 0; // what remains came from earlier releases
                    if (history.isEmpty()) {
                        append(history, value);
                        return true;
                    }
                    history.latest = history.get(history.size() - 1).get("value");
                }
                if (!PythonValues.equal(history.latest, value)) {
                    append(history, value);
                }
            } else if (existing == null) {
                VersionHistory history = new VersionHistory(this);
                append(history, value);
                target.set(name, history);
            } else if (!value.isNull()) {
                ignored(existing, value, depth);
            }
            return true;
        }

        private void append(VersionHistory history, JsonNode value) {
            history.add(MergedNodes.versionedValue(releaseId, releaseDate, releaseTag, value));
            history.latest = value;
            history.latestRelease = releaseNumber;
        }

        /** In a compiled release, at a path that is not a whole list: whether a value already there is an object or array of objects. */
        private boolean isContainer(JsonNode node) {
            return node instanceof ObjectNode || node instanceof ArrayNode && !node.isEmpty() && allObjects(node);
        }

        // ---- sharing unchanged input (compiled releases only) ----------------------------------

        /**
         * An input object merged into nothing: the input itself when merging leaves it as it is, else a new
         * object holding the merged fields (sharing the unchanged ones); {@link #NOTHING} when nothing at all
         * is written.
         */
        private JsonNode unchangedOrMerged(ObjectNode input, MergeRules.Node rule, int depth) {
            Map<String, MergeRules.Node> fields = rule == null ? MergeRules.Node.NONE : rule.children;
            MergedObject built = null;
            boolean wrote = false;
            int seen = 0;
            for (Map.Entry<String, JsonNode> field : input.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                MergeRules.Node child = fields.isEmpty() ? null : fields.get(name);
                JsonNode out;
                if (child != null && child.omit) {
                    out = NOTHING;
                } else {
                    pathAt(depth, name);
                    out = unchangedOrMergedValue(value, child, depth);
                }
                if (out == value) {
                    if (built != null) {
                        built.set(name, value);
                    }
                    wrote = true;
                } else {
                    if (built == null) {
                        built = startCopy(input, seen);
                    }
                    if (out != NOTHING) {
                        wrote = true;
                        if (out != WROTE_NULL) {
                            built.set(name, out);
                        }
                    }
                }
                seen++;
            }
            if (!wrote) {
                return NOTHING;
            }
            return built == null ? input : built;
        }

        private JsonNode unchangedOrMergedValue(JsonNode value, MergeRules.Node rule, int depth) {
            if (value instanceof ObjectNode) {
                if (rule != null && rule.wholeList) {
                    return value;
                }
                if (value.isEmpty()) {
                    return NOTHING;
                }
                return unchangedOrMerged((ObjectNode) value, rule, depth + 1);
            }
            if (value instanceof ArrayNode) {
                if (rule != null && rule.wholeList || !allObjects(value)) {
                    return value;
                }
                if (value.isEmpty()) {
                    return NOTHING;
                }
                return unchangedOrMergedArray(value, rule, depth);
            }
            return value instanceof NullNode ? WROTE_NULL : value;
        }

        /** The first {@code count} fields of {@code input}, which merging left as they are. */
        private MergedObject startCopy(ObjectNode input, int count) {
            MergedObject built = new MergedObject(this, input.size());
            Iterator<Map.Entry<String, JsonNode>> fields = input.properties().iterator();
            for (int i = 0; i < count; i++) {
                Map.Entry<String, JsonNode> field = fields.next();
                built.set(field.getKey(), field.getValue());
            }
            return built;
        }

        /**
         * A non-empty identifier-merged array merged into nothing: the input itself when merging leaves it as
         * it is, else a new array (its unchanged objects copied one level deep), or {@link #NOTHING}.
         */
        private JsonNode unchangedOrMergedArray(JsonNode input, MergeRules.Node rule, int depth) {
            if (rule != null && rule.strategy != null) {
                return mergedArray(input, rule, depth);
            }
            int n = input.size();
            int changed = firstChange(input, rule, depth);
            if (changed == n) {
                return input;
            }
            MergedArray array = new MergedArray(this, n);
            int visit = ++visits;
            for (int i = 0; i < changed; i++) {
                array.addElement(elementOf((ObjectNode) input.get(i), visit));
            }
            boolean wrote = mergeArray(array, (ArrayNode) input, rule, depth, changed, visit);
            return wrote || changed > 0 ? array : NOTHING;
        }

        /**
         * The index of the first object of an identifier-merged array that merging would change (or the array's
         * size if none): one whose id is null, not a value, already seen or of another type than the ids before
         * it, or whose fields merging changes.
         * Until then no warning can arise either.
         */
        private int firstChange(JsonNode array, MergeRules.Node rule, int depth) {
            int n = array.size();
            Object[] keys = null;
            Set<Object> keySet = null;
            boolean text = false;
            boolean other = false;
            for (int i = 0; i < n; i++) {
                ObjectNode item = (ObjectNode) array.get(i);
                JsonNode id = item.get("id");
                if (id != null) {
                    if (id.isNull() || id.isContainerNode()) {
                        return i;
                    }
                    text |= id.isTextual();
                    other |= !id.isTextual();
                    if (text && other) {
                        return i; // ids of several types: the reference may see duplicates by their text
                    }
                    Object key = idKey(id);
                    if (n <= 8) {
                        if (keys == null) {
                            keys = new Object[n];
                        }
                        for (int j = 0; j < i; j++) {
                            if (key.equals(keys[j])) {
                                return i;
                            }
                        }
                        keys[i] = key;
                    } else {
                        if (keySet == null) {
                            keySet = new HashSet<>(n * 2);
                        }
                        if (!keySet.add(key)) {
                            return i;
                        }
                    }
                }
                if (unchangedOrMerged(item, rule, depth + 1) != item) {
                    return i;
                }
            }
            return n;
        }

        /** An element holding the fields of an unchanged input object, shared. */
        private MergedElement elementOf(ObjectNode item, int visit) {
            JsonNode id = item.get("id");
            MergedElement element = new MergedElement(this, id == null ? null : idKey(id), id, item.size() + 2);
            element.setAll(item);
            element.visit = visit;
            return element;
        }

        /** Our own copy of a shared object, one level deep, to merge a later release into. */
        private MergedObject copyOf(ObjectNode shared) {
            MergedObject copy = new MergedObject(this, shared.size() + 2);
            copy.setAll(shared);
            return copy;
        }

        /** Our own copy of a shared identifier-merged array: its objects become elements, their fields still shared. */
        private MergedArray copyOf(ArrayNode shared) {
            MergedArray copy = new MergedArray(this, shared.size() + 2);
            for (int i = 0, n = shared.size(); i < n; i++) {
                copy.addElement(elementOf((ObjectNode) shared.get(i), 0));
            }
            return copy;
        }

        // ---- ids ---------------------------------------------------------------------------------

        /** Whether an element already met in this same input array has an id with the same text ({@code 1}, {@code "1"}). */
        private boolean sameText(MergedArray target, JsonNode id, int visit) {
            String text = PythonValues.str(id);
            for (int i = 0, n = target.size(); i < n; i++) {
                MergedElement element = (MergedElement) target.get(i);
                if (element.visit == visit && element.key != null
                        && text.equals(element.fixedId ? PythonValues.str(element.get("id")) : "None")) {
                    return true;
                }
            }
            return false;
        }

        /** What an element is matched by: its id with its JSON type (numbers by value, as Python compares them). */
        private Object idKey(JsonNode id) {
            if (id.isTextual()) {
                return id.textValue();
            }
            if (id.isNull()) {
                return NULL_ID;
            }
            if (id.isBoolean()) {
                return id.booleanValue() ? 1L : 0L;
            }
            if (id.isIntegralNumber()) {
                return id.canConvertToLong() ? (Object) id.longValue() : id.bigIntegerValue();
            }
            if (id.isNumber()) {
                BigDecimal value = id.isBigDecimal() ? id.decimalValue() : new BigDecimal(id.doubleValue());
                try {
                    return value.longValueExact();
                } catch (ArithmeticException notIntegral) {
                    return value.stripTrailingZeros();
                }
            }
            return id; // an object or array as id: matched by equal content
        }

        // ---- warnings ----------------------------------------------------------------------------

        private void pathAt(int depth, String name) {
            if (depth >= path.length) {
                path = Arrays.copyOf(path, path.length * 2);
            }
            path[depth] = name;
        }

        private String dotted(int depth) {
            return String.join(".", Arrays.asList(path).subList(0, depth + 1));
        }

        private void duplicateId(JsonNode id, int depth) {
            warn("Multiple objects have the `id` value " + PythonValues.repr(PythonValues.str(id)) + " in the `"
                    + dotted(depth) + "` array");
        }

        private void inconsistent(JsonNode earlier, String now, int depth) {
            warn("An earlier release had " + describe(earlier) + " for /" + dotted(depth).replace('.', '/')
                    + ", but the current release has " + now + ": the " + (now.startsWith("an object") ? "object" : "array")
                    + " is kept");
        }

        private void ignored(JsonNode kept, JsonNode value, int depth) {
            warn("An earlier release had " + describe(kept) + " for /" + dotted(depth).replace('.', '/')
                    + ", but the current release has the value " + shortRepr(value) + ": the value is ignored");
        }

        private String describe(JsonNode node) {
            if (node instanceof VersionHistory history) {
                return "the value " + shortRepr(history.latest);
            }
            if (node.isObject()) {
                return "an object";
            }
            return isContainer(node) ? "an array of objects" : "the value " + shortRepr(node);
        }

        private String shortRepr(JsonNode value) {
            String repr = PythonValues.repr(value);
            return repr.length() > 80 ? repr.substring(0, 77) + "..." : repr;
        }

        private void warn(String message) {
            if (warned == null) {
                warned = new HashSet<>();
            }
            if (warned.add(message)) {
                warnings.warn(ocid, message);
            }
        }
    }

    /** Python's order of strings (by code point), which differs from {@link String#compareTo} only beyond the BMP. */
    static int compareText(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }
}
