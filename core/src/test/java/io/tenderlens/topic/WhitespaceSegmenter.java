package io.tenderlens.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test segmenter: words are separated by spaces and punctuation, so a test states the segmentation it
 * means ("数据 上链 平台"). Real Chinese segmentation is tested in the app module with smartcn.
 */
public final class WhitespaceSegmenter implements Segmenter {
    @Override
    public List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(new Token(text.substring(start, i).toLowerCase(Locale.ROOT), start, i));
                start = -1;
            }
        }
        return out;
    }
}
