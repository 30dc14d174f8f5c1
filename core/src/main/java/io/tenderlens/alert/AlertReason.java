package io.tenderlens.alert;

/**
 * One reason a tender was announced to a saved search: a condition of the search and what in the
 * record met it.
 *
 * @param kind  {@code query}, {@code topic}, {@code open}, {@code date}, {@code province}, {@code level},
 *              {@code sector}, {@code buyerKind} or {@code status}
 * @param zh    the reason in Chinese
 * @param en    the reason in English
 */
public record AlertReason(String kind, String zh, String en) {}
