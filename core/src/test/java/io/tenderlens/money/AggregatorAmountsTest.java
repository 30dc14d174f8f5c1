package io.tenderlens.money;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.testing.SharedData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The aggregator's structured {@code budget} / {@code bidAmount} (integers in 元) against the amounts
 * the parser reads from the same record's {@code detail} snippet, where the snippet states one with a
 * budget/ceiling or award/contract label. Every disagreement was looked at by hand and is listed with
 * its cause in {@code aggregator-disagreements.tsv}; a new one fails the test.
 */
class AggregatorAmountsTest {
    private final AmountParser parser = new AmountParser();

    private static Map<String, JsonNode> records() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SharedData.path("cn-notices/json/daijy0926__zhaotoubiaoshuju"))) {
            for (Path f : files.sorted().toList()) {
                for (JsonNode r : json.readTree(f.toFile())) {
                    byId.putIfAbsent(r.get("id").asText(), r);
                }
            }
        }
        return byId;
    }

    /** The aggregator keeps whole yuan: 492806 for 49.280646万元. */
    private static boolean sameYuan(BigDecimal parsed, BigDecimal stated) {
        return parsed.compareTo(stated) == 0 || parsed.setScale(0, RoundingMode.HALF_UP).compareTo(stated) == 0
                || parsed.setScale(0, RoundingMode.DOWN).compareTo(stated) == 0;
    }

    @Test
    void budgetsAndAwardsAgreeWithTheDetailTextOrTheDisagreementIsExplained() throws Exception {
        Map<String, JsonNode> records = records();
        assertThat(records).hasSize(1974);
        Map<String, Set<AmountRole>> fields = Map.of(
                "budget", EnumSet.of(AmountRole.BUDGET, AmountRole.CEILING),
                "bidAmount", EnumSet.of(AmountRole.AWARD, AmountRole.CONTRACT));
        int compared = 0;
        int agreed = 0;
        List<String> disagreements = new ArrayList<>();
        for (JsonNode r : records.values()) {
            List<AmountMatch> found = parser.findAll(r.path("detail").asText(""));
            for (String field : List.of("budget", "bidAmount")) {
                if (!r.hasNonNull(field)) {
                    continue;
                }
                BigDecimal stated = new BigDecimal(r.get(field).asText());
                List<AmountMatch> labelled = found.stream().filter(m -> fields.get(field).contains(m.role())).toList();
                if (labelled.isEmpty()) {
                    continue;
                }
                compared++;
                if (labelled.stream().anyMatch(m -> sameYuan(m.money().amount(), stated))) {
                    agreed++;
                } else {
                    disagreements.add(r.get("id").asText() + "\t" + field + "\t" + stated.toPlainString() + "\t"
                            + String.join(" ", labelled.stream().map(m -> m.money().amount().toPlainString()).toList()));
                }
            }
        }
        List<String> explained = Expectations.rows("aggregator-disagreements.tsv").stream()
                .map(row -> String.join("\t", row[0], row[1], row[2], row[3])).toList();
        assertThat(disagreements).containsExactlyInAnyOrderElementsOf(explained);
        assertThat(compared).isEqualTo(88);
        assertThat(agreed).isEqualTo(compared - explained.size());
    }
}
