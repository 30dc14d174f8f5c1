package io.tenderlens.source.ocds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.ocds.MergeRules;
import io.tenderlens.ocds.ReleaseCompiler;
import io.tenderlens.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link CompactJsonWriter} writes the bytes Jackson writes, on real releases and on the awkward cases. */
class CompactJsonWriterTest {

    private static String written(JsonNode value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompactJsonWriter.write(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String jackson(JsonNode value) {
        return new String(OcdsJson.write(value), StandardCharsets.UTF_8);
    }

    private static ObjectNode json(String s) {
        return OcdsJson.parseObject(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyRealReleaseAndItsCompiledAndVersionedReleaseAsJacksonWritesThem() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SharedData.path("ocds/real"))) {
            files = walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled(), (ocid, message) -> { });
        long compared = 0;
        for (Path file : files) {
            Map<String, List<ObjectNode>> byOcid = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode release = json(line);
                assertThat(written(release)).as(file.toString()).isEqualTo(jackson(release));
                byOcid.computeIfAbsent(release.path("ocid").asText(), k -> new ArrayList<>()).add(release);
                compared++;
            }
            for (List<ObjectNode> releases : byOcid.values()) {
                ObjectNode compiled = compiler.compile(releases);
                ObjectNode versioned = compiler.versioned(releases);
                assertThat(written(compiled)).as(file.toString()).isEqualTo(jackson(compiled));
                assertThat(written(versioned)).as(file.toString()).isEqualTo(jackson(versioned));
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void escapesNumbersAndEmptyValuesAsJackson() {
        ObjectNode v = json("{\"a\\\"b\":\"q\\\"uo\\\\te\",\"url\":\"https://x.org/a?b=1&c=\\u00e9/\",\"zh\":\"北京市海淀区\","
                + "\"n\":[0,-1,2147483648,123456789012345678901234567890,1.10,1E+3,-0.0,1e-7],"
                + "\"b\":[true,false,null],\"e\":{},\"ea\":[],\"line\":\"\\u2028\\u007f\",\"é\":\"ü\"}");
        assertThat(written(v)).isEqualTo(jackson(v));
    }

    @Test
    void controlCharactersAndCharactersBeyondTheBmpAsPythonWritesThem() {
        // json.dumps({"ctl": "\x00\x01\b\t\n\f\r\x1f", "emoji": "x\U0001F600y"}, ensure_ascii=False, separators=(",", ":"))
        ObjectNode v = json("{\"ctl\":\"\\u0000\\u0001\\b\\t\\n\\f\\r\\u001F\",\"emoji\":\"x\\ud83d\\ude00y\"}");
        assertThat(written(v)).isEqualTo("{\"ctl\":\"\\u0000\\u0001\\b\\t\\n\\f\\r\\u001f\",\"emoji\":\"x\uD83D\uDE00y\"}");
        assertThat(json(written(v))).isEqualTo(v);
    }

    @Test
    void aLoneSurrogateIsEscapedSoTheTextSurvives() {
        ObjectNode v = json("{\"s\":\"a?\\ud800b\",\"t\":\"\\udc00\"}");
        assertThat(written(v)).isEqualTo("{\"s\":\"a?\\ud800b\",\"t\":\"\\udc00\"}");
        assertThat(json(written(v))).isEqualTo(v);
    }
}
