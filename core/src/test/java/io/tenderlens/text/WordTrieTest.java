package io.tenderlens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WordTrieTest {
    private final WordTrie<String> words = WordTrie.of("公司", "有限公司", "分公司", "局", "中心", "A");

    @Test
    void findsTheLongestWordAtAPosition() {
        String text = "某某科技有限公司北京分公司";
        assertEquals(new WordTrie.Match<>(4, "有限公司"), words.longestAt(text, 4, 1));
        assertEquals(new WordTrie.Match<>(2, "公司"), words.longestAt(text, 6, 1));
        assertNull(words.longestAt(text, 0, 1));
        assertNull(words.longestAt(text, 4, 5), "no word of five characters starts there");
    }

    @Test
    void looksUpExactWordsAndWalksNodes() {
        assertEquals("分公司", words.get("分公司"));
        assertNull(words.get("分公"), "a prefix of a word is not a word");
        assertNull(words.get("分公司们"));
        WordTrie.Node<String> n = words.root().next('中');
        assertEquals(1, n.depth());
        assertNull(n.value());
        assertEquals("中心", n.next('心').value());
        assertNull(n.next('国'));
    }

    @Test
    void tellsWhetherAWordOccursOrEndsTheText() {
        assertTrue(words.occursIn("市疾病预防控制中心采购"));
        assertFalse(words.occursIn("采购项目"));
        assertFalse(words.occursIn(""));
        assertTrue(words.endsIn("某某有限公司"));
        assertTrue(words.endsIn("公安局"));
        assertFalse(words.endsIn("公司大楼"));
        assertFalse(words.endsIn("司"));
    }

    @Test
    void listsTheWordsThatOccurAndFindsTheLongestEndingAtAPlace() {
        assertEquals(java.util.List.of("有限公司", "公司", "分公司", "公司"), words.valuesIn("某有限公司北京分公司"));
        assertEquals(java.util.List.of(), words.valuesIn("采购项目"));
        String text = "北京分公司采购";
        assertEquals(3, words.longestEndingAt(text, 5, 12), "分公司 ends at 5");
        assertEquals(2, words.longestEndingAt(text, 5, 2), "only 公司 fits in two characters");
        assertEquals(0, words.longestEndingAt(text, 4, 12));
    }

    @Test
    void keepsNextCharactersSortedWhateverTheInsertionOrder() {
        WordTrie<Integer> t = new WordTrie<>();
        String letters = "zyxwvutsrqponmlkjihgfedcba";
        for (int i = 0; i < letters.length(); i++) {
            t.put("k" + letters.charAt(i), i);
        }
        for (int i = 0; i < letters.length(); i++) {
            assertEquals(i, t.get("k" + letters.charAt(i)));
        }
        assertEquals(25, t.put("ka", 99), "put returns the value it replaces");
        assertEquals(99, t.get("ka"));
    }
}
