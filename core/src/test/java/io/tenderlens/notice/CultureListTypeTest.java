package io.tenderlens.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenderlens.testing.SharedData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The culture list (cn-notices group E): 349 ccgp.gov.cn titles with their URLs. Its own labels are noisy
 * (the MANIFEST says so), but the URL's channel is ccgp's own filing: the type read from the title alone is
 * compared with it. One title says 废标公告 in the 中标公告 channel (/zbgg/): the title is right, the channel coarse.
 */
class CultureListTypeTest {
    @Test
    void typeFromTheTitleAgreesWithCcgpsChannel() throws Exception {
        JsonNode data = ExpectedRelease.JSON.readTree(
                SharedData.path("cn-notices/json/songweilovelj-cyber__culture-procurement-monitor__ccgp_data.json").toFile());
        Map<String, String> channels = new LinkedHashMap<>();
        channels.put("/gkzb/", "tender");
        channels.put("/jzxcs/", "tender");
        channels.put("/jzxtpgg/", "tender");
        channels.put("/dylygg/", "tender");
        channels.put("/zbgg/", "award");
        channels.put("/cjgg/", "award");
        channels.put("/gzgg/", "tenderAmendment");
        channels.put("/fblbgg/", "unsuccessful");
        int compared = 0;
        List<String> wrong = new ArrayList<>();
        for (JsonNode p : data.path("projects")) {
            String url = p.path("url").asText();
            String title = p.path("title").asText();
            String want = channels.entrySet().stream().filter(e -> url.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            var got = NoticeClassifier.typeOfTitle(title);
            if (want == null || got.isEmpty()) {
                continue;
            }
            compared++;
            String code = got.get().value().code();
            // ccgp's 更正公告 channel holds corrections of calls and of results (结果更正公告) alike
            boolean agree = code.equals(want) || (want.equals("unsuccessful") && code.equals("tenderCancellation"))
                    || (want.equals("tenderAmendment") && code.equals("awardAmendment"));
            if (!agree) {
                wrong.add(want + " ≠ " + code + ": " + title);
            }
        }
        System.out.printf("culture list: the title's type agrees with the ccgp channel for %d of %d%n", compared - wrong.size(), compared);
        assertThat(compared).isGreaterThan(300);
        assertThat(wrong).containsExactly("award ≠ unsuccessful: 学校融媒体中心平台建设项目(CQS26A01487)废标公告");
    }
}
