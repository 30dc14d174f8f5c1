package io.tenderlens.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.tenderlens.ocds.MergeRules;
import io.tenderlens.ocds.PatchedReleaseSchema;
import io.tenderlens.ocds.ReleaseCompiler;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every release converted from a real page, a fixture or an aggregator record validates against the OCDS 1.1.5
 * release schema patched with our extension ({@code extension/release-schema.json}), codelists included, and
 * compiles without a warning about its shape (provenance ids are unique within a release).
 */
class ReleaseSchemaTest {
    private static final List<ObjectNode> RELEASES = new ArrayList<>();

    @BeforeAll
    static void convert() throws Exception {
        CcgpNoticeParser pages = new CcgpNoticeParser();
        Path root = SharedData.path("cn-notices/raw-html");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    RELEASES.add(pages.parse(Files.readAllBytes(p), NoticeOrigin.ofFile(root.relativize(p).toString(), null)));
                } catch (NotANoticeException e) {
                    // the list page
                }
            }
        }
        for (JsonNode e : ExpectedRelease.resource("expected-fixtures.json")) {
            if (!e.has("notANotice")) {
                RELEASES.add((ObjectNode) FixturesTest.parse(e.get("name").asText(), FixturesTest.bytes(e.get("name").asText())));
            }
        }
        AggregatorNotices aggregator = new AggregatorNotices(new PlainTextNoticeParser());
        Set<String> seen = new HashSet<>();
        for (JsonNode r : aggregatorRecords()) {
            if (!seen.add(r.path("id").asText())) {
                continue; // the corpus repeats records
            }
            try {
                RELEASES.add(aggregator.toRelease(r, r.path("id").asText()));
            } catch (NotANoticeException e) {
                // a record without notice words or fields
            }
        }
    }

    private static List<JsonNode> aggregatorRecords() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(SharedData.path("cn-notices/json/daijy0926__zhaotoubiaoshuju"))) {
            for (Path f : files.sorted().toList()) {
                ExpectedRelease.JSON.readTree(f.toFile()).forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void everyConvertedReleaseValidates() throws Exception {
        Schema schema = PatchedReleaseSchema.get();
        assertThat(RELEASES).hasSizeGreaterThan(1500);
        for (JsonNode r : RELEASES) {
            List<String> errors = schema.validate(r).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
            assertThat(errors).as("%s", r.path("noticeSource").path("file").asText()).isEmpty();
        }
    }

    @Test
    void provenanceIdsAreUniqueWithinARelease() {
        for (JsonNode r : RELEASES) {
            Set<String> ids = new HashSet<>();
            for (JsonNode p : r.path("provenance")) {
                assertThat(ids.add(p.path("id").asText())).as("%s: provenance id %s twice", r.path("id").asText(), p.path("id"))
                        .isTrue();
            }
        }
    }

    @Test
    void compilingOurReleasesWarnsOfNothing() throws Exception {
        List<String> warnings = new ArrayList<>();
        ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled().withExtension(PatchedReleaseSchema.extensionPatch()),
                (ocid, message) -> warnings.add(ocid + ": " + message));
        Map<String, List<ObjectNode>> byOcid = new LinkedHashMap<>();
        for (ObjectNode r : RELEASES) {
            byOcid.computeIfAbsent(r.path("ocid").asText(), k -> new ArrayList<>()).add(r);
        }
        for (List<ObjectNode> one : byOcid.values()) {
            compiler.compile(one);
            compiler.versioned(one);
        }
        // notices of one procurement published in the same second are a fact of the data, reported but not a fault
        List<String> shape = warnings.stream().filter(w -> !w.contains("releases have the same `date` value")).toList();
        System.out.println("compiling converted releases: " + byOcid.size() + " ocids, " + (warnings.size() - shape.size())
                + " warnings of releases published in the same second");
        assertThat(shape).isEmpty();
    }
}
