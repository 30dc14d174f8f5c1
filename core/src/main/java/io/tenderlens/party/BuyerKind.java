package io.tenderlens.party;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What kind of body a buyer is — government agency, school or university, hospital or health body,
 * state-owned enterprise, public institution (事业单位) or other — from its name, by the rules of
 * {@code buyer-kind-rules.tsv} (adding a rule is adding a line).
 *
 * <p>Chinese organisation names end in the word that says what the body is, so the rule whose words end
 * latest in the (normalised) name decides, the longer words on a tie: 重庆医科大学附属大学城医院 is a hospital,
 * 广州市南沙区卫生健康局 a health body, 甘洛县教育和体育局 a government agency, 某某医院管理有限公司 a company. A
 * company is state-owned when its name shows it ({@code soe} rules: 国家电网, 城投, 中国…), otherwise other.
 * Decisions: health authorities (卫生健康委员会, 疾控中心, 医疗保障局) count as health bodies, education
 * bureaus (教育局) as government agencies; the armed forces as government.
 */
public final class BuyerKind {

    /** The kinds, with the codes of our OCDS extension ({@code parties[].details.buyerKind}). */
    public enum Kind {
        GOVERNMENT("government", "政府机关"),
        EDUCATION("education", "学校"),
        HEALTH("health", "医疗卫生机构"),
        STATE_OWNED_ENTERPRISE("stateOwnedEnterprise", "国有企业"),
        PUBLIC_INSTITUTION("publicInstitution", "事业单位"),
        OTHER("other", "其他");

        private final String code;
        private final String chinese;

        Kind(String code, String chinese) {
            this.code = code;
            this.chinese = chinese;
        }

        /** The code in our OCDS extension, e.g. {@code stateOwnedEnterprise}. */
        public String code() {
            return code;
        }

        /** The Chinese label, e.g. 国有企业. */
        public String chinese() {
            return chinese;
        }
    }

    /**
     * A classification and why.
     *
     * @param kind  the kind
     * @param rule  the rule that fired, e.g. {@code buyerKind.health:医院}, or {@code buyerKind.default}
     * @param words the words of the name it fired on
     */
    public record Decision(Kind kind, String rule, String words) {}

    private enum RuleKind { GOVERNMENT, EDUCATION, HEALTH, PUBLIC_INSTITUTION, OTHER, ENTERPRISE, SOE, SOE_PREFIX }

    private record Rule(RuleKind kind, String words, boolean generic, boolean prefix) {}

    private final List<Rule> headRules = new ArrayList<>();
    private final List<Rule> soeRules = new ArrayList<>();

    private BuyerKind(List<Rule> rules) {
        for (Rule r : rules) {
            (r.kind() == RuleKind.SOE || r.kind() == RuleKind.SOE_PREFIX ? soeRules : headRules).add(r);
        }
    }

    private static final class Bundled {
        static final BuyerKind INSTANCE = new BuyerKind(load());

        private static List<Rule> load() {
            InputStream in = BuyerKind.class.getResourceAsStream("/io/tenderlens/party/buyer-kind-rules.tsv");
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: buyer-kind-rules.tsv");
            }
            List<Rule> rules = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                int lineNo = 0;
                for (String line; (line = r.readLine()) != null; ) {
                    lineNo++;
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t");
                    if (f.length < 2 || f.length > 3 || (f.length == 3 && !f[2].matches("generic|prefix"))) {
                        throw new IllegalArgumentException(
                                "buyer-kind-rules.tsv line " + lineNo + ": expected kind<TAB>words[<TAB>generic|prefix]");
                    }
                    String constant = f[0].replace("-", "_").replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
                    String flag = f.length == 3 ? f[2] : "";
                    rules.add(new Rule(RuleKind.valueOf(constant), f[1], flag.equals("generic"), flag.equals("prefix")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rules;
        }
    }

    /** The classifier with the bundled rules. */
    public static BuyerKind bundled() {
        return Bundled.INSTANCE;
    }

    /** The kind of a buyer from its name. */
    public Decision classify(String buyerName) {
        String name = OrganizationNames.normalise(buyerName);
        Rule best = headRules.stream().filter(r -> r.prefix() && name.startsWith(r.words()))
                .max(java.util.Comparator.comparingInt(r -> r.words().length()))
                .orElseGet(() -> lastEnding(name, name.length(), false));
        if (best == null) {
            return new Decision(Kind.OTHER, "buyerKind.default", name);
        }
        if (best.generic()) {
            // 武汉大学中南医院信息中心 is part of a hospital, 清华大学…研究中心 part of a university
            Rule whole = lastEnding(name, name.lastIndexOf(best.words()), true);
            if (whole != null && (whole.kind() == RuleKind.HEALTH || whole.kind() == RuleKind.EDUCATION)) {
                best = whole;
            }
        }
        if (best.kind() == RuleKind.ENTERPRISE) {
            Rule soe = null;
            for (Rule r : soeRules) {
                boolean matches = r.kind() == RuleKind.SOE_PREFIX ? name.startsWith(r.words()) : name.contains(r.words());
                if (matches && (soe == null || r.words().length() > soe.words().length())) {
                    soe = r;
                }
            }
            return soe != null
                    ? new Decision(Kind.STATE_OWNED_ENTERPRISE, "buyerKind.stateOwnedEnterprise:" + soe.words(), soe.words())
                    : new Decision(Kind.OTHER, "buyerKind.enterprise:" + best.words(), best.words());
        }
        Kind kind = Kind.valueOf(best.kind().name());
        return new Decision(kind, "buyerKind." + kind.code() + ":" + best.words(), best.words());
    }

    /** The rule whose words end latest in {@code name} at or before {@code limit}, the longer on a tie. */
    private Rule lastEnding(String name, int limit, boolean specificOnly) {
        Rule best = null;
        int bestEnd = -1;
        for (Rule r : headRules) {
            if (r.prefix() || (specificOnly && r.generic())) {
                continue;
            }
            int at = name.lastIndexOf(r.words(), limit - r.words().length());
            if (at < 0) {
                continue;
            }
            int end = at + r.words().length();
            if (end > bestEnd || (end == bestEnd && r.words().length() > best.words().length())) {
                best = r;
                bestEnd = end;
            }
        }
        return best;
    }
}
