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

    /**
     * Exact re-publications, told apart as releases are offered one by one: a release whose id (a hash of what the
     * notice says) was offered before is the same notice published again, and the first is the one kept.
     */
    public static final class Republications {
        private final Map<String, Integer> firstById = new HashMap<>();
        private int offered;

        /** The position, in the order offered, of the earlier release with this one's id; -1 when this is the first. */
        public int earlier(ObjectNode release) {
            Integer first = firstById.putIfAbsent(release.path("id").asText(), offered++);
            return first == null ? -1 : first;
        }
    }

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
        Republications republications = new Republications();
        Map<Integer, Integer> duplicateOf = new LinkedHashMap<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < releases.size(); i++) {
            int first = republications.earlier(releases.get(i));
            if (first >= 0) {
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
        Map<Integer, Set<String>> calls = new HashMap<>();
        for (int i : kept) {
            codes.put(i, new TreeSet<>(codeKeys(releases.get(i))));
            calls.put(i, new TreeSet<>(callLots(releases.get(i))));
        }
        Map<String, Integer> ownerOfKey = new HashMap<>();
        for (int i : byDate) {
            for (String k : codes.get(i)) {
                Integer o = ownerOfKey.putIfAbsent(k, i);
                if (o != null) {
                    union(parent, codes, calls, o, i, true);
                }
            }
        }
        Map<String, List<Integer>> withTitle = new HashMap<>();
        for (int i : byDate) {
            List<String> lots = LotIds.all(releases.get(i).path("noticeSource").path("title").asText(""));
            for (String k : titleKeys(releases.get(i))) {
                List<Integer> earlier = withTitle.computeIfAbsent(k, x -> new ArrayList<>());
                // the latest earlier notice of the key within a year whose group takes it: a call for its lots first
                Integer chosen = null;
                for (int pass = 0; pass < 2 && chosen == null; pass++) {
                    for (int e = earlier.size() - 1; e >= 0 && chosen == null; e--) {
                        int o = earlier.get(e);
                        Set<String> groupCalls = calls.get(find(parent, o));
                        boolean forItsLots = !lots.isEmpty() && groupCalls.containsAll(lots);
                        if (withinAYear(releases.get(o), releases.get(i)) && (pass == 1 || forItsLots)
                                && union(parent, codes, calls, o, i, false)) {
                            chosen = o;
                        }
                    }
                }
                earlier.add(i);
            }
        }
        Map<Integer, String> ocidOfRoot = new HashMap<>();
        Set<String> taken = new java.util.HashSet<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i : byDate) {
                int root = find(parent, i);
                JsonNode r = releases.get(i);
                if (ocidOfRoot.containsKey(root) || (pass == 0 && codeKeys(r).isEmpty())) {
                    continue;
                }
                String ocid = ocidOf(r);
                // two procurements with one key (a template's yearly rounds): the later one is told apart by its date
                for (int n = 1; taken.contains(ocid); n++) {
                    ocid = OCID_PREFIX + Hashes.sha256(keyOf(r) + "|" + r.path("date").asText("") + "|" + n).substring(0, 16);
                }
                taken.add(ocid);
                ocidOfRoot.put(root, ocid);
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        for (int i : kept) {
            ObjectNode r = releases.get(i);
            setOcid(r, ocidOfRoot.get(find(parent, i)));
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

    /**
     * Joins two groups. By title only when their codes do not conflict, and when they hold no two calls for
     * tenders for different lots (第7、9、10包 and 第3、11、13包 of one template are two procurements).
     */
    private static boolean union(int[] parent, Map<Integer, Set<String>> codes, Map<Integer, Set<String>> calls, int a, int b,
                                 boolean byCode) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra == rb) {
            return true;
        }
        Set<String> ca = codes.get(ra);
        Set<String> cb = codes.get(rb);
        if (!byCode && !ca.isEmpty() && !cb.isEmpty() && java.util.Collections.disjoint(ca, cb)) {
            return false;
        }
        Set<String> la = calls.get(ra);
        Set<String> lb = calls.get(rb);
        if (!byCode && !la.isEmpty() && !lb.isEmpty() && java.util.Collections.disjoint(la, lb)) {
            return false;
        }
        int keep = Math.min(ra, rb);
        int drop = Math.max(ra, rb);
        parent[drop] = keep;
        Set<String> merged = new TreeSet<>(ca);
        merged.addAll(cb);
        codes.put(keep, merged);
        Set<String> lots = new TreeSet<>(la);
        lots.addAll(lb);
        calls.put(keep, lots);
        return true;
    }

    /** The lots a call for tenders is for (empty for other notices and for calls for the whole procurement). */
    private static List<String> callLots(JsonNode release) {
        if (!"tender".equals(release.path("noticeSource").path("noticeType").asText())) {
            return List.of();
        }
        return LotIds.all(release.path("noticeSource").path("title").asText(""));
    }

    /** Notices linked by title alone must be within a year of each other: yearly rounds of a service are apart. */
    private static boolean withinAYear(JsonNode a, JsonNode b) {
        String da = a.path("date").asText("");
        String db = b.path("date").asText("");
        if (da.length() < 10 || db.length() < 10) {
            return true;
        }
        try {
            long days = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(da.substring(0, 10)),
                    java.time.LocalDate.parse(db.substring(0, 10))));
            return days <= 365;
        } catch (java.time.DateTimeException e) {
            return true;
        }
    }

    /**
     * Sets a release's ocid. A notice that prints no project code has the ocid as its {@code tender.id} (OCDS requires
     * one), which follows the ocid when the notice joins another procurement; linking never reads it as a code.
     */
    static void setOcid(ObjectNode release, String ocid) {
        if (release.get("tender") instanceof ObjectNode tender) {
            JsonNode id = tender.get("id");
            if (id == null) {
                release.withArray("provenance").addObject().put("id", "tender/id").put("text", "").put("rule", "tender.id.ocid");
            }
            if (id == null || id.asText().equals(release.path("ocid").asText())) {
                tender.put("id", ocid);
            }
        }
        release.put("ocid", ocid);
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
        String printed = release.path("tender").path("id").asText("");
        String code = printed.startsWith(OCID_PREFIX) ? "" : normaliseCode(printed);
        if (code.isEmpty()) {
            return List.of();
        }
        if (distinctive(code)) {
            List<String> keys = new ArrayList<>();
            keys.add("code:" + code);
            // JJRZXS-2023GK-15-2 is the second round (or a package) of JJRZXS-2023GK-15: both meet at the shorter code
            java.util.regex.Matcher round = ROUND_SUFFIX.matcher(code);
            if (round.find() && distinctive(code.substring(0, round.start()))) {
                keys.add("code:" + code.substring(0, round.start()));
            }
            return keys;
        }
        String buyer = normaliseName(release.path("buyer").path("name").asText(""));
        return buyer.isEmpty() ? List.of() : List.of("code:" + code + "|buyer:" + buyer);
    }

    private static final Pattern ROUND_SUFFIX = Pattern.compile("-\\d{1,2}$");

    /**
     * Title keys: the stem (without lots: an award for 第4包 belongs to the call for the whole procurement; calls for
     * different lots are kept apart by {@link #union}), of the heading and of the project name. A stem that names its organisation
     * (深圳市第三人民医院手术室行为管理系统) stands alone — sites spell the buyer differently, the title the same;
     * a stem that does not (手术室行为管理系统) is qualified by the buyer, and without a buyer it is no key.
     */
    static List<String> titleKeys(JsonNode release) {
        String buyer = normaliseName(release.path("buyer").path("name").asText(""));
        String heading = release.path("noticeSource").path("title").asText("");
        Set<String> keys = new LinkedHashSet<>();
        for (String title : new String[] {heading, release.path("tender").path("title").asText("")}) {
            String plain = TitleStem.forLinking(title);
            String stem = normaliseName(plain);
            if (stem.length() < 4) {
                continue;
            }
            boolean namesItsOrganisation = Names.organisationPrefix(plain) != null;
            if (!namesItsOrganisation && buyer.isEmpty()) {
                continue;
            }
            keys.add("title:" + (namesItsOrganisation ? "" : buyer) + "|" + stem);
        }
        return new ArrayList<>(keys);
    }

    /**
     * A code as a key: half-width, upper case, no spaces, brackets unified, and without the marks of a re-tender
     * (SRJYZFCG-2022-003#-1, BB2021WHCGZ0851-重1, GXZC…（重）): a re-tender is the same procurement.
     */
    public static String normaliseCode(String code) {
        String c = Text.fold(code).toUpperCase(Locale.ROOT).replace(" ", "");
        c = c.replace('（', '(').replace('）', ')').replace('[', '(').replace(']', ')').replace('〔', '(').replace('〕', ')');
        c = c.replace('_', '-').replace('—', '-').replace('−', '-');
        c = TRAILING_PUNCTUATION.matcher(c).replaceAll("");
        return RETENDER_MARK.matcher(c).replaceFirst("");
    }

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[。，,；;：:]+$");
    private static final Pattern RETENDER_MARK = Pattern.compile("(?:#(?:-\\d+)?|-重\\d*|\\([^()]{0,8}重[^()]{0,4}\\)|\\(第?[一二三四五六七八九十0-9]次\\))$");

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
