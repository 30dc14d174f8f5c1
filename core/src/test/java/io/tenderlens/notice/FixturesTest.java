package io.tenderlens.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Layouts the real pages lack, as small fixtures modelled on them (multi-lot award with a failed lot,
 * all lots failed, correction, single source, termination, the blockchain evidence stamp, pages that
 * are not notices), each layout as a page and as crawler text with its tables flattened into lines
 * ({@code |}, tabs, spaces), and encodings built in the test (GBK without a declaration).
 */
class FixturesTest {
    private static final CcgpNoticeParser PAGES = new CcgpNoticeParser();
    private static final PlainTextNoticeParser TEXTS = new PlainTextNoticeParser();

    /**
     * The expectations by fixture. An entry with {@code sameAs} is another form of the same notice (a page and its text,
     * a table flattened into lines) and is held to the named entry's expectations.
     */
    static Stream<Arguments> fixtures() throws IOException {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode e : ExpectedRelease.resource("expected-fixtures.json")) {
            byName.put(e.get("name").asText(), e);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode e : byName.values()) {
            JsonNode expected = e;
            if (e.has("sameAs")) {
                JsonNode original = byName.get(e.get("sameAs").asText());
                assertThat(original).as("sameAs of %s", e.get("name")).isNotNull();
                ObjectNode merged = original.deepCopy();
                merged.put("name", e.get("name").asText());
                merged.put("reason", e.get("reason").asText() + " (as " + original.get("name").asText() + ": "
                        + original.get("reason").asText() + ")");
                expected = merged;
            }
            out.add(Arguments.of(e.get("name").asText(), expected));
        }
        return out.stream();
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = FixturesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    static JsonNode parse(String name, byte[] bytes) throws NotANoticeException {
        NoticeOrigin origin = NoticeOrigin.ofFile(name, null);
        return name.endsWith(".txt") ? TEXTS.parse(bytes, origin) : PAGES.parse(bytes, origin);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureReadsAsWritten(String name, JsonNode expected) throws Exception {
        byte[] bytes = bytes(name);
        if (expected.has("notANotice")) {
            assertThatThrownBy(() -> parse(name, bytes)).isInstanceOf(NotANoticeException.class)
                    .hasMessageStartingWith(name + ": not a procurement notice")
                    .hasMessageContaining(expected.get("notANotice").asText());
            return;
        }
        ExpectedRelease.check(parse(name, bytes), expected);
    }

    @Test
    void theBlockchainEvidenceStampIsBoilerplateNotSubject() throws Exception {
        JsonNode r = parse("fixtures/heilongjiang-blockchain-stamp.html", bytes("fixtures/heilongjiang-blockchain-stamp.html"));
        assertThat(r.path("noticeSource").path("boilerplate").path(0).asText()).startsWith("区块链已存证")
                .contains("存证哈希值").contains("区块高度");
        String subject = r.path("tender").path("title").asText() + r.path("tender").path("description").asText()
                + r.path("noticeSource").path("title").asText();
        assertThat(subject).doesNotContain("区块链");
        for (JsonNode p : r.path("provenance")) {
            assertThat(p.path("text").asText()).as("provenance of %s", p.path("id")).doesNotContain("区块链");
        }
    }

    @Test
    void aGbkPageWithoutDeclarationIsSniffed() throws Exception {
        String html = "<html><head><title>镕丰县人民医院彩超采购项目中标公告</title></head><body>"
                + "<p>一、项目编号：GBK-2026-001</p><p>二、项目名称：彩超采购项目</p><p>三、中标信息</p>"
                + "<p>供应商名称：喆晟医疗器械有限公司</p><p>中标金额：￥1,234,500.00元</p>"
                + "<p>1.采购人信息</p><p>名称：镕丰县人民医院</p></body></html>";
        byte[] gbk = html.getBytes(Charset.forName("GBK"));
        NoticeDecoder.Decoded d = NoticeDecoder.decode(gbk);
        assertThat(d.charset().name()).isEqualTo("GB18030");
        assertThat(d.evidence()).isEqualTo("sniffed");
        assertThat(d.text()).isEqualTo(html);
        JsonNode r = PAGES.parse(gbk, NoticeOrigin.ofFile("gbk.html", null));
        assertThat(r.path("buyer").path("name").asText()).isEqualTo("镕丰县人民医院");
        assertThat(ExpectedRelease.awards(r)).containsExactly("- | 喆晟医疗器械有限公司 | 1234500");
    }

    @Test
    void aGb2312DeclarationIsReadAsGb18030SoCharactersOutsideGb2312Survive() {
        // 喆 and 镕 are not in GB2312; sites declaring gb2312 use them anyway
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
                + "<body>采购单位：喆镕医院</body></html>";
        NoticeDecoder.Decoded d = NoticeDecoder.decode(html.getBytes(Charset.forName("GB18030")));
        assertThat(d.evidence()).isEqualTo("declared");
        assertThat(d.text()).contains("喆镕医院");
    }

    @Test
    void onlyValidUtf8IsTakenForUtf8() {
        // overlong forms, encoded surrogates, a sequence cut off at the end and a stray continuation byte are not UTF-8
        for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {'a', (byte) 0xE4, (byte) 0xB8}, {(byte) 0x80, 'a'}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}}) {
            assertThat(NoticeDecoder.decode(bad).charset().name()).as("%s", java.util.Arrays.toString(bad)).isEqualTo("GB18030");
        }
        String s = "采购人：天津市第一中心医院 €𠀀";
        NoticeDecoder.Decoded d = NoticeDecoder.decode(s.getBytes(StandardCharsets.UTF_8));
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.text()).isEqualTo(s);
    }

    @Test
    void utf8AndBomAreRecognised() {
        String s = "<p>采购人：天津市第一中心医院</p>";
        assertThat(NoticeDecoder.decode(s.getBytes(StandardCharsets.UTF_8)).evidence()).isEqualTo("sniffed");
        byte[] bom = ("\uFEFF" + s).getBytes(StandardCharsets.UTF_8);
        NoticeDecoder.Decoded d = NoticeDecoder.decode(bom);
        assertThat(d.evidence()).isEqualTo("bom");
        assertThat(d.text()).isEqualTo(s);
    }

    @Test
    void aPageSavedAsUtf8WithItsOldGbDeclarationIsReadAsUtf8() {
        String html = "<meta charset=\"gbk\"><p>采购人：林口县中医院</p>";
        NoticeDecoder.Decoded d = NoticeDecoder.decode(html.getBytes(StandardCharsets.UTF_8));
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.text()).contains("林口县中医院");
    }

    @Test
    void anEmptyFileIsNotANotice() {
        assertThatThrownBy(() -> PAGES.parse(new byte[0], NoticeOrigin.ofFile("empty.html", null)))
                .isInstanceOf(NotANoticeException.class).hasMessage("empty.html: not a procurement notice: the file is empty (0 bytes)");
        assertThatThrownBy(() -> PAGES.parse("<html><body> \n </body></html>".getBytes(StandardCharsets.UTF_8),
                NoticeOrigin.ofFile("blank.html", null)))
                .isInstanceOf(NotANoticeException.class).hasMessageContaining("blank.html").hasMessageContaining("empty page");
        assertThatThrownBy(() -> TEXTS.parse(new byte[0], NoticeOrigin.ofFile("empty.txt", null)))
                .isInstanceOf(NotANoticeException.class).hasMessageContaining("empty.txt");
    }
}
