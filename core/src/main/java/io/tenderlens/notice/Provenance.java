package io.tenderlens.notice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The release's {@code provenance} list: for each derived value, the words it came from and the rule that read them. */
final class Provenance {
    private static final int MAX_TEXT = 300;
    private final ArrayNode entries = JsonNodeFactory.instance.arrayNode();

    void add(String path, String text, String rule) {
        ObjectNode e = entries.addObject();
        e.put("id", path);
        String t = text == null ? "" : Text.squash(text);
        e.put("text", t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "…" : t);
        e.put("rule", rule);
    }

    ArrayNode entries() {
        return entries;
    }
}
