package io.tenderlens.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Crash-safe file writing: write to a temporary file, fsync, rename atomically, fsync the directory. */
public final class DurableFiles {
    private DurableFiles() {}

    /** Writes {@code bytes} to {@code file} and forces them to disk. */
    public static void writeAndSync(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
    }

    /** Replaces {@code target} by {@code bytes} so that a crash, even a power loss, leaves the old or the new content. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        replace(target, bytes, true);
    }

    /** Replaces {@code target} atomically (a killed process leaves the old or the new content), without fsync. */
    public static void replaceAtomically(Path target, byte[] bytes) throws IOException {
        replace(target, bytes, false);
    }

    private static void replace(Path target, byte[] bytes, boolean durable) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            if (durable) {
                writeAndSync(tmp, bytes);
                moveAtomically(tmp, target);
            } else {
                Files.write(tmp, bytes);
                renameAtomically(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames {@code from} to {@code to} atomically and makes the rename durable. */
    public static void moveAtomically(Path from, Path to) throws IOException {
        renameAtomically(from, to);
        syncDirectory(to.toAbsolutePath().getParent());
    }

    /** Renames atomically; durable once the target's directory is synced ({@link #syncDirectory}). */
    public static void renameAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to + " cannot rename atomically; the archive needs it", e);
        }
    }

    /** Forces a directory's entries to disk (a no-op where the platform cannot open directories). */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            if (Files.isDirectory(dir) && System.getProperty("os.name", "").startsWith("Windows")) {
                return;
            }
            throw e;
        }
    }
}
