package io.tenderlens.sector;

/**
 * The class a record was put in, and why.
 *
 * @param value   the class
 * @param ruleId  the rule that assigned it ({@code default} when none matched)
 * @param field   the field the rule looked at ({@code buyer}, {@code title}, {@code text}, {@code buyerKind}), or empty
 * @param matched the keyword or buyer kind that matched, or empty
 */
public record Assignment(SectorClass value, String ruleId, String field, String matched) {}
