package io.tenderlens.server;

import io.tenderlens.archive.Archive;
import io.tenderlens.archive.ArchiveSnapshot;
import io.tenderlens.archive.InclusionProof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The archive of the data directory as of its latest signed tree head, read without the writer's lock (a harvest
 * may append meanwhile). The view is kept between requests and taken again when a new head has been signed.
 */
public final class ArchiveAccess {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path directory;
    private Optional<ArchiveSnapshot> snapshot = Optional.empty();
    private FileTime headsSeen;
    private long headsSize = -1;

    ArchiveAccess(Path dataDirectory) {
        this.directory = Archive.inDataDir(dataDirectory);
    }

    /** Whether {@code sha256} is a well-formed digest (anything else is never looked up). */
    public static boolean wellFormed(String sha256) {
        return sha256 != null && SHA256.matcher(sha256).matches();
    }

    /** The archived bytes, if this digest is covered by the latest signed tree head. */
    public Optional<byte[]> bytes(String sha256) throws IOException {
        if (!wellFormed(sha256)) {
            return Optional.empty();
        }
        Optional<Path> file = current().flatMap(s -> s.objectPath(sha256));
        return file.isPresent() ? Optional.of(Files.readAllBytes(file.get())) : Optional.empty();
    }

    /** The inclusion proof of an archived object in the latest signed tree head. */
    public Optional<InclusionProof> proof(String sha256) throws IOException {
        return wellFormed(sha256) ? current().flatMap(s -> s.prove(sha256)) : Optional.empty();
    }

    /** Which of the digests are archived. */
    public Set<String> archived(Collection<String> digests) throws IOException {
        Set<String> out = new HashSet<>();
        Optional<ArchiveSnapshot> view = current();
        if (view.isPresent()) {
            for (String d : digests) {
                if (wellFormed(d) && view.get().contains(d)) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    private synchronized Optional<ArchiveSnapshot> current() throws IOException {
        Path heads = directory.resolve("tree-heads.jsonl");
        if (!Files.isRegularFile(heads)) {
            return Optional.empty();
        }
        FileTime modified = Files.getLastModifiedTime(heads);
        long size = Files.size(heads);
        if (!modified.equals(headsSeen) || size != headsSize) {
            snapshot = ArchiveSnapshot.open(directory);
            headsSeen = modified;
            headsSize = size;
        }
        return snapshot;
    }
}
