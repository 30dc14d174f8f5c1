package io.tenderlens.topic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds a topic's terms in one text, on word boundaries: the text and every term are segmented by the
 * same {@link Segmenter} and a term matches where its own text occurs (ignoring case and width) and its
 * words occur consecutively. So {@code 上链} matches 数据上链 (数据|上|链) but not 网上链接 (网上|链|接).
 * A term's text inside an exclusion phrase (boilerplate such as {@code 区块链已存证}) is reported as
 * boilerplate, not as evidence.
 */
public final class TopicMatcher {
    /** One occurrence of a term: offsets into the text, and whether it lies inside boilerplate. */
    public record Occurrence(TopicTerm term, int start, int end, boolean boilerplate) {}

    private final Topic topic;
    private final Segmenter segmenter;
    private final String[] surfaces;              // lower-case term texts, for the cheap pre-check
    private final String[] exclusions;            // lower-case exclusion phrases
    private final Map<String, List<Integer>> termsByFirstWord = new HashMap<>();
    private final List<String[]> termWords = new ArrayList<>();

    public TopicMatcher(Topic topic, Segmenter segmenter) {
        this.topic = topic;
        this.segmenter = segmenter;
        this.surfaces = new String[topic.terms().size()];
        for (int i = 0; i < surfaces.length; i++) {
            String text = normalise(topic.terms().get(i).text());
            surfaces[i] = text.toLowerCase(Locale.ROOT);
            String[] words = segmenter.tokens(text).stream().map(Segmenter.Token::term).toArray(String[]::new);
            if (words.length == 0) {
                throw new IllegalArgumentException("topic '" + topic.id() + "': term '" + text + "' has no words");
            }
            termWords.add(words);
            termsByFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(i);
        }
        this.exclusions = topic.exclusions().stream()
                .map(e -> normalise(e).toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    public Topic topic() { return topic; }

    /** Every term occurrence in {@code text}, in text order (empty for null or blank text). */
    public List<Occurrence> find(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String normal = normalise(text);
        String lower = normal.toLowerCase(Locale.ROOT);
        if (!mayContainTerm(lower)) {
            return List.of();
        }
        List<int[]> excluded = exclusionSpans(lower);
        List<Occurrence> out = new ArrayList<>();
        // a term's text inside boilerplate is boilerplate, whatever the segmentation: no need to segment it
        for (int k = 0; k < surfaces.length; k++) {
            for (int i = lower.indexOf(surfaces[k]); i >= 0; i = lower.indexOf(surfaces[k], i + 1)) {
                if (inside(excluded, i, i + surfaces[k].length())) {
                    out.add(new Occurrence(topic.terms().get(k), i, i + surfaces[k].length(), true));
                }
            }
        }
        List<Segmenter.Token> tokens = tokensNearTerms(normal, lower, excluded);
        for (int t = 0; t < tokens.size(); t++) {
            List<Integer> candidates = termsByFirstWord.get(tokens.get(t).term());
            if (candidates == null) {
                continue;
            }
            for (int termIndex : candidates) {
                String[] words = termWords.get(termIndex);
                if (matchesAt(tokens, t, words)) {
                    int start = tokens.get(t).start();
                    int end = tokens.get(t + words.length - 1).end();
                    // the words must stand for the term's own text: "baa" in a hash is not BaaS (stemmed to baa)
                    if (!inside(excluded, start, end) && lower.substring(start, end).contains(surfaces[termIndex])) {
                        out.add(new Occurrence(topic.terms().get(termIndex), start, end, false));
                    }
                }
            }
        }
        out.sort(inTextOrder);
        return out;
    }

    /** Occurrences by position, then by the term's place in the topic. */
    private final Comparator<Occurrence> inTextOrder = Comparator.comparingInt(Occurrence::start)
            .thenComparingInt(Occurrence::end).thenComparingInt(o -> topicTermIndex(o.term()));

    private int topicTermIndex(TopicTerm term) {
        return topic.terms().indexOf(term);
    }

    /**
     * The words of the clauses around each place a term's text occurs: segmenting only those keeps
     * long notices cheap. A clause runs from one punctuation mark to the next, both included: a
     * segmenter never joins a word across a punctuation mark, so (smartcn's best path passes through
     * it) the words inside are those it finds in the whole text. A clause longer than
     * {@link #SENTENCE_MAX} characters either side is cut at that distance.
     */
    private List<Segmenter.Token> tokensNearTerms(String normal, String lower, List<int[]> excluded) {
        List<int[]> windows = new ArrayList<>();
        for (String surface : surfaces) {
            for (int i = lower.indexOf(surface); i >= 0; i = lower.indexOf(surface, i + 1)) {
                if (!inside(excluded, i, i + surface.length())) {
                    windows.add(new int[] {sentenceStart(lower, i), sentenceEnd(lower, i + surface.length())});
                }
            }
        }
        windows.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Segmenter.Token> tokens = new ArrayList<>();
        int coveredTo = 0;
        for (int k = 0; k < windows.size(); k++) {
            int start = Math.max(windows.get(k)[0], coveredTo);
            int end = windows.get(k)[1];
            while (k + 1 < windows.size() && windows.get(k + 1)[0] <= end) {
                end = Math.max(end, windows.get(++k)[1]);
            }
            if (start >= end) {
                continue;
            }
            for (Segmenter.Token t : segmenter.tokens(normal.substring(start, end))) {
                tokens.add(new Segmenter.Token(t.term(), t.start() + start, t.end() + start));
            }
            coveredTo = end;
        }
        return tokens;
    }

    /** Longest sentence segmented around a term; beyond it the text is cut mid-sentence. */
    static final int SENTENCE_MAX = 200;
    private static final String SENTENCE_ENDS = "。，；：！？,;:!?\n";

    private static int sentenceStart(String text, int from) {
        int limit = Math.max(0, from - SENTENCE_MAX);
        for (int i = from - 1; i >= limit; i--) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return limit;
    }

    private static int sentenceEnd(String text, int from) {
        int limit = Math.min(text.length(), from + SENTENCE_MAX);
        for (int i = from; i < limit; i++) {
            if (SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return limit;
    }

    /**
     * A regular expression (RE2 syntax, as DuckDB's {@code regexp_matches}) that finds any term's text,
     * ignoring case, in half- or full-width letters: text it does not match cannot contain a term, so a
     * store can skip it without segmenting. It may match more than {@link #find} does (no word boundaries).
     */
    public String anyTermRegex() {
        StringBuilder re = new StringBuilder("(?i)(");
        for (int i = 0; i < surfaces.length; i++) {
            re.append(i == 0 ? "" : "|").append(literal(surfaces[i]));
            String wide = fullWidth(surfaces[i]);
            if (!wide.equals(surfaces[i])) {
                re.append('|').append(literal(wide));
            }
        }
        return re.append(')').toString();
    }

    private static String literal(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\.^$|?*+()[]{}".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** The full-width form of ASCII letters and digits (the inverse of {@link #normalise}). */
    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : c == ' ' ? '\u3000' : c);
        }
        return b.toString();
    }

    private boolean mayContainTerm(String lower) {
        for (String s : surfaces) {
            if (lower.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(List<Segmenter.Token> tokens, int at, String[] words) {
        if (at + words.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!tokens.get(at + k).term().equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    private List<int[]> exclusionSpans(String lower) {
        List<int[]> spans = new ArrayList<>();
        for (String phrase : exclusions) {
            for (int i = lower.indexOf(phrase); i >= 0; i = lower.indexOf(phrase, i + 1)) {
                spans.add(new int[] {i, i + phrase.length()});
            }
        }
        return spans;
    }

    private static boolean inside(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (start >= s[0] && end <= s[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Full-width ASCII forms (Ｂｌｏｃｋｃｈａｉｎ, the ideographic space) become their ASCII
     * equivalents; the length does not change, so offsets stay valid for the original text.
     */
    public static String normalise(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char n = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            if (n != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = n;
            }
        }
        return chars == null ? text : new String(chars);
    }
}
