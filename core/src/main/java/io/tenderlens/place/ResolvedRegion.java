package io.tenderlens.place;

import java.util.List;
import java.util.Optional;

/**
 * Where a buyer is, with the evidence that decided it.
 *
 * @param province     the province-level division, empty when nothing (or only conflicting clues) says
 * @param city         the city-level division ({@link Gazetteer#city}): 110100 北京市 for a municipality,
 *                     the county-level city itself for one directly under its province
 * @param county       the county-level division when the clues name one
 * @param decidedBy    the clues that support the answer, strongest first (for provenance)
 * @param alternatives other provinces or cities the clues could also mean, when they were ambiguous
 */
public record ResolvedRegion(Optional<Division> province, Optional<Division> city, Optional<Division> county,
                             List<Evidence> decidedBy, List<Division> alternatives) {

    public ResolvedRegion {
        decidedBy = List.copyOf(decidedBy);
        alternatives = List.copyOf(alternatives);
    }

    /** Nothing known. */
    public static ResolvedRegion unknown(List<Division> alternatives) {
        return new ResolvedRegion(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), alternatives);
    }

    /** Where a clue came from. */
    public enum Source {
        /** the page's region line (行政区域) */
        REGION_LINE("regionLine"),
        /** a division named in the buyer's name */
        BUYER_NAME("buyerName"),
        /** an institution of known seat named in the buyer's name (复旦大学 → 上海市) */
        KNOWN_INSTITUTION("knownInstitution"),
        /** the buyer's address */
        ADDRESS("address"),
        /** the title or site */
        CONTEXT("context"),
        /** a provincial body (广东省人民医院) sits in the province's capital */
        PROVINCIAL_CAPITAL("provincialCapital");

        private final String rule;

        Source(String rule) {
            this.rule = rule;
        }

        /** The rule name used in provenance, e.g. {@code region.buyerName}. */
        public String rule() {
            return "region." + rule;
        }
    }

    /**
     * One clue: the words, where they came from, the division they were taken to mean, and their weight.
     */
    public record Evidence(Source source, String text, Division division, double weight) {}
}
