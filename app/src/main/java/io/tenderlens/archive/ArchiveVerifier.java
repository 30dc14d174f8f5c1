package io.tenderlens.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an archive end to end: every logged object is present and hashes to its name, every object file is
 * logged, every signed tree head carries a valid signature by the archive's key and matches the log at its size
 * (so no entry was changed after it was signed), the latest head covers the whole log, and, given a tree head
 * saved earlier, a consistency proof shows the log only grew since.
 */
final class ArchiveVerifier {
    private final Archive archive;

    ArchiveVerifier(Archive archive) {
        this.archive = archive;
    }

    VerificationReport verify(Optional<TreeHead> since) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        LogFile log = archive.log();
        problems.addAll(log.damage());
        problems.addAll(archive.heads().damage());

        long bytes = 0;
        for (int i = 0; i < log.size(); i++) {
            String hex = MerkleTree.hex(log.digest(i));
            Path file = archive.objectFile(hex);
            if (!Files.isRegularFile(file)) {
                problems.add("log entry " + i + ": object " + hex + " is missing (" + file + ")");
                continue;
            }
            String actual = Archive.sha256Of(file);
            if (!actual.equals(hex)) {
                problems.add("object " + file + " (log entry " + i + ") is corrupt: its bytes hash to " + actual);
            }
            bytes += Files.size(file);
        }
        for (Path file : archive.objectFiles()) {
            String name = file.getFileName().toString();
            if (!Archive.isSha256Hex(name) || log.indexOf(name) < 0) {
                problems.add("file " + file + " is in the object store but not in the log");
            }
        }

        byte[] key = archive.publicKey();
        List<TreeHead> heads = archive.heads().all();
        for (TreeHead head : heads) {
            if (!MessageDigest.isEqual(head.publicKey(), key) || !TreeHeadSigner.verify(key, head)) {
                problems.add("the " + head + " does not carry a valid signature by this archive's key");
            }
            if (head.treeSize() > log.size()) {
                problems.add("the " + head + " covers more entries than the log holds (" + log.size() + "): the log was cut");
            }
        }
        checkRootsAtHeadSizes(log, heads, problems);

        Optional<TreeHead> latest = archive.latestTreeHead();
        if (latest.isEmpty() && log.size() > 0) {
            problems.add("the log has " + log.size() + " entries but no signed tree head");
        } else if (latest.isPresent() && latest.get().treeSize() != log.size()) {
            problems.add("the latest " + latest.get() + " does not cover the whole log (" + log.size() + " entries)");
        }
        latest.ifPresent(h -> facts.add("latest " + h));

        if (since.isPresent()) {
            checkConsistency(since.get(), latest, key, problems, facts);
        }
        return new VerificationReport(log.size(), bytes, heads.size(), List.copyOf(problems), List.copyOf(facts));
    }

    /** Recomputes the root after every entry and compares it with each tree head signed at that size. */
    private static void checkRootsAtHeadSizes(LogFile log, List<TreeHead> heads, List<String> problems) {
        Map<Long, List<TreeHead>> headsAtSize = new HashMap<>();
        heads.forEach(h -> headsAtSize.computeIfAbsent(h.treeSize(), s -> new ArrayList<>()).add(h));
        CompactRange range = new CompactRange();
        checkAt(range, headsAtSize, problems);
        for (byte[] leaf : log.leafHashes()) {
            range.append(leaf);
            checkAt(range, headsAtSize, problems);
        }
    }

    private static void checkAt(CompactRange range, Map<Long, List<TreeHead>> headsAtSize, List<String> problems) {
        List<TreeHead> atSize = headsAtSize.get(range.size());
        if (atSize == null) {
            return;
        }
        byte[] root = range.root();
        for (TreeHead head : atSize) {
            if (!MessageDigest.isEqual(root, head.rootHash())) {
                problems.add("the log's first " + range.size() + " entries have root " + MerkleTree.hex(root)
                        + " but the signed " + head + ": entries were changed after it was signed");
            }
        }
    }

    private void checkConsistency(TreeHead saved, Optional<TreeHead> latest, byte[] key, List<String> problems, List<String> facts)
            throws IOException {
        if (!MessageDigest.isEqual(saved.publicKey(), key) || !TreeHeadSigner.verify(key, saved)) {
            problems.add("the saved " + saved + " is not signed by this archive's key");
            return;
        }
        if (latest.isEmpty() || saved.treeSize() > latest.get().treeSize()) {
            problems.add("the saved " + saved + " is larger than the log now (" + archive.size() + " entries): the log shrank");
            return;
        }
        TreeHead now = latest.get();
        List<byte[]> proof = archive.consistencyProof(saved.treeSize());
        if (MerkleTree.verifyConsistency(saved.treeSize(), now.treeSize(), saved.rootHash(), now.rootHash(), proof)) {
            facts.add("consistency proof from size " + saved.treeSize() + " to " + now.treeSize() + " (" + proof.size()
                    + " hashes) verifies: the log only grew");
        } else {
            problems.add("no valid consistency proof from the saved " + saved + " to the latest " + now
                    + ": the log did not only grow since the saved tree head");
        }
    }
}
