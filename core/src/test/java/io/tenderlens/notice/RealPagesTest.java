package io.tenderlens.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real page in cn-notices/raw-html against what a careful reading of it says (expected-pages.json). */
class RealPagesTest {
    private static final CcgpNoticeParser PARSER = new CcgpNoticeParser();

    static Stream<Arguments> pages() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode e : ExpectedRelease.resource("expected-pages.json")) {
            out.add(Arguments.of(e.get("file").asText(), e));
        }
        return out.stream();
    }

    @Test
    void everyRealPageHasAnExpectation() throws IOException {
        Path root = SharedData.path("cn-notices/raw-html");
        List<String> expected = new ArrayList<>();
        ExpectedRelease.resource("expected-pages.json").forEach(e -> expected.add(e.get("file").asText()));
        try (Stream<Path> walk = Files.walk(root)) {
            List<String> pages = walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
            assertThat(pages).isNotEmpty();
            assertThat(expected).containsExactlyInAnyOrderElementsOf(pages);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void pageReadsAsItsReaderSays(String file, JsonNode expected) throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.path("cn-notices/raw-html/" + file));
        NoticeOrigin origin = NoticeOrigin.ofFile(file, null);
        if (expected.has("notANotice")) {
            assertThatThrownBy(() -> PARSER.parse(bytes, origin))
                    .isInstanceOf(NotANoticeException.class)
                    .hasMessageContaining(file)
                    .hasMessageContaining(expected.get("notANotice").asText());
            return;
        }
        JsonNode release = PARSER.parse(bytes, origin);
        ExpectedRelease.check(release, expected);
        assertThat(release.path("noticeSource").path("file").asText()).isEqualTo(file);
        assertThat(release.path("noticeSource").path("sha256").asText()).isEqualTo(Hashes.sha256(bytes));
        List<String> explained = new ArrayList<>();
        release.path("provenance").forEach(p -> explained.add(p.path("id").asText()));
        assertThat(explained).as("provenance of %s", file).contains("tag", "tender/id", "date");
        for (int i = 0; i < release.path("awards").size(); i++) {
            if (release.path("awards").path(i).has("value")) {
                assertThat(explained).contains("awards/" + i + "/value", "awards/" + i + "/suppliers");
            }
        }
    }
}
