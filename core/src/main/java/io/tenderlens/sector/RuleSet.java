package io.tenderlens.sector;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Classes and ordered rules; the first rule that matches assigns the class, else the default class. */
public final class RuleSet {
    private final Map<String, SectorClass> classes;
    private final List<SectorRule> rules;
    private final SectorClass fallback;

    public RuleSet(List<SectorClass> classes, List<SectorRule> rules, String defaultId) {
        this.classes = new LinkedHashMap<>();
        classes.forEach(c -> this.classes.put(c.id(), c));
        this.rules = List.copyOf(rules);
        this.fallback = require(defaultId, "default");
        rules.forEach(r -> require(r.classId(), "rule '" + r.id() + "'"));
    }

    public List<SectorClass> classes() { return List.copyOf(classes.values()); }

    public List<SectorRule> rules() { return rules; }

    public Optional<SectorClass> byId(String id) { return Optional.ofNullable(classes.get(id)); }

    public Assignment assign(SectorInput in) {
        return assign(in, in.lowerCase());
    }

    Assignment assign(SectorInput in, SectorInput lowered) {
        for (SectorRule rule : rules) {
            Optional<String[]> m = rule.match(in, lowered);
            if (m.isPresent()) {
                return new Assignment(classes.get(rule.classId()), rule.id(), m.get()[0], m.get()[1]);
            }
        }
        return new Assignment(fallback, "default", "", "");
    }

    private SectorClass require(String id, String where) {
        SectorClass c = classes.get(id);
        if (c == null) {
            throw new IllegalArgumentException(where + " names unknown class '" + id + "' (known: " + classes.keySet() + ")");
        }
        return c;
    }

    static RuleSet fromJson(JsonNode classes, JsonNode rules, String defaultId, String origin) {
        List<SectorClass> cs = new ArrayList<>();
        classes.forEach(c -> cs.add(new SectorClass(c.path("id").asText(), c.path("zh").asText(), c.path("en").asText())));
        List<SectorRule> rs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : rules) {
            String id = r.path("id").asText();
            if (!ids.add(id)) {
                throw new IllegalArgumentException(origin + ": rule id '" + id + "' is used twice");
            }
            rs.add(new SectorRule(id, r.path("class").asText(), strings(r.path("fields")), strings(r.path("any")),
                    new HashSet<>(strings(r.path("buyerKinds")))));
        }
        try {
            return new RuleSet(cs, rs, defaultId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
