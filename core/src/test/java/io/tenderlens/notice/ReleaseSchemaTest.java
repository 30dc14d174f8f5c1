package io.tenderlens.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tenderlens.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every release converted from a real page and from the fixtures validates against the OCDS 1.1.5 release
 * schema patched with our extension ({@code extension/release-schema.json}), codelists included.
 */
class ReleaseSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                result.remove(e.getKey());
            } else {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            }
        }
        return result;
    }

    private static Path extension() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("extension/release-schema.json"))) {
                return dir.resolve("extension/release-schema.json");
            }
        }
        throw new AssertionError("extension/release-schema.json not found");
    }

    @Test
    void everyConvertedReleaseValidates() throws Exception {
        JsonNode patched = mergePatch(MAPPER.readTree(SharedData.path("ocds/schema/release-schema.json").toFile()),
                MAPPER.readTree(extension().toFile()));
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(SchemaLocation.of(patched.path("id").asText()), patched);
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
