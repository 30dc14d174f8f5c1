package io.tenderlens.sector;

/** One class of a rule set: a sector ({@code finance}) or a category ({@code application}), with both labels. */
public record SectorClass(String id, String labelZh, String labelEn) {}
