package io.tenderlens.sector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sector rules (education and research, finance, customs, …) and the category rules
 * (application / industrial service / technical service), from one data file. The bundled file is
 * {@code io/tenderlens/sectors/sectors.json}; a user's file has the same shape:
 * <pre>{@code
 * {"sectors": [{"id": "finance", "zh": "财政金融", "en": "Finance, fiscal and tax"}, …],
 *  "sectorRules": [{"id": "finance-words", "class": "finance", "fields": ["buyer", "title"], "any": ["税务", "tax"]}, …],
 *  "defaultSector": "other",
 *  "categories": […], "categoryRules": […], "defaultCategory": "application"}
 * }</pre>
 */
public final class SectorRules {
    private final RuleSet sectors;
    private final RuleSet categories;

    public SectorRules(RuleSet sectors, RuleSet categories) {
        this.sectors = sectors;
        this.categories = categories;
    }

    public RuleSet sectors() { return sectors; }

    public RuleSet categories() { return categories; }

    public Classification classify(SectorInput in) {
        SectorInput lowered = in.lowerCase();
        return new Classification(sectors.assign(in, lowered), categories.assign(in, lowered));
    }

    public Classification classify(JsonNode release) {
        return classify(SectorInput.of(release));
    }

    public static SectorRules fromJson(JsonNode node, String origin) {
        return new SectorRules(
                RuleSet.fromJson(node.path("sectors"), node.path("sectorRules"), node.path("defaultSector").asText(), origin),
                RuleSet.fromJson(node.path("categories"), node.path("categoryRules"), node.path("defaultCategory").asText(), origin));
    }

    public static SectorRules bundled() {
        String resource = "/io/tenderlens/sectors/sectors.json";
        try (InputStream in = SectorRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            return fromJson(new ObjectMapper().readTree(in), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    /** A record's sector and category, each with the rule that assigned it. */
    public record Classification(Assignment sector, Assignment category) {}
}
