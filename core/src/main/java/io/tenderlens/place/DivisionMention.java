package io.tenderlens.place;

import java.util.List;

/**
 * Words in a text that name a division.
 *
 * @param start      offset of the first character, in the compacted text ({@link Gazetteer#compact})
 * @param end        offset after the last character
 * @param text       the words, e.g. {@code 朝阳区}
 * @param candidates every division they may denote, best first
 * @param fullName   whether the words are a full name (with 市, 县, 自治州 …) or a province's short name,
 *                   rather than a bare short name such as {@code 鞍山}
 */
public record DivisionMention(int start, int end, String text, List<Division> candidates, boolean fullName) {

    public DivisionMention {
        candidates = List.copyOf(candidates);
    }
}
