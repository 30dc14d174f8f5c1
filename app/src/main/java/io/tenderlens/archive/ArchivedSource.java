package io.tenderlens.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One source of a record — the notice (or article) a release was made from — and, when the archive holds its bytes,
 * where they are and the proof that they are in the signed log.
 *
 * @param sha256     {@code noticeSource.sha256}: the SHA-256 (hex) of the source's bytes
 * @param releaseId  the release made from it
 * @param date       the release's date, as written, or empty
 * @param url        {@code noticeSource.url}, or empty
 * @param file       {@code noticeSource.file}, or empty
 * @param site       {@code noticeSource.site}, or empty
 * @param noticeType {@code noticeSource.noticeTypeZh} (else {@code noticeType}), or empty
 * @param size       bytes of the archived copy; -1 when not archived
 * @param path       the archived copy (read-only), when archived
 * @param proof      its inclusion proof against the snapshot's signed tree head, when archived
 */
public record ArchivedSource(String sha256, String releaseId, String date, String url, String file, String site,
                             String noticeType, long size, Optional<Path> path, Optional<InclusionProof> proof) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean archived() {
        return proof.isPresent();
    }

    /**
     * As JSON for an API: the fields above, {@code archived}, and {@code proof} — the same object {@code tenderlens
     * prove} prints, checkable with tools/verify-proof.py.
     */
    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("sha256", sha256);
        node.put("releaseId", releaseId);
        node.put("date", date);
        node.put("url", url);
        node.put("file", file);
        node.put("site", site);
        node.put("noticeType", noticeType);
        node.put("archived", archived());
        if (archived()) {
            node.put("size", size);
            node.set("proof", proof.get().toJson());
        }
        return node;
    }
}
