package io.tenderlens.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseIdentityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keyOrderWhiteSpaceAndNumberSpellingDoNotChangeTheIdentity() throws Exception {
        JsonNode a = JSON.readTree("{\"ocid\":\"ocds-1\",\"id\":\"1\",\"tender\":{\"value\":{\"amount\":1500,\"currency\":\"CNY\"}}}");
        JsonNode b = JSON.readTree("{ \"tender\": {\"value\": {\"currency\": \"CNY\", \"amount\": 1.5e3}},\n \"id\": \"1\", \"ocid\": \"ocds-1\" }");
        JsonNode c = Store.JSON.readTree("{\"id\":\"1\",\"ocid\":\"ocds-1\",\"tender\":{\"value\":{\"amount\":1500.00,\"currency\":\"CNY\"}}}");
        assertThat(ReleaseIdentity.sha256(a)).isEqualTo(ReleaseIdentity.sha256(b)).isEqualTo(ReleaseIdentity.sha256(c));
    }

    @Test
    void anyChangeOfContentChangesTheIdentity() throws Exception {
        JsonNode base = JSON.readTree("{\"ocid\":\"ocds-1\",\"id\":\"1\",\"tag\":[\"tender\",\"award\"],\"n\":1}");
        List<String> variants = List.of(
                "{\"ocid\":\"ocds-2\",\"id\":\"1\",\"tag\":[\"tender\",\"award\"],\"n\":1}",
                "{\"ocid\":\"ocds-1\",\"id\":\"2\",\"tag\":[\"tender\",\"award\"],\"n\":1}",
                "{\"ocid\":\"ocds-1\",\"id\":\"1\",\"tag\":[\"award\",\"tender\"],\"n\":1}",
                "{\"ocid\":\"ocds-1\",\"id\":\"1\",\"tag\":[\"tender\",\"award\"],\"n\":1.01}",
                "{\"ocid\":\"ocds-1\",\"id\":\"1\",\"tag\":[\"tender\",\"award\"],\"n\":\"1\"}",
                "{\"ocid\":\"ocds-1\",\"id\":\"1\",\"tag\":[\"tender\",\"award\"],\"n\":1,\"x\":null}");
        for (String variant : variants) {
            assertThat(ReleaseIdentity.sha256(JSON.readTree(variant))).as(variant).isNotEqualTo(ReleaseIdentity.sha256(base));
        }
    }

    @Test
    void theSameRealReleasesInAPackageAndInJsonLinesHaveTheSameIdentities() throws Exception {
        var dir = SharedData.path("ocds/real/mexico-cdmx");
        List<String> fromPackage = new java.util.ArrayList<>();
        try (var files = Files.list(dir)) {
            for (var file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode release : JSON.readTree(file.toFile()).path("releases")) {
                    fromPackage.add(ReleaseIdentity.sha256(release));
                }
            }
        }
        List<String> fromLines = new java.util.ArrayList<>();
        try (var files = Files.list(dir)) {
            for (var file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    fromLines.add(ReleaseIdentity.sha256(JSON.readTree(line)));
                }
            }
        }
        assertThat(fromPackage).hasSize(20).containsExactlyInAnyOrderElementsOf(fromLines);
    }

    @Test
    void numbersAreWrittenByValue() throws Exception {
        assertThat(ReleaseIdentity.canonicalNumber(Store.JSON.readTree("1.500"))).isEqualTo("1.5");
        assertThat(ReleaseIdentity.canonicalNumber(Store.JSON.readTree("-0.0"))).isEqualTo("0");
        assertThat(ReleaseIdentity.canonicalNumber(Store.JSON.readTree("6687920.0"))).isEqualTo("6687920");
        assertThat(ReleaseIdentity.canonicalNumber(Store.JSON.readTree("12345678901234567890123"))).isEqualTo("12345678901234567890123");
    }
}
