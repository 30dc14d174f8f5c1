package io.tenderlens.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Words to values, for finding the words that start at a position of a text in one pass over its characters
 * (division names in every buyer name, notice-type words in every title, field labels in every line). A node
 * keeps its next characters sorted in an array: looking one up boxes nothing and allocates nothing.
 */
public final class WordTrie<V> {

    /** A place in the trie: the characters read so far. */
    public static final class Node<V> {
        private char[] keys = new char[0];
        private Node<V>[] next = newArray(0);
        private V value;
        private int depth;

        /** The node after one more character, or null when no word goes on with it. */
        public Node<V> next(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i >= 0 ? next[i] : null;
        }

        /** The value of the word that ends here, or null. */
        public V value() {
            return value;
        }

        /** How many characters lead here from the root. */
        public int depth() {
            return depth;
        }

        private Node<V> child(char c) {
            int i = Arrays.binarySearch(keys, c);
            if (i >= 0) {
                return next[i];
            }
            int at = -i - 1;
            Node<V> n = new Node<>();
            n.depth = depth + 1;
            keys = insert(keys, at, c);
            Node<V>[] grown = newArray(next.length + 1);
            System.arraycopy(next, 0, grown, 0, at);
            grown[at] = n;
            System.arraycopy(next, at, grown, at + 1, next.length - at);
            next = grown;
            return n;
        }

        private static char[] insert(char[] a, int at, char c) {
            char[] b = new char[a.length + 1];
            System.arraycopy(a, 0, b, 0, at);
            b[at] = c;
            System.arraycopy(a, at, b, at + 1, a.length - at);
            return b;
        }

        @SuppressWarnings("unchecked")
        private static <V> Node<V>[] newArray(int n) {
            return (Node<V>[]) new Node<?>[n];
        }
    }

    /** A word found in a text: its length and value. */
    public record Match<V>(int length, V value) {}

    private final Node<V> root = new Node<>();
    private int longest;

    /** A set of words: each word is its own value. */
    public static WordTrie<String> of(String... words) {
        WordTrie<String> t = new WordTrie<>();
        for (String w : words) {
            t.put(w, w);
        }
        return t;
    }

    /** The empty word: where every walk starts. */
    public Node<V> root() {
        return root;
    }

    /** Sets the value of a word; returns the value it replaces, or null. */
    public V put(String word, V value) {
        Node<V> node = root;
        for (int i = 0; i < word.length(); i++) {
            node = node.child(word.charAt(i));
        }
        V old = node.value;
        node.value = value;
        longest = Math.max(longest, word.length());
        return old;
    }

    /** The value of exactly this word, or null. */
    public V get(String word) {
        Node<V> node = root;
        for (int i = 0; i < word.length() && node != null; i++) {
            node = node.next(word.charAt(i));
        }
        return node == null ? null : node.value;
    }

    /** The longest word of at least {@code minLength} characters starting at {@code from}, or null. */
    public Match<V> longestAt(String text, int from, int minLength) {
        Node<V> node = root;
        Match<V> best = null;
        for (int i = from; i < text.length(); i++) {
            node = node.next(text.charAt(i));
            if (node == null) {
                break;
            }
            if (node.value != null && i + 1 - from >= minLength) {
                best = new Match<>(i + 1 - from, node.value);
            }
        }
        return best;
    }

    /** True when one of the words occurs somewhere in the text. */
    public boolean occursIn(String text) {
        return scan(text, v -> true);
    }

    /** The values of the words that occur in the text, by where they start, then by length. */
    public List<V> valuesIn(String text) {
        List<V> out = new ArrayList<>();
        scan(text, v -> {
            out.add(v);
            return false;
        });
        return out;
    }

    /** Offers the value of each word occurring in the text, in the order of {@link #valuesIn}, until {@code stop} is true. */
    private boolean scan(String text, Predicate<V> stop) {
        for (int i = 0; i < text.length(); i++) {
            Node<V> node = root;
            for (int j = i; j < text.length(); j++) {
                node = node.next(text.charAt(j));
                if (node == null) {
                    break;
                }
                if (node.value != null && stop.test(node.value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the text ends with one of the words. */
    public boolean endsIn(String text) {
        return longestEndingAt(text, text.length(), longest) > 0;
    }

    /** The length of the longest word that ends at {@code end} in the text and is at most {@code maxLength} long; 0 if none. */
    public int longestEndingAt(String text, int end, int maxLength) {
        for (int k = Math.max(0, end - maxLength); k < end; k++) {
            Node<V> node = root;
            for (int j = k; j < end && node != null; j++) {
                node = node.next(text.charAt(j));
            }
            if (node != null && node.value != null) {
                return end - k;
            }
        }
        return 0;
    }
}
