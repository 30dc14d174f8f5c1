package io.tenderlens.place;

import io.tenderlens.text.WordTrie;
import io.tenderlens.place.ResolvedRegion.Evidence;
import io.tenderlens.place.ResolvedRegion.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The buyer's province and city from its name, its address and the page's region line.
 *
 * <p>Every division named in the clues is a weighted vote for the provinces and cities it may denote (an
 * ambiguous name such as 朝阳区 splits its vote); the province with most votes wins, then the city with most
 * votes inside it. The weights say how much each kind of clue is trusted:
 * <ul>
 *   <li>the region line (行政区域) most;</li>
 *   <li>in the buyer's name, divisions at its start (辽宁省鞍山市岫岩县…, 南京鼓楼医院) — Chinese names go from
 *       the largest place to the smallest; a short name (鞍山, 岫岩) counts only there, or for a province
 *       or prefecture, less, elsewhere;</li>
 *   <li>a place named after an institution (北京大学<b>深圳</b>医院, 东北大学<b>秦皇岛</b>分校) is where the branch is,
 *       and outweighs the place in the institution's name;</li>
 *   <li>institutions whose seat is known ({@code institutions.tsv}: 复旦大学 → 上海市, 中山大学 → 广州市);</li>
 *   <li>the address, from its start; a name followed by 路/街 is a street (广州市北京路), not a place;</li>
 *   <li>title and site, least.</li>
 * </ul>
 * Adjacent names are read together, each inside the one before it (首都医科大学附属北京朝阳医院: 朝阳区 of
 * 北京, not 朝阳市). A body whose name starts with its province and names no city (广东省人民医院, not a
 * company) is placed in the province's capital. A central body that names no place (国家税务总局) has no
 * province. Each answer lists the clues that decided it ({@link ResolvedRegion#decidedBy()}).
 */
public final class RegionResolver {

    private static final double REGION_LINE = 4;
    private static final double NAME_START_FULL = 3;
    private static final double NAME_START_SHORT = 2.5;
    private static final double NAME_INNER_FULL = 2;
    private static final double NAME_INNER_SHORT = 1;
    private static final double BRANCH_SEAT = 6;
    private static final double BRANCH_COUNTY = 2.75;
    private static final double BRANCH_COUNTY_ELSEWHERE = 2.25;
    private static final double INSTITUTION = 2;
    private static final double ADDRESS_START_FULL = 2;
    private static final double ADDRESS_START_SHORT = 1.5;
    private static final double ADDRESS_INNER_FULL = 1;
    private static final double ADDRESS_INNER_SHORT = 0.5;
    private static final double CONTEXT_FULL = 0.5;
    private static final double EPSILON = 1e-9;

    /** Words after which a place is where a branch of the institution is. */
    private static final Pattern INSTITUTION_HEAD = Pattern.compile("大学|学院|医院|公司|集团|研究院|研究所|科学院|中心");
    /** After an institution, a county's short name followed by these is the seat of a branch (暨南大学附属顺德医院). */
    private static final Pattern BRANCH_SUFFIX = Pattern.compile("^(医院|院区|分院|学院|分校|校区|医学院)");
    /** Anywhere, a county's short name followed by these is the seat of a branch (中国电信余姚分公司). */
    private static final Pattern OWN_BRANCH_SUFFIX = Pattern.compile("^(分公司|支公司|分行|支行|营业部|分院|分校|院区|校区)");
    /** A company's name may start with a trade name that happens to be a county's short name (天元建设集团). */
    private static final Pattern COMPANY = Pattern.compile("公司|集团");
    /** A place name directly followed by these is a street or road name. */
    private static final Pattern STREET = Pattern.compile("^(路|街|巷|弄|大道|大街|东路|西路|南路|北路|中路|一路|二路|三路)");

    private final Gazetteer gazetteer;
    private final WordTrie<String> institutions = new WordTrie<>();

    /**
     * @param gazetteer    the divisions
     * @param institutions institution name → code of its seat's division, or {@code "-"} for words that
     *                     contain a division's name but are not a place
     */
    public RegionResolver(Gazetteer gazetteer, Map<String, String> institutions) {
        this.gazetteer = gazetteer;
        for (Map.Entry<String, String> e : institutions.entrySet()) {
            if (!e.getValue().equals("-") && gazetteer.byCode(e.getValue()).isEmpty()) {
                throw new IllegalArgumentException("institutions: unknown division code " + e.getValue() + " for " + e.getKey());
            }
            this.institutions.put(Gazetteer.compact(e.getKey()), e.getValue());
        }
    }

    private static final class Bundled {
        static final RegionResolver INSTANCE = new RegionResolver(Gazetteer.bundled(), bundledInstitutions());

        private static Map<String, String> bundledInstitutions() {
            Map<String, String> map = new LinkedHashMap<>();
            for (String line : Gazetteer.dataLines("institutions.tsv")) {
                String[] f = line.split("\t");
                if (f.length != 2 || map.put(Gazetteer.compact(f[0]), f[1]) != null) {
                    throw new IllegalArgumentException("institutions.tsv: expected one name<TAB>code per name: " + line);
                }
            }
            return map;
        }
    }

    /** The resolver over the bundled gazetteer and institutions. */
    public static RegionResolver bundled() {
        return Bundled.INSTANCE;
    }

    /** The region from the buyer's name, address and the page's region line (each may be null). */
    public ResolvedRegion resolve(String buyerName, String address, String regionLine) {
        return resolve(new RegionClues(buyerName, address, regionLine, null));
    }

    /** A division named in the buyer's name, with the candidates left after reading its neighbours. */
    private record RunItem(DivisionMention mention, List<Division> candidates) {}

    /** A division named in the clues, its candidates and weight. */
    private record Clue(Source source, String text, List<Division> candidates, double weight) {}

    public ResolvedRegion resolve(RegionClues clues) {
        List<Clue> found = new ArrayList<>();
        for (DivisionMention m : gazetteer.mentions(nz(clues.regionLine()))) {
            found.add(new Clue(Source.REGION_LINE, m.text(), m.candidates(), REGION_LINE));
        }
        String provinceAtNameStart = nameClues(Gazetteer.compact(clues.buyerName()), found);
        placeClues(Gazetteer.compact(clues.address()), Source.ADDRESS, found);
        for (DivisionMention m : gazetteer.mentions(nz(clues.context()))) {
            if (m.fullName() && !isStreet(Gazetteer.compact(clues.context()), m)) {
                found.add(new Clue(Source.CONTEXT, m.text(), m.candidates(), CONTEXT_FULL));
            }
        }
        return decide(found, provinceAtNameStart);
    }

    /** Adds the clues of the buyer's name; returns the province it starts with, unless it is a company's. */
    private String nameClues(String name, List<Clue> found) {
        List<int[]> institutionSpans = new ArrayList<>();
        for (int i = 0; i < name.length(); ) {
            WordTrie.Match<String> m = institutions.longestAt(name, i, 2);
            if (m == null) {
                i++;
                continue;
            }
            institutionSpans.add(new int[] {i, i + m.length()});
            if (!m.value().equals("-")) {
                found.add(new Clue(Source.KNOWN_INSTITUTION, name.substring(i, i + m.length()),
                        List.of(gazetteer.byCode(m.value()).orElseThrow()), INSTITUTION));
            }
            i += m.length();
        }
        boolean company = COMPANY.matcher(name).find();
        // runs of adjacent names, each inside the one before it: 辽宁省鞍山市岫岩县, …附属北京朝阳医院
        List<List<RunItem>> runs = new ArrayList<>();
        List<Boolean> runAfterInstitution = new ArrayList<>();
        List<RunItem> run = null;
        List<Division> runTail = List.of();
        int runEnd = -1;
        for (DivisionMention m : gazetteer.mentions(name)) {
            if (inside(m, institutionSpans) || isStreet(name, m)) {
                continue;
            }
            List<Division> candidates = preferHigherLevels(m);
            if (run != null && m.start() == runEnd) {
                List<Division> within = withinChain(m.candidates(), runTail);
                if (company && !m.fullName()) {
                    within = within.stream().filter(d -> d.level() != Division.Level.COUNTY).toList();
                }
                if (!within.isEmpty()) {
                    run.add(new RunItem(m, within));
                    runTail = within;
                    runEnd = m.end();
                    continue;
                }
            }
            boolean atStart = m.start() == 0;
            boolean afterInstitution = INSTITUTION_HEAD.matcher(name.substring(0, m.start())).find();
            if (!m.fullName() && (company || !atStart)) {
                // a county's short name counts at the start of a name, or as the seat of a branch (暨南大学附属顺德医院)
                String after = name.substring(m.end());
                boolean branchSeat = candidates.size() == 1 && (OWN_BRANCH_SUFFIX.matcher(after).find()
                        || (afterInstitution && !company && BRANCH_SUFFIX.matcher(after).find()));
                if (!branchSeat) {
                    candidates = candidates.stream().filter(d -> d.level() != Division.Level.COUNTY).toList();
                }
                if (candidates.isEmpty()) {
                    continue;
                }
            }
            run = new ArrayList<>();
            run.add(new RunItem(m, candidates));
            runs.add(run);
            runAfterInstitution.add(afterInstitution);
            runTail = candidates;
            runEnd = m.end();
        }
        String provinceAtStart = null;
        for (int r = 0; r < runs.size(); r++) {
            List<RunItem> items = runs.get(r);
            boolean startRun = r == 0 && items.get(0).mention().start() == 0;
            // the last place named after an institution is where its branch is: 北京大学深圳医院
            boolean branch = r == runs.size() - 1 && runAfterInstitution.get(r);
            boolean onlyCounty = items.stream()
                    .allMatch(c -> c.candidates().stream().allMatch(d -> d.level() == Division.Level.COUNTY));
            // a county after an institution outweighs a place in the institution's name (广州中医药大学顺德医院) when it lies
            // in a province named before it; elsewhere it is more likely a town's namesake (深圳大学平湖医院: not 平湖市 of 嘉兴)
            double branchCounty = branch && onlyCounty && inProvinceNamedBefore(items, runs.subList(0, r))
                    ? BRANCH_COUNTY : BRANCH_COUNTY_ELSEWHERE;
            for (RunItem c : items) {
                boolean full = c.mention().fullName();
                double weight = branch ? (onlyCounty ? branchCounty : BRANCH_SEAT)
                        : startRun ? (full ? NAME_START_FULL : NAME_START_SHORT)
                        : (full ? NAME_INNER_FULL : NAME_INNER_SHORT);
                found.add(new Clue(Source.BUYER_NAME, c.mention().text(), c.candidates(), weight));
            }
            Division first = items.get(0).candidates().get(0);
            if (startRun && !company && first.level() == Division.Level.PROVINCE) {
                provinceAtStart = first.code();
            }
        }
        return provinceAtStart;
    }

    /** True when a candidate of the run lies in a province that a candidate of an earlier run lies in. */
    private static boolean inProvinceNamedBefore(List<RunItem> run, List<List<RunItem>> earlier) {
        Set<String> provinces = new java.util.HashSet<>();
        for (List<RunItem> e : earlier) {
            for (RunItem item : e) {
                item.candidates().forEach(d -> provinces.add(d.provinceCode()));
            }
        }
        return run.stream().anyMatch(item -> item.candidates().stream().anyMatch(d -> provinces.contains(d.provinceCode())));
    }

    /** A short name that may mean a prefecture or a county (西安: 西安市, or 西安区 of 辽源) means the prefecture. */
    private static List<Division> preferHigherLevels(DivisionMention m) {
        if (m.fullName() || m.candidates().stream().allMatch(d -> d.level() == Division.Level.COUNTY)) {
            return m.candidates();
        }
        return m.candidates().stream().filter(d -> d.level() != Division.Level.COUNTY).toList();
    }

    /** The candidates that lie inside one of the divisions the chain has reached (all of them at its start). */
    private List<Division> withinChain(List<Division> candidates, List<Division> chainTail) {
        if (chainTail.isEmpty()) {
            return candidates;
        }
        return candidates.stream().filter(d -> chainTail.stream().anyMatch(outer -> contains(outer, d))).toList();
    }

    private boolean contains(Division outer, Division inner) {
        return switch (outer.level()) {
            case PROVINCE -> inner.provinceCode().equals(outer.code()) && !inner.equals(outer);
            case PREFECTURE -> inner.level() == Division.Level.COUNTY
                    && gazetteer.city(inner).map(c -> c.equals(outer)).orElse(false);
            case COUNTY -> false;
        };
    }

    private void placeClues(String text, Source source, List<Clue> found) {
        int chainEnd = 0;
        List<Division> chainTail = List.of();
        for (DivisionMention m : gazetteer.mentions(text)) {
            if (isStreet(text, m)) {
                continue;
            }
            List<Division> candidates = preferHigherLevels(m);
            if (m.start() == chainEnd) {
                List<Division> within = chainTail.isEmpty() ? candidates : withinChain(m.candidates(), chainTail);
                if (!within.isEmpty()) {
                    chainEnd = m.end();
                    chainTail = within;
                    found.add(new Clue(source, m.text(), within, m.fullName() ? ADDRESS_START_FULL : ADDRESS_START_SHORT));
                    continue;
                }
            }
            if (!m.fullName()) {
                candidates = candidates.stream().filter(d -> d.level() != Division.Level.COUNTY).toList();
                if (candidates.isEmpty()) {
                    continue;
                }
            }
            found.add(new Clue(source, m.text(), candidates, m.fullName() ? ADDRESS_INNER_FULL : ADDRESS_INNER_SHORT));
        }
    }

    private static boolean inside(DivisionMention m, List<int[]> spans) {
        for (int[] s : spans) {
            if (m.start() < s[1] && m.end() > s[0]) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStreet(String text, DivisionMention m) {
        return STREET.matcher(text.substring(m.end())).find();
    }

    private ResolvedRegion decide(List<Clue> clues, String provinceAtNameStart) {
        Map<String, Double> provinceScore = new HashMap<>();
        Map<String, Double> cityScore = new HashMap<>();
        Map<String, Double> countyScore = new HashMap<>();
        for (Clue c : clues) {
            Set<List<String>> pairs = new LinkedHashSet<>();
            for (Division d : c.candidates()) {
                pairs.add(java.util.Arrays.asList(d.provinceCode(), gazetteer.city(d).map(Division::code).orElse(null)));
            }
            double share = c.weight() / pairs.size();
            for (List<String> pair : pairs) {
                provinceScore.merge(pair.get(0), share, Double::sum);
                if (pair.get(1) != null) {
                    cityScore.merge(pair.get(1), share, Double::sum);
                }
            }
            for (Division d : c.candidates()) {
                if (d.level() == Division.Level.COUNTY) {
                    countyScore.merge(d.code(), share, Double::sum);
                }
            }
        }
        Optional<String> province = best(provinceScore, code -> true);
        if (province.isEmpty()) {
            return ResolvedRegion.unknown(divisions(provinceScore, code -> true));
        }
        String p = province.get();
        Division provinceDivision = gazetteer.byCode(p).orElseThrow();
        Optional<Division> city = best(cityScore, code -> code.startsWith(p.substring(0, 2)))
                .flatMap(gazetteer::byCode);
        List<Evidence> evidence = new ArrayList<>();
        if (city.isEmpty() && provinceDivision.isMunicipality()) {
            city = gazetteer.city(provinceDivision);
        }
        if (city.isEmpty() && p.equals(provinceAtNameStart)) {
            city = gazetteer.capital(provinceDivision);
            city.ifPresent(c -> evidence.add(new Evidence(Source.PROVINCIAL_CAPITAL, provinceDivision.name(), c, 0)));
        }
        String cityCode = city.map(Division::code).orElse(null);
        Optional<Division> county = cityCode == null ? Optional.empty()
                : best(countyScore, code -> gazetteer.byCode(code).flatMap(gazetteer::city)
                        .map(c -> c.code().equals(cityCode)).orElse(false)).flatMap(gazetteer::byCode);
        for (Clue c : clues) {
            for (Division d : c.candidates()) {
                boolean supports = cityCode != null
                        ? gazetteer.city(d).map(x -> x.code().equals(cityCode)).orElse(false)
                                || (d.level() == Division.Level.PROVINCE && d.code().equals(p))
                        : d.provinceCode().equals(p);
                if (supports) {
                    evidence.add(new Evidence(c.source(), c.text(), d, c.weight()));
                    break;
                }
            }
        }
        evidence.sort(Comparator.comparingDouble(Evidence::weight).reversed());
        List<Division> alternatives = new ArrayList<>(divisions(provinceScore, code -> !code.equals(p)));
        alternatives.addAll(divisions(cityScore, code -> code.startsWith(p.substring(0, 2)) && !code.equals(cityCode)));
        return new ResolvedRegion(Optional.of(provinceDivision), city, county, evidence, alternatives);
    }

    /** The code with the highest score among those accepted, if it is alone at the top. */
    private static Optional<String> best(Map<String, Double> scores, java.util.function.Predicate<String> accept) {
        String best = null;
        double top = 0;
        boolean tie = false;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            if (!accept.test(e.getKey()) || e.getValue() <= EPSILON) {
                continue;
            }
            if (best == null || e.getValue() > top + EPSILON) {
                best = e.getKey();
                top = e.getValue();
                tie = false;
            } else if (Math.abs(e.getValue() - top) <= EPSILON) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    private List<Division> divisions(Map<String, Double> scores, java.util.function.Predicate<String> accept) {
        return scores.entrySet().stream().filter(e -> accept.test(e.getKey()) && e.getValue() > EPSILON)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).map(gazetteer::byCode).flatMap(Optional::stream).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
