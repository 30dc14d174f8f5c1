package io.tenderlens.source.ocds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one Jackson configuration used to read and write OCDS: numbers with a fraction are kept as
 * exact decimals (trailing zeros included, so {@code 1.10} is written back as {@code 1.10}), values
 * may be as long and as deeply nested as real data needs, and parsers never close the stream they read.
 */
public final class OcdsJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(1_000)
                    .maxNumberLength(10_000)
                    .build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private OcdsJson() {}

    /** The shared mapper (thread-safe); trees it reads keep decimals exact. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses one JSON object. */
    public static ObjectNode parseObject(byte[] json) {
        try (JsonParser p = MAPPER.createParser(json)) {
            JsonNode node = MAPPER.readTree(p);
            if (node instanceof ObjectNode o) {
                return o;
            }
            throw new IllegalArgumentException("not a JSON object: " + (node == null ? "nothing" : node.getNodeType()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a tree as compact UTF-8 JSON. */
    public static byte[] write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
