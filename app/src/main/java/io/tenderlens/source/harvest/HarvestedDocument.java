package io.tenderlens.source.harvest;

import java.util.Optional;

/** A fetched document, already in the archive: where it came from and the SHA-256 its bytes are archived under. */
public record HarvestedDocument(String source, String url, String sha256, byte[] bytes, Optional<String> contentType) {
}
