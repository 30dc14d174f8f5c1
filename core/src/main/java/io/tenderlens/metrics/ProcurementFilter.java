package io.tenderlens.metrics;

import io.tenderlens.topic.TopicGrade;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which procurements a report covers. Empty sets mean "any". Dates apply to a procurement's first
 * date (undated procurements are left out when a date bound is given). Provinces, levels, sectors,
 * buyer kinds and sources match a key or either label, ignoring case.
 *
 * @param grades topic grades that count as a match (the funnel removes the others); default about + mentions
 */
public record ProcurementFilter(Set<TopicGrade> grades, LocalDate from, LocalDate to, Set<String> provinces,
                                Set<String> levels, Set<String> sectors, Set<String> buyerKinds, Set<String> sources) {
    public ProcurementFilter {
        grades = grades.isEmpty() ? EnumSet.of(TopicGrade.ABOUT, TopicGrade.MENTIONS) : EnumSet.copyOf(grades);
        provinces = lower(provinces);
        levels = lower(levels);
        sectors = lower(sectors);
        buyerKinds = lower(buyerKinds);
        sources = lower(sources);
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
    }

    public static ProcurementFilter all() {
        return new ProcurementFilter(Set.of(), null, null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public ProcurementFilter withDates(LocalDate from, LocalDate to) {
        return new ProcurementFilter(grades, from, to, provinces, levels, sectors, buyerKinds, sources);
    }

    /** Everything but the topic grade: the scope the funnel starts from. */
    public boolean inScope(Procurement p) {
        if ((from != null || to != null) && p.firstDate() == null) {
            return false;
        }
        if (from != null && p.firstDate().isBefore(from) || to != null && p.firstDate().isAfter(to)) {
            return false;
        }
        return matches(provinces, p.buyer().province()) && matches(levels, p.buyer().level())
                && matches(sectors, new Label(p.sector().value().id(), p.sector().value().labelZh(), p.sector().value().labelEn()))
                && matches(buyerKinds, p.buyer().kind())
                && (sources.isEmpty() || p.sites().stream().anyMatch(s -> sources.contains(s.toLowerCase(Locale.ROOT))));
    }

    public boolean isEmpty() {
        return from == null && to == null && provinces.isEmpty() && levels.isEmpty() && sectors.isEmpty()
                && buyerKinds.isEmpty() && sources.isEmpty();
    }

    private static boolean matches(Set<String> wanted, Label label) {
        return wanted.isEmpty() || wanted.contains(label.key().toLowerCase(Locale.ROOT))
                || wanted.contains(label.zh().toLowerCase(Locale.ROOT)) || wanted.contains(label.en().toLowerCase(Locale.ROOT));
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
