package io.tenderlens.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed tree head: the size and root of the archive's log at one moment, signed with the archive's Ed25519 key.
 * The signed bytes are the UTF-8 text {@code "tenderlens tree head v1\n" + treeSize + "\n" + rootHex + "\n" +
 * timestampMillis + "\n"}, simple enough to rebuild in any language (see docs/ARCHIVE.md).
 */
public record TreeHead(long treeSize, byte[] rootHash, long timestampMillis, byte[] publicKey, byte[] signature) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The exact bytes that are signed. */
    public static byte[] signedBytes(long treeSize, byte[] rootHash, long timestampMillis) {
        return ("tenderlens tree head v1\n" + treeSize + "\n" + MerkleTree.hex(rootHash) + "\n" + timestampMillis + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedBytes() {
        return signedBytes(treeSize, rootHash, timestampMillis);
    }

    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("treeSize", treeSize);
        node.put("rootHash", MerkleTree.hex(rootHash));
        node.put("timestamp", timestampMillis);
        node.put("time", Instant.ofEpochMilli(timestampMillis).toString());
        node.put("publicKey", MerkleTree.hex(publicKey));
        node.put("signature", Base64.getEncoder().encodeToString(signature));
        return node;
    }

    /** One line of JSON, as kept in the tree-head history and written by {@code prove}. */
    public String toJsonLine() {
        return toJson().toString();
    }

    /** Reads a tree head written by {@link #toJson}; {@code where} names the source in error messages. */
    public static TreeHead fromJson(JsonNode node, String where) {
        try {
            return new TreeHead(required(node, "treeSize", where).asLong(),
                    hash(required(node, "rootHash", where).asText(), where),
                    required(node, "timestamp", where).asLong(),
                    MerkleTree.unhex(required(node, "publicKey", where).asText()),
                    Base64.getDecoder().decode(required(node, "signature", where).asText()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": not a tree head: " + e.getMessage(), e);
        }
    }

    public static TreeHead parse(String json, String where) {
        try {
            return fromJson(JSON.readTree(json), where);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static byte[] hash(String hex, String where) {
        byte[] bytes = MerkleTree.unhex(hex);
        if (bytes.length != MerkleTree.HASH_SIZE) {
            throw new IllegalArgumentException(where + ": rootHash must be 32 bytes of hex");
        }
        return bytes;
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is missing");
        }
        return value;
    }

    @Override public String toString() {
        return "tree head size " + treeSize + " root " + MerkleTree.hex(rootHash) + " at " + Instant.ofEpochMilli(timestampMillis);
    }
}
