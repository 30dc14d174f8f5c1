package io.tenderlens.source.ocds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReleaseSorterTest {
    @TempDir Path tmp;

    /** Groups by ocid in code-point order, input order inside a group, whatever the memory budget. */
    @ParameterizedTest
    @ValueSource(longs = {1, 500, 20_000, 1L << 40})
    void groupsAreTheSameInMemoryAndOnDisk(long budget) throws IOException {
        Random random = new Random(42);
        String[] ocids = {"ocds-b", "ocds-a", "ocds-\uD83D\uDE00", "ocds-\uFB01", "ocds-a-1", "ocds-", "ocds-c"};
        Map<String, List<String>> expected = new TreeMap<>(ReleaseSorter.OCID_ORDER);
        List<String[]> input = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            String ocid = ocids[random.nextInt(ocids.length)];
            String json = "{\"ocid\":\"" + ocid + "\",\"n\":" + i + ",\"pad\":\"" + "x".repeat(random.nextInt(200)) + "\"}";
            input.add(new String[] {ocid, json});
            expected.computeIfAbsent(ocid, k -> new ArrayList<>()).add(json);
        }
        Map<String, List<String>> actual = new java.util.LinkedHashMap<>();
        try (ReleaseSorter sorter = new ReleaseSorter(tmp, budget)) {
            int ref = 0;
            for (String[] r : input) {
                sorter.add(r[0], ref++ % 3 - 1, r[1].getBytes(StandardCharsets.UTF_8));
            }
            try (ReleaseSorter.GroupIterator groups = sorter.groups()) {
                while (groups.hasNext()) {
                    ReleaseSorter.Group g = groups.next();
                    assertThat(actual).doesNotContainKey(g.ocid());
                    actual.put(g.ocid(), g.entries().stream().map(e -> new String(e.json(), StandardCharsets.UTF_8)).toList());
                }
            }
            if (budget == 1) {
                assertThat(sorter.spilledRuns()).isGreaterThan(700);
            } else if (budget > 1_000_000) {
                assertThat(sorter.spilledRuns()).isZero();
            }
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
        assertThat(List.copyOf(actual.keySet())).startsWith("ocds-", "ocds-a", "ocds-a-1", "ocds-b", "ocds-c", "ocds-\uFB01", "ocds-\uD83D\uDE00");
        try (var files = Files.list(tmp)) {
            assertThat(files).as("runs deleted").isEmpty();
        }
    }

    @Test
    void codePointOrderPutsCharactersBeyondTheBmpLast() {
        assertThat(ReleaseSorter.OCID_ORDER.compare("\uFB01", "\uD83D\uDE00")).isNegative();
        assertThat("\uFB01".compareTo("\uD83D\uDE00")).as("String order differs").isPositive();
        assertThat(ReleaseSorter.OCID_ORDER.compare("a", "ab")).isNegative();
    }
}
