package io.tenderlens.notice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.place.Division;
import io.tenderlens.place.GovernmentLevel;
import io.tenderlens.place.RegionClues;
import io.tenderlens.place.RegionResolver;
import io.tenderlens.place.ResolvedRegion;

/**
 * The buyer's place and level, by the places helper's resolvers: province and city (GB/T 2260 codes)
 * from its name, address, the page's region line and the title; central or local government from the
 * ccgp channel or the name. Written to our extension's {@code details} and the standard
 * {@code address.region}/{@code address.locality}.
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
        ObjectNode details = party.has("details") ? (ObjectNode) party.get("details") : party.putObject("details");
        if (region.province().isPresent()) {
            ObjectNode division = details.putObject("division");
            put(division.putObject("province"), region.province().get());
            ObjectNode addr = party.has("address") ? (ObjectNode) party.get("address") : party.putObject("address");
            addr.put("region", region.province().get().name());
            if (region.city().isPresent()) {
                put(division.putObject("city"), region.city().get());
                addr.put("locality", region.city().get().name());
            }
            addr.put("countryName", "中国");
            StringBuilder why = new StringBuilder();
            String rule = null;
            for (ResolvedRegion.Evidence e : region.decidedBy()) {
                if (rule == null) {
                    rule = e.source().rule();
                }
                why.append(why.length() > 0 ? "；" : "").append(e.text());
            }
            provenance.add(path + "/details/division", why.toString(), rule == null ? "region" : rule);
        }
        GovernmentLevel.Decision level = GovernmentLevel.bundled().classify(name, channel);
        details.put("governmentLevel", level.level().code());
        provenance.add(path + "/details/governmentLevel", level.evidence(), level.rule());
    }

    private static void put(ObjectNode node, Division d) {
        node.put("code", d.code());
        node.put("name", d.name());
    }
}
