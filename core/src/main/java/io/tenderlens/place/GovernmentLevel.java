package io.tenderlens.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Central (中央) or local (地方) government: the split ccgp.gov.cn makes between 中央公告 and 地方公告.
 *
 * <p>Central units are the State Council's ministries and commissions and their directly affiliated bodies,
 * the Party centre, the national legislature and courts, the national mass organisations, central
 * universities, the vertically managed systems (customs, the tax administration, the statistics survey
 * teams, frontier inspection, maritime bureaus) and the armed forces; the list is {@code central-units.tsv}
 * (adding a unit is adding a line). Decisions where the sources are silent:
 * <ul>
 *   <li>the ccgp channel ({@code /cggg/zygg/} or 中央公告 = central, {@code /cggg/dfgg/} or 地方公告 = local),
 *       when known, decides;</li>
 *   <li>the 附属 hospitals of central universities are local (重庆大学附属肿瘤医院 is 重庆市肿瘤医院 and ccgp
 *       lists it under 地方公告); hospitals a central university runs itself (北京大学第一医院) are central;</li>
 *   <li>an independent college named after a central university and a place (北京科技大学天津学院) is local;</li>
 *   <li>a public body whose name starts with 国家, 中央 or 中国 (not a company, school or university) is
 *       central, unless a place follows (中国共产党南宁市委员会);</li>
 *   <li>a buyer whose name starts with a province, city or county is local; anything else is local by
 *       default (most notices are 地方公告), with the rule {@code level.default} so that callers can tell.</li>
 * </ul>
 */
public final class GovernmentLevel {

    /** The two levels, with the codes of our OCDS extension ({@code parties[].details.governmentLevel}). */
    public enum Level {
        CENTRAL("central", "中央"), LOCAL("local", "地方");

        private final String code;
        private final String chinese;

        Level(String code, String chinese) {
            this.code = code;
            this.chinese = chinese;
        }

        /** The code in our OCDS extension: {@code central} or {@code local}. */
        public String code() {
            return code;
        }

        /** 中央 or 地方. */
        public String chinese() {
            return chinese;
        }
    }

    /**
     * A classification and why.
     *
     * @param level    central or local
     * @param rule     the rule that decided, e.g. {@code level.centralUniversity}
     * @param evidence the words it was decided on (a name, a channel)
     */
    public record Decision(Level level, String rule, String evidence) {}

    private enum Kind { UNIT, UNIVERSITY, CONTAINS, LOCAL, PREFIX_PUBLIC }

    private record Rule(Kind kind, String words) {}

    private static final Pattern LEADING_PARTY_OR_STATE = Pattern.compile("^(中华人民共和国|中国共产党|中共(?!中央))");
    private static final Pattern ENTERPRISE = Pattern.compile("公司|集团|有限|股份|企业|厂$");
    private static final Pattern SCHOOL = Pattern.compile("大学|学院|学校|中学|小学");

    private final List<Rule> rules;
    private final Gazetteer gazetteer;

    private GovernmentLevel(List<Rule> rules, Gazetteer gazetteer) {
        this.rules = List.copyOf(rules);
        this.gazetteer = gazetteer;
    }

    private static final class Bundled {
        static final GovernmentLevel INSTANCE = load();

        private static GovernmentLevel load() {
            List<Rule> rules = new ArrayList<>();
            for (String line : Gazetteer.dataLines("central-units.tsv")) {
                String[] f = line.split("\t");
                if (f.length < 2) {
                    throw new IllegalArgumentException("central-units.tsv: expected kind<TAB>words<TAB>what: " + line);
                }
                Kind kind = Kind.valueOf(f[0].toUpperCase().replace('-', '_'));
                rules.add(new Rule(kind, f[1]));
            }
            // longer words first, so that 中国科学院大学 is a university before 中国科学院 is a unit
            rules.sort((a, b) -> Integer.compare(b.words().length(), a.words().length()));
            return new GovernmentLevel(rules, Gazetteer.bundled());
        }
    }

    /** The classifier over the bundled list of central units. */
    public static GovernmentLevel bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * The level a ccgp channel says: a notice URL with {@code /cggg/zygg/} or a breadcrumb with 中央公告 is
     * central, {@code /cggg/dfgg/} or 地方公告 local.
     */
    public static Optional<Level> ofCcgpChannel(String urlOrBreadcrumb) {
        if (urlOrBreadcrumb == null) {
            return Optional.empty();
        }
        if (urlOrBreadcrumb.contains("/zygg/") || urlOrBreadcrumb.contains("中央公告")) {
            return Optional.of(Level.CENTRAL);
        }
        if (urlOrBreadcrumb.contains("/dfgg/") || urlOrBreadcrumb.contains("地方公告")) {
            return Optional.of(Level.LOCAL);
        }
        return Optional.empty();
    }

    /** The level of a buyer from its name alone. */
    public Decision classify(String buyerName) {
        return classify(buyerName, null);
    }

    /** The level of a buyer; the ccgp channel (URL or breadcrumb, may be null) decides when it says. */
    public Decision classify(String buyerName, String ccgpChannel) {
        Optional<Level> channel = ofCcgpChannel(ccgpChannel);
        if (channel.isPresent()) {
            return new Decision(channel.get(), "level.ccgpChannel", ccgpChannel);
        }
        String name = Gazetteer.compact(buyerName);
        String bare = LEADING_PARTY_OR_STATE.matcher(name).replaceFirst("");
        for (Rule r : rules) {
            if (r.kind() == Kind.LOCAL && name.contains(r.words())) {
                return new Decision(Level.LOCAL, "level.localException", r.words());
            }
        }
        for (Rule r : rules) {
            switch (r.kind()) {
                case CONTAINS -> {
                    if (name.contains(r.words())) {
                        return new Decision(Level.CENTRAL, "level.verticalSystem", r.words());
                    }
                }
                case UNIT -> {
                    if (name.startsWith(r.words()) || bare.startsWith(r.words())) {
                        return new Decision(Level.CENTRAL, "level.centralUnit", r.words());
                    }
                }
                case UNIVERSITY -> {
                    if (bare.startsWith(r.words())) {
                        String rest = bare.substring(r.words().length());
                        if (rest.contains("附属") && rest.contains("医院")) {
                            return new Decision(Level.LOCAL, "level.universityAffiliatedHospital", r.words() + rest);
                        }
                        if (rest.endsWith("学院") && !gazetteer.mentions(rest).isEmpty()) {
                            return new Decision(Level.LOCAL, "level.independentCollege", r.words() + rest);
                        }
                        return new Decision(Level.CENTRAL, "level.centralUniversity", r.words());
                    }
                }
                default -> { }
            }
        }
        List<DivisionMention> places = gazetteer.mentions(bare);
        if (!places.isEmpty() && places.get(0).start() == 0) {
            return new Decision(Level.LOCAL, "level.localDivision", places.get(0).text());
        }
        boolean publicBody = !ENTERPRISE.matcher(bare).find() && !SCHOOL.matcher(bare).find();
        for (Rule r : rules) {
            if (r.kind() == Kind.PREFIX_PUBLIC && publicBody && bare.startsWith(r.words())) {
                String rest = bare.substring(r.words().length());
                rest = rest.startsWith("(") ? rest.substring(1) : rest;
                List<DivisionMention> after = gazetteer.mentions(rest);
                if (!after.isEmpty() && after.get(0).start() == 0) {
                    return new Decision(Level.LOCAL, "level.localDivision", after.get(0).text());
                }
                return new Decision(Level.CENTRAL, "level.nationalName", r.words());
            }
        }
        return new Decision(Level.LOCAL, "level.default", name);
    }
}
