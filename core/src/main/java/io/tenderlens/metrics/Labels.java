package io.tenderlens.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/** Bilingual labels for provinces (by GB/T 2260 code or Chinese name), government levels and buyer kinds. */
public final class Labels {
    private static final Labels BUNDLED = load();

    private final Map<String, Label> provinces = new HashMap<>();
    private final Map<String, Label> levels = new HashMap<>();
    private final Map<String, Label> buyerKinds = new HashMap<>();

    private Labels() {}

    public static Labels bundled() { return BUNDLED; }

    /** The province for a code ({@code 110000}) or a name ({@code 北京市}, {@code 北京}); unknown names keep their own text. */
    public Label province(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Label.UNKNOWN;
        }
        Label l = provinces.get(codeOrName.strip());
        return l != null ? l : new Label(codeOrName.strip(), codeOrName.strip(), codeOrName.strip());
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
            root.path("provinces").fields().forEachRemaining(e -> {
                String zh = e.getValue().get(0).asText();
                Label label = new Label(e.getKey(), zh, e.getValue().get(1).asText());
                l.provinces.put(e.getKey(), label);
                l.provinces.put(zh, label);
                l.provinces.put(shortName(zh), label);
            });
            root.path("levels").fields().forEachRemaining(e -> l.levels.put(e.getKey(),
                    new Label(e.getKey(), e.getValue().get(0).asText(), e.getValue().get(1).asText())));
            root.path("buyerKinds").fields().forEachRemaining(e -> l.buyerKinds.put(e.getKey(),
                    new Label(e.getKey(), e.getValue().get(0).asText(), e.getValue().get(1).asText())));
            return l;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read bundled " + resource, e);
        }
    }

    /** 广西壮族自治区 → 广西, 北京市 → 北京, 黑龙江省 → 黑龙江. */
    private static String shortName(String zh) {
        for (String suffix : new String[] {"壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市"}) {
            if (zh.endsWith(suffix)) {
                return zh.substring(0, zh.length() - suffix.length());
            }
        }
        return zh;
    }
}
