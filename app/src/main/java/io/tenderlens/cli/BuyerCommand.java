package io.tenderlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.party.BuyerKind;
import io.tenderlens.party.OrganizationNames;
import io.tenderlens.party.PartyDetails;
import io.tenderlens.place.GovernmentLevel;
import io.tenderlens.place.RegionClues;
import io.tenderlens.place.RegionResolver;
import io.tenderlens.place.ResolvedRegion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Shows what tenderlens makes of a buyer's name: the OCDS party, with province, city, level, kind and id. */
@Command(name = "buyer", mixinStandardHelpOptions = true,
        description = "Show the OCDS party tenderlens makes of a buyer: id, province and city (GB/T 2260), "
                + "government level, buyer kind, and the words and rules behind them.")
public final class BuyerCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "the buyer's name, e.g. 岫岩县中心人民医院")
    String name;

    @Option(names = "--address", paramLabel = "TEXT", description = "the buyer's address (采购人地址)")
    String address;

    @Option(names = "--region", paramLabel = "TEXT", description = "the page's region line (行政区域)")
    String regionLine;

    @Option(names = "--channel", paramLabel = "URL", description = "the ccgp notice URL or breadcrumb (中央公告 / 地方公告)")
    String channel;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (OrganizationNames.normalise(name).isEmpty()) {
            spec.commandLine().getErr().println("tenderlens buyer: no name given");
            return 2;
        }
        ResolvedRegion region = RegionResolver.bundled().resolve(new RegionClues(name, address, regionLine, null));
        GovernmentLevel.Decision level = GovernmentLevel.bundled().classify(name, channel);
        BuyerKind.Decision kind = BuyerKind.bundled().classify(name);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode out = mapper.createObjectNode();
        ObjectNode party = out.putObject("party");
        party.put("id", OrganizationNames.id(name)).put("name", OrganizationNames.displayName(name));
        PartyDetails.setRegionAndLocality(party.putObject("address"), region);
        party.set("details", PartyDetails.details(region, level, kind));
        PartyDetails.provenance("parties/0", region, level, kind).forEach(out.putArray("provenance")::add);
        out.put("normalisedName", OrganizationNames.normalise(name));
        OrganizationNames.parent(name).ifPresent(p -> out.put("parentName", p).put("parentId", OrganizationNames.id(p)));
        region.province().flatMap(p -> p.english()).ifPresent(e -> out.put("provinceEnglish", e));
        if (region.province().isEmpty() && !region.alternatives().isEmpty()) {
            region.alternatives().forEach(d -> out.withArray("couldBe").add(d.code() + " " + d.name()));
        }
        spec.commandLine().getOut().println(mapper.writeValueAsString(out));
        return 0;
    }
}
