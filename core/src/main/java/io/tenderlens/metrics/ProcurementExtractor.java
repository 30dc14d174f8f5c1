package io.tenderlens.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenderlens.sector.SectorRules;
import io.tenderlens.topic.TopicGrader;
import io.tenderlens.topic.TopicMatch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns an OCDS record (its compiled release and its releases) into a {@link Procurement}: topic
 * grade, sector, status, dates, parties and the three money measures. Works on any OCDS data; uses
 * our extension's party details (division, governmentLevel, buyerKind) where present.
 */
public final class ProcurementExtractor {
    private static final Set<String> DEAD_AWARD = Set.of("cancelled", "unsuccessful");

    private final TopicGrader grader;
    private final SectorRules sectors;
    private final String currency;
    private final Labels labels = Labels.bundled();

    /** @param currency the currency the money measures are in (e.g. {@code CNY}); other amounts are noted, not summed */
    public ProcurementExtractor(TopicGrader grader, SectorRules sectors, String currency) {
        this.grader = grader;
        this.sectors = sectors;
        this.currency = currency;
    }

    public String currency() { return currency; }

    /** @param releases the record's releases (notices), for dates and links; may be empty */
    public Procurement extract(JsonNode compiled, List<? extends JsonNode> releases) {
        String ocid = compiled.path("ocid").asText();
        Map<String, JsonNode> parties = new LinkedHashMap<>();
        compiled.path("parties").forEach(p -> parties.put(p.path("id").asText(), p));
        TopicMatch topic = grader.grade(compiled);
        SectorRules.Classification cls = sectors.classify(compiled);
        List<Notice> notices = notices(compiled, releases);
        JsonNode tender = compiled.path("tender");
        JsonNode awards = compiled.path("awards");

        LocalDate tenderDate = date(tender.path("tenderPeriod").path("startDate"));
        if (tenderDate == null) {
            tenderDate = firstNoticeDate(notices, "tender");
        }
        LocalDate awardDate = null;
        for (JsonNode a : awards) {
            if (!DEAD_AWARD.contains(a.path("status").asText())) {
                awardDate = min(awardDate, date(a.path("date")));
            }
        }
        if (awardDate == null && hasLiveAward(awards)) {
            awardDate = firstNoticeDate(notices, "award");
        }
        LocalDate first = min(min(tenderDate, awardDate), notices.stream().map(Notice::date)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null));
        if (first == null) {
            first = date(compiled.path("date"));
        }

        List<String> notes = new ArrayList<>();
        BigDecimal budget = amount(tender.path("value"), "tender/value", notes);
        if (budget == null && tender.path("lots").size() > 0) {
            budget = sum(tender.path("lots"), l -> amount(l.path("value"), "tender/lots/value", notes));
        }
        BigDecimal award = null;
        Map<Integer, BigDecimal> awardValues = new HashMap<>();
        for (int i = 0; i < awards.size(); i++) {
            JsonNode a = awards.get(i);
            if (!DEAD_AWARD.contains(a.path("status").asText())) {
                BigDecimal v = amount(a.path("value"), "awards/" + i + "/value", notes);
                if (v != null) {
                    awardValues.put(i, v);
                    award = award == null ? v : award.add(v);
                }
            }
        }
        BigDecimal topicPart = topicPart(topic, awards, award, awardValues, notes);

        List<Procurement.Supplied> suppliers = suppliers(awards, awardValues, parties);
        String title = firstText(tender.path("title"), compiled.path("planning").path("budget").path("project"),
                awards.path(0).path("title"), tender.path("description"));
        return new Procurement(ocid, title, buyer(compiled, parties), suppliers, first, tenderDate, awardDate,
                status(compiled, notices), currency, budget, award, topicPart, topic, cls.sector(), cls.category(), notices, notes);
    }

    /**
     * The topic part: the whole award when the procurement as a whole is about the topic; otherwise the
     * awards whose title is about it, the awards all of whose lots are topic lots, and the topic items
     * (quantity × unit value) of other awards.
     */
    private BigDecimal topicPart(TopicMatch topic, JsonNode awards, BigDecimal award, Map<Integer, BigDecimal> values,
                                 List<String> notes) {
        if (topic.whole() && award != null) {
            return award;
        }
        BigDecimal part = null;
        for (int i = 0; i < awards.size(); i++) {
            JsonNode a = awards.get(i);
            if (DEAD_AWARD.contains(a.path("status").asText())) {
                continue;
            }
            List<String> lots = new ArrayList<>();
            a.path("relatedLots").forEach(l -> lots.add(l.asText()));
            boolean topicAward = topic.awardIndexes().contains(i)
                    || (!lots.isEmpty() && topic.lotIds().containsAll(lots));
            if (topicAward && values.containsKey(i)) {
                part = add(part, values.get(i));
                continue;
            }
            JsonNode items = a.path("items");
            for (int k = 0; k < items.size(); k++) {
                if (topic.awardItems().contains(i + "/" + k)) {
                    BigDecimal unit = amount(items.get(k).path("unit").path("value"), "awards/" + i + "/items/" + k, notes);
                    if (unit != null) {
                        BigDecimal qty = items.get(k).path("quantity").isNumber()
                                ? items.get(k).path("quantity").decimalValue() : BigDecimal.ONE;
                        part = add(part, unit.multiply(qty));
                    }
                }
            }
        }
        return part;
    }

    /** Each supplier once, with the award money it won in full and split among joint suppliers. */
    private List<Procurement.Supplied> suppliers(JsonNode awards, Map<Integer, BigDecimal> values, Map<String, JsonNode> parties) {
        Map<String, Party> byId = new LinkedHashMap<>();
        Map<String, BigDecimal> full = new HashMap<>();
        Map<String, BigDecimal> split = new HashMap<>();
        for (int i = 0; i < awards.size(); i++) {
            JsonNode a = awards.get(i);
            if (DEAD_AWARD.contains(a.path("status").asText())) {
                continue;
            }
            JsonNode list = a.path("suppliers");
            for (JsonNode s : list) {
                Party p = party(parties.getOrDefault(s.path("id").asText(), s), s);
                byId.putIfAbsent(p.id(), p);
                BigDecimal v = values.get(i);
                if (v != null) {
                    full.merge(p.id(), v, BigDecimal::add);
                    split.merge(p.id(), v.divide(BigDecimal.valueOf(list.size()), java.math.MathContext.DECIMAL128), BigDecimal::add);
                }
            }
        }
        List<Procurement.Supplied> out = new ArrayList<>();
        byId.forEach((id, p) -> out.add(new Procurement.Supplied(p, full.get(id), split.get(id))));
        return out;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? b : a.add(b);
    }

    /** The status; a cancellation shows in the compiled tender status or in a notice's tag (a compiled release's tag is "compiled"). */
    private Status status(JsonNode compiled, List<Notice> notices) {
        JsonNode tender = compiled.path("tender");
        String ts = tender.path("status").asText("");
        if (ts.equals("cancelled") || hasTag(compiled, "tenderCancellation")
                || notices.stream().anyMatch(n -> n.tags().contains("tenderCancellation"))) {
            return Status.CANCELLED;
        }
        if (ts.equals("unsuccessful")) {
            return Status.FAILED;
        }
        JsonNode lots = tender.path("lots");
        if (lots.size() > 0) {
            boolean allFailed = true;
            for (JsonNode l : lots) {
                allFailed &= Set.of("unsuccessful", "cancelled").contains(l.path("status").asText());
            }
            if (allFailed && !hasLiveAward(compiled.path("awards"))) {
                return Status.FAILED;
            }
        }
        if (hasLiveAward(compiled.path("awards")) || compiled.path("contracts").size() > 0 || ts.equals("complete")) {
            return Status.CLOSED;
        }
        if (ts.equals("active") || ts.equals("planned") || ts.equals("planning")) {
            return Status.BIDDING;
        }
        return Status.UNKNOWN;
    }

    private static boolean hasLiveAward(JsonNode awards) {
        for (JsonNode a : awards) {
            if (!DEAD_AWARD.contains(a.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTag(JsonNode release, String tag) {
        for (JsonNode t : release.path("tag")) {
            if (tag.equals(t.asText())) {
                return true;
            }
        }
        return false;
    }

    private Party buyer(JsonNode compiled, Map<String, JsonNode> parties) {
        JsonNode ref = compiled.path("buyer");
        JsonNode party = parties.get(ref.path("id").asText());
        if (party == null) {
            party = parties.values().stream().filter(p -> hasRole(p, "buyer")).findFirst().orElse(ref);
        }
        return party(party, ref);
    }

    private static boolean hasRole(JsonNode party, String role) {
        for (JsonNode r : party.path("roles")) {
            if (role.equals(r.asText())) {
                return true;
            }
        }
        return false;
    }

    /** A party from its {@code parties[]} entry, falling back to the reference (id, name) that pointed to it. */
    private Party party(JsonNode party, JsonNode ref) {
        String name = party.path("name").asText(ref.path("name").asText(""));
        String id = party.path("id").asText(ref.path("id").asText(""));
        if (id.isBlank()) {
            id = name;
        }
        JsonNode details = party.path("details");
        JsonNode division = details.path("division");
        String provinceKey = division.path("province").path("code").asText(
                division.path("province").path("name").asText(party.path("address").path("region").asText("")));
        String city = division.path("city").path("name").asText(party.path("address").path("locality").asText(""));
        return new Party(id, name, labels.province(provinceKey), city,
                labels.level(details.path("governmentLevel").asText("")),
                labels.buyerKind(details.path("buyerKind").asText("")), details.path("scale").asText(""));
    }

    private List<Notice> notices(JsonNode compiled, List<? extends JsonNode> releases) {
        List<? extends JsonNode> source = releases.isEmpty() ? List.of(compiled) : releases;
        List<Notice> out = new ArrayList<>();
        for (JsonNode r : source) {
            List<String> tags = new ArrayList<>();
            r.path("tag").forEach(t -> tags.add(t.asText()));
            JsonNode ns = r.path("noticeSource");
            String type = ns.path("noticeTypeZh").asText(ns.path("noticeType").asText(String.join(",", tags)));
            out.add(new Notice(r.path("id").asText(""), date(r.path("date")), tags, ns.path("url").asText(""),
                    ns.path("file").asText(""), ns.path("site").asText(""), type, ns.path("sha256").asText("")));
        }
        out.sort(Comparator.comparing(Notice::date, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    private static LocalDate firstNoticeDate(List<Notice> notices, String tag) {
        return notices.stream().filter(n -> n.tags().contains(tag)).map(Notice::date).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    /** The amount of an OCDS Value in this extractor's currency; null (with a note) otherwise. */
    private BigDecimal amount(JsonNode value, String path, List<String> notes) {
        JsonNode amount = value.path("amount");
        if (amount.isMissingNode() || amount.isNull()) {
            return null;
        }
        String cur = value.path("currency").asText(currency);
        if (!currency.equals(cur)) {
            notes.add(path + ": amount in " + cur + ", not " + currency + ": left out");
            return null;
        }
        if (amount.isNumber()) {
            return amount.decimalValue();
        }
        try {
            return new BigDecimal(amount.asText().strip());
        } catch (NumberFormatException e) {
            notes.add(path + ": amount '" + amount.asText() + "' is not a number: left out");
            return null;
        }
    }

    private static BigDecimal sum(JsonNode array, java.util.function.Function<JsonNode, BigDecimal> f) {
        BigDecimal total = null;
        for (JsonNode n : array) {
            BigDecimal v = f.apply(n);
            if (v != null) {
                total = total == null ? v : total.add(v);
            }
        }
        return total;
    }

    /** The date part of an OCDS date-time ({@code 2019-08-07T00:00:00+08:00} → 2019-08-07), in the publisher's own offset. */
    public static LocalDate date(JsonNode node) {
        String s = node.asText("");
        if (s.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(s.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isTextual() && !n.asText().isBlank()) {
                return n.asText();
            }
        }
        return "";
    }
}
