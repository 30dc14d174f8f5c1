package io.tenderlens.sector;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One rule: if any keyword occurs in one of the fields (or the buyer kind is one of those listed),
 * the record belongs to the class. Chinese keywords match anywhere; keywords in Latin letters match
 * whole words only, so {@code tax} does not match "taxi".
 *
 * @param fields     any of {@code buyer}, {@code title}, {@code text}
 * @param keywords   words to look for (case-insensitive)
 * @param buyerKinds buyer kinds that satisfy the rule on their own
 */
public record SectorRule(String id, String classId, List<String> fields, List<String> keywords, Set<String> buyerKinds) {
    public SectorRule {
        fields = List.copyOf(fields);
        keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        buyerKinds = Set.copyOf(buyerKinds);
        for (String f : fields) {
            if (!Set.of("buyer", "title", "text").contains(f)) {
                throw new IllegalArgumentException("rule '" + id + "': unknown field '" + f + "' (buyer, title, text)");
            }
        }
        if (keywords.isEmpty() && buyerKinds.isEmpty()) {
            throw new IllegalArgumentException("rule '" + id + "' has neither keywords nor buyer kinds");
        }
    }

    /** The field and keyword that made the rule match, if it does; {@code lowered} is the input in lower case. */
    Optional<String[]> match(SectorInput in, SectorInput lowered) {
        for (String field : fields) {
            List<String> texts = switch (field) {
                case "buyer" -> List.of(lowered.buyerName());
                case "title" -> lowered.titles();
                default -> lowered.texts();
            };
            for (String lower : texts) {
                for (String k : keywords) {
                    if (contains(lower, k)) {
                        return Optional.of(new String[] {field, k});
                    }
                }
            }
        }
        if (buyerKinds.contains(in.buyerKind())) {
            return Optional.of(new String[] {"buyerKind", in.buyerKind()});
        }
        return Optional.empty();
    }

    static boolean contains(String text, String keyword) {
        boolean latin = false;
        for (int k = 0; k < keyword.length() && !latin; k++) {
            latin = keyword.charAt(k) < 128 && Character.isLetter(keyword.charAt(k));
        }
        for (int i = text.indexOf(keyword); i >= 0; i = text.indexOf(keyword, i + 1)) {
            if (!latin || (!letterAt(text, i - 1) && !letterAt(text, i + keyword.length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean letterAt(String s, int i) {
        return i >= 0 && i < s.length() && s.charAt(i) < 128 && Character.isLetter(s.charAt(i));
    }
}
