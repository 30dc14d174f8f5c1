package io.tenderlens.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.tenderlens.ocds.PatchedReleaseSchema;
import io.tenderlens.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every release converted from a real page and from the fixtures validates against the OCDS 1.1.5 release
 * schema patched with our extension ({@code extension/release-schema.json}), codelists included.
 */
class ReleaseSchemaTest {
    @Test
    void everyConvertedReleaseValidates() throws Exception {
        Schema schema = PatchedReleaseSchema.get();
        List<JsonNode> releases = new ArrayList<>();
        CcgpNoticeParser pages = new CcgpNoticeParser();
        Path root = SharedData.path("cn-notices/raw-html");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    releases.add(pages.parse(Files.readAllBytes(p), NoticeOrigin.ofFile(root.relativize(p).toString(), null)));
                } catch (NotANoticeException e) {
                    // the list page
                }
            }
        }
        for (JsonNode e : ExpectedRelease.resource("expected-fixtures.json")) {
            if (!e.has("notANotice")) {
                releases.add(FixturesTest.parse(e.get("name").asText(), FixturesTest.bytes(e.get("name").asText())));
            }
        }
        assertThat(releases).hasSizeGreaterThan(20);
        for (JsonNode r : releases) {
            List<String> errors = schema.validate(r).stream().map(Error::getMessage).toList();
            assertThat(errors).as("%s", r.path("noticeSource").path("file").asText()).isEmpty();
        }
    }
}
