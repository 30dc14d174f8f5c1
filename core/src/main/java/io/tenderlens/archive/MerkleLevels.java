package io.tenderlens.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * Every level of the RFC 9162 tree over a fixed list of leaves, built once (about 2n hashes), so that each audit path
 * afterwards costs O(log n) instead of the O(n) of {@link MerkleTree#inclusionProof}: what a report citing thousands
 * of notices, or a server answering many proof requests, needs. Built bottom-up, pairing nodes left to right and
 * carrying an odd last node up unchanged, which yields exactly the tree of RFC 9162 §2.1.1 (split at the largest
 * power of two smaller than n).
 */
public final class MerkleLevels {
    /** Level 0 is the leaves; the last level holds the root alone. */
    private final List<byte[][]> levels = new ArrayList<>();

    public MerkleLevels(List<byte[]> leafHashes) {
        byte[][] level = leafHashes.toArray(new byte[0][]);
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = 2 * i + 1 < level.length ? MerkleTree.nodeHash(level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            levels.add(up);
            level = up;
        }
    }

    /** Number of leaves. */
    public int size() {
        return levels.get(0).length;
    }

    /** The root of the tree (the empty tree's hash when there are no leaves). */
    public byte[] root() {
        return size() == 0 ? MerkleTree.emptyRoot() : levels.get(levels.size() - 1)[0];
    }

    /** The audit path of leaf {@code index}, nearest sibling first, as {@link MerkleTree#inclusionProof} gives it. */
    public List<byte[]> inclusionProof(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of " + size() + " leaves");
        }
        List<byte[]> path = new ArrayList<>();
        int i = index;
        for (int l = 0; l < levels.size() - 1; l++, i >>= 1) {
            byte[][] level = levels.get(l);
            if ((i & 1) == 1) {
                path.add(level[i - 1]);
            } else if (i + 1 < level.length) {
                path.add(level[i + 1]);
            } // else: the last node of an odd level is carried up, no sibling at this level
        }
        return path;
    }
}
