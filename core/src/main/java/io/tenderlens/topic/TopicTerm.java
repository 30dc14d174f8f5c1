package io.tenderlens.topic;

import java.util.Objects;

/**
 * One search term of a topic.
 *
 * @param text     the term as written, e.g. {@code 区块链} or {@code distributed ledger}
 * @param language {@code zh}, {@code en}, … (informational; matching is the same for all)
 * @param context  a context term ({@code 存证}, {@code 上链}) counts only when a primary term of the
 *                 topic also occurs in the same procurement: on its own it is too common
 */
public record TopicTerm(String text, String language, boolean context) {
    public TopicTerm {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a topic term is empty");
        }
    }
}
