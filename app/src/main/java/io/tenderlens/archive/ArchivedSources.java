package io.tenderlens.archive;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenderlens.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sources of records and their archived copies: for an ocid (or any releases), each release's {@code noticeSource}
 * with its SHA-256, size, URL or file and an inclusion proof against the archive's latest signed tree head. Lock-free
 * and read-only ({@link ArchiveSnapshot}): safe beside a running harvest. The report's source links and the web
 * server's project page both use it (docs/ARCHIVE.md, "Sources of a record").
 */
public final class ArchivedSources {
    private final Optional<ArchiveSnapshot> snapshot;

    private ArchivedSources(Optional<ArchiveSnapshot> snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * The archive of a tenderlens data directory ({@code DIR/archive}) as of its latest signed tree head; with no
     * archive there, sources are still listed, none archived.
     *
     * @throws IOException when the archive does not match its signed tree head (then run {@code tenderlens verify})
     */
    public static ArchivedSources of(Path dataDir) throws IOException {
        return new ArchivedSources(ArchiveSnapshot.open(Archive.inDataDir(dataDir)));
    }

    public static ArchivedSources of(ArchiveSnapshot snapshot) {
        return new ArchivedSources(Optional.of(snapshot));
    }

    /** No archive: sources are listed, none archived. */
    public static ArchivedSources none() {
        return new ArchivedSources(Optional.empty());
    }

    /** The snapshot read, if there is an archive. */
    public Optional<ArchiveSnapshot> snapshot() {
        return snapshot;
    }

    /** The signed tree head every proof given here is against. */
    public Optional<TreeHead> treeHead() {
        return snapshot.map(ArchiveSnapshot::treeHead);
    }

    /** The sources of the releases of {@code ocid} in the store, in ingest order, each SHA-256 once. */
    public List<ArchivedSource> forOcid(Store store, String ocid) {
        return of(store.releases(ocid));
    }

    /** The sources named by these releases' {@code noticeSource}, each SHA-256 once; releases without one are skipped. */
    public List<ArchivedSource> of(List<? extends JsonNode> releases) {
        List<ArchivedSource> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode release : releases) {
            JsonNode ns = release.path("noticeSource");
            String sha = ns.path("sha256").asText("").toLowerCase(java.util.Locale.ROOT);
            if (!Archive.isSha256Hex(sha) || !seen.add(sha)) {
                continue;
            }
            out.add(source(sha, release.path("id").asText(""), release.path("date").asText(""), ns.path("url").asText(""),
                    ns.path("file").asText(""), ns.path("site").asText(""),
                    ns.path("noticeTypeZh").asText(ns.path("noticeType").asText(""))));
        }
        return out;
    }

    /** One source by its SHA-256, with what is known of it here (only the hash when no release is given). */
    public ArchivedSource source(String sha256, String releaseId, String date, String url, String file, String site, String noticeType) {
        Optional<Path> path = snapshot.flatMap(s -> s.objectPath(sha256));
        long size = -1;
        if (path.isPresent()) {
            try {
                size = Files.size(path.get());
            } catch (IOException e) {
                throw new UncheckedIOException("archived object " + path.get() + " cannot be read; run 'tenderlens verify'", e);
            }
        }
        return new ArchivedSource(sha256, releaseId, date, url, file, site, noticeType, size, path,
                snapshot.flatMap(s -> s.prove(sha256)));
    }
}
