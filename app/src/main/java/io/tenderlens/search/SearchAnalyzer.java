package io.tenderlens.search;

import io.tenderlens.topic.Segmenter;
import io.tenderlens.topic.Topic;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analyzer of the search index and of queries: {@link ChineseSegmenter} (smartcn plus the topics'
 * domain dictionary, English lower-cased and stemmed) as a Lucene tokenizer. Two rules on top:
 * <ul>
 *   <li>Whitespace between two Chinese characters is dropped before segmenting: Chinese does not space
 *       its words, so the query {@code "智能 合约"} means the same as {@code 智能合约} (which the dictionary
 *       keeps as one word), and spaced-out headings ({@code 采 购 人}) read as words.</li>
 *   <li>Punctuation tokens are not indexed but leave a gap in positions, so a phrase never matches across
 *       a comma.</li>
 * </ul>
 * Offsets always point into the original text (the highlighter relies on them).
 */
public final class SearchAnalyzer extends Analyzer {
    /** Bumped whenever tokens change for the same text: an index built by another version is rebuilt. */
    private static final int VERSION = 1;

    private final Segmenter segmenter;
    private final String fingerprint;

    /** @param dictionary words to keep whole (a topic's {@code dictionary}) */
    public SearchAnalyzer(List<String> dictionary) {
        this(new ChineseSegmenter(dictionary), "v" + VERSION + ":" + String.join(",", new TreeSet<>(dictionary)));
    }

    private SearchAnalyzer(Segmenter segmenter, String fingerprint) {
        this.segmenter = segmenter;
        this.fingerprint = fingerprint;
    }

    /**
     * The same analyzer, remembering the tokens of every text it segments: for bulk indexing of text
     * drawn from a limited set of values (the benchmark's generated records), where segmenting the same
     * title again would dominate. Tokens are the same; memory grows with the distinct texts seen.
     */
    public SearchAnalyzer remembering() {
        Map<String, List<Segmenter.Token>> seen = new ConcurrentHashMap<>();
        Segmenter inner = segmenter;
        return new SearchAnalyzer(text -> seen.computeIfAbsent(text, inner::tokens), fingerprint);
    }

    /** The analyzer with the bundled blockchain topic's dictionary. */
    public static SearchAnalyzer bundled() {
        return new SearchAnalyzer(Topic.bundled("blockchain").dictionary());
    }

    /** Identifies the tokens this analyzer makes: an index made with another fingerprint must be rebuilt. */
    public String fingerprint() {
        return fingerprint;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new SegmentingTokenizer(segmenter));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return 100; // values of a multi-valued field (several suppliers) never join in a phrase
    }

    private static final class SegmentingTokenizer extends Tokenizer {
        private final Segmenter segmenter;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private Iterator<Segmenter.Token> tokens;
        private int[] originalOffset;
        private int finalOffset;

        SegmentingTokenizer(Segmenter segmenter) {
            this.segmenter = Objects.requireNonNull(segmenter);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            String text = readAll(input);
            finalOffset = correctOffset(text.length());
            StringBuilder compact = new StringBuilder(text.length());
            originalOffset = new int[text.length() + 1];
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) && isSpacedChinese(text, i)) {
                    continue;
                }
                originalOffset[compact.length()] = i;
                compact.append(c);
            }
            originalOffset[compact.length()] = text.length();
            tokens = segmenter.tokens(compact.toString()).iterator();
        }

        /** Whether the whitespace run holding {@code at} lies between two Chinese characters. */
        private static boolean isSpacedChinese(String text, int at) {
            int before = at - 1;
            while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
                before--;
            }
            int after = at + 1;
            while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
                after++;
            }
            return before >= 0 && after < text.length() && isHan(text.charAt(before)) && isHan(text.charAt(after));
        }

        private static boolean isHan(char c) {
            return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            int gap = 1;
            while (tokens.hasNext()) {
                Segmenter.Token t = tokens.next();
                if (!isWord(t.term())) {
                    gap++;
                    continue;
                }
                term.setEmpty().append(t.term());
                // a token that spans dropped whitespace ends at its last character, not after the gap
                int start = originalOffset[t.start()];
                int end = originalOffset[t.end() - 1] + 1;
                offset.setOffset(correctOffset(start), correctOffset(end));
                increment.setPositionIncrement(gap);
                return true;
            }
            return false;
        }

        private static boolean isWord(String term) {
            for (int i = 0; i < term.length(); i++) {
                if (Character.isLetterOrDigit(term.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(finalOffset, finalOffset);
        }

        @Override
        public void close() throws IOException {
            super.close();
            tokens = null;
            originalOffset = null;
        }

        private static String readAll(Reader reader) throws IOException {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n; (n = reader.read(buffer)) != -1; ) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        }
    }
}
