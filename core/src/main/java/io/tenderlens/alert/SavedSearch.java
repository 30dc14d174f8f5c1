package io.tenderlens.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.metrics.ProcurementFilter;
import io.tenderlens.metrics.Status;
import io.tenderlens.topic.TopicGrade;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A search a user keeps, to hear of new tenders that match it: a query in the syntax of
 * {@code tenderlens search} and filters. Every part may be left out; what is given must all hold.
 *
 * @param id       stable identifier ({@code [a-z0-9-]}, at most 64 characters): in feed and webhook ids
 * @param name     what the user calls it
 * @param query    a search query ({@code title:区块链 -存证}), or {@code null} for filters only
 * @param topic    a topic id ({@code blockchain}) whose grade must be one of {@code filter.grades()}, or {@code null}
 * @param filter   dates (of the first notice), provinces, levels, sectors, buyer kinds; its grades apply to {@code topic}
 * @param statuses procurement statuses that count (empty: any)
 */
public record SavedSearch(String id, String name, String query, String topic, ProcurementFilter filter, Set<Status> statuses) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9-]{1,64}");
    static final int MAX_NAME = 200;
    static final int MAX_QUERY = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    public SavedSearch {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("saved search id '" + id + "': use 1-64 lower-case letters, digits and '-'");
        }
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("saved search name: give 1-" + MAX_NAME + " characters");
        }
        query = query == null || query.isBlank() ? null : query.strip();
        if (query != null && query.length() > MAX_QUERY) {
            throw new IllegalArgumentException("saved search query: at most " + MAX_QUERY + " characters");
        }
        topic = topic == null || topic.isBlank() ? null : topic.strip();
        if (topic != null && !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("topic '" + topic + "': use lower-case letters, digits and '-'");
        }
        filter = filter == null ? ProcurementFilter.all() : filter;
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** The JSON form (stored, listed by the API): {@code {"id","name","query","topic","grades","from","to","provinces",…}}. */
    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("name", name);
        o.put("query", query);
        o.put("topic", topic);
        strings(o.putArray("grades"), filter.grades().stream().map(g -> g.name().toLowerCase(Locale.ROOT)).toList());
        o.put("from", filter.from() == null ? null : filter.from().toString());
        o.put("to", filter.to() == null ? null : filter.to().toString());
        strings(o.putArray("provinces"), filter.provinces());
        strings(o.putArray("levels"), filter.levels());
        strings(o.putArray("sectors"), filter.sectors());
        strings(o.putArray("buyerKinds"), filter.buyerKinds());
        strings(o.putArray("statuses"), statuses.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
        return o;
    }

    private static void strings(ArrayNode array, java.util.Collection<String> values) {
        new TreeSet<>(values).forEach(array::add);
    }

    /**
     * Reads the JSON form. {@code id} is taken from the JSON when {@code id} is null.
     *
     * @throws IllegalArgumentException naming {@code origin} and the field at fault
     */
    public static SavedSearch fromJson(JsonNode o, String id, String origin) {
        if (!o.isObject()) {
            throw new IllegalArgumentException(origin + ": a saved search is a JSON object");
        }
        try {
            Set<TopicGrade> grades = EnumSet.noneOf(TopicGrade.class);
            for (String g : list(o, "grades", origin)) {
                grades.add(enumValue(TopicGrade.class, g, "grades", origin));
            }
            Set<Status> statuses = EnumSet.noneOf(Status.class);
            for (String s : list(o, "statuses", origin)) {
                statuses.add(enumValue(Status.class, s, "statuses", origin));
            }
            ProcurementFilter filter = new ProcurementFilter(grades, date(o, "from", origin), date(o, "to", origin),
                    Set.copyOf(list(o, "provinces", origin)), Set.copyOf(list(o, "levels", origin)),
                    Set.copyOf(list(o, "sectors", origin)), Set.copyOf(list(o, "buyerKinds", origin)), Set.of());
            return new SavedSearch(id != null ? id : o.path("id").asText(null), o.path("name").asText(null),
                    o.path("query").asText(null), o.path("topic").asText(null), filter, statuses);
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(origin) ? e : new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }

    private static List<String> list(JsonNode o, String field, String origin) {
        JsonNode v = o.path(field);
        List<String> out = new ArrayList<>();
        if (v.isMissingNode() || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            for (String part : v.asText().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
            return out;
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException(origin + ": '" + field + "' must be a list of strings");
        }
        v.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static LocalDate date(JsonNode o, String field, String origin) {
        String v = o.path(field).asText("");
        if (v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(origin + ": '" + field + "' is '" + v + "', not a date (yyyy-MM-dd)");
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, String origin) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> known = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                known.add(c.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException(origin + ": '" + field + "' has '" + value + "' (one of " + String.join(", ", known) + ")");
        }
    }
}
