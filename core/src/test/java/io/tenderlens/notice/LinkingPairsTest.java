package io.tenderlens.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.testing.SharedData;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Linking precision and recall on pairs of real notices labelled by hand ({@code linking-pairs.tsv}): the
 * whole aggregator corpus is converted as {@code ingest} would (text plus stored fields) and linked in one
 * batch; two notices are linked when they get one ocid.
 */
class LinkingPairsTest {

    @Test
    void precisionAndRecallOnHandLabelledPairs() throws Exception {
        Map<String, JsonNode> unique = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(SharedData.path("cn-notices/json/daijy0926__zhaotoubiaoshuju"))) {
            for (Path f : files.sorted().toList()) {
                for (JsonNode r : ExpectedRelease.JSON.readTree(f.toFile())) {
                    unique.putIfAbsent(r.path("id").asText(), r);
                }
            }
        }
        AggregatorNotices aggregator = new AggregatorNotices(new PlainTextNoticeParser());
        List<ObjectNode> releases = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode r : unique.values()) {
            try {
                releases.add(aggregator.toRelease(r, r.path("id").asText()));
                ids.add(r.path("id").asText());
            } catch (NotANoticeException e) {
                // a record with neither notice words nor stored fields: it links to nothing
            }
        }
        NoticeLinker.Linked linked = NoticeLinker.link(releases);
        Map<String, String> ocid = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            Integer kept = linked.duplicateOf().get(i);
            ocid.put(ids.get(i), releases.get(kept == null ? i : kept).path("ocid").asText());
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        List<String> wrong = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("linking-pairs.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                assertThat(unique).as("labelled record %s", f[0]).containsKey(f[0]);
                assertThat(unique).as("labelled record %s", f[1]).containsKey(f[1]);
                boolean linkedPair = ocid.get(f[0]) != null && ocid.get(f[0]).equals(ocid.get(f[1]));
                boolean same = f[2].equals("same");
                if (linkedPair && same) {
                    tp++;
                } else if (linkedPair) {
                    fp++;
                    wrong.add("linked but different (" + f[3] + "): " + unique.get(f[0]).path("title").asText() + " | "
                            + unique.get(f[1]).path("title").asText());
                } else if (same) {
                    fn++;
                    wrong.add("one procurement, not linked (" + f[3] + "): " + unique.get(f[0]).path("title").asText() + " | "
                            + unique.get(f[1]).path("title").asText());
                } else {
                    tn++;
                }
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf("linking on %d labelled pairs: precision %.3f (%d/%d), recall %.3f (%d/%d), true negatives %d%n",
                tp + fp + fn + tn, precision, tp, tp + fp, recall, tp, tp + fn, tn);
        wrong.forEach(w -> System.out.println("  " + w));
        assertThat(tp + fp + fn + tn).isGreaterThanOrEqualTo(250);
        assertThat(precision).as("precision; %s", wrong).isGreaterThanOrEqualTo(0.98);
        assertThat(recall).as("recall; %s", wrong).isGreaterThanOrEqualTo(0.95);
        assertThat(linked.duplicateOf()).as("exact re-publications across sites become one release").isNotEmpty();
    }
}
