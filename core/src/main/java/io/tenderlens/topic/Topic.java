package io.tenderlens.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A topic: what to look for in procurements, in one data file. The bundled topics live in
 * {@code io/tenderlens/topics/<id>.json}; a user's topic is a file of the same shape:
 * <pre>{@code
 * {"id": "blockchain", "labelZh": "区块链", "labelEn": "Blockchain",
 *  "dictionary": ["区块链", "联盟链"],              // words a segmenter must keep whole
 *  "terms": [{"text": "区块链", "lang": "zh"}, {"text": "存证", "lang": "zh", "context": true}],
 *  "exclusions": ["区块链已存证"]}                  // boilerplate phrases: a term inside one is not evidence
 * }</pre>
 */
public record Topic(String id, String labelZh, String labelEn, List<String> dictionary,
                    List<TopicTerm> terms, List<String> exclusions) {
    public Topic {
        dictionary = List.copyOf(dictionary);
        terms = List.copyOf(terms);
        exclusions = List.copyOf(exclusions);
        if (terms.stream().noneMatch(t -> !t.context())) {
            throw new IllegalArgumentException("topic '" + id + "' has no primary (non-context) term");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a topic from its JSON form; {@code origin} names the file in error messages. */
    public static Topic fromJson(JsonNode node, String origin) {
        String id = text(node, "id", origin);
        List<TopicTerm> terms = new ArrayList<>();
        JsonNode termNodes = node.path("terms");
        if (!termNodes.isArray() || termNodes.isEmpty()) {
            throw new IllegalArgumentException(origin + ": 'terms' must be a non-empty array");
        }
        for (int i = 0; i < termNodes.size(); i++) {
            JsonNode t = termNodes.get(i);
            if (t.isTextual()) {
                terms.add(new TopicTerm(t.asText(), "", false));
            } else {
                terms.add(new TopicTerm(text(t, "text", origin + " terms[" + i + "]"), t.path("lang").asText(""),
                        t.path("context").asBoolean(false)));
            }
        }
        return new Topic(id, node.path("labelZh").asText(id), node.path("labelEn").asText(id),
                strings(node.path("dictionary")), terms, strings(node.path("exclusions")));
    }

    /** A topic shipped with tenderlens, e.g. {@code bundled("blockchain")}. */
    public static Topic bundled(String id) {
        if (!id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("topic id '" + id + "': use lower-case letters, digits and '-'");
        }
        String resource = "/io/tenderlens/topics/" + id + ".json";
        try (InputStream in = Topic.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled topic '" + id + "' (bundled: blockchain);"
                        + " write a topic file and pass it with --topic-file");
            }
            return fromJson(JSON.readTree(in), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    private static String text(JsonNode node, String field, String origin) {
        JsonNode v = node.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(origin + ": '" + field + "' must be a non-empty string");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
