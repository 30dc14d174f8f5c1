package io.tenderlens.party;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.place.Division;
import io.tenderlens.place.GovernmentLevel;
import io.tenderlens.place.ResolvedRegion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A party's classification written the way our OCDS extension ({@code extension/release-schema.json})
 * declares it: {@code details.governmentLevel}, {@code details.buyerKind}, {@code details.division}, the
 * standard {@code address.region} / {@code address.locality}, and the release's {@code provenance} entries
 * saying which words and rule each came from.
 */
public final class PartyDetails {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PartyDetails() {}

    /** The {@code details} object of a party; fields with nothing known are left out. */
    public static ObjectNode details(ResolvedRegion region, GovernmentLevel.Decision level, BuyerKind.Decision kind) {
        ObjectNode details = JSON.objectNode();
        if (level != null) {
            details.put("governmentLevel", level.level().code());
        }
        if (kind != null) {
            details.put("buyerKind", kind.kind().code());
        }
        if (region != null && region.province().isPresent()) {
            ObjectNode division = details.putObject("division");
            division.set("province", division(region.province().get()));
            region.city().ifPresent(c -> division.set("city", division(c)));
            region.county().ifPresent(c -> division.set("county", division(c)));
        }
        return details;
    }

    private static ObjectNode division(Division d) {
        return JSON.objectNode().put("code", d.code()).put("name", d.name());
    }

    /** Sets {@code address.region} (province name) and {@code address.locality} (city name) where known. */
    public static void setRegionAndLocality(ObjectNode address, ResolvedRegion region) {
        region.province().ifPresent(p -> address.put("region", p.name()));
        region.city().ifPresent(c -> address.put("locality", c.name()));
    }

    /**
     * The provenance entries of a party's classification.
     *
     * @param partyPath the JSON path of the party in the release, e.g. {@code parties/0}
     */
    public static List<ObjectNode> provenance(String partyPath, ResolvedRegion region, GovernmentLevel.Decision level,
                                              BuyerKind.Decision kind) {
        List<ObjectNode> entries = new ArrayList<>();
        if (region != null && region.province().isPresent() && !region.decidedBy().isEmpty()) {
            Set<String> words = new LinkedHashSet<>();
            region.decidedBy().forEach(e -> words.add(e.text()));
            entries.add(entry(partyPath + "/details/division", String.join(" ", words),
                    region.decidedBy().get(0).source().rule()));
        }
        if (level != null) {
            entries.add(entry(partyPath + "/details/governmentLevel", level.evidence(), level.rule()));
        }
        if (kind != null) {
            entries.add(entry(partyPath + "/details/buyerKind", kind.words(), kind.rule()));
        }
        return entries;
    }

    private static ObjectNode entry(String id, String text, String rule) {
        return JSON.objectNode().put("id", id).put("text", text).put("rule", rule);
    }
}
