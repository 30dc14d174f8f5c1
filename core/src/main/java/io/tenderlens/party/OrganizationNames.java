package io.tenderlens.party;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organisation names made comparable, and stable party identifiers {@code CN-ORG-<hash>} made from them, so
 * that one supplier or buyer is one party across notices and sites.
 *
 * <p>The normal form: full-width characters made half-width (NFKC: {@code （）} → {@code ()}), every kind of
 * bracket made round, white space and quotation marks removed, Latin letters upper-cased, punctuation at
 * either end removed, a leading 中华人民共和国 removed (中华人民共和国外交部 = 外交部), and:
 * <ul>
 *   <li>company forms unified: 股份有限公司, 有限责任公司 and 股份公司 are written 有限公司 (a company is not
 *       registered twice under one name in two forms; notices write the form loosely);</li>
 *   <li>annotations at the end removed: {@code (本级)}, {@code 本级}, {@code (盖章)}, {@code (筹)}, and a
 *       bracket listing the body's other names (重庆大学附属肿瘤医院(重庆市肿瘤研究所、重庆市肿瘤医院…) is
 *       重庆大学附属肿瘤医院); a bracket that is part of the name stays (山东大学(威海), 德勤华永会计师事务所
 *       (特殊普通合伙), 国药朗洁(济南)医疗消毒供应有限公司);</li>
 *   <li>branches (分公司, 分行, 支行, 分院, 分校, 院区, 分局, 分中心) are parties of their own — they sign and
 *       are listed on their own — and {@link #parent} names the body they belong to.</li>
 * </ul>
 * The identifier is {@code CN-ORG-} and the first 16 hexadecimal digits of the SHA-256 of the normal form.
 */
public final class OrganizationNames {

    /** The identifier scheme prefix of our party ids. */
    public static final String ID_PREFIX = "CN-ORG-";

    private static final Pattern SPACE_OR_QUOTE = Pattern.compile("[\\s\\p{Z}\"'“”‘’「」『』《》〈〉]+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}&&[^(]]+|[\\p{P}&&[^)]]+$");
    private static final Pattern LEADING_STATE = Pattern.compile("^中华人民共和国(?=.{2,})");
    private static final Pattern ANNOTATION = Pattern.compile("本级|盖章|公章|签章|章|筹|筹建|采购人|招标人|甲方|采购单位");
    private static final Pattern ORGANIZATION_HEAD =
            Pattern.compile(".*(医院|中心|研究所|研究院|社|台|局|大学|学院|学校|公司|馆|院|所|委员会|厅|政府)$");
    private static final Pattern LEGAL_FORM = Pattern.compile("特殊普通合伙|普通合伙|有限合伙");
    private static final Pattern BRANCH = Pattern.compile(
            "^(.*(?:公司|医院|大学|学院|银行|局|中心|集团))(?:[^()]{0,12}?)(分公司|分行|支行|分院|分校|院区|分局|分中心)$");

    private static final Pattern SPACE_RUN = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern SHARE_COMPANY = Pattern.compile("股份公司$");

    private OrganizationNames() {}

    /** The name as people wrote it, trimmed, with runs of white space made one space. */
    public static String displayName(String name) {
        return name == null ? "" : SPACE_RUN.matcher(name.strip()).replaceAll(" ");
    }

    /** The normal form (see the class comment); equal for two writings of one organisation's name. */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        s = s.replace('[', '(').replace(']', ')').replace('{', '(').replace('}', ')')
                .replace('【', '(').replace('】', ')').replace('〔', '(').replace('〕', ')')
                .replace('〖', '(').replace('〗', ')');
        s = SPACE_OR_QUOTE.matcher(s).replaceAll("");
        s = s.toUpperCase(java.util.Locale.ROOT);
        s = trimEdges(s);
        s = LEADING_STATE.matcher(s).replaceFirst("");
        String before;
        do {
            before = s;
            s = dropTrailingAnnotation(s);
            if (s.endsWith("本级") && s.length() > 4) {
                s = s.substring(0, s.length() - 2);
            }
            s = trimEdges(s);
        } while (!s.equals(before));
        s = s.replace("股份有限公司", "有限公司").replace("有限责任公司", "有限公司");
        return SHARE_COMPANY.matcher(s).replaceAll("有限公司");
    }

    private static String trimEdges(String s) {
        String before;
        do {
            before = s;
            if (!s.isEmpty() && (isPunctuation(s.codePointAt(0)) || isPunctuation(s.codePointBefore(s.length())))) {
                s = EDGE_PUNCTUATION.matcher(s).replaceAll("");
            }
            if (s.startsWith("(") && s.indexOf(')') == s.length() - 1) {
                s = s.substring(1, s.length() - 1); // a name wholly in brackets
            }
        } while (!s.equals(before));
        return s;
    }

    /** What {@code \p{P}} matches: the Unicode punctuation categories. */
    private static boolean isPunctuation(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** Removes a trailing bracket that annotates the name or lists its other names. */
    private static String dropTrailingAnnotation(String s) {
        int open = openingOfTrailingBracket(s);
        if (open <= 0) {
            return s;
        }
        String head = s.substring(0, open);
        String inner = dropTrailingAnnotation(s.substring(open + 1, s.length() - 1)); // 杭州博物馆(杭州博物院(筹))
        if (LEGAL_FORM.matcher(inner).matches()) {
            return s;
        }
        boolean annotation = ANNOTATION.matcher(inner).matches();
        boolean otherNames = ORGANIZATION_HEAD.matcher(head).matches()
                && (inner.contains("、") || inner.contains(",") || ORGANIZATION_HEAD.matcher(inner).matches());
        return annotation || otherNames ? head : s;
    }

    /** Where the bracket that closes the name opens, or -1 when the name does not end with one. */
    private static int openingOfTrailingBracket(String s) {
        if (!s.endsWith(")")) {
            return -1;
        }
        int depth = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The party identifier: {@code CN-ORG-} and 16 hexadecimal digits of the SHA-256 of the normal form. */
    public static String id(String name) {
        String normal = normalise(name);
        if (normal.isEmpty()) {
            throw new IllegalArgumentException("no organisation name to identify: '" + name + "'");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return ID_PREFIX + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The body a branch belongs to, in normal form: 中国移动通信集团江苏有限公司南通分公司 → 中国移动通信集团江苏有限公司,
     * 东北大学秦皇岛分校 → 东北大学. Empty for a name that is not a branch's.
     */
    public static Optional<String> parent(String name) {
        Matcher m = BRANCH.matcher(normalise(name));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
