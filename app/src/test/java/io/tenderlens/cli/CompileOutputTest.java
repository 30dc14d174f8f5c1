package io.tenderlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.source.ocds.OcdsJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte layout of compile's output, against what Python's json module writes for ocdskit. */
class CompileOutputTest {
    private static final String RELEASE = "{\"tag\":[\"compiled\"],\"id\":\"x-1\",\"date\":\"d\",\"ocid\":\"x\",\"tender\":{\"items\":"
            + "[{\"id\":\"1\",\"quantity\":2}],\"documents\":[],\"x\":{}},\"parties\":[{\"id\":\"a\",\"name\":\"caf\u00e9\","
            + "\"roles\":[\"buyer\",\"supplier\"]}]}";

    private static ObjectNode json(String s) {
        return OcdsJson.parseObject(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String line(CompileOutput shape, String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        shape.writeLine(json(json), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void compactIsAsWrittenAndAsciiEscapes() {
        assertThat(line(new CompileOutput(false, false), RELEASE)).isEqualTo(RELEASE + "\n");
        assertThat(line(new CompileOutput(false, true), RELEASE)).isEqualToIgnoringCase(RELEASE.replace("\u00e9", "\\u00e9") + "\n");
    }

    @Test
    void prettyIsPythonIndent2() {
        String expected = """
                {
                  "tag": [
                    "compiled"
                  ],
                  "id": "x-1",
                  "date": "d",
                  "ocid": "x",
                  "tender": {
                    "items": [
                      {
                        "id": "1",
                        "quantity": 2
                      }
                    ],
                    "documents": [],
                    "x": {}
                  },
                  "parties": [
                    {
                      "id": "a",
                      "name": "caf\u00e9",
                      "roles": [
                        "buyer",
                        "supplier"
                      ]
                    }
                  ]
                }
                """;
        assertThat(line(new CompileOutput(true, false), RELEASE)).isEqualTo(expected);
    }

    @Test
    void prettyRecordPackage() throws IOException {
        CompileOutput shape = new CompileOutput(true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        shape.packageStart(json("{\"uri\":\"\",\"publisher\":{\"name\":\"P\"},\"publishedDate\":\"\",\"version\":\"1.1\"}"), out);
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        shape.writeRecord(json("{\"ocid\":\"x\",\"releases\":[]}"), true, records);
        shape.writeRecord(json("{\"ocid\":\"y\"}"), false, records);
        out.write(records.toByteArray());
        shape.recordsWritten();
        shape.packageEnd(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                {
                  "uri": "",
                  "publisher": {
                    "name": "P"
                  },
                  "publishedDate": "",
                  "version": "1.1",
                  "records": [
                    {
                      "ocid": "x",
                      "releases": []
                    },
                    {
                      "ocid": "y"
                    }
                  ]
                }
                """);
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        CompileOutput none = new CompileOutput(true, false);
        none.packageStart(json("{\"uri\":\"\"}"), empty);
        none.packageEnd(empty);
        assertThat(empty.toString(StandardCharsets.UTF_8)).isEqualTo("{\n  \"uri\": \"\",\n  \"records\": []\n}\n");
    }
}
