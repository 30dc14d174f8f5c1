package io.tenderlens.topic;

/**
 * Why a procurement got its grade: which field, which term, the words around it.
 *
 * @param field       JSON path of the field in the release, e.g. {@code tender/title}, {@code tender/lots/1/title}
 * @param term        the topic term found
 * @param snippet     the text around the match
 * @param strength    {@link TopicGrade#ABOUT}, {@link TopicGrade#MENTIONS} or {@link TopicGrade#BOILERPLATE}
 */
public record TopicEvidence(String field, String term, String snippet, TopicGrade strength) {}
