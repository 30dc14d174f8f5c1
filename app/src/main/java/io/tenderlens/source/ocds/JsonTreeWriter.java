package io.tenderlens.source.ocds;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes Jackson trees straight to a generator, without the serializer machinery of an
 * ObjectMapper, and with the UTF-8 bytes of field names computed once (OCDS repeats a few hundred
 * names millions of times). The output is the same as {@code mapper.writeTree(generator, node)}:
 * the generator's own settings (pretty printer, escaping) apply.
 */
public final class JsonTreeWriter {
    /** Enough for every name of a release schema with its extensions; rarer names are not cached. */
    private static final int MAX_CACHED_NAMES = 20_000;
    private static final Map<String, SerializedString> NAMES = new ConcurrentHashMap<>();

    private JsonTreeWriter() {}

    public static void write(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject(node, node.size());
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(name(e.getKey()));
                    write(e.getValue(), g);
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                int n = node.size();
                g.writeStartArray(node, n);
                for (int i = 0; i < n; i++) {
                    write(node.get(i), g);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    default -> g.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            default -> OcdsJson.mapper().writeTree(g, node);
        }
    }

    private static SerializedString name(String key) {
        SerializedString s = NAMES.get(key);
        if (s == null) {
            s = new SerializedString(key);
            if (NAMES.size() < MAX_CACHED_NAMES) {
                NAMES.putIfAbsent(key, s);
            }
        }
        return s;
    }
}
