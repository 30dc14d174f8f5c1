package io.tenderlens.sector;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a procurement that sector rules look at.
 *
 * @param buyerName the buyer's name ({@code buyer.name}, else the party with role buyer)
 * @param buyerKind the buyer party's {@code details.buyerKind}, or empty
 * @param titles    tender, lot, award and contract titles
 * @param texts     their descriptions and item descriptions
 */
public record SectorInput(String buyerName, String buyerKind, List<String> titles, List<String> texts) {
    public SectorInput {
        titles = List.copyOf(titles);
        texts = List.copyOf(texts);
    }

    /** The same input in lower case (rules match keywords ignoring case). */
    public SectorInput lowerCase() {
        return new SectorInput(buyerName.toLowerCase(Locale.ROOT), buyerKind,
                titles.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(), texts.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
    }

    /** The input of an OCDS release (compiled or not). */
    public static SectorInput of(JsonNode release) {
        JsonNode buyerParty = buyerParty(release);
        String buyerName = release.path("buyer").path("name").asText(buyerParty.path("name").asText(""));
        List<String> titles = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        JsonNode tender = release.path("tender");
        add(titles, tender.path("title"));
        add(titles, release.path("planning").path("budget").path("project"));
        add(texts, tender.path("description"));
        tender.path("lots").forEach(l -> { add(titles, l.path("title")); add(texts, l.path("description")); });
        tender.path("items").forEach(i -> add(texts, i.path("description")));
        for (String list : new String[] {"awards", "contracts"}) {
            release.path(list).forEach(a -> {
                add(titles, a.path("title"));
                add(texts, a.path("description"));
                a.path("items").forEach(i -> add(texts, i.path("description")));
            });
        }
        return new SectorInput(buyerName, buyerParty.path("details").path("buyerKind").asText(""), titles, texts);
    }

    private static JsonNode buyerParty(JsonNode release) {
        String id = release.path("buyer").path("id").asText(null);
        JsonNode byRole = null;
        for (JsonNode p : release.path("parties")) {
            if (id != null && id.equals(p.path("id").asText())) {
                return p;
            }
            for (JsonNode role : p.path("roles")) {
                if (byRole == null && "buyer".equals(role.asText())) {
                    byRole = p;
                }
            }
        }
        return byRole != null ? byRole : release.path("buyer");
    }

    private static void add(List<String> out, JsonNode text) {
        if (text.isTextual() && !text.asText().isBlank()) {
            out.add(text.asText());
        }
    }
}
