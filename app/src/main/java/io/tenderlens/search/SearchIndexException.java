package io.tenderlens.search;

/** The search index cannot be read or written; the message names the directory and what to do. */
public final class SearchIndexException extends RuntimeException {
    public SearchIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
