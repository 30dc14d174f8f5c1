package io.tenderlens.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The content-addressed, append-only archive of every fetched or imported notice, with a transparency log over it.
 *
 * <p>Layout of the archive directory: {@code objects/ab/ab12…} (the bytes, named by their SHA-256), {@code log}
 * (see {@link LogFile}), {@code tree-heads.jsonl} (every signed tree head, one JSON per line), the signing key
 * ({@link TreeHeadSigner}), {@code tmp/} and {@code lock}. An object is written to {@code tmp/} and renamed into
 * place; in groups (every {@value #GROUP_COMMIT} objects and at {@link #commit}) the objects and their directories are
 * fsynced first, and only then are their log entries appended and fsynced, so a logged object is always complete on
 * disk. After a crash, complete objects that miss their log entry are logged on the next open and a torn log tail is
 * cut off, both reported in {@link #recoveryNotes}. One process writes an archive at a time (a file lock).
 */
public final class Archive implements AutoCloseable {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final LogFile log;
    private final TreeHeadLog heads;
    private final TreeHeadSigner signer;
    private final List<String> notes = new ArrayList<>();
    private final java.util.Set<Path> dirtyDirectories = new java.util.LinkedHashSet<>();
    private final List<Path> unsyncedObjects = new ArrayList<>();
    /** Objects per group commit: bounds the work a crash can leave to recovery. */
    private static final int GROUP_COMMIT = 256;

    /** What {@link #add} did with one object. */
    public record Entry(String sha256, int index, long size, boolean added) {}

    private Archive(Path dir, Clock clock) throws IOException {
        this.dir = dir;
        this.clock = clock;
        Files.createDirectories(dir.resolve("objects"));
        Files.createDirectories(dir.resolve("tmp"));
        lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            lockChannel.close();
            throw new IOException("another tenderlens process is using the archive " + dir + "; wait for it to finish");
        }
        lock = acquired;
        try {
            removeTemporaryFiles();
            signer = TreeHeadSigner.loadOrCreate(dir);
            heads = TreeHeadLog.open(dir.resolve("tree-heads.jsonl"), notes::add);
            log = LogFile.open(dir.resolve("log"), heads.latest().map(TreeHead::treeSize).orElse(0L), notes::add);
            adoptCompleteUnloggedObjects();
            if (log.damage().isEmpty()) {
                commit();
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /** Opens (creating when absent) the archive in {@code dir}, repairing what an interrupted writer left. */
    public static Archive open(Path dir) throws IOException {
        return new Archive(dir, Clock.systemUTC());
    }

    static Archive open(Path dir, Clock clock) throws IOException {
        return new Archive(dir, clock);
    }

    /** The archive directory inside a tenderlens data directory. */
    public static Path inDataDir(Path dataDir) {
        return dataDir.resolve("archive");
    }

    public Path directory() {
        return dir;
    }

    /** What opening repaired (torn tail, unlogged objects, leftover temporary files); empty after a clean shutdown. */
    public List<String> recoveryNotes() {
        return Collections.unmodifiableList(notes);
    }

    public Entry add(byte[] bytes) throws IOException {
        String hex = MerkleTree.hex(sha256().digest(bytes));
        int existing = log.indexOf(hex);
        return existing >= 0 ? new Entry(hex, existing, bytes.length, false) : add(new java.io.ByteArrayInputStream(bytes));
    }

    /** Stores a file's bytes once; a file already archived is only hashed, not copied again. */
    public Entry add(Path file) throws IOException {
        String hex = sha256Of(file);
        int existing = log.indexOf(hex);
        if (existing >= 0) {
            return new Entry(hex, existing, Files.size(file), false);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return add(in);
        }
    }

    /** Stores the bytes of {@code in} once; a second copy of the same bytes is recognised and not stored again. */
    public Entry add(InputStream in) throws IOException {
        Path tmp = Files.createTempFile(dir.resolve("tmp"), "object", ".tmp");
        try {
            MessageDigest md = sha256();
            long size;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = new DigestOutputStream(java.nio.channels.Channels.newOutputStream(ch), md)) {
                size = in.transferTo(out);
                out.flush();
            }
            byte[] digest = md.digest();
            String hex = MerkleTree.hex(digest);
            int existing = log.indexOf(hex);
            if (existing >= 0) {
                return new Entry(hex, existing, size, false);
            }
            Path target = objectFile(hex);
            if (!Files.isDirectory(target.getParent())) {
                Files.createDirectories(target.getParent());
                dirtyDirectories.add(target.getParent().getParent());
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--r--r--"));
            DurableFiles.renameAtomically(tmp, target);
            dirtyDirectories.add(target.getParent());
            unsyncedObjects.add(target);
            Entry entry = new Entry(hex, log.append(digest), size, true);
            if (log.pending() >= GROUP_COMMIT) {
                flush();
            }
            return entry;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Makes every add so far durable and, when the log grew, signs a new tree head over it. Refuses to sign when
     * the log no longer extends the last signed head (that is tampering, reported by {@link ArchiveVerifier}).
     */
    public TreeHead commit() throws IOException {
        flush();
        Optional<TreeHead> latest = heads.latest();
        if (latest.isPresent() && latest.get().treeSize() == log.size()) {
            return latest.get();
        }
        if (latest.isEmpty() && log.size() == 0) {
            return signer.signHead(0, MerkleTree.emptyRoot(), clock.millis()); // nothing to record yet
        }
        if (latest.isPresent()) {
            TreeHead last = latest.get();
            if (last.treeSize() > log.size()
                    || !MessageDigest.isEqual(MerkleTree.root(log.leafHashes(), (int) last.treeSize()), last.rootHash())) {
                throw new IOException("the archive log no longer matches its " + last + "; refusing to sign; run 'tenderlens verify'");
            }
        }
        long now = Math.max(clock.millis(), latest.map(h -> h.timestampMillis() + 1).orElse(0L));
        CompactRange range = new CompactRange();
        log.leafHashes().forEach(range::append);
        TreeHead head = signer.signHead(log.size(), range.root(), now);
        heads.append(head);
        return head;
    }

    /**
     * Group commit: the renames of the objects added since the last flush are made durable (their directories
     * fsynced) before their log entries are written and fsynced, so a logged object is always on disk; a crash in
     * between leaves complete unlogged objects, which the next open logs.
     */
    private void flush() throws IOException {
        for (Path object : unsyncedObjects) {
            try (FileChannel ch = FileChannel.open(object, StandardOpenOption.READ)) {
                ch.force(true);
            }
        }
        unsyncedObjects.clear();
        for (Path d : dirtyDirectories) {
            DurableFiles.syncDirectory(d);
        }
        dirtyDirectories.clear();
        log.sync();
    }

    /** Number of archived objects (= log entries). */
    public int size() {
        return log.size();
    }

    public boolean contains(String sha256) {
        return log.indexOf(sha256) >= 0;
    }

    /** Where the bytes of an archived object are, if it is archived. */
    public Optional<Path> objectPath(String sha256) {
        return contains(sha256) ? Optional.of(objectFile(sha256)) : Optional.empty();
    }

    public byte[] read(String sha256) throws IOException {
        return Files.readAllBytes(objectPath(sha256).orElseThrow(() -> new IOException("object " + sha256 + " is not in the archive " + dir)));
    }

    public Optional<TreeHead> latestTreeHead() {
        return heads.latest();
    }

    public byte[] publicKey() {
        return signer.publicKey();
    }

    /** The inclusion proof of an archived object in the latest signed tree head. */
    public InclusionProof prove(String sha256) throws IOException {
        int index = log.indexOf(sha256);
        if (index < 0) {
            throw new IOException("no object with SHA-256 " + sha256 + " is in the archive " + dir);
        }
        TreeHead head = commit();
        byte[] digest = log.digest(index);
        return new InclusionProof(sha256, index, MerkleTree.leafHash(digest),
                MerkleTree.inclusionProof(log.leafHashes(), index, (int) head.treeSize()), head,
                dir.relativize(objectFile(sha256)).toString());
    }

    /** The consistency proof from an older tree size to the latest signed tree head. */
    public List<byte[]> consistencyProof(long oldSize) throws IOException {
        TreeHead head = commit();
        return MerkleTree.consistencyProof(log.leafHashes(), (int) oldSize, (int) head.treeSize());
    }

    /** Checks everything; see {@link ArchiveVerifier}. */
    public VerificationReport verify(Optional<TreeHead> since) throws IOException {
        return new ArchiveVerifier(this).verify(since);
    }

    LogFile log() {
        return log;
    }

    TreeHeadLog heads() {
        return heads;
    }

    Path objectFile(String hex) {
        return objectFile(dir, hex);
    }

    /** Where an object with this SHA-256 (hex) lives in the archive directory {@code dir}. */
    static Path objectFile(Path dir, String hex) {
        return dir.resolve("objects").resolve(hex.substring(0, 2)).resolve(hex);
    }

    static boolean isSha256Hex(String s) {
        return SHA256_HEX.matcher(s).matches();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of a file's bytes, streamed. */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
        }
        return MerkleTree.hex(md.digest());
    }

    private void removeTemporaryFiles() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> tmp = Files.newDirectoryStream(dir.resolve("tmp"))) {
            for (Path p : tmp) {
                Files.deleteIfExists(p);
                removed++;
            }
        }
        if (removed > 0) {
            notes.add("removed " + removed + " unfinished temporary file(s) left by an interrupted write");
        }
    }

    /**
     * Objects renamed into place whose log entry was not written before a crash: re-hashed, then logged when complete;
     * an incomplete one (its bytes did not reach the disk before a power loss) was never logged, never promised, and
     * is moved to {@code damaged/} so that the next add of the same notice stores it again.
     */
    private void adoptCompleteUnloggedObjects() throws IOException {
        if (!log.damage().isEmpty()) {
            return;
        }
        int adopted = 0;
        int moved = 0;
        for (Path file : objectFiles()) {
            String name = file.getFileName().toString();
            if (isSha256Hex(name) && log.indexOf(name) >= 0) {
                continue;
            }
            if (isSha256Hex(name) && sha256Of(file).equals(name)) {
                log.append(MerkleTree.unhex(name));
                unsyncedObjects.add(file);
                dirtyDirectories.add(file.getParent());
                adopted++;
            } else {
                Path damaged = Files.createDirectories(dir.resolve("damaged")).resolve(name + "." + System.nanoTime());
                Files.move(file, damaged);
                moved++;
            }
        }
        if (adopted > 0) {
            flush();
            notes.add("logged " + adopted + " complete object(s) whose log entry an interrupted run had not written");
        }
        if (moved > 0) {
            notes.add("moved " + moved + " unlogged object file(s) whose bytes do not match their name to " + dir.resolve("damaged"));
        }
    }

    /** Every file under {@code objects/}, sorted for a stable order. */
    List<Path> objectFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(dir.resolve("objects"), 2)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        Collections.sort(files);
        return files;
    }

    @Override public void close() throws IOException {
        try {
            if (log.damage().isEmpty()) {
                commit();
            }
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (log != null) {
                log.close();
            }
        } catch (IOException ignored) {
            // closing after a failure: the first error is the one to report
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
