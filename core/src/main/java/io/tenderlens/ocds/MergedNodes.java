package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.LinkedHashMap;

/**
 * The nodes a merge builds. They are the output itself (plain Jackson nodes to every reader), and
 * carry what the merge needs to find its way back: which merge made them (so that a node of an
 * earlier output fed back in as input is taken as data), the id an array element is matched by,
 * the latest versioned value. Input values are shared, not copied.
 */
final class MergedNodes {
    private MergedNodes() {}

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** An object whose fields are merged one by one. */
    static class MergedObject extends ObjectNode {
        private static final long serialVersionUID = 1L;
        final transient Object owner;

        /** @param expectedFields how many fields it will likely get (sizes the map once, no rehashing) */
        MergedObject(Object owner, int expectedFields) {
            super(NODES, new LinkedHashMap<>(expectedFields < 3 ? 4 : expectedFields * 4 / 3 + 1));
            this.owner = owner;
        }
    }

    /** An element of an identifier-merged array. */
    static final class MergedElement extends MergedObject {
        private static final long serialVersionUID = 1L;
        /** What the element is matched by (typed id, position), or null: never matched. */
        final transient Object key;
        /** Whether the {@code id} field is the element's identity (written once) rather than a merged field. */
        final boolean fixedId;
        /** The number of the input array that last merged into this element, to spot duplicate ids. */
        int visit;

        MergedElement(Object owner, Object key, JsonNode id, int expectedFields) {
            super(owner, expectedFields);
            this.key = key;
            this.fixedId = id != null && !id.isNull();
            if (fixedId) {
                set("id", id);
            }
        }
    }

    /** An array of objects merged by identifier (or by position). */
    static final class MergedArray extends ArrayNode {
        private static final long serialVersionUID = 1L;
        private static final int SCAN_LIMIT = 8;
        final transient Object owner;
        private transient HashMap<Object, MergedElement> index;

        MergedArray(Object owner, int expectedElements) {
            super(NODES, expectedElements);
            this.owner = owner;
        }

        MergedElement find(Object key) {
            if (index != null) {
                return index.get(key);
            }
            for (int i = 0, n = size(); i < n; i++) {
                MergedElement element = (MergedElement) get(i);
                if (key.equals(element.key)) {
                    return element;
                }
            }
            return null;
        }

        void addElement(MergedElement element) {
            add(element);
            if (element.key == null) {
                return;
            }
            if (index != null) {
                index.putIfAbsent(element.key, element);
            } else if (size() > SCAN_LIMIT) {
                index = new HashMap<>();
                for (int i = 0, n = size(); i < n; i++) {
                    MergedElement e = (MergedElement) get(i);
                    if (e.key != null) {
                        index.putIfAbsent(e.key, e);
                    }
                }
            }
        }
    }

    /** A versioned value: {@code {releaseID, releaseDate, releaseTag, value}}. */
    static ObjectNode versionedValue(JsonNode releaseId, JsonNode releaseDate, JsonNode releaseTag, JsonNode value) {
        ObjectNode entry = new ObjectNode(NODES, new LinkedHashMap<>(8));
        entry.set("releaseID", releaseId);
        entry.set("releaseDate", releaseDate);
        entry.set("releaseTag", releaseTag);
        entry.set("value", value);
        return entry;
    }

    /** The versioned values of one field, oldest first. */
    static final class VersionHistory extends ArrayNode {
        private static final long serialVersionUID = 1L;
        final transient Object owner;
        transient JsonNode latest;
        /** The number of the release that added the latest value. */
        transient int latestRelease;

        VersionHistory(Object owner) {
            super(NODES, 2);
            this.owner = owner;
        }
    }
}
