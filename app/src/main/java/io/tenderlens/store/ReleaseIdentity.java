package io.tenderlens.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The identity of a release: the SHA-256 of its canonical JSON. Canonical means keys sorted, no
 * insignificant white space, and numbers written as their exact decimal value without trailing
 * zeros, so the same release read from a package, a JSON Lines file or a record package, pretty
 * printed or not, gets the same identity, and any change to its content gets a new one.
 */
public final class ReleaseIdentity {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    private ReleaseIdentity() {}

    /** The lower-case hex SHA-256 of the canonical JSON of {@code node}. */
    public static String sha256(JsonNode node) {
        MessageDigest digest = newDigest();
        try (JsonGenerator gen = FACTORY.createGenerator(new DigestStream(digest))) {
            writeCanonical(node, gen);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a digest stream does not fail
        }
        return HEX.formatHex(digest.digest());
    }

    private static void writeCanonical(JsonNode node, JsonGenerator gen) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(names::add);
                names.sort(null); // UTF-16 code unit order, as RFC 8785
                gen.writeStartObject();
                for (String name : names) {
                    gen.writeFieldName(name);
                    writeCanonical(node.get(name), gen);
                }
                gen.writeEndObject();
            }
            case ARRAY -> {
                gen.writeStartArray();
                for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                    writeCanonical(it.next(), gen);
                }
                gen.writeEndArray();
            }
            case NUMBER -> gen.writeNumber(canonicalNumber(node));
            case STRING -> gen.writeString(node.textValue());
            case BOOLEAN -> gen.writeBoolean(node.booleanValue());
            case NULL, MISSING -> gen.writeNull();
            default -> gen.writeString(node.asText()); // binary or POJO nodes do not come out of a parser
        }
    }

    /** 1, 1.0 and 1.00e0 are the same number; non-finite doubles cannot occur in parsed JSON. */
    static String canonicalNumber(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().toString();
        }
        BigDecimal value = number.decimalValue();
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // plain notation for every ordinary amount; scientific only for absurd exponents
        return Math.abs(stripped.scale()) <= 64 ? stripped.toPlainString() : stripped.toString();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final class DigestStream extends OutputStream {
        private final MessageDigest digest;

        DigestStream(MessageDigest digest) {
            this.digest = digest;
        }

        @Override public void write(int b) {
            digest.update((byte) b);
        }

        @Override public void write(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }
    }
}
