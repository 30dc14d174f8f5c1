package io.tenderlens.place;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Data the resolver was not built on: the China Telecom notices (cn-notices group X, out of scope as
 * procurement but labelled with their province). The branch named in each title must be placed in it.
 */
class TelecomRegionTest {

    private static final Pattern BRANCH = Pattern.compile("中国电信(?:股份有限公司)?[^\\s（(]{2,12}?(?:分公司|公司)");

    @Test
    void theBranchInTheTitleIsInTheLabelledProvince() throws IOException {
        JsonNode notices = new ObjectMapper().readTree(SharedData.path(
                "cn-notices/out-of-scope/z1404027309-glitch__huadong-caigou-radar__telecom-notices.json").toFile()).get("notices");
        RegionResolver resolver = RegionResolver.bundled();
        int named = 0, resolved = 0, right = 0;
        StringBuilder wrong = new StringBuilder();
        for (JsonNode n : notices) {
            Matcher m = BRANCH.matcher(n.get("title").asText());
            if (!m.find()) {
                continue;
            }
            named++;
            ResolvedRegion r = resolver.resolve(RegionClues.ofBuyer(m.group()));
            if (r.province().isPresent()) {
                resolved++;
                if (r.province().get().shortName().equals(n.get("region").asText())) {
                    right++;
                } else {
                    wrong.append("  ").append(m.group()).append(" label ").append(n.get("region").asText())
                            .append(" got ").append(r.province().get().name()).append('\n');
                }
            }
        }
        System.out.printf("telecom branches: %d named in titles, %d placed, %d in the labelled province%n%s",
                named, resolved, right, wrong);
        assertThat(right).isEqualTo(resolved);
        assertThat((double) resolved / named).isGreaterThanOrEqualTo(0.9);
    }
}
