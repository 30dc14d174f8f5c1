package io.tenderlens.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The append-only log file: one fixed-width ASCII line per archived object, {@code <sha-256 hex> <crc32c hex>\n}
 * (74 bytes), in the order the objects were archived. Entry i is leaf i of the Merkle tree; its leaf data is the
 * 32-byte SHA-256 of the object. The checksum tells an unfinished last line (a crash) from a changed line.
 */
final class LogFile implements AutoCloseable {
    static final int RECORD_SIZE = 64 + 1 + 8 + 1;

    private final Path file;
    private final FileChannel channel;
    private final List<byte[]> digests = new ArrayList<>();
    private final List<byte[]> leafHashes = new ArrayList<>();
    private final Map<String, Integer> indexByHex = new HashMap<>();
    private final List<String> damage = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();

    private LogFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Opens the log, repairing a torn tail beyond the last signed size (reported to {@code notes}); damage anywhere
     * else is kept in {@link #damage()} and never repaired.
     */
    static LogFile open(Path file, long signedSize, Consumer<String> notes) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        LogFile log = new LogFile(file, channel);
        log.load(signedSize, notes);
        return log;
    }

    private void load(long signedSize, Consumer<String> notes) throws IOException {
        long length = channel.size();
        if (length > Integer.MAX_VALUE) {
            throw new IOException(file + " is larger than this version can read (" + length + " bytes)");
        }
        ByteBuffer all = ByteBuffer.allocate((int) length);
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) { /* read fully */ }
        byte[] bytes = all.array();
        int records = (int) (length / RECORD_SIZE);
        long keep = length;
        if (length % RECORD_SIZE != 0) {
            keep = (long) records * RECORD_SIZE;
            notes.accept("repaired " + file + ": removed an unfinished last entry (" + (length - keep)
                    + " bytes at byte offset " + keep + ") left by an interrupted write");
        }
        for (int i = 0; i < records; i++) {
            String line = new String(bytes, i * RECORD_SIZE, RECORD_SIZE, StandardCharsets.US_ASCII);
            byte[] digest = parse(line);
            if (digest == null) {
                boolean tornTail = i == records - 1 && i >= signedSize && keep == length;
                if (tornTail) {
                    keep = (long) i * RECORD_SIZE;
                    notes.accept("repaired " + file + ": removed an unfinished last entry (entry " + i
                            + ", byte offset " + keep + ") that no signed tree head covers");
                    break;
                }
                damage.add("log entry " + i + " (" + file + " byte offset " + ((long) i * RECORD_SIZE)
                        + ") is damaged: its text or checksum does not match");
                digest = new byte[MerkleTree.HASH_SIZE]; // keeps indexes stable; the tree built on it fails verification
            } else {
                Integer earlier = indexByHex.putIfAbsent(MerkleTree.hex(digest), i);
                if (earlier != null) {
                    damage.add("log entries " + earlier + " and " + i + " both hold object " + MerkleTree.hex(digest)
                            + ": an archived object is logged once, so the log was changed");
                }
            }
            digests.add(digest);
            leafHashes.add(MerkleTree.leafHash(digest));
        }
        if (keep != length) {
            channel.truncate(keep);
            channel.force(true);
        }
    }

    /** The digest of a stored line, or null when its text or checksum is wrong. */
    static byte[] parse(String line) {
        if (line.charAt(64) != ' ' || line.charAt(73) != '\n') {
            return null;
        }
        try {
            byte[] digest = MerkleTree.unhex(line.substring(0, 64));
            String crc = line.substring(65, 73);
            return crc.equals(checksum(digest)) && line.substring(0, 64).equals(MerkleTree.hex(digest)) ? digest : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String checksum(byte[] digest) {
        CRC32C crc = new CRC32C();
        crc.update(digest);
        return String.format("%08x", crc.getValue());
    }

    /** The line for an entry, exactly as stored. */
    static String line(byte[] digest) {
        return MerkleTree.hex(digest) + " " + checksum(digest) + "\n";
    }

    /** Appends an entry in memory; it reaches the file, durably, at the next {@link #sync}. */
    int append(byte[] digest) throws IOException {
        if (!damage.isEmpty()) {
            throw new IOException("the archive log " + file + " is damaged (" + damage.get(0) + "); run 'tenderlens verify'");
        }
        pending.append(line(digest));
        int index = digests.size();
        digests.add(digest);
        leafHashes.add(MerkleTree.leafHash(digest));
        indexByHex.put(MerkleTree.hex(digest), index);
        return index;
    }

    /** Entries appended but not yet written by {@link #sync}. */
    int pending() {
        return pending.length() / RECORD_SIZE;
    }

    /** Writes the pending entries in one append and forces them to disk. */
    void sync() throws IOException {
        if (pending.length() > 0) {
            ByteBuffer buffer = ByteBuffer.wrap(pending.toString().getBytes(StandardCharsets.US_ASCII));
            long at = channel.size();
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
            channel.force(false);
            pending.setLength(0);
        }
    }

    int size() {
        return digests.size();
    }

    /** Index of the entry holding {@code hex}, or -1. */
    int indexOf(String hex) {
        return indexByHex.getOrDefault(hex, -1);
    }

    byte[] digest(int index) {
        return digests.get(index);
    }

    /** Leaf hashes in log order (read-only view). */
    List<byte[]> leafHashes() {
        return java.util.Collections.unmodifiableList(leafHashes);
    }

    List<String> damage() {
        return List.copyOf(damage);
    }

    Path file() {
        return file;
    }

    /** Closes without writing pending entries: only {@link Archive} knows when their objects are durable. */
    @Override public void close() throws IOException {
        channel.close();
    }
}
