package io.tenderlens.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of an archive as of its latest signed tree head, taken without the writer's lock: a report or the
 * web server can read sources and hand out inclusion proofs while a harvest is appending. Everything a head covers
 * is already durable (objects and log lines are fsynced before the head is signed), so reading the log up to the
 * head's size is safe; on opening, the head's signature (with the archive's own key) and its root over those log
 * entries are checked, and a mismatch is refused ("run tenderlens verify"). Proofs are O(log n) each
 * ({@link MerkleLevels}, built once).
 */
public final class ArchiveSnapshot {
    private final Path dir;
    private final TreeHead head;
    private final Map<String, Integer> indexByHex;
    private final MerkleLevels levels;

    private ArchiveSnapshot(Path dir, TreeHead head, Map<String, Integer> indexByHex, MerkleLevels levels) {
        this.dir = dir;
        this.head = head;
        this.indexByHex = indexByHex;
        this.levels = levels;
    }

    /**
     * The archive in {@code archiveDir} as of its latest signed tree head; empty when there is no archive or it has
     * signed nothing yet.
     *
     * @throws IOException when the head is not signed by the archive's key or the log does not match it
     */
    public static Optional<ArchiveSnapshot> open(Path archiveDir) throws IOException {
        Path heads = archiveDir.resolve("tree-heads.jsonl");
        Path keyFile = archiveDir.resolve("public-key.txt");
        if (!Files.isRegularFile(heads) || !Files.isRegularFile(keyFile)) {
            return Optional.empty();
        }
        Optional<TreeHead> latest = latestHead(heads);
        if (latest.isEmpty() || latest.get().treeSize() == 0) {
            return Optional.empty();
        }
        TreeHead head = latest.get();
        byte[] key = MerkleTree.unhex(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
        if (!TreeHeadSigner.verify(key, head) || !java.util.Arrays.equals(key, head.publicKey())) {
            throw new IOException(heads + ": the latest " + head + " is not signed by the archive's key " + keyFile
                    + "; run 'tenderlens verify'");
        }
        if (head.treeSize() > Integer.MAX_VALUE) {
            throw new IOException(heads + ": a tree of " + head.treeSize() + " entries is larger than this version can read");
        }
        int size = (int) head.treeSize();
        Path logFile = archiveDir.resolve("log");
        List<byte[]> leaves = new ArrayList<>(size);
        Map<String, Integer> index = new HashMap<>(size * 2);
        byte[] line = new byte[LogFile.RECORD_SIZE];
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(logFile), 1 << 16)) {
            for (int i = 0; i < size; i++) {
                if (in.readNBytes(line, 0, line.length) != line.length) {
                    throw new IOException(logFile + " holds " + i + " entries, fewer than the " + size
                            + " its latest signed tree head covers; run 'tenderlens verify'");
                }
                byte[] digest = LogFile.parse(new String(line, StandardCharsets.US_ASCII));
                if (digest == null) {
                    throw new IOException("log entry " + i + " (" + logFile + " byte offset " + ((long) i * LogFile.RECORD_SIZE)
                            + ") is damaged; run 'tenderlens verify'");
                }
                index.putIfAbsent(MerkleTree.hex(digest), i);
                leaves.add(MerkleTree.leafHash(digest));
            }
        }
        MerkleLevels levels = new MerkleLevels(leaves);
        if (!java.security.MessageDigest.isEqual(levels.root(), head.rootHash())) {
            throw new IOException(logFile + ": its first " + size + " entries do not hash to the root of the latest signed "
                    + head + ": entries were changed after it was signed; run 'tenderlens verify'");
        }
        return Optional.of(new ArchiveSnapshot(archiveDir, head, index, levels));
    }

    /** The last tree head line that reads; a line being appended right now (no newline yet) is not one. */
    private static Optional<TreeHead> latestHead(Path heads) throws IOException {
        String text = Files.readString(heads, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return Optional.empty();
        }
        String[] lines = text.substring(0, end).split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return Optional.of(TreeHead.parse(lines[i], heads + " line " + (i + 1)));
            }
        }
        return Optional.empty();
    }

    public Path directory() {
        return dir;
    }

    /** The signed tree head this view is consistent with; every proof it gives is against this head. */
    public TreeHead treeHead() {
        return head;
    }

    /** The archive's Ed25519 public key (raw 32 bytes), as in {@code public-key.txt}. */
    public byte[] publicKey() {
        return head.publicKey();
    }

    /** Whether the object is covered by this view's tree head. */
    public boolean contains(String sha256) {
        return indexByHex.containsKey(sha256);
    }

    /** The file holding an object's bytes (read-only; named by its SHA-256), if the head covers it. */
    public Optional<Path> objectPath(String sha256) {
        return contains(sha256) ? Optional.of(objectFile(sha256)) : Optional.empty();
    }

    /** The inclusion proof of an object in {@link #treeHead()}, if the head covers it. */
    public Optional<InclusionProof> prove(String sha256) {
        Integer index = indexByHex.get(sha256);
        if (index == null) {
            return Optional.empty();
        }
        return Optional.of(new InclusionProof(sha256, index, MerkleTree.leafHash(MerkleTree.unhex(sha256)),
                levels.inclusionProof(index), head, dir.relativize(objectFile(sha256)).toString()));
    }

    private Path objectFile(String hex) {
        return Archive.objectFile(dir, hex);
    }
}
