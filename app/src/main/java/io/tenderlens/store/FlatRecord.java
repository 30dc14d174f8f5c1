package io.tenderlens.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of one record that analysts filter and sum on, read from its compiled release (and,
 * for counts and first dates, from its releases). Absent values are {@code null}; lists are never
 * {@code null}. Amounts are exact decimals in the stated currency.
 *
 * @param stage         how far the procurement got: planning, tender, award, contract or implementation
 * @param tenderStatus  {@code tender.status} as published (active, complete, cancelled, unsuccessful, …)
 * @param awardAmount   the sum of the values of the awards that are not cancelled or unsuccessful,
 *                      when they share one currency ({@code null} otherwise)
 * @param governmentLevel our extension: the buyer's {@code details.governmentLevel} (central / local)
 * @param buyerKind     our extension: the buyer's {@code details.buyerKind}
 */
public record FlatRecord(
        String ocid,
        int releaseCount,
        List<String> tags,
        LocalDateTime firstDate,
        LocalDateTime lastDate,
        String title,
        String buyerId,
        String buyerName,
        String procuringEntityName,
        String stage,
        String tenderStatus,
        String procurementMethod,
        String procurementMethodDetails,
        String mainProcurementCategory,
        LocalDateTime tenderStart,
        LocalDateTime tenderEnd,
        LocalDateTime awardDate,
        LocalDateTime contractSigned,
        BigDecimal budgetAmount,
        String budgetCurrency,
        BigDecimal awardAmount,
        String awardCurrency,
        int awardCount,
        List<String> supplierIds,
        List<String> supplierNames,
        String provinceCode,
        String province,
        String cityCode,
        String city,
        String governmentLevel,
        String buyerKind) {

    /**
     * Bumped whenever the records table's columns or the way they are read change: a store whose
     * records were made by another version rebuilds them from its releases on the next ingest.
     */
    public static final int VERSION = 2;

    /** Amounts are stored as DECIMAL(38, 6): 32 integer digits, micro-units of the currency. */
    public static final int AMOUNT_SCALE = 6;
    private static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(38 - AMOUNT_SCALE);
    private static final Set<String> VOID_STATUSES = Set.of("cancelled", "unsuccessful");

    /** Reads the fields of a record from its releases (in any order) and its compiled release. */
    public static FlatRecord of(String ocid, List<? extends JsonNode> releases, JsonNode compiled) {
        JsonNode tender = compiled.path("tender");
        JsonNode buyerRef = compiled.path("buyer");
        JsonNode buyerParty = buyerParty(compiled, text(buyerRef, "id"));
        JsonNode division = buyerParty.path("details").path("division");
        JsonNode address = buyerParty.path("address");
        // the tender's value, else the planning budget (publishers often give a currency but no amount)
        JsonNode budget = amount(tender.at("/value/amount")) != null ? tender.path("value") : compiled.at("/planning/budget/amount");

        Awards awards = Awards.of(compiled.path("awards"));
        return new FlatRecord(
                ocid,
                releases.size(),
                tagsOf(releases),
                releases.stream().map(r -> date(r, "date")).filter(Objects::nonNull)
                        .min(Comparator.naturalOrder()).orElse(null),
                date(compiled, "date"),
                title(compiled),
                firstNonNull(text(buyerRef, "id"), text(buyerParty, "id")),
                firstNonNull(text(buyerRef, "name"), text(buyerParty, "name")),
                firstNonNull(text(tender.path("procuringEntity"), "name"),
                        text(partyWithRole(compiled, "procuringEntity"), "name")),
                stage(compiled),
                text(tender, "status"),
                text(tender, "procurementMethod"),
                text(tender, "procurementMethodDetails"),
                text(tender, "mainProcurementCategory"),
                date(tender.path("tenderPeriod"), "startDate"),
                date(tender.path("tenderPeriod"), "endDate"),
                earliest(compiled.path("awards"), "date"),
                earliest(compiled.path("contracts"), "dateSigned"),
                amount(budget.path("amount")),
                text(budget, "currency"),
                awards.amount,
                awards.currency,
                awards.count,
                awards.supplierIds,
                awards.supplierNames,
                text(division.path("province"), "code"),
                firstNonNull(text(division.path("province"), "name"), text(address, "region")),
                text(division.path("city"), "code"),
                firstNonNull(text(division.path("city"), "name"), text(address, "locality")),
                text(buyerParty.path("details"), "governmentLevel"),
                text(buyerParty.path("details"), "buyerKind"));
    }

    private static String title(JsonNode compiled) {
        return firstNonNull(text(compiled.path("tender"), "title"),
                text(compiled.at("/planning/budget"), "project"),
                firstText(compiled.path("awards"), "title"),
                firstText(compiled.path("contracts"), "title"));
    }

    /** The furthest stage the compiled release shows. */
    private static String stage(JsonNode compiled) {
        for (JsonNode contract : compiled.path("contracts")) {
            if (contract.path("implementation").size() > 0) {
                return "implementation";
            }
        }
        if (compiled.path("contracts").size() > 0) {
            return "contract";
        }
        if (compiled.path("awards").size() > 0) {
            return "award";
        }
        if (compiled.path("tender").size() > 0) {
            return "tender";
        }
        return compiled.path("planning").size() > 0 ? "planning" : null;
    }

    private static JsonNode buyerParty(JsonNode compiled, String buyerId) {
        if (buyerId != null) {
            for (JsonNode party : compiled.path("parties")) {
                if (buyerId.equals(text(party, "id"))) {
                    return party;
                }
            }
        }
        return partyWithRole(compiled, "buyer");
    }

    private static JsonNode partyWithRole(JsonNode compiled, String role) {
        for (JsonNode party : compiled.path("parties")) {
            for (JsonNode r : party.path("roles")) {
                if (role.equals(r.asText())) {
                    return party;
                }
            }
        }
        return MissingNode.getInstance();
    }

    /** The union of the releases' tags, in order of first appearance. */
    private static List<String> tagsOf(List<? extends JsonNode> releases) {
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode release : releases) {
            for (JsonNode tag : release.path("tag")) {
                if (tag.isTextual()) {
                    tags.add(tag.textValue());
                }
            }
        }
        return List.copyOf(tags);
    }

    private record Awards(BigDecimal amount, String currency, int count,
                          List<String> supplierIds, List<String> supplierNames) {
        static Awards of(JsonNode awards) {
            BigDecimal sum = null;
            Set<String> currencies = new LinkedHashSet<>();
            Set<String> ids = new LinkedHashSet<>();
            Set<String> names = new LinkedHashSet<>();
            int count = 0;
            for (JsonNode award : awards) {
                if (VOID_STATUSES.contains(award.path("status").asText())) {
                    continue;
                }
                count++;
                BigDecimal value = FlatRecord.amount(award.at("/value/amount"));
                if (value != null) {
                    sum = sum == null ? value : sum.add(value);
                    currencies.add(Objects.requireNonNullElse(text(award.path("value"), "currency"), ""));
                }
                for (JsonNode supplier : award.path("suppliers")) {
                    Optional.ofNullable(text(supplier, "id")).ifPresent(ids::add);
                    Optional.ofNullable(text(supplier, "name")).ifPresent(names::add);
                }
            }
            boolean oneCurrency = currencies.size() == 1; // "" stands for an award value without currency
            String currency = oneCurrency ? currencies.iterator().next() : "";
            return new Awards(oneCurrency ? bounded(sum) : null, currency.isEmpty() ? null : currency,
                    count, List.copyOf(ids), List.copyOf(names));
        }
    }

    /** An exact amount, or {@code null} when the value is not a number or does not fit the column. */
    static BigDecimal amount(JsonNode value) {
        BigDecimal amount;
        if (value.isNumber()) {
            amount = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                amount = new BigDecimal(value.textValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return bounded(amount);
    }

    private static BigDecimal bounded(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal scaled = amount.setScale(AMOUNT_SCALE, RoundingMode.HALF_EVEN);
        return scaled.abs().compareTo(AMOUNT_LIMIT) < 0 ? scaled : null;
    }

    private static LocalDateTime earliest(JsonNode array, String field) {
        LocalDateTime earliest = null;
        for (JsonNode element : array) {
            LocalDateTime d = date(element, field);
            if (d != null && (earliest == null || d.isBefore(earliest))) {
                earliest = d;
            }
        }
        return earliest;
    }

    private static LocalDateTime date(JsonNode node, String field) {
        return OcdsDates.parse(text(node, field)).orElse(null);
    }

    private static String firstText(JsonNode array, String field) {
        for (JsonNode element : array) {
            String value = text(element, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A non-blank string or number value as text, else {@code null}. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isTextual()) {
            String s = value.textValue().strip();
            return s.isEmpty() ? null : s;
        }
        return value.isNumber() ? value.asText() : null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static final RecordComponent[] COMPONENTS = FlatRecord.class.getRecordComponents();

    /** The column values in the order of {@link #columns()}, for the store's appender. */
    List<Object> values() {
        List<Object> values = new ArrayList<>(COMPONENTS.length);
        for (RecordComponent component : COMPONENTS) {
            try {
                values.add(component.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    /** The columns of the records table that hold these fields: snake_case names and SQL types. */
    public static List<Column> columns() {
        List<Column> columns = new ArrayList<>(COMPONENTS.length);
        for (RecordComponent component : COMPONENTS) {
            columns.add(new Column(snakeCase(component.getName()), sqlType(component.getType())));
        }
        return columns;
    }

    /** A column of the records table. */
    public record Column(String name, String sqlType) {}

    private static String sqlType(Class<?> type) {
        if (type == String.class) {
            return "VARCHAR";
        } else if (type == int.class) {
            return "INTEGER";
        } else if (type == LocalDateTime.class) {
            return "TIMESTAMP";
        } else if (type == BigDecimal.class) {
            return "DECIMAL(38, " + AMOUNT_SCALE + ")";
        } else if (type == List.class) {
            return "VARCHAR[]";
        }
        throw new IllegalStateException("no SQL type for " + type);
    }

    private static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
