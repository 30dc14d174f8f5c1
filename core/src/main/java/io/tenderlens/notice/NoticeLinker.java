package io.tenderlens.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Gives the notices of one procurement one ocid, and the same notice one release.
 *
 * <p>Notices link by their project code (采购项目编号) where it is printed and distinctive; a short
 * or generic code ({@code 202601}) counts only together with the buyer. Without a code, notices link
 * by buyer + title stem (the title without 招标公告, 更正公告, 中标结果公告 …) + the lots the title names.
 * Two notices whose codes differ never link by title: another lot, year or item of the same buyer's
 * template stays apart. Exact re-publications (the same release id: the same content) become one
 * release.
 *
 * <p>ocids are {@value #OCID_PREFIX} followed by 16 hex digits of the SHA-256 of the linking key of the
 * procurement's first notice with a code (else its first notice), in date order. tenderlens has no
 * registered OCDS prefix; {@code ocds-tenderlens} is ours by convention and says so.
 */
public final class NoticeLinker {
    public static final String OCID_PREFIX = "ocds-tenderlens-";
    private static final Pattern NOT_KEY_CHARS = Pattern.compile("[^\\p{IsHan}A-Za-z0-9]");
    private static final Pattern YEAR_OR_SERIAL = Pattern.compile("\\d{1,8}");

    private NoticeLinker() {}

    /** The outcome of linking a batch. */
    public record Linked(List<ObjectNode> releases, Map<Integer, Integer> duplicateOf) {
        /** Input positions of the kept releases. */
        public int kept() {
            return releases.size();
        }
    }

    /**
     * Links a batch: drops exact re-publications (keeping the first, in input order), then gives every
     * group of linked notices one ocid. The kept releases are returned in input order, their ocids set.
     * {@code duplicateOf} maps the input position of each dropped release to the position of the one kept.
     */
    public static Linked link(List<ObjectNode> releases) {
        Map<String, Integer> firstById = new HashMap<>();
        Map<Integer, Integer> duplicateOf = new LinkedHashMap<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < releases.size(); i++) {
            String id = releases.get(i).path("id").asText();
            Integer first = firstById.putIfAbsent(id, i);
            if (first != null) {
                duplicateOf.put(i, first);
            } else {
                kept.add(i);
            }
        }
        List<Integer> byDate = new ArrayList<>(kept);
        byDate.sort(Comparator.comparing((Integer i) -> releases.get(i).path("date").asText("")));
        int[] parent = new int[releases.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<Integer, Set<String>> codes = new HashMap<>();
        for (int i : kept) {
            codes.put(i, new TreeSet<>(codeKeys(releases.get(i))));
        }
        Map<String, Integer> ownerOfKey = new HashMap<>();
        for (int i : byDate) {
            for (String k : codes.get(i)) {
                Integer o = ownerOfKey.putIfAbsent(k, i);
                if (o != null) {
                    union(parent, codes, o, i, true);
                }
            }
        }
        Map<String, Integer> ownerOfTitle = new HashMap<>();
        for (int i : byDate) {
            for (String k : titleKeys(releases.get(i))) {
                Integer o = ownerOfTitle.putIfAbsent(k, i);
                if (o != null) {
                    union(parent, codes, o, i, false);
                }
            }
        }
        Map<Integer, String> ocidOfRoot = new HashMap<>();
        for (int i : byDate) {
            int root = find(parent, i);
            JsonNode r = releases.get(i);
            if (!ocidOfRoot.containsKey(root) && !codeKeys(r).isEmpty()) {
                ocidOfRoot.put(root, ocidOf(r));
            }
        }
        for (int i : byDate) {
            ocidOfRoot.putIfAbsent(find(parent, i), ocidOf(releases.get(i)));
        }
        List<ObjectNode> out = new ArrayList<>();
        for (int i : kept) {
            ObjectNode r = releases.get(i);
            r.put("ocid", ocidOfRoot.get(find(parent, i)));
            out.add(r);
        }
        return new Linked(out, duplicateOf);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins two groups; by title only when their codes do not conflict. */
    private static void union(int[] parent, Map<Integer, Set<String>> codes, int a, int b, boolean byCode) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra == rb) {
            return;
        }
        Set<String> ca = codes.get(ra);
        Set<String> cb = codes.get(rb);
        if (!byCode && !ca.isEmpty() && !cb.isEmpty() && java.util.Collections.disjoint(ca, cb)) {
            return;
        }
        int keep = Math.min(ra, rb);
        int drop = Math.max(ra, rb);
        parent[drop] = keep;
        Set<String> merged = new TreeSet<>(ca);
        merged.addAll(cb);
        codes.put(keep, merged);
    }

    /** The ocid a notice gets on its own: from its code key, else its first title key, else its release id. */
    public static String ocidOf(JsonNode release) {
        return OCID_PREFIX + Hashes.sha256(keyOf(release)).substring(0, 16);
    }

    /** The linking key a notice has on its own. */
    public static String keyOf(JsonNode release) {
        List<String> c = codeKeys(release);
        if (!c.isEmpty()) {
            return c.get(0);
        }
        List<String> t = titleKeys(release);
        if (!t.isEmpty()) {
            return t.get(0);
        }
        return "release:" + release.path("id").asText();
    }

    /** Code keys: the normalised code, with the buyer when the code is too short or generic to stand alone. */
    static List<String> codeKeys(JsonNode release) {
        String code = normaliseCode(release.path("tender").path("id").asText(""));
        if (code.isEmpty()) {
            return List.of();
        }
        if (distinctive(code)) {
            return List.of("code:" + code);
        }
        String buyer = normaliseName(release.path("buyer").path("name").asText(""));
        return buyer.isEmpty() ? List.of() : List.of("code:" + code + "|buyer:" + buyer);
    }

    /** Title keys: buyer + stem + lots of the project name and of the heading (both when they differ). */
    static List<String> titleKeys(JsonNode release) {
        String buyer = normaliseName(release.path("buyer").path("name").asText(""));
        String heading = release.path("noticeSource").path("title").asText("");
        Set<String> lots = new TreeSet<>(LotIds.all(heading));
        Set<String> keys = new LinkedHashSet<>();
        for (String title : new String[] {release.path("tender").path("title").asText(""), heading}) {
            String stem = normaliseName(TitleStem.withoutLots(title));
            if (!buyer.isEmpty()) {
                stem = stem.startsWith(buyer) ? stem.substring(buyer.length()) : stem;
            }
            if (stem.length() < 2 || (buyer.isEmpty() && stem.length() < 10)) {
                continue;
            }
            keys.add("title:" + buyer + "|" + stem + "|lots:" + String.join(",", lots));
        }
        return new ArrayList<>(keys);
    }

    /** A code as a key: half-width, upper case, no spaces or punctuation other than - and brackets unified. */
    public static String normaliseCode(String code) {
        String c = Text.fold(code).toUpperCase(Locale.ROOT).replace(" ", "");
        c = c.replace('（', '(').replace('）', ')').replace('[', '(').replace(']', ')').replace('〔', '(').replace('〕', ')');
        c = c.replace('_', '-').replace('—', '-');
        return c.replaceAll("[。，,；;：:]+$", "");
    }

    /** A code distinctive enough to identify a procurement alone: not a bare short number like 202601. */
    static boolean distinctive(String code) {
        if (code.length() < 6) {
            return false;
        }
        return !YEAR_OR_SERIAL.matcher(code).matches();
    }

    /** A name or title as a key: half-width, only Han, letters and digits, lower case. */
    static String normaliseName(String name) {
        return NOT_KEY_CHARS.matcher(Text.fold(name)).replaceAll("").toLowerCase(Locale.ROOT)
                .replace("本级", "");
    }
}
