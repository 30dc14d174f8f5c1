package io.tenderlens.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * One notice (release) of a procurement: where it came from, for the report's links.
 *
 * @param id     release id
 * @param date   publication date, or null
 * @param tags   release tags (tender, award, …)
 * @param url    {@code noticeSource.url}, or empty
 * @param file   {@code noticeSource.file}, or empty
 * @param site   {@code noticeSource.site}, or empty
 * @param type   {@code noticeSource.noticeTypeZh} / {@code noticeType}, or the tags
 * @param sha256 {@code noticeSource.sha256}: the SHA-256 of the source's archived bytes, or empty
 */
public record Notice(String id, LocalDate date, List<String> tags, String url, String file, String site, String type, String sha256) {
    public Notice {
        tags = List.copyOf(tags);
    }
}
