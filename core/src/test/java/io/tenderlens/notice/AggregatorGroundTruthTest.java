package io.tenderlens.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenderlens.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ~2,000 aggregator records (cn-notices group D) as ground truth for what the parser reads from their
 * title and text alone (the stored fields are not given to the parser): notice type, buyer, province,
 * city, budget, award and supplier set, compared where both the record and our reading have a value.
 *
 * <p>The aggregator is sometimes wrong. Every disagreement was read by hand and is listed in
 * {@code aggregator-disagreements.tsv}: where the record's own words show the aggregator's field is wrong
 * ({@code aggregator}), it is left out of the accuracy; where the aggregator's value cannot be in the record's
 * 200-character snippet because the snippet is cut off before it ({@code truncated}: another lot's or project's
 * winner), it is left out too, and the test checks that a winner of the aggregator's is indeed absent from the title
 * and snippet; where they do not decide it ({@code open}), it counts as our error. Both exclusions are counted and
 * reported. A listed disagreement that no longer disagrees fails the test, so the list stays true.
 */
class AggregatorGroundTruthTest {
    private static final Map<String, String> TYPES = new LinkedHashMap<>();
    private static final Map<String, Measure> MEASURES = new LinkedHashMap<>();
    private static final Map<String, String> VERDICTS = new LinkedHashMap<>();
    private static int records;
    private static int notNotices;

    static {
        for (String s : List.of("招标", "竞谈", "询价", "单一", "竞价", "邀标")) {
            TYPES.put(s, "tender");
        }
        TYPES.put("成交", "award");
        TYPES.put("中标", "award");
        TYPES.put("合同", "contract");
        TYPES.put("变更", "tenderAmendment");
        TYPES.put("结果变更", "tenderAmendment");
        TYPES.put("废标", "unsuccessful");
        TYPES.put("流标", "unsuccessful");
        TYPES.put("预告", "planning");
        TYPES.put("需求公示", "planning");
        TYPES.put("论证意见", "planning");
        TYPES.put("验收", "implementation");
    }

    /** One field's comparison. */
    static final class Measure {
        int compared;
        int agree;
        int aggregatorWrong;
        int truncated;
        final List<String> truncatedButPresent = new ArrayList<>();
        final List<String> disagreements = new ArrayList<>();
        final List<String> stillListed = new ArrayList<>();

        double accuracy() {
            int n = compared - aggregatorWrong - truncated;
            return n == 0 ? 1 : (double) agree / n;
        }

        @Override
        public String toString() {
            return String.format("%d/%d = %.1f%% (compared %d, aggregator wrong %d, truth cut off from the snippet %d)", agree,
                    compared - aggregatorWrong - truncated, 100 * accuracy(), compared, aggregatorWrong, truncated);
        }
    }

    @BeforeAll
    static void readAll() throws IOException {
        try (InputStream in = AggregatorGroundTruthTest.class.getResourceAsStream("aggregator-disagreements.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                VERDICTS.put(f[0] + "\t" + f[1], f[2]);
            }
        }
        for (String m : List.of("type", "buyer", "buyerFromTitle", "province", "city", "budget", "award", "suppliers")) {
            MEASURES.put(m, new Measure());
        }
        Map<String, JsonNode> unique = new LinkedHashMap<>();
        Path dir = SharedData.path("cn-notices/json/daijy0926__zhaotoubiaoshuju");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                for (JsonNode r : ExpectedRelease.JSON.readTree(f.toFile())) {
                    unique.putIfAbsent(r.path("id").asText(), r);
                }
            }
        }
        AggregatorNotices aggregator = new AggregatorNotices(new PlainTextNoticeParser());
        for (JsonNode r : unique.values()) {
            records++;
            JsonNode release;
            try {
                release = aggregator.fromTextOnly(r, r.path("id").asText());
            } catch (NotANoticeException e) {
                notNotices++;
                continue;
            }
            compare(r, release);
        }
        MEASURES.forEach((k, m) -> {
            System.out.println("aggregator ground truth: " + k + " " + m);
            if (!k.equals("buyerFromTitle")) {
                m.disagreements.forEach(d -> System.out.println("  " + k + " miss: " + d));
            }
        });
        System.out.println("aggregator ground truth: records " + records + ", without any notice words or fields " + notNotices);
    }

    private static void compare(JsonNode r, JsonNode release) {
        String id = r.path("id").asText();
        String want = TYPES.get(r.path("subtype").asText(""));
        boolean typed = false;
        for (JsonNode p : release.path("provenance")) {
            typed |= p.path("id").asText().equals("tag") && !p.path("rule").asText().equals("type.default");
        }
        String got = release.path("noticeSource").path("noticeType").asText();
        if (want != null && typed) {
            // the aggregator files 终止 under 废标/流标, and award corrections under 变更
            boolean agree = want.equals(got) || (want.equals("unsuccessful") && got.equals("tenderCancellation"))
                    || (want.equals("tenderAmendment") && got.equals("awardAmendment"));
            record("type", id, agree, want + " ≠ " + got);
        }
        String buyerRule = rule(release, "parties/0/name");
        String ours = release.path("buyer").path("name").asText("");
        String theirs = r.path("buyer").asText("").trim();
        boolean stated = buyerRule.startsWith("field.") || buyerRule.equals("buyer.entrusted");
        if (!ours.isEmpty() && !theirs.isEmpty()) {
            // a buyer guessed from the title's first organisation is reported apart: titles use short names
            record(stated ? "buyer" : "buyerFromTitle", id, ours.equals(theirs), ours + " ≠ " + theirs);
        }
        JsonNode buyer = ExpectedRelease.party(release, "buyer");
        if (buyer != null) {
            String province = buyer.path("details").path("division").path("province").path("name").asText("");
            String area = r.path("area").asText("").trim();
            if (!province.isEmpty() && !area.isEmpty() && !area.equals("全国")) {
                record("province", id, province.startsWith(area), province + " ≠ " + area);
            }
            String city = buyer.path("details").path("division").path("city").path("name").asText("");
            String theirCity = r.path("city").asText("").trim();
            if (!city.isEmpty() && !theirCity.isEmpty()) {
                record("city", id, city.equals(theirCity), city + " ≠ " + theirCity);
            }
        }
        JsonNode budget = release.path("tender").path("value").path("amount");
        if (!budget.isMissingNode() && r.path("budget").isNumber()) {
            record("budget", id, budget.decimalValue().compareTo(r.get("budget").decimalValue()) == 0, budget + " ≠ " + r.get("budget"));
        }
        BigDecimal sum = null;
        Set<String> suppliers = new TreeSet<>();
        for (JsonNode a : release.path("awards")) {
            if (a.has("value")) {
                sum = (sum == null ? BigDecimal.ZERO : sum).add(a.path("value").path("amount").decimalValue());
            }
            a.path("suppliers").forEach(s -> suppliers.add(s.path("name").asText()));
        }
        String snippet = r.path("title").asText("") + r.path("detail").asText("");
        if (sum != null && r.path("bidAmount").isNumber()) {
            record("award", id, sum.compareTo(r.get("bidAmount").decimalValue()) == 0, sum + " ≠ " + r.get("bidAmount"),
                    snippet, winners(r));
        }
        Set<String> winners = winners(r);
        if (!suppliers.isEmpty() && !winners.isEmpty()) {
            record("suppliers", id, suppliers.equals(winners), suppliers + " ≠ " + winners, snippet, winners);
        }
    }

    private static Set<String> winners(JsonNode r) {
        Set<String> winners = new TreeSet<>();
        r.path("winnerInfo").forEach(w -> winners.add(w.path("winner").asText().trim()));
        if (winners.isEmpty() && !r.path("winner").asText("").isBlank()) {
            for (String w : r.get("winner").asText().split("[,，]")) {
                winners.add(w.trim());
            }
        }
        return winners;
    }

    private static void record(String field, String id, boolean agree, String what) {
        record(field, id, agree, what, null);
    }

    /** {@code snippet}: the record's title and text; {@code truth}: the aggregator's winners, one of which a {@code truncated} verdict says is not in it. */
    private static void record(String field, String id, boolean agree, String what, String snippet, Set<String> truth) {
        record(field, id, agree, what, () -> truth.stream().anyMatch(t -> !snippet.contains(t)));
    }

    private static void record(String field, String id, boolean agree, String what, BooleanSupplier cutOff) {
        Measure m = MEASURES.get(field);
        m.compared++;
        String verdict = VERDICTS.get(field + "\t" + id);
        if (agree) {
            m.agree++;
            if (verdict != null) {
                m.stillListed.add(id);
            }
            return;
        }
        if ("aggregator".equals(verdict)) {
            m.aggregatorWrong++;
        } else if ("truncated".equals(verdict)) {
            m.truncated++;
            if (cutOff == null || !cutOff.getAsBoolean()) {
                m.truncatedButPresent.add(id);
            }
        } else {
            m.disagreements.add(id + " " + what + (verdict == null ? " (not yet checked by hand)" : ""));
        }
    }

    private static String rule(JsonNode release, String id) {
        for (JsonNode p : release.path("provenance")) {
            if (p.path("id").asText().equals(id)) {
                return p.path("rule").asText();
            }
        }
        return "";
    }

    private static void goal(String field, double goal, int minimumCompared) {
        Measure m = MEASURES.get(field);
        assertThat(m.compared).as("%s: records compared", field).isGreaterThanOrEqualTo(minimumCompared);
        assertThat(m.stillListed).as("%s: listed as disagreeing but now agreeing; remove from aggregator-disagreements.tsv", field)
                .isEmpty();
        assertThat(m.truncatedButPresent).as("%s: listed as cut off from the snippet, but the aggregator's winners are all in it", field)
                .isEmpty();
        assertThat(m.accuracy()).as("%s accuracy %s; disagreements: %s", field, m, m.disagreements).isGreaterThanOrEqualTo(goal);
    }

    @Test
    void noticeType() {
        goal("type", 0.98, 1500);
    }

    @Test
    void buyerNameAsTheTextStatesIt() {
        goal("buyer", 0.97, 90);
    }

    @Test
    void province() {
        goal("province", 0.98, 1000);
    }

    @Test
    void city() {
        goal("city", 0.95, 1000);
    }

    @Test
    void budget() {
        goal("budget", 0.97, 35);
    }

    /** Few snippets carry an award (the aggregator keeps 200 characters), so few records are compared. */
    @Test
    void awardAndSuppliers() {
        goal("award", 0.97, 5);
        goal("suppliers", 0.95, 15);
    }

    @Test
    void everyListedDisagreementIsARecordOfTheCorpus() {
        Predicate<String> known = k -> MEASURES.containsKey(k.split("\t")[0]);
        assertThat(VERDICTS.keySet()).allMatch(known);
        assertThat(VERDICTS.values()).allMatch(v -> v.equals("aggregator") || v.equals("open") || v.equals("truncated"));
    }
}
