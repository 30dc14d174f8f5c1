package io.tenderlens.notice;

/**
 * Where a notice came from, as the reader of a file knows it.
 *
 * @param file          the file name (and the record's position within it, for multi-notice files), or null
 * @param url           the notice's address, or null
 * @param site          the publishing site when the file says (aggregator {@code site}), or null
 * @param publishedHint the publication time a crawler stored beside the text, or null
 * @param sha256        SHA-256 (hex) of the notice's raw bytes
 */
public record NoticeOrigin(String file, String url, String site, String publishedHint, String sha256) {

    /** A file of one notice. */
    public static NoticeOrigin ofFile(String file, String sha256) {
        return new NoticeOrigin(file, null, null, null, sha256);
    }

    /** How errors name the notice: the file (with position), else the URL. */
    public String name() {
        return file != null ? file : url != null ? url : "(notice)";
    }
}
