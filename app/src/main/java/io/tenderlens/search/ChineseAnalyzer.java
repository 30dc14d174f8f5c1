package io.tenderlens.search;

import io.tenderlens.topic.Segmenter;
import io.tenderlens.topic.TopicMatcher;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.util.List;

/**
 * A Lucene analyzer that splits text exactly as topic matching does ({@link ChineseSegmenter}: smartcn
 * plus a domain dictionary, full-width letters folded, lower case, English stemmed), so that a phrase
 * query for a topic term finds the notices the topic grader finds. Values of one field are kept apart
 * by a position gap, so a phrase never spans two values.
 */
public final class ChineseAnalyzer extends Analyzer {
    private static final int VALUE_GAP = 100;
    private final Segmenter segmenter;

    public ChineseAnalyzer(Segmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new SegmenterTokenizer(segmenter));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return VALUE_GAP;
    }

    @Override
    public int getOffsetGap(String fieldName) {
        return 1;
    }

    private static final class SegmenterTokenizer extends Tokenizer {
        private final Segmenter segmenter;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private List<Segmenter.Token> tokens;
        private int next;
        private int length;

        SegmenterTokenizer(Segmenter segmenter) {
            this.segmenter = segmenter;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (tokens == null) {
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[4096];
                for (int n; (n = input.read(buffer)) > 0; ) {
                    text.append(buffer, 0, n);
                }
                length = text.length();
                tokens = segmenter.tokens(TopicMatcher.normalise(text.toString()));
            }
            if (next >= tokens.size()) {
                return false;
            }
            clearAttributes();
            Segmenter.Token t = tokens.get(next++);
            term.setEmpty().append(t.term());
            offset.setOffset(correctOffset(t.start()), correctOffset(t.end()));
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int end = correctOffset(length);
            offset.setOffset(end, end);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            tokens = null;
            next = 0;
            length = 0;
        }
    }
}
