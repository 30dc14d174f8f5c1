package io.tenderlens.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.place.Division;
import io.tenderlens.place.Gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Bilingual labels for provinces (from the {@link Gazetteer}, by GB/T 2260 code or name), government levels and buyer kinds. */
public final class Labels {
    private static final Labels BUNDLED = load();

    private final Gazetteer gazetteer = Gazetteer.bundled();
    private final Map<String, Label> levels = new HashMap<>();
    private final Map<String, Label> buyerKinds = new HashMap<>();

    private Labels() {}

    public static Labels bundled() { return BUNDLED; }

    /** The province for a code ({@code 110000}) or a name ({@code 北京市}, {@code 北京}); unknown names keep their own text. */
    public Label province(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Label.UNKNOWN;
        }
        String v = codeOrName.strip();
        Optional<Division> d = gazetteer.byCode(v)
                .or(() -> gazetteer.named(v).stream().filter(x -> x.level() == Division.Level.PROVINCE).findFirst());
        return d.map(gazetteer::province)
                .map(p -> new Label(p.code(), p.name(), p.english().orElse(p.name())))
                .orElse(new Label(v, v, v));
    }

    public Label level(String key) { return lookup(levels, key); }

    public Label buyerKind(String key) { return lookup(buyerKinds, key); }

    private static Label lookup(Map<String, Label> map, String key) {
        if (key == null || key.isBlank()) {
            return Label.UNKNOWN;
        }
        return map.getOrDefault(key, new Label(key, key, key));
    }

    private static Labels load() {
        String resource = "/io/tenderlens/metrics/labels.json";
        try (InputStream in = Labels.class.getResourceAsStream(resource)) {
            JsonNode root = new ObjectMapper().readTree(in);
            Labels l = new Labels();
            root.path("levels").fields().forEachRemaining(e -> l.levels.put(e.getKey(),
                    new Label(e.getKey(), e.getValue().get(0).asText(), e.getValue().get(1).asText())));
            root.path("buyerKinds").fields().forEachRemaining(e -> l.buyerKinds.put(e.getKey(),
                    new Label(e.getKey(), e.getValue().get(0).asText(), e.getValue().get(1).asText())));
            return l;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read bundled " + resource, e);
        }
    }
}
