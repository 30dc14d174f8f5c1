package io.tenderlens.notice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The release's {@code provenance} list: for each derived value, the words it came from and the rule that read them.
 * The {@code id} is the value's JSON path; when several rules contributed to one value (the title's notice type, then
 * every lot failed), the further entries are {@code path#2}, {@code path#3} …, because OCDS merges arrays of objects
 * by id and an id must be unique within a release.
 */
final class Provenance {
    private static final int MAX_TEXT = 300;
    private final ArrayNode entries = JsonNodeFactory.instance.arrayNode();
    private final Map<String, Integer> uses = new HashMap<>();

    void add(String path, String text, String rule) {
        int n = uses.merge(path, 1, Integer::sum);
        ObjectNode e = entries.addObject();
        e.put("id", n == 1 ? path : path + "#" + n);
        String t = text == null ? "" : Text.squash(text);
        e.put("text", t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "…" : t);
        e.put("rule", rule);
    }

    ArrayNode entries() {
        return entries;
    }
}
