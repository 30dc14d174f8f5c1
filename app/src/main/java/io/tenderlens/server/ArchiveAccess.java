package io.tenderlens.server;

import io.tenderlens.archive.Archive;
import io.tenderlens.archive.InclusionProof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The archive of the data directory, opened for the length of one request: the archive admits one
 * process at a time, so the server does not keep it from a harvest between requests.
 */
public final class ArchiveAccess {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path directory;

    ArchiveAccess(Path dataDirectory) {
        this.directory = Archive.inDataDir(dataDirectory);
    }

    /** Whether {@code sha256} is a well-formed digest (anything else is never looked up). */
    public static boolean wellFormed(String sha256) {
        return sha256 != null && SHA256.matcher(sha256).matches();
    }

    /** The archived bytes, if this digest is archived. */
    public synchronized Optional<byte[]> bytes(String sha256) throws IOException {
        if (!wellFormed(sha256) || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Archive archive = Archive.open(directory)) {
            return archive.contains(sha256) ? Optional.of(archive.read(sha256)) : Optional.empty();
        }
    }

    /** The inclusion proof of an archived object in the latest signed tree head. */
    public synchronized Optional<InclusionProof> proof(String sha256) throws IOException {
        if (!wellFormed(sha256) || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Archive archive = Archive.open(directory)) {
            return archive.contains(sha256) ? Optional.of(archive.prove(sha256)) : Optional.empty();
        }
    }

    /** Which of the digests are archived (one opening for all). */
    public synchronized java.util.Set<String> archived(java.util.Collection<String> digests) throws IOException {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        try (Archive archive = Archive.open(directory)) {
            for (String d : digests) {
                if (wellFormed(d) && archive.contains(d)) {
                    out.add(d);
                }
            }
        }
        return out;
    }
}
