package io.tenderlens.place;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The ~2,000 labelled aggregator notices of cn-notices group D, one per unique id. */
public final class AggregatorNotices {

    private static final Pattern BUYER_ADDRESS =
            Pattern.compile("(?:采购人|采购单位|招标人)(?:信息)?[^。；]{0,40}?地\\s*址[:：]\\s*([^\\s，。;；:：]{4,40})");

    private AggregatorNotices() {}

    /** The notices, one per unique id, in file order. */
    public static List<JsonNode> load() {
        Path dir = SharedData.path("cn-notices/json/daijy0926__zhaotoubiaoshuju");
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode n : mapper.readTree(f.toFile())) {
                    byId.putIfAbsent(n.path("id").asText(), n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(byId.values());
    }

    /** A field's text, stripped; null when absent or null. */
    public static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText().strip();
    }

    /** The buyer's address where the snippet labels one as the buyer's (other addresses are the supplier's or agency's). */
    static String buyerAddress(JsonNode n) {
        String detail = text(n, "detail");
        if (detail == null) {
            return null;
        }
        Matcher m = BUYER_ADDRESS.matcher(detail);
        return m.find() ? m.group(1) : null;
    }
}
