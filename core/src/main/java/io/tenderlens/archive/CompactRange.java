package io.tenderlens.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * The roots of the perfect subtrees that make up a growing log (one per set bit of its size), enough to give the
 * RFC 9162 root after every append in O(log n) memory: fold the subtree roots from the smallest to the largest.
 */
public final class CompactRange {
    private final List<byte[]> peaks = new ArrayList<>(); // largest subtree first
    private long size;

    /** Adds the next leaf hash. */
    public void append(byte[] leafHash) {
        byte[] node = leafHash;
        // merge while the trailing subtrees have equal size: one merge per trailing 1-bit of the old size
        for (long s = size; (s & 1) == 1; s >>= 1) {
            node = MerkleTree.nodeHash(peaks.remove(peaks.size() - 1), node);
        }
        peaks.add(node);
        size++;
    }

    public long size() {
        return size;
    }

    /** The root of the tree of all leaves appended so far. */
    public byte[] root() {
        if (peaks.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] root = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(peaks.get(i), root);
        }
        return root;
    }
}
