package io.tenderlens.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * Compares a release with an expectation written by reading the notice (test resources): only the
 * fields the expectation names are compared, each with the expectation's reason in the message.
 */
public final class ExpectedRelease {
    static final ObjectMapper JSON = new ObjectMapper();

    private ExpectedRelease() {}

    public static JsonNode resource(String name) throws IOException {
        return resource(ExpectedRelease.class, name);
    }

    /** A JSON test resource next to {@code owner}. */
    public static JsonNode resource(Class<?> owner, String name) throws IOException {
        try (InputStream in = owner.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return JSON.readTree(in);
        }
    }

    public static void check(JsonNode release, JsonNode expected) {
        String why = expected.path("file").asText(expected.path("name").asText()) + " — " + expected.path("reason").asText();
        SoftAssertions soft = new SoftAssertions();
        JsonNode tender = release.path("tender");
        text(soft, expected, "type", release.path("noticeSource").path("noticeType"), why);
        if (expected.has("tag")) {
            soft.assertThat(release.path("tag").toString()).as("tag: " + why).isEqualTo("[\"" + expected.get("tag").asText() + "\"]");
        }
        text(soft, expected, "status", tender.path("status"), why);
        text(soft, expected, "tenderId", tender.path("id"), why);
        text(soft, expected, "title", tender.path("title"), why);
        text(soft, expected, "date", release.path("date"), why);
        text(soft, expected, "method", tender.path("procurementMethod"), why);
        text(soft, expected, "methodZh", tender.path("procurementMethodDetails"), why);
        text(soft, expected, "buyer", release.path("buyer").path("name"), why);
        text(soft, expected, "deadline", tender.path("tenderPeriod").path("endDate"), why);
        text(soft, expected, "opening", tender.path("bidOpening").path("date"), why);
        text(soft, expected, "statusDetails", tender.path("statusDetails"), why);
        if (expected.has("budget")) {
            amount(soft, expected.get("budget"), tender.path("value").path("amount"), "budget: " + why);
        }
        JsonNode buyer = party(release, "buyer");
        if (expected.has("agency")) {
            JsonNode agency = party(release, "procuringEntity");
            soft.assertThat(agency == null || agency.path("roles").toString().contains("buyer") ? null : agency.path("name").asText())
                    .as("agency: " + why).isEqualTo(expected.get("agency").isNull() ? null : expected.get("agency").asText());
        }
        if (expected.has("province")) {
            JsonNode p = buyer == null ? null : buyer.path("details").path("division").path("province");
            soft.assertThat(p == null ? null : List.of(p.path("code").asText(), p.path("name").asText()))
                    .as("province: " + why).isEqualTo(strings(expected.get("province")));
        }
        if (expected.has("city")) {
            JsonNode c = buyer == null ? null : buyer.path("details").path("division").path("city");
            soft.assertThat(c == null || c.isMissingNode() ? null : List.of(c.path("code").asText(), c.path("name").asText()))
                    .as("city: " + why).isEqualTo(strings(expected.get("city")));
        }
        if (expected.has("level")) {
            soft.assertThat(buyer == null ? null : buyer.path("details").path("governmentLevel").asText())
                    .as("level: " + why).isEqualTo(expected.get("level").asText());
        }
        if (expected.has("lots")) {
            Map<String, String> lots = new LinkedHashMap<>();
            tender.path("lots").forEach(l -> lots.put(l.path("id").asText(), l.path("status").asText("")));
            Map<String, String> want = new LinkedHashMap<>();
            expected.get("lots").fields().forEachRemaining(e -> want.put(e.getKey(), e.getValue().asText()));
            soft.assertThat(lots).as("lots: " + why).containsExactlyInAnyOrderEntriesOf(want);
        }
        if (expected.has("awards")) {
            soft.assertThat(awards(release)).as("awards: " + why).containsExactlyElementsOf(expectedAwards(expected.get("awards")));
        }
        if (expected.has("notes")) {
            List<String> rules = new ArrayList<>();
            release.path("provenance").forEach(p -> rules.add(p.path("rule").asText()));
            for (JsonNode n : expected.get("notes")) {
                soft.assertThat(rules).as("provenance note: " + why).contains(n.asText());
            }
        }
        if (expected.has("amendment")) {
            JsonNode a = tender.path("amendments").path(0);
            JsonNode e = expected.get("amendment");
            if (e.has("date")) {
                soft.assertThat(a.path("date").asText()).as("amendment date: " + why).isEqualTo(e.get("date").asText());
            }
            if (e.has("rationale")) {
                soft.assertThat(a.path("rationale").asText()).as("amendment rationale: " + why).isEqualTo(e.get("rationale").asText());
            }
            if (e.has("descriptionContains")) {
                soft.assertThat(a.path("description").asText()).as("amendment description: " + why)
                        .contains(e.get("descriptionContains").asText());
            }
        }
        soft.assertThat(release.path("ocid").asText()).as("ocid").startsWith(NoticeLinker.OCID_PREFIX);
        soft.assertThat(release.path("id").asText()).as("release id").startsWith("notice-");
        soft.assertAll();
    }

    private static void text(SoftAssertions soft, JsonNode expected, String key, JsonNode actual, String why) {
        if (!expected.has(key)) {
            return;
        }
        JsonNode e = expected.get(key);
        soft.assertThat(actual.isMissingNode() || actual.isNull() ? null : actual.asText())
                .as(key + ": " + why).isEqualTo(e.isNull() ? null : e.asText());
    }

    private static void amount(SoftAssertions soft, JsonNode expected, JsonNode actual, String why) {
        if (expected.isNull()) {
            soft.assertThat(actual.isMissingNode()).as(why + " (no amount expected, got " + actual + ")").isTrue();
        } else {
            soft.assertThat(actual.isMissingNode() ? null : actual.decimalValue().stripTrailingZeros())
                    .as(why).isEqualTo(new BigDecimal(expected.asText()).stripTrailingZeros());
        }
    }

    private static List<String> strings(JsonNode pair) {
        if (pair == null || pair.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        pair.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The first party with the role. */
    public static JsonNode party(JsonNode release, String role) {
        for (JsonNode p : release.path("parties")) {
            for (JsonNode r : p.path("roles")) {
                if (r.asText().equals(role)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Awards as "lot | supplier | amount" lines. */
    public static List<String> awards(JsonNode release) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : release.path("awards")) {
            JsonNode amount = a.path("value").path("amount");
            out.add(a.path("relatedLots").path(0).asText("-") + " | " + a.path("suppliers").path(0).path("name").asText()
                    + " | " + (amount.isMissingNode() ? "-" : amount.decimalValue().stripTrailingZeros().toPlainString()));
        }
        return out;
    }

    private static List<String> expectedAwards(JsonNode awards) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : awards) {
            String amount = a.path("amount").isNull() || a.path("amount").isMissingNode() ? "-"
                    : new BigDecimal(a.get("amount").asText()).stripTrailingZeros().toPlainString();
            out.add((a.path("lot").isNull() || a.path("lot").isMissingNode() ? "-" : a.get("lot").asText()) + " | "
                    + a.path("supplier").asText() + " | " + amount);
        }
        return out;
    }
}
