package io.tenderlens.server;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.tenderlens.metrics.ProcurementFilter;
import io.tenderlens.metrics.Status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filters of the overview, read from the query string (so a view is a link): {@code topic},
 * {@code from}, {@code to} (yyyy-MM-dd), and any number of {@code province}, {@code level},
 * {@code sector}, {@code status} and {@code buyerKind} values. Sets are sorted, so equal filters are
 * equal keys of the metrics cache.
 */
public record OverviewFilter(String topic, LocalDate from, LocalDate to, Set<String> provinces, Set<String> levels,
                             Set<String> sectors, Set<Status> statuses, Set<String> buyerKinds) {
    /** The query parameters, in the order a link writes them. */
    public static final List<String> PARAMETERS = List.of("topic", "from", "to", "province", "level", "sector", "status", "buyerKind");

    public OverviewFilter {
        provinces = new TreeSet<>(provinces);
        levels = new TreeSet<>(levels);
        sectors = new TreeSet<>(sectors);
        statuses = statuses.isEmpty() ? EnumSet.noneOf(Status.class) : EnumSet.copyOf(statuses);
        buyerKinds = new TreeSet<>(buyerKinds);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestResponse("from " + from + " is after to " + to);
        }
    }

    public static OverviewFilter of(Context ctx, String defaultTopic) {
        String topic = ctx.queryParam("topic");
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        for (String s : values(ctx, "status")) {
            try {
                statuses.add(Status.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse("status '" + s + "': use closed, bidding, failed, cancelled or unknown");
            }
        }
        return new OverviewFilter(topic == null || topic.isBlank() ? defaultTopic : topic.strip(), date(ctx, "from"), date(ctx, "to"),
                values(ctx, "province"), values(ctx, "level"), values(ctx, "sector"), statuses, values(ctx, "buyerKind"));
    }

    private static Set<String> values(Context ctx, String name) {
        Set<String> out = new TreeSet<>();
        for (String v : ctx.queryParams(name)) {
            if (!v.isBlank()) {
                out.add(v.strip());
            }
        }
        return out;
    }

    private static LocalDate date(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(name + " must be a date like 2019-12-31, not '" + v + "'");
        }
    }

    /** The metrics' filter (topic grades: about and mentions). */
    public ProcurementFilter procurementFilter() {
        return new ProcurementFilter(Set.of(), from, to, provinces, levels, sectors, buyerKinds, Set.of());
    }

    /** This filter with one more value of {@code parameter} (a drill-down link). */
    public OverviewFilter with(String parameter, String value) {
        Set<String> p = new TreeSet<>(provinces);
        Set<String> l = new TreeSet<>(levels);
        Set<String> s = new TreeSet<>(sectors);
        Set<String> k = new TreeSet<>(buyerKinds);
        Set<Status> st = statuses.isEmpty() ? EnumSet.noneOf(Status.class) : EnumSet.copyOf(statuses);
        switch (parameter) {
            case "province" -> p.add(value);
            case "level" -> l.add(value);
            case "sector" -> s.add(value);
            case "buyerKind" -> k.add(value);
            case "status" -> st.add(Status.valueOf(value.toUpperCase(Locale.ROOT)));
            default -> throw new IllegalArgumentException(parameter);
        }
        return new OverviewFilter(topic, from, to, p, l, s, st, k);
    }

    /** This filter with the dates of one year. */
    public OverviewFilter year(int year) {
        return new OverviewFilter(topic, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), provinces, levels, sectors, statuses, buyerKinds);
    }

    /** The query string of this filter ({@code topic=…&province=…}), URL-encoded, without the leading '?'. */
    public String query() {
        List<String> parts = new ArrayList<>();
        add(parts, "topic", topic);
        add(parts, "from", from == null ? null : from.toString());
        add(parts, "to", to == null ? null : to.toString());
        provinces.forEach(v -> add(parts, "province", v));
        levels.forEach(v -> add(parts, "level", v));
        sectors.forEach(v -> add(parts, "sector", v));
        statuses.forEach(v -> add(parts, "status", v.name().toLowerCase(Locale.ROOT)));
        buyerKinds.forEach(v -> add(parts, "buyerKind", v));
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
