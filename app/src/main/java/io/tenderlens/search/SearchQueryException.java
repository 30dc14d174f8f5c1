package io.tenderlens.search;

/** A query that cannot be read; the message says where and what the syntax is. */
public final class SearchQueryException extends RuntimeException {
    public SearchQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
