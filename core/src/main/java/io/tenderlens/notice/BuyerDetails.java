package io.tenderlens.notice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.party.BuyerKind;
import io.tenderlens.party.PartyDetails;
import io.tenderlens.place.GovernmentLevel;
import io.tenderlens.place.RegionClues;
import io.tenderlens.place.RegionResolver;
import io.tenderlens.place.ResolvedRegion;

/**
 * The buyer's place, level and kind by the places helper's classifiers: province and city (GB/T 2260 codes)
 * from its name, address, the page's region line and the title; central or local government from the
 * ccgp channel or the name; government, school, hospital, state-owned enterprise, public institution or
 * other from the name. Written as our extension declares it ({@link PartyDetails}).
 */
final class BuyerDetails {
    private BuyerDetails() {}

    /**
     * @param party      the buyer party (name set, address maybe)
     * @param path       its JSON path, for provenance
     * @param regionLine the page's region line (行政区域, a provincial site's breadcrumb, an aggregator's area), or null
     * @param channel    the ccgp channel (URL or breadcrumb), or null
     * @param context    the title and site, or null
     */
    static void add(ObjectNode party, String path, String regionLine, String channel, String context, Provenance provenance) {
        String name = party.path("name").asText();
        String address = party.path("address").path("streetAddress").asText(null);
        ResolvedRegion region = RegionResolver.bundled().resolve(new RegionClues(name, address, regionLine, context));
        GovernmentLevel.Decision level = GovernmentLevel.bundled().classify(name, channel);
        BuyerKind.Decision kind = BuyerKind.bundled().classify(name);
        party.set("details", PartyDetails.details(region, level, kind));
        if (region.province().isPresent()) {
            ObjectNode addr = party.has("address") ? (ObjectNode) party.get("address") : party.putObject("address");
            PartyDetails.setRegionAndLocality(addr, region);
            addr.put("countryName", "中国");
        }
        for (ObjectNode e : PartyDetails.provenance(path, region, level, kind)) {
            provenance.add(e.path("id").asText(), e.path("text").asText(null), e.path("rule").asText(null));
        }
    }
}
