package io.tenderlens.search;

import io.tenderlens.topic.Segmenter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chinese and English word segmentation: Lucene's smartcn (a hidden Markov model over a general
 * dictionary; English words lower-cased and Porter-stemmed) plus a domain dictionary. smartcn cuts
 * 区块链 into 区块|链 and has no user dictionary, so dictionary words are found first (longest match,
 * left to right) and kept whole; the text between them goes to smartcn. Punctuation stays as tokens
 * so that a term never matches across a comma. Thread-safe.
 */
public final class ChineseSegmenter implements Segmenter {
    private final Analyzer analyzer = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);
    private final Map<Character, List<String>> wordsByFirstChar = new HashMap<>();
    private static final int CACHED_MAX_CHARS = 200;
    private static final int CACHE_ENTRIES = 50_000;
    private final Map<String, List<Token>> cache = new ConcurrentHashMap<>();

    /** @param dictionary words to keep whole, e.g. a topic's {@code dictionary} */
    public ChineseSegmenter(Collection<String> dictionary) {
        for (String w : dictionary) {
            String word = w.strip().toLowerCase(Locale.ROOT);
            if (word.length() > 1) {
                wordsByFirstChar.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(word);
            }
        }
        wordsByFirstChar.values().forEach(l -> l.sort(Comparator.comparingInt(String::length).reversed()));
    }

    @Override
    public List<Token> tokens(String text) {
        // notices repeat their templates (stamps, headings): the same clause is segmented once
        if (text.length() <= CACHED_MAX_CHARS) {
            List<Token> cached = cache.get(text);
            if (cached == null) {
                cached = List.copyOf(segment(text));
                if (cache.size() >= CACHE_ENTRIES) {
                    cache.clear();
                }
                cache.put(text, cached);
            }
            return cached;
        }
        return segment(text);
    }

    private List<Token> segment(String text) {
        List<Token> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int gapStart = 0;
        int i = 0;
        while (i < lower.length()) {
            String word = dictionaryWordAt(lower, i);
            if (word == null) {
                i++;
                continue;
            }
            analyze(text, gapStart, i, out);
            out.add(new Token(word, i, i + word.length()));
            i += word.length();
            gapStart = i;
        }
        analyze(text, gapStart, text.length(), out);
        return out;
    }

    private String dictionaryWordAt(String lower, int at) {
        List<String> candidates = wordsByFirstChar.get(lower.charAt(at));
        if (candidates != null) {
            for (String w : candidates) {
                if (lower.startsWith(w, at)) {
                    return w;
                }
            }
        }
        return null;
    }

    private void analyze(String text, int from, int to, List<Token> out) {
        if (from >= to) {
            return;
        }
        String part = text.substring(from, to);
        try (TokenStream ts = analyzer.tokenStream("", part)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), from + offset.startOffset(), from + offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("segmenting text", e); // cannot happen on a String reader
        }
    }
}
