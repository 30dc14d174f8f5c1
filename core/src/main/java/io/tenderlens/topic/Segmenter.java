package io.tenderlens.topic;

import java.util.List;

/**
 * Splits text into words. The core stays free of any analyzer library: the application supplies a
 * Chinese segmenter (Lucene smartcn with the topic's domain dictionary), tests supply their own.
 * Terms and texts must go through the same segmenter so that word boundaries agree.
 */
@FunctionalInterface
public interface Segmenter {
    /** The words of {@code text} in order, each with its character offsets into {@code text}. */
    List<Token> tokens(String text);

    /** One word: its normalised form (lower case, maybe stemmed) and where it stands in the text. */
    record Token(String term, int start, int end) {}
}
