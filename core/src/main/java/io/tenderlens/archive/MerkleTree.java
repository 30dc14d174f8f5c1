package io.tenderlens.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The Merkle tree of a transparency log exactly as RFC 9162 (Certificate Transparency 2.0) §2.1 defines it:
 * leaf hash {@code SHA-256(0x00 || data)}, interior node {@code SHA-256(0x01 || left || right)}, and a tree of
 * n leaves split at the largest power of two smaller than n. Proofs are generated over a list of leaf hashes
 * and verified with the algorithms of §2.1.3.2 and §2.1.4.2. Pure functions; no state.
 */
public final class MerkleTree {
    /** Bytes in a SHA-256 hash. */
    public static final int HASH_SIZE = 32;

    private MerkleTree() {}

    /** The hash of an empty tree: SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** {@code SHA-256(0x00 || data)}. */
    public static byte[] leafHash(byte[] data) {
        MessageDigest md = sha256();
        md.update((byte) 0x00);
        md.update(data);
        return md.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = sha256();
        md.update((byte) 0x01);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** MTH over all the given leaf hashes. */
    public static byte[] root(List<byte[]> leafHashes) {
        return leafHashes.isEmpty() ? emptyRoot() : subtreeRoot(leafHashes, 0, leafHashes.size());
    }

    /** MTH of the first {@code size} leaves: the root the log had when it held {@code size} entries. */
    public static byte[] root(List<byte[]> leafHashes, int size) {
        checkSize(size, leafHashes.size());
        return size == 0 ? emptyRoot() : subtreeRoot(leafHashes, 0, size);
    }

    /**
     * The audit path (RFC 9162 §2.1.3.1) of leaf {@code index} in the tree of the first {@code size} leaves,
     * nearest sibling first.
     */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index, int size) {
        checkSize(size, leafHashes.size());
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of " + size + " leaves");
        }
        List<byte[]> path = new ArrayList<>();
        path(leafHashes, index, 0, size, path);
        return path;
    }

    /**
     * The consistency proof (RFC 9162 §2.1.4.1) between the tree of the first {@code oldSize} leaves and the tree
     * of the first {@code newSize} leaves. Empty when the sizes are equal or the old tree is empty.
     */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int oldSize, int newSize) {
        checkSize(newSize, leafHashes.size());
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("old tree size " + oldSize + " is not within 0.." + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            subproof(leafHashes, oldSize, 0, newSize, true, proof);
        }
        return proof;
    }

    /**
     * The root implied by an audit path (RFC 9162 §2.1.3.2), or empty when the path cannot belong to a leaf at
     * {@code index} in a tree of {@code size} (wrong length, index out of range).
     */
    public static Optional<byte[]> rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> path) {
        if (index < 0 || index >= size || leafHash.length != HASH_SIZE) {
            return Optional.empty();
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0 || p.length != HASH_SIZE) {
                return Optional.empty();
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? Optional.of(r) : Optional.empty();
    }

    /** Whether the audit path proves that {@code leafHash} is leaf {@code index} of the tree with {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        return rootFromInclusionProof(index, size, leafHash, path).map(r -> MessageDigest.isEqual(r, root)).orElse(false);
    }

    /**
     * Whether {@code proof} shows that the tree of {@code newSize} leaves with {@code newRoot} extends the tree of
     * {@code oldSize} leaves with {@code oldRoot} (RFC 9162 §2.1.4.2): the log only grew.
     */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        if (oldSize < 0 || oldSize > newSize) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            return proof.isEmpty(); // every tree extends the empty tree
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(oldSize) == 1) {
            path.add(0, oldRoot);
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0 || c.length != HASH_SIZE) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }

    /** The largest power of two strictly smaller than {@code n} (n ≥ 2). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] subtreeRoot(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        return nodeHash(subtreeRoot(leaves, from, from + k), subtreeRoot(leaves, from + k, to));
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = split(n);
        if (m < k) {
            path(leaves, m, from, from + k, out);
            out.add(subtreeRoot(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, out);
            out.add(subtreeRoot(leaves, from, from + k));
        }
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean whole, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!whole) {
                out.add(subtreeRoot(leaves, from, to));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, whole, out);
            out.add(subtreeRoot(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, out);
            out.add(subtreeRoot(leaves, from, from + k));
        }
    }

    private static void checkSize(int size, int available) {
        if (size < 0 || size > available) {
            throw new IllegalArgumentException("tree size " + size + " is not within 0.." + available);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Lower-case hex of a hash. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** The bytes of a hex string; rejects anything that is not hex. */
    public static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
