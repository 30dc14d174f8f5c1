package io.tenderlens.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Proof that an archived object is leaf {@code leafIndex} of the log whose signed tree head is {@code treeHead}.
 * The leaf data is the object's 32-byte SHA-256, so anyone holding the bytes can recompute the leaf hash.
 */
public record InclusionProof(String sha256, long leafIndex, byte[] leafHash, List<byte[]> auditPath, TreeHead treeHead,
                             String archivePath) {

    public ObjectNode toJson() {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("sha256", sha256);
        node.put("leafIndex", leafIndex);
        node.put("leafHash", MerkleTree.hex(leafHash));
        node.put("treeSize", treeHead.treeSize());
        ArrayNode path = node.putArray("auditPath");
        auditPath.forEach(h -> path.add(MerkleTree.hex(h)));
        node.set("treeHead", treeHead.toJson());
        node.put("archivePath", archivePath);
        node.put("hashing", "RFC 9162: leaf = SHA-256(0x00 || SHA-256(object)), node = SHA-256(0x01 || left || right)");
        return node;
    }

    /** Whether the path leads from the leaf to the tree head's root. */
    public boolean verifies() {
        return MerkleTree.verifyInclusion(leafIndex, treeHead.treeSize(), leafHash, auditPath, treeHead.rootHash());
    }
}
