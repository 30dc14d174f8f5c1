package io.tenderlens.topic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Grades an OCDS release (compiled or not) against a topic:
 * <ul>
 *   <li><b>about</b> — a term in a title ({@code tender.title}, {@code planning.budget.project}, an award's or
 *       contract's title), a lot's title or description, a short subject line (a description of at most
 *       {@value #SUBJECT_MAX_CHARS} characters), or in every item of an item list;</li>
 *   <li><b>mentions</b> — a term only in a long description or in some items of several;</li>
 *   <li><b>boilerplate</b> — terms only inside the topic's exclusion phrases;</li>
 * </ul>
 * Context terms ({@code 存证}, {@code 上链}) count only when a primary term occurs somewhere in the same
 * release. The result says which lots, awards and award items are about the topic, for the topic's
 * share of the money.
 */
public final class TopicGrader {
    /** A description this short is a subject line ("本项目采购区块链存证平台"); a longer one is prose. */
    public static final int SUBJECT_MAX_CHARS = 300;
    private static final int SNIPPET_RADIUS = 20;

    private final TopicMatcher matcher;

    public TopicGrader(TopicMatcher matcher) {
        this.matcher = matcher;
    }

    public Topic topic() { return matcher.topic(); }

    public TopicMatch grade(JsonNode release) {
        Scan scan = new Scan();
        JsonNode tender = release.path("tender");
        scan.field("tender/title", tender.path("title"), TopicGrade.ABOUT, Part.WHOLE);
        scan.field("planning/budget/project", release.path("planning").path("budget").path("project"), TopicGrade.ABOUT, Part.WHOLE);
        scan.description("tender/description", tender.path("description"), Part.WHOLE);
        JsonNode lots = tender.path("lots");
        for (int i = 0; i < lots.size(); i++) {
            Part lot = Part.lot(lots.get(i).path("id").asText(String.valueOf(i)));
            scan.field("tender/lots/" + i + "/title", lots.get(i).path("title"), TopicGrade.ABOUT, lot);
            scan.field("tender/lots/" + i + "/description", lots.get(i).path("description"), TopicGrade.ABOUT, lot);
        }
        scan.items("tender/items", tender.path("items"), -1);
        JsonNode awards = release.path("awards");
        for (int a = 0; a < awards.size(); a++) {
            scan.field("awards/" + a + "/title", awards.get(a).path("title"), TopicGrade.ABOUT, Part.award(a));
            scan.description("awards/" + a + "/description", awards.get(a).path("description"), Part.award(a));
            scan.items("awards/" + a + "/items", awards.get(a).path("items"), a);
        }
        JsonNode contracts = release.path("contracts");
        for (int c = 0; c < contracts.size(); c++) {
            scan.field("contracts/" + c + "/title", contracts.get(c).path("title"), TopicGrade.ABOUT, Part.NONE);
            scan.description("contracts/" + c + "/description", contracts.get(c).path("description"), Part.NONE);
            scan.items("contracts/" + c + "/items", contracts.get(c).path("items"), -1);
        }
        return scan.result();
    }

    /** A part of the procurement a match is evidence for. */
    private record Part(String kind, String lotId, int award, int item) {
        static final Part WHOLE = new Part("whole", null, -1, -1);
        static final Part NONE = new Part("none", null, -1, -1);

        static Part lot(String id) { return new Part("lot", id, -1, -1); }

        static Part award(int a) { return new Part("award", null, a, -1); }

        static Part awardItem(int a, int i) { return new Part("awardItem", null, a, i); }
    }

    private record Found(TopicEvidence evidence, Part part, boolean context) {}

    private final class Scan {
        private final List<Found> found = new ArrayList<>();

        void description(String path, JsonNode node, Part part) {
            if (node.isTextual()) {
                boolean subject = node.asText().length() <= SUBJECT_MAX_CHARS;
                field(path, node, subject ? TopicGrade.ABOUT : TopicGrade.MENTIONS, subject ? part : Part.NONE);
            }
        }

        void items(String path, JsonNode items, int award) {
            int withTopic = 0;
            int start = found.size();
            for (int i = 0; i < items.size(); i++) {
                int before = found.size();
                Part part = award >= 0 ? Part.awardItem(award, i) : Part.NONE;
                field(path + "/" + i + "/description", items.get(i).path("description"), TopicGrade.ABOUT, part);
                field(path + "/" + i + "/classification/description",
                        items.get(i).path("classification").path("description"), TopicGrade.ABOUT, part);
                if (found.subList(before, found.size()).stream().anyMatch(f -> !f.context()
                        && f.evidence().strength() != TopicGrade.BOILERPLATE)) {
                    withTopic++;
                }
            }
            if (withTopic > 0 && withTopic < items.size()) {
                // one item among several: the procurement mentions the topic; the item still counts for money
                for (int k = start; k < found.size(); k++) {
                    Found f = found.get(k);
                    if (f.evidence().strength() == TopicGrade.ABOUT) {
                        TopicEvidence e = f.evidence();
                        found.set(k, new Found(new TopicEvidence(e.field(), e.term(), e.snippet(), TopicGrade.MENTIONS),
                                f.part(), f.context()));
                    }
                }
            }
        }

        void field(String path, JsonNode node, TopicGrade strength, Part part) {
            if (!node.isTextual()) {
                return;
            }
            String text = node.asText();
            for (TopicMatcher.Occurrence o : matcher.find(text)) {
                TopicGrade s = o.boilerplate() ? TopicGrade.BOILERPLATE : strength;
                found.add(new Found(new TopicEvidence(path, o.term().text(), snippet(text, o.start(), o.end()), s),
                        o.boilerplate() ? Part.NONE : part, o.term().context()));
            }
        }

        TopicMatch result() {
            boolean primary = found.stream().anyMatch(f -> !f.context()
                    && f.evidence().strength() != TopicGrade.BOILERPLATE);
            List<Found> kept = found.stream().filter(f -> primary || !f.context()
                    || f.evidence().strength() == TopicGrade.BOILERPLATE).toList();
            if (kept.isEmpty()) {
                return TopicMatch.NONE;
            }
            TopicGrade grade = kept.stream().map(f -> f.evidence().strength())
                    .min(Comparator.naturalOrder()).orElse(TopicGrade.NONE);
            boolean whole = false;
            Set<String> lots = new LinkedHashSet<>();
            Set<Integer> awards = new HashSet<>();
            Set<String> awardItems = new HashSet<>();
            for (Found f : kept) {
                if (f.evidence().strength() != TopicGrade.ABOUT && !"awardItem".equals(f.part().kind())) {
                    continue;
                }
                switch (f.part().kind()) {
                    case "whole" -> whole = true;
                    case "lot" -> lots.add(f.part().lotId());
                    case "award" -> awards.add(f.part().award());
                    case "awardItem" -> awardItems.add(f.part().award() + "/" + f.part().item());
                    default -> { }
                }
            }
            List<TopicEvidence> evidence = kept.stream().map(Found::evidence)
                    .sorted(Comparator.comparing(TopicEvidence::strength)).toList();
            return new TopicMatch(grade, evidence, whole, lots, awards, awardItems);
        }
    }

    private static String snippet(String text, int start, int end) {
        int from = Math.max(0, start - SNIPPET_RADIUS);
        int to = Math.min(text.length(), end + SNIPPET_RADIUS);
        return (from > 0 ? "…" : "") + text.substring(from, to).strip() + (to < text.length() ? "…" : "");
    }
}
