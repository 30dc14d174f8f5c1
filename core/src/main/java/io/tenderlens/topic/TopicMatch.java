package io.tenderlens.topic;

import java.util.List;
import java.util.Set;

/**
 * The grade of one procurement and the parts of it that are about the topic, from which the topic's
 * share of the money is computed.
 *
 * @param grade          the strongest evidence found
 * @param evidence       every occurrence, strongest first
 * @param whole          the procurement as a whole is about the topic (title or subject line)
 * @param lotIds         ids of the lots ({@code tender.lots[].id}) about the topic
 * @param awardIndexes   indexes of awards whose own title or subject is about the topic
 * @param awardItems     award items about the topic, as {@code "awardIndex/itemIndex"}
 */
public record TopicMatch(TopicGrade grade, List<TopicEvidence> evidence, boolean whole,
                         Set<String> lotIds, Set<Integer> awardIndexes, Set<String> awardItems) {
    public static final TopicMatch NONE = new TopicMatch(TopicGrade.NONE, List.of(), false, Set.of(), Set.of(), Set.of());

    public TopicMatch {
        evidence = List.copyOf(evidence);
        lotIds = Set.copyOf(lotIds);
        awardIndexes = Set.copyOf(awardIndexes);
        awardItems = Set.copyOf(awardItems);
    }
}
